"""Sources (pages, feeds, sitemaps) -> articles or failures, in order.

First each feed and sitemap is read (with conditional headers when a `state` is given),
giving Links; then the pages are fetched, up to `WebOptions.concurrency` at once (the host
gate keeps each host to its own limit and delay), and yielded in the order of the links
(each host's pages are asked for in that order too). A `stop` event ends the reading
between two articles: what was yielded is complete; pages fetched but not yet yielded are
dropped, and read again next time.
"""

from __future__ import annotations

import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Literal

from sectorwatch.ingest.failure import ReadFailure
from sectorwatch.ingest.web.fetch import Fetcher, FetchFailed
from sectorwatch.ingest.web.items import Link
from sectorwatch.ingest.web.state import WatchState
from sectorwatch.model import Article

SourceKind = Literal["page", "feed", "sitemap"]
MAX_SITEMAPS = 100
"""Sitemaps read per `--sitemap` (the index and its children)."""


@dataclass(frozen=True)
class Source:
    kind: SourceKind
    url: str


@dataclass
class WebReport:
    """What a read did with its feeds and links (the articles are counted by the store)."""

    feeds: int = 0
    not_modified: int = 0
    feeds_failed: int = 0
    links: int = 0
    already_seen: int = 0
    read: list[str] = field(default_factory=list)
    """Links settled, in order: their page gave an article, or failed for a lasting reason
    (404, refused, robots.txt, not HTML). `watch` does not fetch them again; links that
    failed for a passing reason (a timeout, 429, 5xx) are not in it."""
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    """Feed URL -> (ETag, Last-Modified) of the version just read."""


def read_web(
    sources: Iterable[Source],
    fetcher: Fetcher | None = None,
    *,
    state: WatchState | None = None,
    known: Callable[[list[str]], set[str]] | None = None,
    stop: threading.Event | None = None,
    report: WebReport | None = None,
) -> Iterator[Article | ReadFailure]:
    """Each page's Article, or a ReadFailure naming the URL (and why), lazily.

    `state`: conditional requests for feeds and sitemaps, and links already read are not
    fetched again; `known(urls)`: which of these links are already stored (also skipped).
    """
    fetcher = fetcher or Fetcher()
    stop = stop or threading.Event()
    report = report if report is not None else WebReport()
    links: list[Link] = []
    for source in sources:
        if stop.is_set():
            return
        if source.kind == "page":
            links.append(Link(source.url, named=True))
            continue
        found, failures = _expand(fetcher, source, state, report)
        yield from failures
        links += found
    links = _fresh(links, state, known, report)
    yield from _fetch_pages(fetcher, links, stop, report)


def _expand(
    fetcher: Fetcher, source: Source, state: WatchState | None, report: WebReport
) -> tuple[list[Link], list[ReadFailure]]:
    from sectorwatch.ingest.web.feeds import NotAFeed, parse_feed
    from sectorwatch.ingest.web.sitemaps import NotASitemap, parse_sitemap

    report.feeds += 1
    pending = [source.url]
    links: list[Link] = []
    failures: list[ReadFailure] = []
    done = 0
    while pending and done < MAX_SITEMAPS:
        url = pending.pop(0)
        done += 1
        headers = state.conditional_headers(url) if state is not None else {}
        try:
            response = fetcher.get(url, headers)
        except FetchFailed as exc:
            report.feeds_failed += 1
            failures.append(ReadFailure(url, exc.reason))
            continue
        except Exception as exc:  # noqa: BLE001
            report.feeds_failed += 1
            failures.append(ReadFailure(url, f"cannot be read ({type(exc).__name__}: {exc})"))
            continue
        if response.status == 304:
            report.not_modified += 1
            continue
        index = False
        try:
            if source.kind == "feed":
                links += parse_feed(response.body, response.url, response.media_type)
            else:
                sitemap = parse_sitemap(response.body, fetcher.options.max_bytes)
                links += sitemap.pages
                pending += sitemap.sitemaps
                index = bool(sitemap.sitemaps)
        except (NotAFeed, NotASitemap) as exc:
            report.feeds_failed += 1
            failures.append(ReadFailure(url, str(exc)))
            continue
        except Exception as exc:  # noqa: BLE001 - one bad feed never takes the round down
            report.feeds_failed += 1
            failures.append(ReadFailure(url, f"cannot be read ({type(exc).__name__}: {exc})"))
            continue
        if index:  # an index may stay the same while its sitemaps change: read it each time
            report.validators[url] = (None, None)
            continue
        report.validators[url] = (
            response.headers.get("etag"),
            response.headers.get("last-modified"),
        )
    return links, failures


