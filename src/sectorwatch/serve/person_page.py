"""A person's page `/person/{id}`: roles over time (with their timeline chart), events and
quotes (its `.json` twin, the quotes as `.csv`, the events as `.atom`)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from starlette.responses import Response

from sectorwatch.serve import shapes
from sectorwatch.serve.answers import kept
from sectorwatch.serve.charts import timeline_bars
from sectorwatch.serve.lookup import entity_of_kind
from sectorwatch.serve.page_parts import connect, events_feed, feed_link, quote_row, renderer


def register(app: FastAPI) -> None:
    @app.get("/person/{entity_id}", summary="A person: roles over time, events, quotes")
    def person(request: Request, entity_id: str) -> Response:
        from sectorwatch.query.person import person as ask

        with connect(app) as conn:
            page = kept(
                conn,
                ("person", entity_id),
                lambda: shapes.person(ask(conn, entity_of_kind(conn, "person", entity_id))),
            )
        data = page.value
        return renderer(app).respond(
            request,
            "person.html",
            data,
            csv_rows=lambda: [quote_row(x) for x in data["quotes"]],
            csv_name=f"{data['name']}-quotes",
            extra=lambda: {
                "timeline": page.once("timeline", lambda: timeline_bars(data["roles"])),
                **feed_link(request, data["name"]),
            },
            feed=lambda: events_feed(request, data["name"], data["events"]),
        )
