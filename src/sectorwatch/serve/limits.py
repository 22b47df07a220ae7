"""How long and how much the server waits for a client (`sectorwatch serve`, docs/api.md).

uvicorn closes idle keep-alive connections, but not one whose request never finishes: a
client that sends half a request line and then nothing holds a connection for as long as
it likes, and a thousand such clients hold the server. `LimitedH11Protocol` gives each
request `request_timeout` seconds (SECTORWATCH_REQUEST_TIMEOUT, default 10) from the
connection's start, or from the end of the previous response, to arrive whole (headers
and body); then the connection is closed. `server_limits` adds uvicorn's own limits:
keep-alive 5 s, at most `max_connections` (SECTORWATCH_MAX_CONNECTIONS, default 1000)
connections and tasks at once (beyond: 503), request heads of at most 16 kB, 10 s to
finish in-flight requests on shutdown.
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from sectorwatch.settings import Settings

MAX_HEAD_BYTES = 16 * 1024


class LimitedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request to arrive whole."""

    request_timeout: float = float(Settings.from_env().request_timeout)
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state not in (h11.IDLE, h11.SEND_BODY):
            self._disarm()  # the request has arrived whole

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()  # the next request on this connection gets its own deadline

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.request_timeout, self._expire)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expire(self) -> None:
        self._deadline = None
        if self.cycle is not None and not self.cycle.response_complete:
            if self.conn.their_state not in (h11.IDLE, h11.SEND_BODY):
                return  # the request is being answered: not the client's delay
        if not self.transport.is_closing():
            self.transport.close()


def server_limits(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for `uvicorn.run` / `uvicorn.Config`. (Worker processes started
    by `--workers` read the timeout from SECTORWATCH_REQUEST_TIMEOUT.)"""
    LimitedH11Protocol.request_timeout = float(settings.request_timeout)
    return {
        "http": LimitedH11Protocol,
        "timeout_keep_alive": 5,
        "limit_concurrency": settings.max_connections,
        "h11_max_incomplete_event_size": MAX_HEAD_BYTES,
        "timeout_graceful_shutdown": 10,
    }
