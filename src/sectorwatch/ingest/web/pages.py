"""A fetched page -> an Article, through the HTML reader (`sectorwatch.ingest.html`).

The article's source is the page's canonical URL when it declares one (`<link
rel="canonical">`, else `og:url`; http or https, on the same site), else the URL that
answered after redirects. Its feed or sitemap entry fills the title, authors and date the
page lacks.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal
from urllib.parse import urljoin

from sectorwatch.ingest.failure import ReadFailure
from sectorwatch.ingest.web.fetch import Response
from sectorwatch.ingest.web.items import Link
from sectorwatch.model import Article

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", ""})


def page_article(response: Response, link: Link) -> Article | ReadFailure:
    """The article of a fetched page, or why there is none (the source is the link's URL)."""
    from sectorwatch.ingest.decode import DecodeError, decode_bytes
    from sectorwatch.ingest.html import read_html

    outcome: Literal["skipped", "failed"] = "failed" if link.named else "skipped"
    if response.media_type not in HTML_TYPES:
        return ReadFailure(link.url, f"not HTML ({response.media_type})", outcome)
    try:
        decoded = _decode(response, decode_bytes)
    except DecodeError as exc:
        return ReadFailure(link.url, str(exc), outcome if exc.outcome == "skipped" else "failed")
    source = canonical_url(decoded.text, response.url) or response.url
    item = read_html(decoded.text, source, url=source, encoding=decoded.encoding)
    if isinstance(item, ReadFailure):
        return ReadFailure(link.url, item.reason, item.outcome)
    return fill_from_link(item, link)


def _decode(response: Response, decode_bytes):  # type: ignore[no-untyped-def]
    from sectorwatch.ingest.decode import DecodeError

    if response.charset:
        try:
            return decode_bytes(response.body, response.charset)
        except DecodeError:
            pass  # a wrong or unknown charset header: detect instead
    return decode_bytes(response.body)


def fill_from_link(article: Article, link: Link) -> Article:
    """The feed's title, authors and date where the page gave none."""
    return replace(
        article,
        title=article.title or link.title,
        authors=article.authors or list(link.authors),
        published=article.published or link.published,
    )


def canonical_url(html: str, base: str) -> str | None:
    """The http(s) canonical URL a page declares, made absolute against `base`."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", errors="replace"))
    except Exception:  # noqa: BLE001 - markup lxml cannot read: no canonical URL
        return None
    link = (
        "//head//link[contains(concat(' ', normalize-space(translate(@rel,"
        " 'CANONICAL', 'canonical')), ' '), ' canonical ')]/@href"
    )
    for expression in (link, "//head//meta[@property='og:url']/@content"):
        for value in root.xpath(expression):
            url = urljoin(base, str(value).strip())
            if url.startswith(("http://", "https://")) and same_site(url, base):
                return url
    return None


def same_site(url: str, base: str) -> bool:
    """The same host, or one a subdomain of the other (`www.x.org` and `x.org`): a page
    may not claim to be another site's article."""
    from urllib.parse import urlsplit

    try:
        a = (urlsplit(url).hostname or "").lower()
        b = (urlsplit(base).hostname or "").lower()
    except ValueError:
        return False
    return bool(a and b) and (a == b or a.endswith(f".{b}") or b.endswith(f".{a}"))
