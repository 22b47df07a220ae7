"""The JSON Lines reader: one article per line, a failure per bad line."""

from __future__ import annotations

import io
from pathlib import Path

from sectorwatch.ingest import ReadFailure, ReadOptions, read_paths
from sectorwatch.ingest.jsonl import read_jsonl

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
JSONL = str(FIXTURES / "articles.jsonl")


def test_good_and_bad_lines():
    items = list(read_paths([JSONL]))
    assert len(items) == 5  # the blank line 2 is not an input
    text_article, html_article, *failures = items
    assert failures == [
        ReadFailure(
            f"{JSONL}:4",
            "line 4: invalid JSON: Invalid control character at: line 1 column 21 (char 20)",
        ),
        ReadFailure(f"{JSONL}:5", "line 5: no text or html field"),
        ReadFailure(f"{JSONL}:6", "line 6: not a JSON object"),
    ]
    assert html_article.source == "delford.html"
    assert html_article.format == "html"
    assert html_article.title == "Delford hospice appoints director"


def test_metadata_in_the_line_overrides_what_the_reader_found():
    article = next(iter(read_paths([JSONL])))
    assert article.source == "https://example.org/ormsby"
    assert article.title == "Ormsby chief to retire"
    assert article.authors == ["Lena Marsh", "Idris Vane"]
    assert article.published == "2024-02-09"
    assert article.publisher == "Trust Board Review"
    body = [article.paragraph_text(p) for p in article.body_paragraphs()]
    assert body[-1] == "The board will appoint an interim chief executive in March."


def test_line_without_url_is_named_after_file_and_line():
    stream = io.BytesIO(b'{"text": "Linford trust names a new chair after a long search."}\n')
    [article] = read_jsonl(stream, "batch.jsonl")
    assert article.source == "batch.jsonl:1"


def test_line_over_the_limit_is_skipped_without_being_kept():
    big = b'{"text": "' + b"a" * 500 + b'"}\n'
    stream = io.BytesIO(big + b'{"text": "Short article text about a trust board."}\n')
    first, second = read_jsonl(stream, "big.jsonl", ReadOptions(max_bytes=100))
    assert first == ReadFailure(
        "big.jsonl:1",
        "line 1: 513 bytes, over the 100 bytes limit; raise it with --max-bytes or "
        "SECTORWATCH_MAX_BYTES",
    )
    assert second.source == "big.jsonl:2"
