"""The pages: home, search, person, organisation, event, article. Each answers HTML, JSON
(`.json` or Accept: application/json) and, for lists, CSV (`.csv`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from fastapi import FastAPI, HTTPException, Query, Request
from markupsafe import Markup
from sqlalchemy import Connection
from starlette.responses import Response

from sectorwatch import dates
from sectorwatch.errors import QueryError
from sectorwatch.query import browse
from sectorwatch.query.common import check_date, today
from sectorwatch.query.render import fit, text_width
from sectorwatch.serve import highlight, shapes

T = TypeVar("T")


def _event_row(e: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": e["id"],
        "type": e["type"],
        "person": (e["person"] or {}).get("name"),
        "person_id": (e["person"] or {}).get("id"),
        "role": e["role"],
        "organisation": (e["organisation"] or {}).get("name"),
        "organisation_id": (e["organisation"] or {}).get("id"),
        "status": e["status"],
        "effective": e["effective"],
        "observed": e["observed"],
        "article_id": e["article"]["id"],
        "sentence": e["sentence"],
    }


def _quote_row(x: dict[str, Any]) -> dict[str, Any]:
    s = x["speaker"]
    return {
        "id": x["id"],
        "speaker": s["name"],
        "speaker_id": s["id"],
        "role": s.get("role"),
        "organisation": (s.get("organisation") or {}).get("name"),
        "stance": x["stance"],
        "type": x["type"],
        "text": x["text"],
        "article_id": x["article"]["id"],
        "published": x["article"]["published"],
        "organisation_kind": x.get("organisation_kind"),
    }


def _found(kind: str, ident: str, ask: Callable[[], T]) -> T:
    """`ask()`'s answer, or a 404 when it names no such `kind`."""
    try:
        return ask()
    except QueryError as exc:
        raise HTTPException(404, f"no {kind} with id {ident!r}") from exc


def _entity_of_kind(conn: Connection, kind: str, entity_id: str) -> str:
    """The canonical id of the `kind` with this id (a merged id gives its canonical one)."""
    found = _found(kind, entity_id, lambda: browse.entity(conn, entity_id))
    if found.kind != kind:
        raise HTTPException(404, f"no {kind} with id {entity_id!r}")
    return found.id


def timeline_bars(roles: list[dict[str, Any]], width: int = 760) -> dict[str, Any]:
    """Roles as bars on one time axis (for the person page's SVG)."""
    spans = []
    for r in roles:
        start = r["valid_from"] or (r["evidence"] or {}).get("published")
        end = r["valid_to"]
        if not start or not dates.is_partial_date(start):
            start = end if end and dates.is_partial_date(end) else today()
        first = dates.interval(start)[0]
        if end and dates.is_partial_date(end):
            last = dates.interval(end)[1]
        elif r["status"] in ("current", "leaving", "interim", "acting", "incoming"):
            last = date.today()
        else:
            last = first
        spans.append((r, first, max(last, first)))
    if not spans:
        return {"width": width, "height": 0, "bars": [], "ticks": []}
    lo = min(s[1] for s in spans).replace(month=1, day=1)
    hi = max(s[2] for s in spans).replace(month=12, day=31)
    total = max((hi - lo).days, 1)
    left, inner = 10, width - 20

    def x(d: date) -> int:
        return left + round(inner * (d - lo).days / total)

    bars = []
    for i, (r, first, last) in enumerate(spans):
        org = (r["organisation"] or {}).get("name")
        title = r["role"] + (f", {org}" if org else "") + f" ({r['status']})"
        bars.append(
            {
                "x": x(first),
                "y": 42 + i * 36,
                "w": max(x(last) - x(first), 6),
                "title": title,
                "open": not r["valid_to"] and r["status"] != "former",
                **_bar_label(title, x(first), width),
            }
        )
    ticks = [{"x": x(date(y, 1, 1)), "year": y} for y in range(lo.year, hi.year + 1)]
    return {"width": width, "height": 30 + len(bars) * 36, "bars": bars, "ticks": ticks}


def _bar_label(text: str, start: int, width: int, margin: int = 8) -> dict[str, Any]:
    """Where a bar's label goes: from the bar's start; else ending at the right edge; else
    from the left edge, cut with an ellipsis (the full text is the bar's <title>)."""
    room = width - 2 * margin
    if start + text_width(text) <= width - margin:
        return {"label": text, "text_x": start, "anchor_end": False}
    if text_width(text) <= room:
        return {"label": text, "text_x": width - margin, "anchor_end": True}
    return {"label": fit(text, room, 1)[0], "text_x": margin, "anchor_end": False}


