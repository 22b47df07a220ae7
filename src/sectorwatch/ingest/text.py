"""Plain-text reader: pages scraped from news sites, saved as text.

`Article.text` is the decoded text exactly as read; paragraphs (blocks separated by blank
lines, see `sectorwatch.ingest.blocks`) point into it, so offsets found by the extractor
can be shown against the original file. A lone surrogate (text handed over by a JSON
reader) becomes U+FFFD, one character for one (`sectorwatch.ingest.clean`).
"""

from __future__ import annotations

from sectorwatch.ingest.blocks import lay_out
from sectorwatch.ingest.clean import clean_text
from sectorwatch.ingest.identity import article_id
from sectorwatch.model import Article


def read_text(text: str, source: str, encoding: str = "utf-8") -> Article:
    """An Article from the text of a scraped page."""
    text = clean_text(text)
    layout = lay_out(text)
    return Article(
        id=article_id(text),
        source=source,
        text=text,
        title=layout.title,
        authors=layout.authors,
        published=layout.published,
        paragraphs=layout.paragraphs,
        encoding=encoding,
        format="text",
    )
