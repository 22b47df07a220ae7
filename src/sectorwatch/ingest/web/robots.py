"""robots.txt, read once per site (scheme, host and port) and Fetcher (one `ingest`, one
`watch` round), with the standard library's parser.

As RFC 9309 says: a robots.txt that does not exist (HTTP 4xx) allows everything; one that
cannot be read (5xx, a timeout, a refused connection) disallows everything on that site for
this run. A Crawl-delay for our agent lengthens the per-host delay (within the retry bound).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING
from urllib.robotparser import RobotFileParser

from sectorwatch.ingest.web.failure import FetchFailed
from sectorwatch.ingest.web.options import AGENT

if TYPE_CHECKING:
    from sectorwatch.ingest.web.fetch import Fetcher
    from sectorwatch.ingest.web.guard import Target


class RobotsCache:
    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self._lock = threading.Lock()
        self._sites: dict[str, RobotFileParser | FetchFailed] = {}
        self._loading: dict[str, threading.Lock] = {}

    def check(self, target: Target) -> None:
        """Raise FetchFailed (kind "robots") when robots.txt keeps us from `target`."""
        rules = self._rules(target)
        if isinstance(rules, FetchFailed):  # unreadable now: may be readable later
            raise FetchFailed(rules.reason, rules.kind, rules.status)
        if not rules.can_fetch(AGENT, target.url):
            raise FetchFailed("disallowed by robots.txt", "robots")

    def _rules(self, target: Target) -> RobotFileParser | FetchFailed:
        origin = target.origin
        with self._lock:
            lock = self._loading.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._sites:
                self._sites[origin] = self._load(target)
            return self._sites[origin]

    def _load(self, target: Target) -> RobotFileParser | FetchFailed:
        from sectorwatch.ingest.decode import DecodeError, decode_bytes

        parser = RobotFileParser(f"{target.origin}/robots.txt")
        try:
            response = self.fetcher.get(f"{target.origin}/robots.txt", robots=False)
        except FetchFailed as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                parser.parse([])  # no robots.txt: everything allowed
                return parser
            if exc.kind in ("network", "timeout", "refused"):
                return exc  # the site itself cannot be reached: say so
            return FetchFailed(
                f"robots.txt of {target.origin} cannot be read ({exc.reason}); not fetched",
                "network",
                exc.status,
            )
        try:
            text = decode_bytes(response.body).text if response.body.strip() else ""
        except DecodeError:
            text = ""
        parser.parse(text.splitlines())
        delay = parser.crawl_delay(AGENT)
        if delay:
            bound = self.fetcher.options.max_retry_after
            self.fetcher.gate.set_delay(target.host, min(float(delay), bound))
        return parser
