"""An organisation's page `/organisation/{id}?on=DATE`: its org chart on a date, leadership
timeline and aliases (its `.json` twin, the timeline as `.csv`, the events as `.atom`).
The page shows `LEADERS_SHOWN` leaders (in post on the date first) and the newest
`EVENTS_SHOWN` events, with how many there are and a link to the list of every one
(`organisation_lists.py`); the `.csv` and `.atom` have every event. The chart to take away
is `charts.py`'s, a post's history `history_page.py`'s."""

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
from sectorwatch.serve.render import wanted_format

LEADERS_SHOWN = 20  # leaders on the page; every one is a click away (/organisation/{id}/leaders)
EVENTS_SHOWN = 20  # events on the page, the newest; every one at /organisation/{id}/events


def register(app: FastAPI) -> None:
    @app.get(
        "/organisation/{entity_id}",
        summary="An organisation: org chart on a date, leadership timeline, aliases",
    )
    def organisation(
        request: Request, entity_id: str, on: str = Query("", max_length=10)
    ) -> Response:
        from sectorwatch.query.organisation import event_list
        from sectorwatch.query.organisation import organisation as ask
        from sectorwatch.query.orgchart import orgchart
        from sectorwatch.render import to_svg

        on = check_date(on or None, "on") or today()

        def answer() -> tuple[Any, str, dict[str, Any]]:
            found = entity_of_kind(conn, "organisation", entity_id)
            chart = orgchart(conn, found, on)
            shown = ask(conn, found, on, leaders_shown=LEADERS_SHOWN, events_shown=EVENTS_SHOWN)
            return chart, found, shapes.organisation(shown, chart)

        events: list[dict[str, Any]] = []
        with connect(app) as conn:
            page = kept(conn, ("organisation", entity_id, on), answer)
            chart, found, data = page.value
            if wanted_format(request) in ("csv", "atom"):  # every event, not those shown
                events = [shapes.event(e) for e in event_list(conn, found).events]
        return renderer(app).respond(
            request,
            "organisation.html",
            data,
            csv_rows=lambda: [event_row(e) for e in events],
            csv_name=f"{data['name']}-timeline",
            # to_svg escapes every text node (render/orgchart.py); `on` is a checked date
            extra=lambda: {
                "svg": page.once("svg", lambda: Markup(to_svg(chart, links=True))),
                "chart": chart,
                **feed_link(request, data["name"]),
                "png": png_available(),
            },
            feed=lambda: events_feed(request, data["name"], events),
        )
