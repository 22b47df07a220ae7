"""How the web is read: politeness and limits, from Settings (SECTORWATCH_WEB_*)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sectorwatch.settings import Settings

AGENT = "Sectorwatch"
"""The product token: the User-Agent starts with it and robots.txt rules are matched on it."""


def _version() -> str:
    from sectorwatch import __version__

    return __version__


@dataclass(frozen=True)
class WebOptions:
    """Limits and manners of every request (docs/sources.md, Politeness).

    `sleep` and `clock` are the waiting and the time used by retries and the per-host
    delay; tests replace them to count waits without waiting.
    """

    contact: str | None = None
    timeout: float = 20.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 1.0
    max_retry_after: float = 120.0
    host_delay: float = 1.0
    host_concurrency: int = 1
    concurrency: int = 4
    allow: str | None = None
    sleep: Callable[[float], object] = field(default=time.sleep, compare=False)
    clock: Callable[[], float] = field(default=time.monotonic, compare=False)

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> WebOptions:
        s = settings or Settings.from_env()
        return cls(
            contact=s.web_contact,
            timeout=s.web_timeout,
            max_bytes=s.web_max_bytes,
            max_redirects=s.web_max_redirects,
            retries=s.web_retries,
            backoff=s.web_backoff,
            max_retry_after=s.web_max_retry_after,
            host_delay=s.web_host_delay,
            host_concurrency=max(1, s.web_host_concurrency),
            concurrency=max(1, s.web_concurrency),
            allow=s.web_allow,
        )

    @property
    def user_agent(self) -> str:
        """`Sectorwatch/0.1.0 (+mailto:news@example.org)`, or without the contact."""
        agent = f"{AGENT}/{_version()}"
        if not self.contact:
            return agent
        contact = self.contact.strip()
        if "@" in contact and "://" not in contact and not contact.startswith("mailto:"):
            contact = f"mailto:{contact}"
        return f"{agent} (+{contact})"
