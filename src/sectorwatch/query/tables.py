"""Filter, facet, sort and page a list of rows (the index pages, in the manner of
datasette's table pages).

A row is a flat dict (what the CSV twin writes). A facet's value in a row is a string or a
list of strings (a person with several roles counts under each). Choosing facet values keeps
the rows having every chosen value; each facet's counts are over the rows matching the
*other* chosen facets and the dates, so a count says how many rows choosing it would give.
A date range keeps the rows whose [start, end] interval overlaps it (partial dates stand for
their whole year or month).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sectorwatch import dates
from sectorwatch.errors import QueryError
from sectorwatch.query.common import check_date, date_interval

MAX_PER_PAGE = 500


@dataclass(frozen=True)
class TableSpec:
    """What one index offers: its facets, the columns it sorts by (the first is the
    default, `-x` meaning descending) and the row keys holding each row's dates."""

    name: str
    facets: tuple[str, ...]
    sorts: tuple[str, ...]
    default_sort: str
    start: str  # row key of the interval's start (a partial date or None)
    end: str  # row key of the interval's end (the start when the same)


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int


@dataclass
class TablePage:
    rows: list[dict[str, Any]]  # this page's rows
    matching: list[dict[str, Any]]  # every row matching (the CSV twin)
    total: int
    page: int
    per_page: int
    sort: str
    selected: dict[str, str]
    date_from: str | None
    date_to: str | None
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _values(row: dict[str, Any], facet: str) -> list[str]:
    value = row.get(facet)
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [str(v) for v in value if v not in (None, "")]
    return [str(value)]


def _has(row: dict[str, Any], chosen: dict[str, str]) -> bool:
    return all(v in _values(row, f) for f, v in chosen.items())


def _overlaps(row: dict[str, Any], spec: TableSpec, lo: Any, hi: Any) -> bool:
    start, end = row.get(spec.start), row.get(spec.end)
    start = start if start and dates.is_partial_date(start) else None
    end = end if end and dates.is_partial_date(end) else None
    if start is None and end is None:
        return False  # undated rows never fall within a range
    first = date_interval(start or end)[0]
    last = date_interval(end or start)[1]
    return not ((lo is not None and last < lo) or (hi is not None and first > hi))


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None or value == "" or value == []:
        return (1, "")
    if isinstance(value, list):
        value = value[0]
    if isinstance(value, int | float):
        return (0, value)
    return (0, str(value).casefold())


def table_page(
    rows: list[dict[str, Any]],
    spec: TableSpec,
    selected: dict[str, str],
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    sort: str = "",
    page: int = 1,
    per_page: int = 50,
) -> TablePage:
    """The rows matching `selected` and the dates, sorted, page `page` of them."""
    check_date(date_from, "from")
    check_date(date_to, "to")
    sort = sort or spec.default_sort
    if sort.lstrip("-") not in {s.lstrip("-") for s in spec.sorts}:
        raise QueryError(
            f"cannot sort {spec.name} by {sort!r}: use one of "
            + ", ".join(s.lstrip("-") for s in spec.sorts)
            + " (a leading - sorts descending)"
        )
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise QueryError(f"per_page must be between 1 and {MAX_PER_PAGE}")
    if page < 1:
        raise QueryError("page must be 1 or more")
    chosen = {f: v for f, v in selected.items() if f in spec.facets and v}
    lo = date_interval(date_from)[0] if date_from else None
    hi = date_interval(date_to)[1] if date_to else None
    if lo and hi and lo > hi:
        raise QueryError(f"from {date_from} is after to {date_to}")
    dated = rows if lo is None and hi is None else [r for r in rows if _overlaps(r, spec, lo, hi)]
    facets = {}
    for facet in spec.facets:
        others = {k: v for k, v in chosen.items() if k != facet}
        counts = Counter(v for r in dated if _has(r, others) for v in set(_values(r, facet)))
        facets[facet] = [
            FacetValue(v, c) for v, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
    matching = [r for r in dated if _has(r, chosen)]
    column, descending = sort.lstrip("-"), sort.startswith("-")
    present = [r for r in matching if _sort_key(r.get(column))[0] == 0]
    missing = [r for r in matching if _sort_key(r.get(column))[0] == 1]
    present.sort(key=lambda r: _sort_key(r.get(column)), reverse=descending)
    matching = present + missing  # rows without the value last, either way
    begin = (page - 1) * per_page
    return TablePage(
        matching[begin : begin + per_page],
        matching,
        len(matching),
        page,
        per_page,
        sort,
        chosen,
        date_from,
        date_to,
        facets,
    )
