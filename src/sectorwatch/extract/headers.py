"""Saved article files that open with a header block of metadata lines.

A file may start with `URL:`, `DATE:` (the published date, or `unknown`), `PUBLISHER:` and
`NOTE:` lines (the keys are in `data/article_headers.txt`), then a blank line, then the
article. The header is metadata, not text: `without_header` gives the article read from the
text after it (offsets count from the first character of the body), with the header's
date and publisher.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from sectorwatch.data import lines
from sectorwatch.model import Article


@dataclass(frozen=True)
class Header:
    fields: dict[str, str]
    body_start: int
    """Offset of the article text after the header block and its blank lines."""


@lru_cache(maxsize=1)
def header_keys() -> frozenset[str]:
    return frozenset(key.upper() for key in lines("article_headers.txt"))


def read_header(text: str) -> Header | None:
    """The header block opening `text`, or None when it has none. Every line before the
    first blank line must be `KEY: value` with a known key."""
    keys = header_keys()
    fields: dict[str, str] = {}
    offset = 0
    for line in text.split("\n"):
        key, colon, value = line.partition(":")
        if not colon or key.strip().upper() not in keys or key != key.strip():
            if line.strip() or not fields:
                return None
            break
        fields.setdefault(key.upper(), value.strip())
        offset += len(line) + 1
    if not fields:
        return None
    while offset < len(text) and text[offset] in "\r\n":
        offset += 1
    return Header(fields, min(offset, len(text)))


def header_date(value: str | None) -> str | None:
    """The published date of a `DATE:` value as a partial ISO date; None for `unknown`."""
    if not value or value.lower() == "unknown":
        return None
    from sectorwatch.ingest.bylines import parse_date

    return parse_date(value)


def without_header(article: Article) -> Article:
    """`article` read again from the text after its header block, with the header's
    published date and publisher; the article itself when its text has no header."""
    if article.format != "text":
        return article
    header = read_header(article.text)
    if header is None:
        return article
    from sectorwatch.ingest.text import read_text

    body = read_text(article.text[header.body_start :], article.source, article.encoding)
    published = header_date(header.fields.get("DATE")) or body.published
    publisher = header.fields.get("PUBLISHER") or body.publisher
    return replace(body, published=published, publisher=publisher)
