"""An organisation's page `/organisation/{id}?on=DATE`: its org chart on a date, leadership
timeline and aliases (its `.json` twin, the timeline as `.csv`, the events as `.atom`).
The chart to take away is `charts.py`'s, a post's history `history_page.py`'s."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Query, Request
from markupsafe import Markup
from starlette.responses import Response

from sectorwatch.query.common import check_date, today
from sectorwatch.serve import shapes
from sectorwatch.serve.answers import kept
from sectorwatch.serve.charts import png_available
from sectorwatch.serve.lookup import entity_of_kind
from sectorwatch.serve.page_parts import connect, event_row, events_feed, feed_link, renderer


def register(app: FastAPI) -> None:
    @app.get(
        "/organisation/{entity_id}",
        summary="An organisation: org chart on a date, leadership timeline, aliases",
    )
    def organisation(
        request: Request, entity_id: str, on: str = Query("", max_length=10)
    ) -> Response:
        from sectorwatch.query.organisation import organisation as ask
        from sectorwatch.query.orgchart import orgchart
        from sectorwatch.render import to_svg

        on = check_date(on or None, "on") or today()

        def answer() -> tuple[Any, dict[str, Any]]:
            found = entity_of_kind(conn, "organisation", entity_id)
            chart = orgchart(conn, found, on)
            return chart, shapes.organisation(ask(conn, found, on), chart)

        with connect(app) as conn:
            page = kept(conn, ("organisation", entity_id, on), answer)
        chart, data = page.value
        return renderer(app).respond(
            request,
            "organisation.html",
            data,
            csv_rows=lambda: [event_row(e) for e in data["timeline"]],
            csv_name=f"{data['name']}-timeline",
            # to_svg escapes every text node (render/orgchart.py); `on` is a checked date
            extra=lambda: {
                "svg": page.once("svg", lambda: Markup(to_svg(chart, links=True))),
                "chart": chart,
                **feed_link(request, data["name"]),
                "png": png_available(),
            },
            feed=lambda: events_feed(request, data["name"], data["timeline"]),
        )
