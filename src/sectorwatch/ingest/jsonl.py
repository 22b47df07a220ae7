"""JSON Lines reader: one article per line, read line by line (a large file streams).

Each line is an object with `text` (plain text) or `html` (a page), and optionally `url`
or `source`, `title`, `authors` (a list or one string), `published` or `date`, and
`publisher`. Metadata given in the line overrides what the reader found in the text. Each
line gives an Article or a ReadFailure whose source is "FILE:LINE" and whose reason starts
with "line N: ". Blank lines are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from sectorwatch.ingest import ReadFailure
from sectorwatch.ingest.bylines import parse_date, split_authors
from sectorwatch.ingest.decode import format_size
from sectorwatch.ingest.html import read_html
from sectorwatch.ingest.options import ReadOptions
from sectorwatch.ingest.text import read_text
from sectorwatch.model import Article

_CHUNK = 1 << 20


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | int]]:
    """(line number, bytes), or (line number, size) for a line longer than `max_bytes`,
    whose bytes are skipped without being kept."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line)
            while True:
                rest = stream.readline(_CHUNK)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, size
            continue
        yield number, line


def read_jsonl(
    stream: BinaryIO, source: str, options: ReadOptions | None = None
) -> Iterator[Article | ReadFailure]:
    """Articles from a JSON Lines stream; `source` is the file's name, for messages."""
    options = options or ReadOptions()
    for number, line in _lines(stream, options.max_bytes):
        where = f"{source}:{number}"
        if isinstance(line, int):
            reason = (
                f"line {number}: {format_size(line)}, over the "
                f"{format_size(options.max_bytes)} limit; raise it with --max-bytes "
                "or SECTORWATCH_MAX_BYTES"
            )
            yield ReadFailure(where, reason)
            continue
        if not line.strip():
            continue
        yield read_json_line(line, number, where, options)


def read_json_line(
    line: bytes | str, number: int, where: str, options: ReadOptions | None = None
) -> Article | ReadFailure:
    """One line of a JSON Lines file as an Article or a failure."""
    try:
        text = (
            line.decode((options and options.encoding) or "utf-8")
            if isinstance(line, bytes)
            else line
        )
        record = json.loads(text)
    except UnicodeDecodeError as exc:
        return ReadFailure(where, f"line {number}: not UTF-8 (byte {exc.start})")
    except json.JSONDecodeError as exc:
        return ReadFailure(where, f"line {number}: invalid JSON: {exc}")
    if not isinstance(record, dict):
        return ReadFailure(where, f"line {number}: not a JSON object")
    return article_from_record(record, number, where)


def _string(record: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def article_from_record(record: dict[str, Any], number: int, where: str) -> Article | ReadFailure:
    url = _string(record, "url", "source")
    source = url or where
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        result: Article | ReadFailure = read_text(text, source)
    elif isinstance(html, str) and html.strip():
        result = read_html(html, source, url=url)
    else:
        return ReadFailure(where, f"line {number}: no text or html field")
    if isinstance(result, ReadFailure):
        return ReadFailure(where, f"line {number}: {result.reason}", result.outcome)
    _apply_metadata(result, record)
    return result


def _apply_metadata(article: Article, record: dict[str, Any]) -> None:
    title = _string(record, "title")
    if title:
        article.title = title
    if record.get("authors") or record.get("author"):
        article.authors = split_authors(record.get("authors") or record.get("author"))
    date = _string(record, "published", "date")
    if date:
        article.published = parse_date(date[:10] if _is_iso(date) else date) or article.published
    publisher = _string(record, "publisher", "sitename")
    if publisher:
        article.publisher = publisher


def _is_iso(value: str) -> bool:
    return len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit()
