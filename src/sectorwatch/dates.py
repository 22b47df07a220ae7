"""Partial dates: "2019", "2019-03", "2019-03-01". Compared as intervals, never as a day."""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import cache

from sectorwatch.data import lines

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def is_partial_date(value: str | None) -> bool:
    return bool(value) and bool(_PARTIAL.match(value or ""))


def precision(value: str) -> int:
    """1 for a year, 2 for a month, 3 for a day."""
    return value.count("-") + 1


def interval(value: str) -> tuple[date, date]:
    """The first and last day a partial date may mean."""
    m = _PARTIAL.match(value)
    if not m:
        raise ValueError(f"not a partial date: {value!r}")
    year = int(m.group(1))
    if m.group(3):
        d = date(year, int(m.group(2)), int(m.group(3)))
        return d, d
    if m.group(2):
        month = int(m.group(2))
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


def may_be_on_or_before(value: str | None, day: str) -> bool:
    """True when `value` (a start) may fall on or before `day` (None: unknown, so yes)."""
    return value is None or interval(value)[0] <= interval(day)[1]


def may_be_on_or_after(value: str | None, day: str) -> bool:
    """True when `value` (an end) may fall on or after `day` (None: open, so yes)."""
    return value is None or interval(value)[1] >= interval(day)[0]


def valid_on(valid_from: str | None, valid_to: str | None, day: str) -> bool:
    """Whether an interval [valid_from, valid_to] may cover `day`."""
    return may_be_on_or_before(valid_from, day) and may_be_on_or_after(valid_to, day)


def from_date(d: date, prec: int = 3) -> str:
    return d.isoformat()[: {1: 4, 2: 7, 3: 10}[prec]]


@cache
def month_numbers() -> dict[str, int]:
    """Month names (months.txt, in calendar order) and their abbreviations
    (month_abbreviations.txt), lower case, to the month's number: "sept" -> 9. Read only."""
    full = [m.lower() for m in lines("months.txt")]
    out = {m: i for i, m in enumerate(full, 1)}
    for short in (w.lower() for w in lines("month_abbreviations.txt")):
        out.setdefault(short, next(i for i, m in enumerate(full, 1) if m.startswith(short)))
    return out
