"""Index pages: /events, /people, /organisations, /posts. Each filters by facets and a date
range, sorts and pages (`sectorwatch.query.tables`), with a `.json` and `.csv` twin and a
URL that says everything chosen, so it can be shared."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from sqlalchemy import Connection
from starlette.responses import Response

from sectorwatch.errors import QueryError
from sectorwatch.query import indexes
from sectorwatch.query.common import check_date
from sectorwatch.query.tables import TablePage, TableSpec, table_page
from sectorwatch.serve import feeds

TITLES = {
    "events": "Events",
    "people": "People",
    "organisations": "Organisations",
    "posts": "Posts and their holders",
}
Cell = tuple[str, str | None]  # text, link
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "events": [
        ("date", "Date"),
        ("type", "Event"),
        ("person", "Person"),
        ("role", "Role"),
        ("organisation", "Organisation"),
        ("status", "Status"),
        ("reported", "Reported"),
        ("sentence", "Evidence"),
    ],
    "people": [
        ("name", "Name"),
        ("role", "Roles"),
        ("organisation", "Organisations"),
        ("quotes", "Quotes"),
        ("events", "Events"),
        ("last_reported", "Last reported"),
    ],
    "organisations": [
        ("name", "Name"),
        ("organisation_kind", "Kind"),
        ("posts", "Posts"),
        ("people", "People"),
        ("events", "Events"),
        ("last_reported", "Last reported"),
    ],
    "posts": [
        ("role", "Role"),
        ("organisation", "Organisation"),
        ("person", "Holder"),
        ("status", "Status"),
        ("valid_from", "From"),
        ("valid_to", "To"),
        ("sentence", "Evidence"),
    ],
}
CSV_DROP = {"until"}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value).replace("_", " ") if isinstance(value, str) and "_" in value else str(value)


def _link(index: str, key: str, row: dict[str, Any]) -> str | None:
    if index == "events":
        return {
            "type": f"/event/{row['id']}",
            "person": f"/person/{row['person_id']}" if row.get("person_id") else None,
            "organisation": (
                f"/organisation/{row['organisation_id']}" if row.get("organisation_id") else None
            ),
            "sentence": f"/article/{row['article_id']}#c-{row['id']}",
        }.get(key)
    if index in ("people", "organisations") and key == "name":
        return f"/{'person' if index == 'people' else 'organisation'}/{row['id']}"
    if index == "posts":
        return {
            "person": f"/person/{row['person_id']}",
            "organisation": (
                f"/organisation/{row['organisation_id']}" if row.get("organisation_id") else None
            ),
            "sentence": (
                f"/article/{row['article_id']}#c-{row['claim_id']}"
                if row.get("article_id")
                else None
            ),
        }.get(key)
    return None


def _sort_link(
    path: str, params: dict[str, str], index: str, key: str, current: str
) -> tuple[str, str] | None:
    """(link, arrow) for a column header: sort by it, or the other way when it is the
    sort already; None for a column that does not sort."""
    spec = indexes.SPECS[index]
    sorts: dict[str, str] = {}
    for s in spec.sorts:
        sorts.setdefault(s.lstrip("-"), s)  # the first listed direction
    if key not in sorts:
        return None
    if current.lstrip("-") == key:
        other = key if current.startswith("-") else f"-{key}"
        arrow = " ▼" if current.startswith("-") else " ▲"
    else:
        other, arrow = sorts[key], ""
    chosen = "" if other == spec.default_sort else other
    return url(path, params, sort=chosen, page=1), arrow


def url(path: str, params: dict[str, str], suffix: str = "", **changes: Any) -> str:
    """`path` (+ `suffix`) with `params` changed by `changes` ('' or None drops one)."""
    merged = {**params, **{k: ("" if v is None else str(v)) for k, v in changes.items()}}
    if "page" in merged and merged["page"] == "1":
        merged.pop("page")
    query = urlencode({k: v for k, v in merged.items() if v})
    return f"{path}{suffix}" + (f"?{query}" if query else "")


def _int(request: Request, name: str, default: int) -> int:
    value = request.query_params.get(name, "")
    if not value:
        return default
    if not value.isdigit() or len(value) > 6:
        raise QueryError(f"{name} must be a whole number, not {value[:20]!r}")
    return int(value)


def _param(request: Request, name: str) -> str:
    value = request.query_params.get(name, "").strip()
    if len(value) > 200:
        raise QueryError(f"{name} is too long (200 characters at most)")
    return value


def answer(request: Request, conn: Connection, index: str) -> tuple[TablePage, dict[str, Any]]:
    """The page of `index` the request asks for, and its JSON shape."""
    spec: TableSpec = indexes.SPECS[index]
    selected = {f: _param(request, f) for f in spec.facets}
    on = check_date(_param(request, "on") or None, "on") if index == "posts" else None
    rows = {
        "events": lambda: indexes.event_rows(conn),
        "people": lambda: indexes.people_rows(conn),
        "organisations": lambda: indexes.organisation_rows(conn),
        "posts": lambda: indexes.post_rows(conn, on),
    }[index]()
    page = table_page(
        rows,
        spec,
        selected,
        date_from=_param(request, "from") or None,
        date_to=_param(request, "to") or None,
        sort=_param(request, "sort"),
        page=_int(request, "page", 1),
        per_page=_int(request, "per_page", 50),
    )
    shown = indexes.with_sentences(conn, page.rows) if index == "events" else page.rows
    params = {
        **page.selected,
        "from": page.date_from or "",
        "to": page.date_to or "",
        "on": on or "",
        "sort": "" if page.sort == spec.default_sort else page.sort,
        "per_page": "" if page.per_page == 50 else str(page.per_page),
        "page": str(page.page),
    }
    path = f"/{index}"
    data = {
        "index": index,
        "selected": page.selected,
        "from": page.date_from,
        "to": page.date_to,
        **({"on": on} if index == "posts" else {}),
        "sort": page.sort,
        "sorts": list(spec.sorts),
        "page": page.page,
        "per_page": page.per_page,
        "pages": page.pages,
        "total": page.total,
        "next": url(path, params, page=page.page + 1) if page.page < page.pages else None,
        "prev": url(path, params, page=page.page - 1) if page.page > 1 else None,
        "facets": {
            f: [{"value": v.value, "count": v.count} for v in page.facets[f]] for f in spec.facets
        },
        "rows": [{k: v for k, v in r.items() if k not in CSV_DROP} for r in shown],
    }
    data["_params"] = params
    return page, data


def register(app: FastAPI) -> None:
    def page_for(index: str) -> Callable[[Request], Response]:
        def show(request: Request) -> Response:
            with app.state.engine.connect() as conn:
                page, data = answer(request, conn, index)
                if index == "events" and request.scope.get("sw_format") == "atom":
                    newest = sorted(page.matching, key=lambda r: r["reported"] or "", reverse=True)
                    return feeds.events_feed(
                        request,
                        "Events" + feeds.describe(page.selected),
                        indexes.with_sentences(conn, newest[: feeds.LIMIT]),
                    )
            params = data.pop("_params")
            path = f"/{index}"

            def csv_rows() -> list[dict[str, Any]]:
                return [
                    {k: _text(v) if isinstance(v, list) else v for k, v in r.items()
                     if k not in CSV_DROP}
                    for r in page.matching
                ]  # fmt: skip

            def extra() -> dict[str, Any]:
                columns = COLUMNS[index]
                return {
                    "title": TITLES[index],
                    "columns": [label for _, label in columns],
                    "sort_links": [
                        _sort_link(path, params, index, k, page.sort) for k, _ in columns
                    ],
                    "cells": [
                        [(_text(r.get(k)), _link(index, k, r)) for k, _ in columns]
                        for r in data["rows"]
                    ],
                    "params": params,
                    "path": path,
                    "url": url,
                    "feed_url": url("/events", params, ".atom", page="", sort="", per_page="")
                    if index == "events"
                    else None,
                }

            name = "-".join(
                [index, *(v for v in page.selected.values()), page.date_from or "",
                 page.date_to or "", params["on"]]
            )  # fmt: skip
            return app.state.renderer.respond(  # type: ignore[no-any-return]
                request,
                "index.html",
                data,
                csv_rows=csv_rows,
                csv_name=name.strip("-").replace("--", "-"),
                extra=extra,
            )

        show.__name__ = f"index_{index}"
        return show

    for index, title in TITLES.items():
        app.add_api_route(
            f"/{index}",
            page_for(index),
            methods=["GET"],
            summary=f"{title}: facets, a date range, sort and pages (.json, .csv)",
        )
