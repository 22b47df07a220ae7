"""Sorted character spans with overlap look-ups by bisection, so that checking a span
against everything taken so far costs a logarithm, not a scan (extraction stays about
linear in the article's length)."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable


class SpanSet:
    """A set of (start, end) spans; `overlaps` and `covers` look only at the spans that
    start within the longest span's length before the point asked about."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[tuple[int, int]] = sorted(spans)
        self._longest = max((e - s for s, e in self._spans), default=0)

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)

    def _near(self, start: int, end: int) -> list[tuple[int, int]]:
        lo = bisect_left(self._spans, (start - self._longest, -1))
        hi = bisect_left(self._spans, (end, -1))
        return self._spans[lo:hi]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span shares a character with [start, end)."""
        return any(s < end and start < e for s, e in self._near(start, end))

    def covers(self, offset: int) -> bool:
        """Whether any span holds `offset` (start <= offset < end)."""
        return any(s <= offset < e for s, e in self._near(offset, offset + 1))

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)
