"""Page answers kept between requests until the store changes.

A page's answer (its JSON shape, and what only its HTML shows: highlighted text, charts)
depends on the store, the page's arguments and today's date, never on who asks. Each
connection of the app's pool keeps the answers of the last `PAGES_KEPT` pages it
answered in its `snapshot` (`sectorwatch.query.common`), which is emptied when the store
changes (any commit: an ingest, a correction), so a page asked again between two writes
costs its routing and rendering only (BENCHMARKS.md, API). Answers are shared: read them,
never change them. What differs per request (the session's form token, the path) is added
when the page is rendered.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy import Connection

from sectorwatch.query.common import kept_in_snapshot, today

T = TypeVar("T")
PAGES_KEPT = 128  # answers kept by each connection of the pool, least recently used first out
KEY = "serve:answers"


@dataclass
class Kept(Generic[T]):
    """A page's answer and, made when first asked for, what only its HTML shows."""

    value: T
    made: dict[str, Any] = field(default_factory=dict)

    def once(self, name: str, make: Callable[[], Any]) -> Any:
        if name not in self.made:
            self.made[name] = make()
        return self.made[name]


def kept(conn: Connection, key: tuple[Hashable, ...], compute: Callable[[], T]) -> Kept[T]:
    """The answer of the page `key` (its name and arguments) as `compute()` gave it on
    this store today, computed now if this connection has not kept it. An exception from
    `compute` is raised, and nothing kept."""
    return kept_in_snapshot(conn, KEY, (*key, today()), PAGES_KEPT, lambda: Kept(compute()))
