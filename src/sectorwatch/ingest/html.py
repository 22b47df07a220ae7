"""HTML reader: trafilatura finds the main text and the metadata.

For HTML input, `Article.text` is the *extracted* text, not the markup: each paragraph,
heading or list item that trafilatura keeps becomes one paragraph, separated from the next
by a blank line, and every offset (paragraphs, quotes, facts) points into that text. The
markup itself is not kept. Teaser lists and site furniture that trafilatura keeps are
classified by the same rules as plain text (`sectorwatch.ingest.blocks`).

Metadata: title, authors (split into a list), date (a partial ISO date; never today's
date), sitename -> publisher, url. Tables are left out unless the page has no other text.
"""

from __future__ import annotations

from typing import Any

from sectorwatch.ingest.blocks import lay_out
from sectorwatch.ingest.bylines import parse_date, split_authors
from sectorwatch.ingest.clean import clean_text
from sectorwatch.ingest.failure import ReadFailure
from sectorwatch.ingest.identity import article_id
from sectorwatch.model import Article

NO_TEXT = "no article text found in HTML"


def _extract(html: str, url: str | None, include_tables: bool) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        url=url,
        favor_recall=True,
        include_comments=False,
        include_tables=include_tables,
        include_images=False,
        include_links=False,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _text_of(document: Any) -> str:
    raw = (getattr(document, "text", None) or "") if document is not None else ""
    lines = [line.strip() for line in raw.splitlines()]
    return "\n\n".join(line for line in lines if line)


def read_html(
    html: str, source: str, url: str | None = None, encoding: str = "utf-8"
) -> Article | ReadFailure:
    """An Article from an HTML page, or a failure when it has no main text."""
    html = clean_text(html)
    try:
        document = _extract(html, url, include_tables=False)
        text = _text_of(document)
        if not text:
            document = _extract(html, url, include_tables=True)
            text = _text_of(document)
    except Exception as exc:  # trafilatura/lxml on badly broken markup
        return ReadFailure(source, f"{NO_TEXT} ({type(exc).__name__}: {exc})")
    if not text:
        return ReadFailure(source, NO_TEXT)
    title = _clean(getattr(document, "title", None))
    layout = lay_out(text, known_title=title)
    date = _clean(getattr(document, "date", None))
    return Article(
        id=article_id(text),
        source=source,
        text=text,
        title=title or layout.title,
        authors=split_authors(_clean(getattr(document, "author", None))) or layout.authors,
        published=(parse_date(date) if date else None) or layout.published,
        publisher=_clean(getattr(document, "sitename", None)),
        paragraphs=layout.paragraphs,
        encoding=encoding,
        format="html",
    )


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