def register(app: FastAPI) -> None:
    def connect() -> Connection:
        """One connection (from the app's pool) for every question a page asks."""
        return app.state.engine.connect()  # type: ignore[no-any-return]

    def renderer():  # type: ignore[no-untyped-def]
        return app.state.renderer

    @app.get("/", summary="Home: recent leadership events and the most-quoted people")
    def home(request: Request) -> Response:
        with connect() as conn:
            data = shapes.home(browse.recent_events(conn, 20), browse.most_quoted(conn, 10))
        return renderer().respond(
            request,
            "home.html",
            data,
            csv_rows=lambda: [_event_row(e) for e in data["recent_events"]],
            csv_name="recent-events",
        )

    @app.get("/search", summary="Search quotes, people, organisations and articles")
    def search(
        request: Request,
        q_: str = Query("", alias="q", max_length=200),
        type: str = Query("", max_length=20),
        organisation: str = Query("", max_length=200),
        stance: str = Query("", max_length=20),
        year: str = Query("", max_length=4),
    ) -> Response:
        from sectorwatch.query.search import search as ask

        selected = {"type": type, "organisation": organisation, "stance": stance, "year": year}
        with connect() as conn:
            result = ask(
                conn,
                q_,
                kind=type or None,
                organisation=organisation or None,
                stance=stance or None,
                year=year or None,
            )
        data = shapes.search(result, selected)
        columns = ("type", "id", "title", "text", "organisation", "stance", "year", "url")
        return renderer().respond(
            request,
            "search.html",
            data,
            csv_rows=lambda: [{k: r.get(k) for k in columns} for r in data["results"]],
            csv_name="search",
        )

    @app.get("/person/{entity_id}", summary="A person: roles over time, events, quotes")
    def person(request: Request, entity_id: str) -> Response:
        from sectorwatch.query.person import person as ask

        with connect() as conn:
            found = _entity_of_kind(conn, "person", entity_id)
            data = shapes.person(ask(conn, found))
        return renderer().respond(
            request,
            "person.html",
            data,
            csv_rows=lambda: [_quote_row(x) for x in data["quotes"]],
            csv_name=f"{data['id']}-quotes",
            extra=lambda: {"timeline": timeline_bars(data["roles"])},
        )

    @app.get(
        "/organisation/{entity_id}",
        summary="An organisation: org chart on a date, leadership timeline, aliases",
    )
    def organisation(
        request: Request, entity_id: str, on: str = Query("", max_length=10)
    ) -> Response:
        from sectorwatch.query.organisation import organisation as ask
        from sectorwatch.query.orgchart import orgchart
        from sectorwatch.query.render import to_svg

        on = check_date(on or None, "on") or today()
        with connect() as conn:
            found = _entity_of_kind(conn, "organisation", entity_id)
            chart = orgchart(conn, found, on)
            data = shapes.organisation(ask(conn, found), chart)
        return renderer().respond(
            request,
            "organisation.html",
            data,
            csv_rows=lambda: [_event_row(e) for e in data["timeline"]],
            csv_name=f"{data['id']}-timeline",
            # to_svg escapes every text node (query/render.py); `on` is a checked date
            extra=lambda: {"svg": Markup(to_svg(chart, links=True)), "chart": chart},
        )

    @app.get(
        "/event/{claim_id}",
        summary="An event and the sector's reactions, grouped by stance and kind",
    )
    def event(request: Request, claim_id: str) -> Response:
        from sectorwatch.query.reactions import event_reactions

        with connect() as conn:
            answer = _found("event", claim_id, lambda: event_reactions(conn, claim_id))
        data = shapes.event_page(answer)
        return renderer().respond(
            request,
            "event.html",
            data,
            csv_rows=lambda: [_quote_row(x) for x in data["quotes"]],
            csv_name="reactions",
        )

    @app.get(
        "/article/{article_id}",
        summary="An article with every extracted span highlighted and linked",
    )
    def article(request: Request, article_id: str) -> Response:
        with connect() as conn:
            answer = _found("article", article_id, lambda: browse.article(conn, article_id))
        data = shapes.article(answer)
        return renderer().respond(
            request,
            "article.html",
            data,
            csv_rows=lambda: [
                {k: s.get(k) for k in ("kind", "start", "end", "id", "label")}
                for s in data["spans"]
            ],
            csv_name="spans",
            extra=lambda: {"body": highlight.render_article(data["text"], data["spans"])},
        )
