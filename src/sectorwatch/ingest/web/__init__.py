"""Live sources: pages, RSS/Atom feeds and sitemaps read where they are published.

    read_web(sources, fetcher) -> Iterator[Article | ReadFailure]

`options` (WebOptions: politeness and limits, from Settings), `guard` (only http/https, no
private or loopback addresses unless allowed), `fetch` (the one HTTP client: User-Agent,
robots.txt, per-host delay and concurrency, retries, size cap, timeout, redirects),
`robots`, `feeds` (feedparser), `sitemaps` (XML sitemaps and indexes), `pages` (a fetched
page through the HTML reader), `reader` (sources -> articles, in order), `state` and
`watch` (rounds with conditional requests). Nothing here touches the store: the caller
stores what `read_web` yields through the same path as files.
"""

from __future__ import annotations

from sectorwatch.ingest.web.options import WebOptions
from sectorwatch.ingest.web.reader import Source, WebReport, read_web

__all__ = ["Source", "WebOptions", "WebReport", "read_web"]
