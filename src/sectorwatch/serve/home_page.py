"""The home page `/`: recent leadership events and the most-quoted people (its `.json` twin,
the events as `.csv`)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from starlette.responses import Response

from sectorwatch.query import browse
from sectorwatch.serve import shapes
from sectorwatch.serve.answers import kept
from sectorwatch.serve.page_parts import connect, event_row, renderer


def register(app: FastAPI) -> None:
    @app.get("/", summary="Home: recent leadership events and the most-quoted people")
    def home(request: Request) -> Response:
        with connect(app) as conn:
            data = kept(
                conn,
                ("home",),
                lambda: shapes.home(browse.recent_events(conn, 20), browse.most_quoted(conn, 10)),
            ).value
        return renderer(app).respond(
            request,
            "home.html",
            data,
            csv_rows=lambda: [event_row(e) for e in data["recent_events"]],
            csv_name="recent-events",
            extra=lambda: {"feed_url": "/events.atom", "feed_title": "New events"},
        )
