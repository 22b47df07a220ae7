"""Every leader and every event of an organisation, a page at a time: the lists its page
links to where it shows only some (`organisation_page.LEADERS_SHOWN`, `EVENTS_SHOWN`).

- `/organisation/{id}/leaders?on=DATE&page=N&per_page=M`: its leaders with their status
  on `on` (default today), in the page's order: in post on the date first, then the
  others, each by start date, then role; evidence is read for the leaders of the page
  only. `.csv`: every leader.
- `/organisation/{id}/events?page=N&per_page=M`: its events (its predecessors' included,
  one per real-world change), newest report first; evidence is read for the events of
  the page only. `.csv`: every event.

Each JSON says how many there are (`total`), the page and the links to the next and
previous pages (`next`, `prev`: null at either end), like the index pages (`indexes.py`).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Query, Request
from starlette.responses import Response

from sectorwatch.query.common import check_date
from sectorwatch.query.tables import MAX_PER_PAGE
from sectorwatch.serve import shapes
from sectorwatch.serve.answers import kept
from sectorwatch.serve.lookup import entity_of_kind
from sectorwatch.serve.page_parts import connect, event_row, renderer

PER_PAGE = 50  # rows of a list's page unless `per_page` says otherwise


def pages(total: int, page: int, per_page: int, path: str, params: dict[str, str]) -> dict:  # type: ignore[type-arg]
    """The paging fields of a list's JSON: `total`, `page`, `per_page`, `pages` and the
    `next` and `prev` pages' links (null at either end)."""
    count = max(1, -(-total // per_page))

    def link(to: int) -> str:
        chosen = {**params, "page": str(to) if to > 1 else ""}
        if per_page != PER_PAGE:
            chosen["per_page"] = str(per_page)
        query = urlencode({k: v for k, v in chosen.items() if v})
        return path + (f"?{query}" if query else "")

    return {
        "total": total,
        "page": page,
        "per_page": per_page,
        "pages": count,
        "next": link(page + 1) if page < count else None,
        "prev": link(min(page, count + 1) - 1) if page > 1 else None,
    }


def leader_row(x: dict[str, Any]) -> dict[str, Any]:
    """A leader (as `shapes.leader` gives it) as one CSV row."""
    ev = x["evidence"] or {}
    return {
        "person": x["person"]["name"],
        "person_id": x["person"]["id"],
        "role": x["role"],
        "post_id": x["post_id"],
        "status": x["status"],
        "valid_from": x["valid_from"],
        "valid_to": x["valid_to"],
        "article_id": ev.get("article_id"),
        "sentence": ev.get("sentence"),
    }


def register(app: FastAPI) -> None:
    @app.get(
        "/organisation/{entity_id}/leaders",
        summary="Every leader of an organisation with their status on a date, a page at a time",
    )
    def organisation_leaders(
        request: Request,
        entity_id: str,
        on: str = Query("", max_length=10),
        page: int = Query(1, ge=1, le=100_000),
        per_page: int = Query(PER_PAGE, ge=1, le=MAX_PER_PAGE),
    ) -> Response:
        from sectorwatch.query.organisation import leader_list

        day = check_date(on or None, "on")
        every = request.scope.get("sw_format") == "csv"
        window = slice(None) if every else slice((page - 1) * per_page, page * per_page)

        def answer() -> dict[str, Any]:
            found = entity_of_kind(conn, "organisation", entity_id)
            listed = leader_list(conn, found, day, window)
            path = f"/organisation/{quote(listed.id, safe='')}/leaders"
            return {
                "organisation": {"id": listed.id, "name": listed.name},
                "on": listed.on,
                **pages(listed.total, page, per_page, path, {"on": day or ""}),
                "leaders": [shapes.leader(x) for x in listed.leaders],
            }

        with connect(app) as conn:
            key = ("organisation leaders", entity_id, day, every or (page, per_page))
            data = kept(conn, key, answer).value
        return renderer(app).respond(
            request,
            "organisation_leaders.html",
            data,
            csv_rows=lambda: [leader_row(x) for x in data["leaders"]],
            csv_name=f"{data['organisation']['name']}-leaders",
            extra=lambda: {"chosen_on": day or ""},
        )

    @app.get(
        "/organisation/{entity_id}/events",
        summary="Every event of an organisation, newest first, a page at a time",
    )
    def organisation_events(
        request: Request,
        entity_id: str,
        page: int = Query(1, ge=1, le=100_000),
        per_page: int = Query(PER_PAGE, ge=1, le=MAX_PER_PAGE),
    ) -> Response:
        from sectorwatch.query.organisation import event_list

        every = request.scope.get("sw_format") == "csv"
        window = slice(None) if every else slice((page - 1) * per_page, page * per_page)

        def answer() -> dict[str, Any]:
            found = entity_of_kind(conn, "organisation", entity_id)
            listed = event_list(conn, found, window)
            path = f"/organisation/{quote(listed.id, safe='')}/events"
            return {
                "organisation": {"id": listed.id, "name": listed.name},
                **pages(listed.total, page, per_page, path, {}),
                "events": [shapes.event(e) for e in listed.events],
            }

        with connect(app) as conn:
            key = ("organisation events", entity_id, every or (page, per_page))
            data = kept(conn, key, answer).value
        return renderer(app).respond(
            request,
            "organisation_events.html",
            data,
            csv_rows=lambda: [event_row(e) for e in data["events"]],
            csv_name=f"{data['organisation']['name']}-events",
        )
