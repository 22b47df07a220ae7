"""A small fictional news site served on 127.0.0.1 by the tests (no outside network).

`Site` runs a ThreadingHTTPServer on a free port in a thread. Routes map a path to a
`Reply` or to a function of the request returning one; every request is recorded with its
headers, so tests can check what the crawler sent (User-Agent, If-None-Match).
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds to wait before answering (a slow server)."""

    @property
    def data(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


@dataclass(frozen=True)
class Seen:
    path: str
    headers: dict[str, str]


Route = Reply | Callable[[Seen], Reply]


class _Server(ThreadingHTTPServer):
    """A client that drops a kept-alive connection (the crawler closing its pool) is not an
    error of the site: the default prints a traceback to standard error, where the tests of
    what a command prints would read it."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()})
                site.requests.append(seen)
                route = site.routes.get(self.path, Reply(404, "not here"))
                reply = route(seen) if callable(route) else route
                if reply.delay:
                    time.sleep(reply.delay)
                data = reply.data
                try:
                    self.send_response(reply.status)
                    headers = {"Content-Type": "text/html; charset=utf-8", **reply.headers}
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]


def page(
    title: str,
    paragraphs: list[str],
    *,
    author: str | None = None,
    date: str | None = None,
    canonical: str | None = None,
) -> str:
    """An article page as a small newsroom would publish it."""
    head = [f"<title>{escape(title)}</title>" if title else ""]
    if canonical:
        head.append(f'<link rel="canonical" href="{escape(canonical)}">')
    if author:
        head.append(f'<meta name="author" content="{escape(author)}">')
    if date:
        head.append(f'<meta property="article:published_time" content="{date}">')
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    heading = f"<h1>{escape(title)}</h1>" if title else ""
    return (
        "<!doctype html><html><head>" + "".join(head) + "</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article>{heading}{body}</article>"
        "<footer>Copyright Fenland Care Chronicle</footer></body></html>"
    )


def rss(items: list[dict[str, str]], title: str = "Fenland Care Chronicle") -> str:
    entries = "".join(
        "<item>" + "".join(f"<{k}>{escape(v)}</{k}>" for k, v in item.items()) + "</item>"
        for item in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{escape(title)}</title><link>http://127.0.0.1/</link>"
        f"<description>News</description>{entries}</channel></rss>"
    )


def atom(entries: list[dict[str, str]]) -> str:
    body = ""
    for e in entries:
        body += (
            f"<entry><title>{escape(e['title'])}</title>"
            f'<link rel="alternate" href="{escape(e["link"])}"/>'
            f"<id>{escape(e['link'])}</id><updated>{e['updated']}</updated>"
            f"<published>{e.get('published', e['updated'])}</published>"
            f"<author><name>{escape(e['author'])}</name></author></entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Marsh Health Bulletin</title>'
        "<id>urn:x-test:marsh</id><updated>2024-05-02T09:00:00Z</updated>"
        f"{body}</feed>"
    )


def http_date(year: int, month: int, day: int) -> str:
    return format_datetime(datetime(year, month, day, 9, 0, tzinfo=UTC), usegmt=True)


XML = {"Content-Type": "application/xml; charset=utf-8"}
RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}


#: Three fictional stories: path -> (headline, paragraphs).
STORIES: dict[str, tuple[str, list[str]]] = {
    "/news/fenmoor-chief-executive": (
        "Fenmoor trust names Lena Marsh chief executive",
        [
            "Fenmoor Community Health NHS Trust has appointed Dr Lena Marsh as its new chief"
            " executive.",
            "Dr Marsh is currently chief operating officer at Wexley Hospitals NHS Trust and"
            " will take up the post in June.",
            "\u201cFenmoor has a proud record of community care and I am delighted to be"
            " joining,\u201d Dr Marsh said.",
        ],
    ),
    "/news/ostmere-chair": (
        "Ostmere ICB chair Colin Barrow to step down",
        [
            "Colin Barrow, chair of Ostmere Integrated Care Board, is to step down in the"
            " autumn after six years in the role.",
            "The board will begin the search for a successor next month.",
            "\u201cIt has been a privilege to serve the people of Ostmere,\u201d Mr Barrow said.",
        ],
    ),
    "/news/harlow-vale-chief-nurse": (
        "Harlow Vale appoints Priti Anand as chief nurse",
        [
            "Harlow Vale Hospitals NHS Foundation Trust has appointed Priti Anand as its chief"
            " nurse.",
            "Ms Anand joins from Kestrel Bay Community Trust, where she was deputy chief nurse.",
            "\u201cPatients must come first in every decision we make,\u201d Ms Anand said.",
        ],
    ),
}


def story(path: str, **meta: str) -> Reply:
    title, paragraphs = STORIES[path]
    return Reply(body=page(title, paragraphs, **meta))


def story_text(path: str) -> str:
    """The article text the HTML reader makes of a story: headline, then paragraphs."""
    title, paragraphs = STORIES[path]
    return "\n\n".join([title, *paragraphs])
