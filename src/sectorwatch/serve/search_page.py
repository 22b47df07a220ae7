"""The search page `/search?q=...` over quotes, people, organisations and articles, with
filters (its `.json`, `.csv` and `.atom` twins)."""

from __future__ import annotations

from fastapi import FastAPI, Query, Request
from starlette.responses import Response

from sectorwatch.serve import feeds, shapes
from sectorwatch.serve.answers import kept
from sectorwatch.serve.page_parts import connect, renderer
from sectorwatch.serve.render import search_url

COLUMNS = ("type", "id", "title", "text", "organisation", "stance", "year", "url")


def register(app: FastAPI) -> None:
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
        with connect(app) as conn:
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
        return renderer(app).respond(
            request,
            "search.html",
            data,
            csv_rows=lambda: [{k: r.get(k) for k in COLUMNS} for r in data["results"]],
            csv_name="-".join(["search", q_, *(v for v in selected.values() if v)]),
            extra=lambda: {"feed_url": search_url(q_, selected, suffix=".atom") if q_ else None},
            feed=lambda: feeds.feed(
                request,
                f"Search: {q_}" + feeds.describe(selected),
                [feeds.search_entry(r) for r in data["results"]],
            ),
        )
