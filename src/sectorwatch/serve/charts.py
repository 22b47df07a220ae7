"""Charts: a person's roles as bars on a time axis (the person page's SVG), and an
organisation's chart to take away (/organisation/{id}/chart.svg, .png, .dot)."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from starlette.responses import Response

from sectorwatch import dates
from sectorwatch.query.common import check_date, today
from sectorwatch.render import fit, text_width

CHART_FORMATS = {
    "svg": "image/svg+xml",
    "dot": "text/vnd.graphviz; charset=utf-8",
    "png": "image/png",
}


@cache
def png_available() -> bool:
    """Whether cairosvg can be imported (without importing it), found once a process (a
    search of the import path: a tenth of a millisecond on every organisation page)."""
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
    from sectorwatch.serve.lookup import entity_of_kind as _entity_of_kind

    def connect():  # type: ignore[no-untyped-def]
        return app.state.engine.connect()

    @app.get(
        "/organisation/{entity_id}/chart.{fmt}",
        summary="An organisation's chart on a date to take away: svg, png or dot (Graphviz)",
    )
    def chart_download(
        request: Request, entity_id: str, fmt: str, on: str = Query("", max_length=10)
    ) -> Response:
        from sectorwatch.query.orgchart import orgchart
        from sectorwatch.render import to_dot, to_svg

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
