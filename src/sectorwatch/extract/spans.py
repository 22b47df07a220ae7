"""Sorted look-ups over character spans, so a stage that tests each candidate against the
spans already found does a bisect, not a scan of them all (extraction stays near-linear in
the article's length; see BENCHMARKS.md, "Extraction growth")."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate


class Spans:
    """A fixed set of (start, end) spans, which may overlap one another."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span overlaps [start, end): `any(start < e and s < end)`."""
        i = bisect_left(self._starts, end)
        return i > 0 and self._reach[i - 1] > start

    def holds(self, pos: int) -> bool:
        """Whether a span holds `pos`: `any(s <= pos < e)`."""
        i = bisect_right(self._starts, pos)
        return i > 0 and self._reach[i - 1] > pos


class DisjointSpans:
    """Spans that never overlap, added one at a time (longest first, say)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, end)
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
