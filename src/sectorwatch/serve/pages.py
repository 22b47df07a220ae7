"""The pages: home, search, person, organisation, event, article. Each answers HTML, JSON
(`.json` or Accept: application/json) and, for lists, CSV (`.csv`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from fastapi import FastAPI, HTTPException, Query, Request
from markupsafe import Markup
from sqlalchemy import Connection
from starlette.responses import JSONResponse, Response

from sectorwatch import dates
from sectorwatch.errors import QueryError
from sectorwatch.query import browse
from sectorwatch.query.common import check_date, today
from sectorwatch.query.render import fit, text_width
from sectorwatch.serve import feeds, highlight, shapes
from sectorwatch.serve.render import search_url, wanted_format

T = TypeVar("T")
CHART_FORMATS = {
    "svg": "image/svg+xml",
    "dot": "text/vnd.graphviz; charset=utf-8",
    "png": "image/png",
}


def png_available() -> bool:
    """Whether cairosvg can be imported (without importing it)."""
    import importlib.util
    import sys

    if "cairosvg" in sys.modules:
        return sys.modules["cairosvg"] is not None
    return importlib.util.find_spec("cairosvg") is not None


def png_from_svg(svg: str) -> bytes | None:
    """The SVG rasterised by cairosvg (an optional package, with the Cairo library); None
    when it is not installed."""
    try:
        import cairosvg  # type: ignore[import-not-found, unused-ignore]
    except (ImportError, OSError):
        return None
    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=2)  # type: ignore[no-any-return]


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
        start = r["valid_from"] or r.get("first_reported") or (r["evidence"] or {}).get("published")
        end = r["valid_to"]
        if not start or not dates.is_partial_date(start):
            start = end if end and dates.is_partial_date(end) else today()
        first = dates.interval(start)[0]
        reported = r.get("last_reported") or (r["evidence"] or {}).get("published")
        note = ""
        if end and dates.is_partial_date(end):
            last = dates.interval(end)[1]
        elif reported and dates.is_partial_date(reported):
            # no end stated: the bar stops at the last report, and says so
            last = dates.interval(reported)[1]
            note = f", last reported {reported}"
        else:
            last = first
        spans.append((r, first, max(last, first), note))
    if not spans:
        return {"width": width, "height": 0, "bars": [], "ticks": []}
    lo = min(s[1] for s in spans).replace(month=1, day=1)
    hi = max(s[2] for s in spans).replace(month=12, day=31)
    total = max((hi - lo).days, 1)
    left, inner = 10, width - 20

    def x(d: date) -> int:
        return left + round(inner * (d - lo).days / total)

    bars = []
    for i, (r, first, last, note) in enumerate(spans):
        org = (r["organisation"] or {}).get("name")
        title = r["role"] + (f", {org}" if org else "") + f" ({r['status']}{note})"
        bars.append(
            {
                "x": x(first),
                "y": 42 + i * 36,
                "w": max(x(last) - x(first), 6),
                "title": title,
                "open": not r["valid_to"] and r["status"] != "former",
                "last_reported": bool(note),
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
            extra=lambda: {"feed_url": "/events.atom", "feed_title": "New events"},
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
            csv_name="-".join(["search", q_, *(v for v in selected.values() if v)]),
            extra=lambda: {"feed_url": search_url(q_, selected, suffix=".atom") if q_ else None},
            feed=lambda: feeds.feed(
                request,
                f"Search: {q_}" + feeds.describe(selected),
                [feeds.search_entry(r) for r in data["results"]],
            ),
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
            csv_name=f"{data['name']}-quotes",
            extra=lambda: {
                "timeline": timeline_bars(data["roles"]),
                "feed_url": f"{request.url.path}.atom",
                "feed_title": f"New events: {data['name']}",
            },
            feed=lambda: feeds.feed(
                request,
                f"Events: {data['name']}",
                [feeds.event_entry(e) for e in data["events"]],
            ),
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
            data = shapes.organisation(ask(conn, found, on), chart)
        return renderer().respond(
            request,
            "organisation.html",
            data,
            csv_rows=lambda: [_event_row(e) for e in data["timeline"]],
            csv_name=f"{data['name']}-timeline",
            # to_svg escapes every text node (query/render.py); `on` is a checked date
            extra=lambda: {
                "svg": Markup(to_svg(chart, links=True)),
                "chart": chart,
                "feed_url": f"{request.url.path}.atom",
                "feed_title": f"New events: {data['name']}",
                "png": png_available(),
            },
            feed=lambda: feeds.feed(
                request,
                f"Events: {data['name']}",
                [feeds.event_entry(e) for e in data["timeline"]],
            ),
        )

    @app.get(
        "/organisation/{entity_id}/chart.{fmt}",
        summary="An organisation's chart on a date to take away: svg, png or dot (Graphviz)",
    )
    def chart_download(
        request: Request, entity_id: str, fmt: str, on: str = Query("", max_length=10)
    ) -> Response:
        from sectorwatch.query.orgchart import orgchart
        from sectorwatch.query.render import to_dot, to_svg

        if fmt not in CHART_FORMATS:
            raise HTTPException(404, f"charts come as {', '.join(CHART_FORMATS)}, not {fmt!r}")
        on = check_date(on or None, "on") or today()
        with connect() as conn:
            found = _entity_of_kind(conn, "organisation", entity_id)
            chart = orgchart(conn, found, on)
        body: str | bytes = to_svg(chart) if fmt in ("svg", "png") else to_dot(chart)
        if fmt == "png":
            png = png_from_svg(str(body))
            if png is None:
                raise HTTPException(
                    501,
                    "a PNG chart needs the optional package cairosvg (pip install cairosvg, "
                    "with the Cairo library); the SVG and DOT downloads work without it",
                )
            body = png
        name = "-".join(w for w in re.split(r"[^a-z0-9]+", chart.organisation.lower()) if w)
        return Response(
            body,
            media_type=CHART_FORMATS[fmt],
            headers={
                "content-disposition": f'attachment; filename="{name or found}-chart-{on}.{fmt}"'
            },
        )

    @app.get(
        "/event/{claim_id}",
        summary="An event and the sector's reactions, grouped by stance and kind",
    )
    def event(request: Request, claim_id: str) -> Response:
        from sectorwatch.query.reactions import event_reactions

        with connect() as conn:
            try:
                answer = event_reactions(conn, claim_id)
            except QueryError:
                return _rejected_event(request, conn, claim_id)
        data = shapes.event_page(answer)
        return renderer().respond(
            request,
            "event.html",
            data,
            csv_rows=lambda: [_quote_row(x) for x in data["quotes"]],
            csv_name=f"reactions-{data['event']['type']}-{claim_id}",
        )

    def _rejected_event(request: Request, conn: Connection, claim_id: str) -> Response:
        """A rejected event's page: who rejected it, when, why, and a restore button."""
        from sectorwatch.query.claim import fact
        from sectorwatch.serve.facts import page_data

        try:
            answer = fact(conn, claim_id)
        except QueryError:
            answer = None
        if answer is None or answer.property != "event" or not answer.rejected:
            raise HTTPException(404, f"no event with id {claim_id!r}")
        data = page_data(answer)
        if wanted_format(request) != "html":
            message = f"event {claim_id} was rejected"
            return JSONResponse(
                {"error": message, "status": 410, "rejected": data["rejection"]}, status_code=410
            )
        return renderer().html(request, "claim.html", data, 410)  # type: ignore[no-any-return]

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
            csv_name=f"spans-{data['title']}",
            extra=lambda: dict(
                zip(
                    ("body", "furniture"),
                    highlight.render_parts(data["text"], data["spans"], data["paragraphs"]),
                    strict=True,
                )
            ),
        )
