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

from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy import Connection

from sectorwatch.query.common import snapshot, today

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
    found: OrderedDict[tuple[Hashable, ...], Kept[Any]] | None = None
    if PAGES_KEPT > 0:
        found = snapshot(conn).setdefault(KEY, OrderedDict())  # before reading the store
    full = (*key, today())
    if found is not None and full in found:
        found.move_to_end(full)
        return found[full]
    answer = Kept(compute())
    if found is not None:
        found[full] = answer
        while len(found) > PAGES_KEPT:
            found.popitem(last=False)
    return answer
