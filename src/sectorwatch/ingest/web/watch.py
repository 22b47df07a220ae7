"""`sectorwatch watch`: rounds of reading the feeds, storing only what is new.

Each round: feeds and sitemaps are asked with If-None-Match / If-Modified-Since (a 304
costs nothing), links already read or stored are not fetched, the new pages are stored by
`ingest` (the same path as files), then the state is saved and one line is logged. A
`stop` event (Ctrl-C, SIGTERM) ends the round between two articles; what was read is still
stored, and the feeds' validators are not saved, so the next round reads them again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sectorwatch.ingest.failure import ReadFailure
from sectorwatch.ingest.web.fetch import Fetcher
from sectorwatch.ingest.web.options import WebOptions
from sectorwatch.ingest.web.reader import Source, WebReport, read_web
from sectorwatch.ingest.web.state import WatchState
from sectorwatch.model import Article

Ingest = Callable[[Iterable[Article | ReadFailure]], Any]
"""Stores the items, returns IngestCounts (sectorwatch.scale.progress)."""


@dataclass(frozen=True)
class Round:
    number: int
    report: WebReport
    counts: Any
    stopped: bool

    def line(self) -> str:
        r = self.report
        return (
            f"round {self.number}: feeds {r.feeds} (not modified {r.not_modified}, "
            f"failed {r.feeds_failed}), links {r.links} (already seen {r.already_seen}); "
            f"{self.counts.summary()}" + (" [stopped]" if self.stopped else "")
        )


def watch_round(
    number: int,
    sources: Sequence[Source],
    fetcher: Fetcher,
    state: WatchState,
    ingest: Ingest,
    known: Callable[[list[str]], set[str]] | None = None,
    stop: threading.Event | None = None,
) -> Round:
    """One round: read what is new, store it, save the state."""
    stop = stop or threading.Event()
    report = WebReport()
    items = read_web(sources, fetcher, state=state, known=known, stop=stop, report=report)
    counts = ingest(items)
    stopped = stop.is_set()
    state.remember({} if stopped else report.validators, report.read)
    state.save()
    return Round(number, report, counts, stopped)


def watch(
    sources: Sequence[Source],
    options: WebOptions,
    state: WatchState,
    ingest: Ingest,
    *,
    interval: float,
    rounds: int | None = None,
    known: Callable[[list[str]], set[str]] | None = None,
    stop: threading.Event | None = None,
    log: Callable[[Round], None] = lambda r: None,
) -> list[Round]:
    """Rounds every `interval` seconds (start to start) until `stop` or `rounds` are done.
    Each round has its own Fetcher, so robots.txt is read afresh each round."""
    stop = stop or threading.Event()
    done: list[Round] = []
    while not stop.is_set():
        started = options.clock()
        fetcher = Fetcher(options)
        result = watch_round(len(done) + 1, sources, fetcher, state, ingest, known, stop)
        done.append(result)
        log(result)
        if rounds is not None and len(done) >= rounds:
            break
        remaining = interval - (options.clock() - started)
        if remaining > 0 and stop.wait(remaining):
            break
    return done
