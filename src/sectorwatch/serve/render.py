"""One answer, three formats: HTML (Jinja2, autoescaped), JSON (the documented shape) and
CSV (for pages that are lists), and an Atom feed for pages that follow events. The format
comes from a `.json`/`.csv`/`.atom` suffix, else the Accept header."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from importlib import resources
from typing import Any
from urllib.parse import urlencode

from jinja2 import ChoiceLoader, Environment, FunctionLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from sectorwatch.serve import highlight, links
from sectorwatch.serve.security import SESSION_COOKIE, Guard

DONE_COOKIE = "sw_done"  # "N:kind" of the correction just saved, shown once on the next page

TEMPLATES = "sectorwatch.serve.templates"


def _load_template(name: str) -> str | None:
    if "/" in name or "\\" in name or not name.endswith(".html"):
        return None  # package resources only, never a path from outside
    try:
        return resources.files(TEMPLATES).joinpath(name).read_text("utf-8")
    except FileNotFoundError:
        return None


_DICT_ATTRIBUTES = frozenset(dir(dict))


class PageEnvironment(Environment):
    """Jinja's environment, with `x.name` on the pages' plain dicts looked up as the key
    first: Jinja tries the attribute, fails (an exception each time) and then the key,
    a large share of rendering a page of a hundred rows. The same value either way: a
    plain dict has no attribute of that name (names of dict's own attributes, `items`,
    `get`, are left to Jinja)."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


def environment() -> Environment:
    env = PageEnvironment(
        loader=ChoiceLoader([FunctionLoader(_load_template)]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["mark"] = highlight.mark
    env.filters["result_items"] = highlight.result_items
    env.globals["search_url"] = search_url
    env.globals.update(links.GLOBALS)
    return env


def search_url(
    q: str, selected: dict[str, str], facet: str = "", value: Any = "", suffix: str = ""
) -> str:
    """The search page for `q` with `selected` facets, `facet` set to `value` ('' clears)."""
    params = {"q": q, **selected}
    if facet:
        params[facet] = str(value)
    return f"/search{suffix}?" + urlencode({k: v for k, v in params.items() if v})


def wanted_format(request: Request) -> str:
    fmt = request.scope.get("sw_format")
    if fmt:
        return fmt
    accept = request.headers.get("accept", "")
    if "application/json" in accept and "text/html" not in accept:
        return "json"
    if "text/csv" in accept and "text/html" not in accept:
        return "csv"
    if "application/atom+xml" in accept and "text/html" not in accept:
        return "atom"
    return "html"


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_response(rows: list[dict[str, Any]], name: str) -> Response:
    buffer = io.StringIO()
    columns = list(rows[0]) if rows else []
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in name.lower())
    safe = "-".join(part for part in safe.split("-") if part)[:120] or "export"
    return Response(
        buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{safe}.csv"'},
    )


class Renderer:
    def __init__(self, env: Environment, guard: Guard) -> None:
        self.env = env
        self.guard = guard

    def respond(
        self,
        request: Request,
        template: str,
        data: dict[str, Any],
        *,
        csv_rows: Callable[[], list[dict[str, Any]]] | None = None,
        csv_name: str = "export",
        status: int = 200,
        extra: Callable[[], dict[str, Any]] | None = None,
        feed: Callable[[], Response] | None = None,
    ) -> Response:
        """`data` in the format asked for. `csv_rows()` (pages that are lists) and `extra()`
        (what only the HTML page shows: highlighted text, charts) are called only for the
        format that needs them, so a JSON answer never pays for either."""
        fmt = wanted_format(request)
        if fmt == "json":
            return JSONResponse(data, status_code=status)
        if fmt == "csv":
            if csv_rows is None:
                return JSONResponse({"error": "this page has no CSV export"}, status_code=404)
            return csv_response(csv_rows(), csv_name)
        if fmt == "atom":
            if feed is None:
                return JSONResponse({"error": "this page has no Atom feed"}, status_code=404)
            return feed()
        return self.html(request, template, {**data, **(extra() if extra else {})}, status)

    def html(
        self, request: Request, template: str, context: dict[str, Any], status: int = 200
    ) -> HTMLResponse:
        session_id, new = self.guard.session(request)
        done = request.cookies.get(DONE_COOKIE, "")
        body = self.env.get_template(template).render(
            **context,
            request_path=request.url.path,
            query_string=request.url.query,
            writable=self.guard.writable,
            csrf=self.guard.csrf(session_id),
            just_saved=done.split(":", 1) if done[:9].split(":")[0].isdigit() else None,
        )
        response = HTMLResponse(body, status_code=status)
        if new:
            response.set_cookie(
                SESSION_COOKIE, session_id, httponly=True, samesite="strict", path="/"
            )
        if done:
            response.delete_cookie(DONE_COOKIE, path="/")  # shown once
        return response
