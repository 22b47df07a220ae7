"""FetchFailed: a request that gave nothing to read. Shared by the fetcher and robots.txt;
imports nothing from either."""

from __future__ import annotations

RETRIED = frozenset({429, 500, 502, 503, 504})


class FetchFailed(Exception):
    """A request that gave nothing to read. `kind`: "refused" (guard), "robots", "http"
    (an error status), "size", "timeout", "network"; `status` when there was a response."""

    def __init__(self, reason: str, kind: str = "network", status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind
        self.status = status

    @property
    def lasting(self) -> bool:
        """Asking again later would give the same answer (not a timeout, a dropped
        connection, a 429 or a 5xx)."""
        return self.kind not in ("timeout", "network") and self.status not in RETRIED
