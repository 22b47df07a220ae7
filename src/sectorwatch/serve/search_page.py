"""The search page `/search?q=...` over quotes, people, organisations and articles, with
filters and pages (`page` from 1, `per_page` results, default 20), and its `.json`,
`.csv` and `.atom` twins (those two hold every result, not one page)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Query, Request
from starlette.responses import Response

from sectorwatch.errors import QueryError
from sectorwatch.query.search_input import MAX_LIMIT
from sectorwatch.serve import feeds, shapes
from sectorwatch.serve.answers import kept
from sectorwatch.serve.page_parts import connect, renderer
from sectorwatch.serve.render import search_url, wanted_format

COLUMNS = ("type", "id", "title", "text", "organisation", "stance", "year", "url")
PER_PAGE = 20  # results on a page unless `per_page` says otherwise: the first view


def register(app: FastAPI) -> None:
    @app.get("/search", summary="Search quotes, people, organisations and articles")
    def search(
        request: Request,
        q_: str = Query("", alias="q", max_length=200),
        type: str = Query("", max_length=20),
        organisation: str = Query("", max_length=200),
        stance: str = Query("", max_length=20),
        year: str = Query("", max_length=4),
        page: str = Query("", max_length=20),
        per_page: str = Query("", max_length=20),
    ) -> Response:
        from sectorwatch.query.search import search as ask

        selected = {"type": type, "organisation": organisation, "stance": stance, "year": year}
        at, size = _number(page, "page", 1), _number(per_page, "per_page", PER_PAGE)
        if at < 1:
            raise QueryError("page must be 1 or more")
        if not 1 <= size <= MAX_LIMIT:
            raise QueryError(f"per_page must be between 1 and {MAX_LIMIT}")
        every = wanted_format(request) in ("csv", "atom")  # exports hold every result
        limit, offset = (None, 0) if every else (size, (at - 1) * size)
        with connect(app) as conn:
            data = kept(
                conn,
                ("search", q_, type, organisation, stance, year, at, size, every),
                lambda: _paged(
                    shapes.search(
                        ask(
                            conn,
                            q_,
                            kind=type or None,
                            organisation=organisation or None,
                            stance=stance or None,
                            year=year or None,
                            limit=limit,
                            offset=offset,
                            lists=False,  # the page shows the hits only
                        ),
                        selected,
                    ),
                    q_,
                    selected,
                    at,
                    size,
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


def _number(value: str, name: str, default: int) -> int:
    if not value:
        return default
    if not value.isdigit() or len(value) > 6:
        raise QueryError(f"{name} must be a whole number, not {value[:20]!r}")
    return int(value)


def _paged(
    data: dict[str, Any], q: str, selected: dict[str, str], page: int, per_page: int
) -> dict[str, Any]:
    """`data` with its page, the number of pages and the links to the next and previous."""
    pages = max(1, -(-data["total"] // per_page))

    def link(to: int) -> str:
        params = {"q": q, **selected, "per_page": "" if per_page == PER_PAGE else str(per_page)}
        params["page"] = "" if to == 1 else str(to)
        return "/search?" + urlencode({k: v for k, v in params.items() if v})

    return {
        **data,
        "page": page,
        "per_page": per_page,
        "pages": pages,
        "next": link(page + 1) if page < pages else None,
        "prev": link(page - 1) if page > 1 else None,
    }
