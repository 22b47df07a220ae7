"""The one HTTP client of the crawler (urllib3, connections pinned to checked addresses).

`Fetcher.get(url)` follows redirects (each hop checked again by `guard` and robots.txt),
waits its turn per host (`HostGate`: delay and concurrency), retries 429 and 5xx with
backoff or the server's Retry-After (within a bound), and reads at most `max_bytes` within
`timeout` seconds. It returns a `Response` or raises `FetchFailed` with a reason for a user.
"""

from __future__ import annotations

import email.utils
import http
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from sectorwatch.ingest.decode import format_size
from sectorwatch.ingest.web.failure import RETRIED, FetchFailed
from sectorwatch.ingest.web.guard import AllowList, Refused, Target, parse_url, resolve
from sectorwatch.ingest.web.options import WebOptions

REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class Response:
    url: str
    """The URL that answered, after redirects."""
    status: int
    headers: Mapping[str, str]
    """Lower-case names."""
    body: bytes = b""

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


def phrase(status: int) -> str:
    try:
        return f"HTTP {status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header (seconds, or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class HostGate:
    """Per host: at most `concurrency` requests in flight, and `delay` seconds (or the
    host's robots.txt Crawl-delay, when longer) between the starts of two requests."""

    def __init__(self, options: WebOptions) -> None:
        self.options = options
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next: dict[str, float] = {}
        self._delays: dict[str, float] = {}

    def set_delay(self, host: str, seconds: float) -> None:
        with self._lock:
            self._delays[host] = seconds

    @contextmanager
    def turn(self, host: str) -> Iterator[None]:
        with self._lock:
            slot = self._slots.setdefault(
                host, threading.BoundedSemaphore(self.options.host_concurrency)
            )
        with slot:
            with self._lock:
                now = self.options.clock()
                start = max(now, self._next.get(host, now))
                delay = max(self.options.host_delay, self._delays.get(host, 0.0))
                self._next[host] = start + delay
            if start > now:
                self.options.sleep(start - now)
            yield


@dataclass
class Fetcher:
    """Fetches for one run: shares the host gate and the robots.txt cache."""

    options: WebOptions = field(default_factory=WebOptions)

    def __post_init__(self) -> None:
        from sectorwatch.ingest.web.robots import RobotsCache

        self.allow = AllowList.parse(self.options.allow)
        self.gate = HostGate(self.options)
        self.robots = RobotsCache(self)

    def get(
        self, url: str, headers: Mapping[str, str] | None = None, *, robots: bool = True
    ) -> Response:
        """The response to GET `url` (2xx, or 304 to a conditional request)."""
        current = url
        opts = self.options
        for _hop in range(opts.max_redirects + 1):
            try:
                target = parse_url(current)
                resolve(target, self.allow, opts.timeout)  # refused before robots.txt is asked
            except Refused as exc:
                raise FetchFailed(str(exc), "refused") from exc
            if robots:
                self.robots.check(target)
            response = self._with_retries(target, headers or {})
            location = response.headers.get("location")
            if response.status in REDIRECTS and location:
                current = urljoin(current, location.strip())
                continue
            if 200 <= response.status < 300 or response.status == 304:
                return response
            raise FetchFailed(phrase(response.status), "http", response.status)
        raise FetchFailed(
            f"too many redirects (more than {self.options.max_redirects})", "http", None
        )

    def _with_retries(self, target: Target, headers: Mapping[str, str]) -> Response:
        opts = self.options
        attempt = 0
        while True:
            response = self._once(target, headers)
            if response.status not in RETRIED:
                return response
            if attempt >= opts.retries:
                tries = "1 attempt" if attempt == 0 else f"{attempt + 1} attempts"
                raise FetchFailed(
                    f"{phrase(response.status)} after {tries}", "http", response.status
                )
            wait = retry_after(response.headers.get("retry-after"))
            if wait is None:
                wait = opts.backoff * 2**attempt
            elif wait > opts.max_retry_after:
                raise FetchFailed(
                    f"{phrase(response.status)}; Retry-After {wait:g} s is over the "
                    f"{opts.max_retry_after:g} s bound (SECTORWATCH_WEB_MAX_RETRY_AFTER)",
                    "http",
                    response.status,
                )
            opts.sleep(wait)
            attempt += 1

    def _once(self, target: Target, headers: Mapping[str, str]) -> Response:
        try:
            addresses = resolve(target, self.allow, self.options.timeout)
        except Refused as exc:
            raise FetchFailed(str(exc), "refused") from exc
        with self.gate.turn(target.host):
            return self._request(target, addresses[0], headers)

    def _request(self, target: Target, address: str, headers: Mapping[str, str]) -> Response:
        import urllib3
        from urllib3.exceptions import HTTPError, NewConnectionError, TimeoutError

        opts = self.options
        sent = {
            "Host": target.netloc,
            "User-Agent": opts.user_agent,
            "Accept-Encoding": "gzip, deflate",
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            **headers,
        }
        timeout = urllib3.Timeout(connect=opts.timeout, read=opts.timeout)
        pool: Any
        if target.scheme == "https":
            import certifi

            pool = urllib3.HTTPSConnectionPool(
                address,
                target.port,
                timeout=timeout,
                retries=False,
                maxsize=1,
                cert_reqs="CERT_REQUIRED",
                ca_certs=certifi.where(),
                server_hostname=target.host,
                assert_hostname=target.host,
            )
        else:
            pool = urllib3.HTTPConnectionPool(
                address, target.port, timeout=timeout, retries=False, maxsize=1
            )
        deadline = opts.clock() + opts.timeout
        try:
            raw = pool.urlopen(
                "GET",
                target.path,
                headers=sent,
                redirect=False,
                retries=False,
                preload_content=False,
                assert_same_host=False,
            )
            try:
                names = {k.lower(): v for k, v in raw.headers.items()}
                body = b""
                if 200 <= raw.status < 300:
                    body = self._read(raw, names, deadline)
                return Response(target.url, raw.status, names, body)
            finally:
                raw.release_conn()
        except NewConnectionError as exc:  # (a subclass of urllib3's TimeoutError)
            cause = exc.__cause__
            why = getattr(cause, "strerror", None) or cause or exc
            raise FetchFailed(f"cannot connect to {target.netloc} ({why})", "network") from exc
        except TimeoutError as exc:
            raise FetchFailed(f"timed out after {opts.timeout:g} s", "timeout") from exc
        except HTTPError as exc:
            reason = getattr(exc, "reason", None) or exc
            raise FetchFailed(f"cannot connect: {reason}", "network") from exc
        except OSError as exc:
            raise FetchFailed(f"cannot connect: {exc}", "network") from exc
        finally:
            pool.close()

    def _read(self, raw: Any, headers: Mapping[str, str], deadline: float) -> bytes:
        limit = self.options.max_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise too_large(int(declared), limit)
        chunks: list[bytes] = []
        total = 0
        for chunk in raw.stream(65536, decode_content=True):
            total += len(chunk)
            if total > limit:
                raise too_large(total, limit, at_least=True)
            if self.options.clock() > deadline:
                raise FetchFailed(f"timed out after {self.options.timeout:g} s", "timeout")
            chunks.append(chunk)
        return b"".join(chunks)


def too_large(size: int, limit: int, at_least: bool = False) -> FetchFailed:
    """The body is over the limit (`at_least`: it was cut off there, its size unknown)."""
    shown = "larger than" if at_least else f"{format_size(size)}, over"
    return FetchFailed(
        f"response is {shown} the {format_size(limit)} limit; "
        "raise it with SECTORWATCH_WEB_MAX_BYTES",
        "size",
    )
