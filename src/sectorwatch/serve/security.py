"""Headers on every response, and the checks every write passes.

Writes (corrections) need, in order: a token configured on the server (else the app is
read-only: 403), the same token from the client (form field `token` or
`Authorization: Bearer`), and -- for form posts from a browser -- a CSRF token that is an
HMAC of the session cookie (SameSite=Strict) plus an Origin (or Referer) naming this site.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SESSION_COOKIE = "sw_session"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}


class FormatAndHeaders:
    """ASGI middleware: `/x.json`, `/x.csv` and `/x.atom` are `/x` with a format; HEAD is
    answered as GET without the body; every response gets the security headers, and
    `Vary: Accept` (the format may come from the Accept header)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        for suffix in (".json", ".csv", ".atom"):
            if path.endswith(suffix) and path not in ("/openapi.json",):
                scope = dict(scope)
                scope["path"] = path[: -len(suffix)] or "/"
                scope["raw_path"] = scope["path"].encode()
                scope["sw_format"] = suffix[1:]
                break

        head = scope["method"] == "HEAD"
        if head:
            scope = dict(scope)
            scope["method"] = "GET"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    if name not in headers:
                        headers[name] = value
                if "sw_format" not in scope and "accept" not in headers.get("vary", "").lower():
                    headers.append("vary", "Accept")
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}  # content-length stays that of GET
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Guard:
    """Sessions, CSRF tokens and the write token for one app."""

    def __init__(self, token: str | None, secret: bytes | None = None) -> None:
        """`secret` keys the CSRF tokens: random unless given (the workers of one server
        share one)."""
        self.token = token or None
        self.secret = secret or secrets.token_bytes(32)

    @property
    def writable(self) -> bool:
        return self.token is not None

    def session(self, request: Request) -> tuple[str, bool]:
        """The session id from the cookie, or a new one (True: set the cookie)."""
        value = request.cookies.get(SESSION_COOKIE, "")
        if 16 <= len(value) <= 64 and value.replace("-", "").replace("_", "").isalnum():
            return value, False
        return secrets.token_urlsafe(24), True

    def csrf(self, session_id: str) -> str:
        return hmac.new(self.secret, session_id.encode(), hashlib.sha256).hexdigest()

    def token_ok(self, given: str | None) -> bool:
        if self.token is None or not given:
            return False
        return secrets.compare_digest(given.encode(), self.token.encode())

    def check_write(self, request: Request, form_token: str | None, form_csrf: str | None) -> str:
        """'' when the write may go ahead, else the reason it may not."""
        if not self.writable:
            return "this server is read-only: start it with --token or SECTORWATCH_TOKEN"
        bearer = request.headers.get("authorization", "")
        if bearer.lower().startswith("bearer "):
            # no cookie is involved, so no cross-site request can carry it
            return "" if self.token_ok(bearer[7:].strip()) else "wrong token"
        if not same_origin(request):
            return "cross-site request refused (Origin/Referer is not this site)"
        session_id = request.cookies.get(SESSION_COOKIE, "")
        if (
            not session_id
            or not form_csrf
            or not hmac.compare_digest(form_csrf, self.csrf(session_id))
        ):
            return "missing or stale form token (CSRF): reload the page and try again"
        if not self.token_ok(form_token):
            return "wrong token"
        return ""


def same_origin(request: Request) -> bool:
    """The request's Origin (else Referer) names this host; neither present: refused."""
    source = request.headers.get("origin") or request.headers.get("referer")
    if not source or source == "null":
        return False
    parts = urlsplit(source)
    host = request.headers.get("host", "")
    return parts.scheme in ("http", "https") and parts.netloc == host
