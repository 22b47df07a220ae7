"""The pages: home, search, person, organisation, event, article. Each answers HTML, JSON
(`.json` or Accept: application/json) and, for lists, CSV (`.csv`)."""

from __future__ import annotations

from typing import Any, TypeVar

from fastapi import FastAPI, HTTPException, Query, Request
from markupsafe import Markup
from sqlalchemy import Connection
from starlette.responses import JSONResponse, Response

from sectorwatch.errors import QueryError
from sectorwatch.query import browse
from sectorwatch.query.common import check_date, today
from sectorwatch.serve import feeds, highlight, shapes
from sectorwatch.serve.answers import kept
from sectorwatch.serve.charts import png_available, timeline_bars
from sectorwatch.serve.lookup import entity_of_kind as _entity_of_kind
from sectorwatch.serve.lookup import found as _found
from sectorwatch.serve.render import search_url, wanted_format

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


def register(app: FastAPI) -> None:
    def connect() -> Connection:
        """One connection (from the app's pool) for every question a page asks."""
        return app.state.engine.connect()  # type: ignore[no-any-return]

    def renderer():  # type: ignore[no-untyped-def]
        return app.state.renderer

    @app.get("/", summary="Home: recent leadership events and the most-quoted people")
    def home(request: Request) -> Response:
        with connect() as conn:
            data = kept(
                conn,
                ("home",),
                lambda: shapes.home(browse.recent_events(conn, 20), browse.most_quoted(conn, 10)),
            ).value
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
            data = kept(
                conn,
                ("search", q_, type, organisation, stance, year),
                lambda: shapes.search(
                    ask(
                        conn,
                        q_,
                        kind=type or None,
                        organisation=organisation or None,
                        stance=stance or None,
                        year=year or None,
                    ),
                    selected,
                ),
            ).value
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
            page = kept(
                conn,
                ("person", entity_id),
                lambda: shapes.person(ask(conn, _entity_of_kind(conn, "person", entity_id))),
            )
        data = page.value
        return renderer().respond(
            request,
            "person.html",
            data,
            csv_rows=lambda: [_quote_row(x) for x in data["quotes"]],
            csv_name=f"{data['name']}-quotes",
            extra=lambda: {
                "timeline": page.once("timeline", lambda: timeline_bars(data["roles"])),
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
        from sectorwatch.render import to_svg

        on = check_date(on or None, "on") or today()

        def answer() -> tuple[Any, dict[str, Any]]:
            found = _entity_of_kind(conn, "organisation", entity_id)
            chart = orgchart(conn, found, on)
            return chart, shapes.organisation(ask(conn, found, on), chart)

        with connect() as conn:
            page = kept(conn, ("organisation", entity_id, on), answer)
        chart, data = page.value
        return renderer().respond(
            request,
            "organisation.html",
            data,
            csv_rows=lambda: [_event_row(e) for e in data["timeline"]],
            csv_name=f"{data['name']}-timeline",
            # to_svg escapes every text node (render/orgchart.py); `on` is a checked date
            extra=lambda: {
                "svg": page.once("svg", lambda: Markup(to_svg(chart, links=True))),
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
        "/event/{claim_id}",
        summary="An event and the sector's reactions, grouped by stance and kind",
    )
    def event(request: Request, claim_id: str) -> Response:
        from sectorwatch.query.reactions import event_reactions

        with connect() as conn:
            try:
                data = kept(
                    conn,
                    ("event", claim_id),
                    lambda: shapes.event_page(event_reactions(conn, claim_id)),
                ).value
            except QueryError:
                return _rejected_event(request, conn, claim_id)
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
            page = kept(
                conn,
                ("article", article_id),
                lambda: shapes.article(
                    _found("article", article_id, lambda: browse.article(conn, article_id))
                ),
            )
        data = page.value
        return renderer().respond(
            request,
            "article.html",
            data,
            csv_rows=lambda: [
                {k: s.get(k) for k in ("kind", "start", "end", "id", "label")}
                for s in data["spans"]
            ],
            csv_name=f"spans-{data['title']}",
            extra=lambda: page.once(
                "parts",
                lambda: dict(
                    zip(
                        ("body", "furniture"),
                        highlight.render_parts(data["text"], data["spans"], data["paragraphs"]),
                        strict=True,
                    )
                ),
            ),
        )
