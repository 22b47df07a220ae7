"""RSS 2.0, RSS 1.0 and Atom 1.0 feeds, parsed by feedparser from bytes we fetched
(feedparser never fetches anything itself here). Each entry becomes a Link with its title,
authors and published date."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urljoin

from sectorwatch.ingest.web.items import Link


class NotAFeed(ValueError):
    """The bytes are not a feed; `str()` says why."""


def parse_feed(body: bytes, url: str, content_type: str = "") -> list[Link]:
    """The entries of a feed, in its order, each with an http(s) link; NotAFeed otherwise."""
    import feedparser

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        raise NotAFeed(f"not an RSS or Atom feed ({content_type or 'no content type'})")
    links: list[Link] = []
    for entry in parsed.entries:
        href = _link_of(entry)
        if not href:
            continue
        links.append(
            Link(
                url=urljoin(url, href),
                title=_clean(entry.get("title")),
                authors=_authors(entry),
                published=_date(entry),
            )
        )
    return links


def _link_of(entry: Any) -> str | None:
    link = entry.get("link")
    if link:
        return str(link).strip()
    for candidate in entry.get("links", []):
        if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
            return str(candidate["href"]).strip()
    guid = str(entry.get("id") or "")
    return guid if guid.startswith(("http://", "https://")) else None


def _authors(entry: Any) -> tuple[str, ...]:
    names = [_clean(a.get("name")) for a in entry.get("authors", []) if isinstance(a, dict)]
    found = tuple(n for n in names if n)
    if found:
        return found
    single = _clean(entry.get("author"))
    if not single:
        return ()
    from sectorwatch.ingest.bylines import split_authors

    return tuple(split_authors(single))


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    return None


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
