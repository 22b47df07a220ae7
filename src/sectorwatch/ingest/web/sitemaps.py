"""XML sitemaps (`<urlset>`), sitemap indexes (`<sitemapindex>`), gzipped sitemaps and text
sitemaps (one URL a line), parsed from bytes we fetched.

The XML parser resolves no entities, loads no DTD and reaches no network (the defusedxml
precautions, with lxml's own switches). Google News sitemaps' `news:title` and
`news:publication_date` fill the Link's metadata; `lastmod` does not (it is when the page
changed, not when the article was published).
"""

from __future__ import annotations

import gzip
import io
import re
from dataclasses import dataclass

from sectorwatch.ingest.web.items import Link

MAX_URLS = 50_000
"""The sitemap protocol's limit per file; beyond it the rest is ignored."""


class NotASitemap(ValueError):
    """The bytes are not a sitemap; `str()` says why."""


@dataclass(frozen=True)
class Sitemap:
    pages: list[Link]
    sitemaps: list[str]
    """Child sitemaps, for an index."""


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def gunzip(body: bytes, max_bytes: int) -> bytes:
    """Uncompress a gzipped sitemap, refusing more than `max_bytes` of output."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise NotASitemap(f"uncompressed sitemap is over the {max_bytes} byte limit")
    return data


def parse_sitemap(body: bytes, max_bytes: int = 50_000_000) -> Sitemap:
    """Pages and child sitemaps of a sitemap; NotASitemap when it is neither XML nor text."""
    from lxml import etree

    try:
        data = gunzip(body, max_bytes)
    except (OSError, EOFError) as exc:
        raise NotASitemap(f"broken gzip ({exc})") from exc
    head = data.lstrip()[:1]
    if head != b"<":
        return _text_sitemap(data)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise NotASitemap(f"not a sitemap (XML error: {exc})") from exc
    kind = _local(root.tag)
    if kind == "sitemapindex":
        locs = [_text(node, "loc") for node in root if _local(node.tag) == "sitemap"]
        return Sitemap([], [loc for loc in locs if loc][:MAX_URLS])
    if kind != "urlset":
        raise NotASitemap(f"not a sitemap (the root element is <{kind}>)")
    pages: list[Link] = []
    for node in root:
        if _local(node.tag) != "url":
            continue
        loc = _text(node, "loc")
        if not loc:
            continue
        news = next((n for n in node if _local(n.tag) == "news"), None)
        title = _text(news, "title") if news is not None else None
        published = _text(news, "publication_date") if news is not None else None
        pages.append(Link(loc, title=title, published=_iso_date(published)))
        if len(pages) >= MAX_URLS:
            break
    return Sitemap(pages, [])


def _text(node: object, name: str) -> str | None:
    for child in node:  # type: ignore[attr-defined]
        if _local(child.tag) == name and child.text:
            return " ".join(child.text.split()) or None
    return None


def _iso_date(value: str | None) -> str | None:
    """The date part of a W3C datetime (`2024-05-01T09:00:00+01:00` -> `2024-05-01`)."""
    if not value:
        return None
    head = value.strip()[:10]
    return head if re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", head) else None


def _text_sitemap(data: bytes) -> Sitemap:
    text = data.decode("utf-8", errors="replace")
    urls = [line.strip() for line in text.splitlines() if line.strip()]
    if not urls or not all(u.startswith(("http://", "https://")) for u in urls[:10]):
        raise NotASitemap("not a sitemap (neither XML nor one URL a line)")
    return Sitemap([Link(u) for u in urls[:MAX_URLS]], [])