def _fresh(
    links: list[Link],
    state: WatchState | None,
    known: Callable[[list[str]], set[str]] | None,
    report: WebReport,
) -> list[Link]:
    """Links once each, less those already read or stored."""
    unique: list[Link] = []
    urls: set[str] = set()
    for link in links:
        if link.url not in urls:
            urls.add(link.url)
            unique.append(link)
    report.links += len(unique)
    seen = set(state.seen) if state is not None else set()
    if known is not None:
        seen |= known([link.url for link in unique if not link.named])
    fresh = [link for link in unique if link.named or link.url not in seen]
    report.already_seen += len(unique) - len(fresh)
    return fresh


def _fetch_pages(
    fetcher: Fetcher, links: list[Link], stop: threading.Event, report: WebReport
) -> Iterator[Article | ReadFailure]:
    from sectorwatch.ingest.web.pages import page_article

    def fetch(link: Link) -> tuple[Article | ReadFailure, bool]:
        """The page's article or failure, and whether that is settled."""
        if stop.is_set():
            return ReadFailure(link.url, "stopped"), False
        try:
            return page_article(fetcher.get(link.url), link), True
        except FetchFailed as exc:
            quiet = exc.kind == "robots" and not link.named
            failure = ReadFailure(link.url, exc.reason, "skipped" if quiet else "failed")
            return failure, exc.lasting
        except Exception as exc:  # noqa: BLE001 - one bad page never takes the batch down
            return ReadFailure(link.url, f"cannot be read ({type(exc).__name__}: {exc})"), False

    with ThreadPoolExecutor(
        max_workers=fetcher.options.concurrency, thread_name_prefix="sectorwatch-web"
    ) as pool:
        plan = _Dispatch(links, fetcher.options.concurrency, fetcher.options.host_concurrency)
        try:
            for index, link in enumerate(links):
                future = plan.future_of(index, lambda i: pool.submit(fetch, links[i]), stop)
                if future is None:  # stopped
                    return
                item, settled = future.result()
                if stop.is_set():
                    return
                if settled:
                    report.read.append(link.url)
                yield item
        finally:
            plan.cancel()


Result = tuple[Article | ReadFailure, bool]


class _Dispatch:
    """Which links are being fetched: at most `limit` at once, at most `per_host` per host,
    each host's links in their order, and never further than WINDOW links ahead of the one
    being waited for (so a fast host cannot fill memory while a slow one is read)."""

    WINDOW = 32

    def __init__(self, links: list[Link], limit: int, per_host: int) -> None:
        from urllib.parse import urlsplit

        self.limit = limit
        self.per_host = per_host
        self.hosts: list[str] = []
        self.queues: dict[str, deque[int]] = {}
        for index, link in enumerate(links):
            try:
                host = (urlsplit(link.url).hostname or "").lower()
            except ValueError:
                host = ""
            self.hosts.append(host)
            self.queues.setdefault(host, deque()).append(index)
        self.futures: dict[int, Future[Result]] = {}

    def future_of(
        self, index: int, submit: Callable[[int], Future[Result]], stop: threading.Event
    ) -> Future[Result] | None:
        """The future of link `index` (all before it are done with), submitting more links
        as room frees up; None once stopped."""
        while not stop.is_set():
            self._top_up(index, submit)
            if index in self.futures:
                return self.futures.pop(index)
            running = [f for f in self.futures.values() if not f.done()]
            wait(running, return_when=FIRST_COMPLETED)
        return None

    def _top_up(self, first: int, submit: Callable[[int], Future[Result]]) -> None:
        running = [i for i, f in self.futures.items() if not f.done()]
        busy = Counter(self.hosts[i] for i in running)
        while len(running) < self.limit:
            ready = [
                (queue[0], host)
                for host, queue in self.queues.items()
                if queue and busy[host] < self.per_host and queue[0] < first + self.WINDOW
            ]
            if not ready:
                return
            index, host = min(ready)
            self.queues[host].popleft()
            self.futures[index] = submit(index)
            running.append(index)
            busy[host] += 1

    def cancel(self) -> None:
        for future in self.futures.values():
            future.cancel()
