"""JSON Lines reader: one article per line, read line by line (a large file streams).

Each line is an object with `text` (plain text) or `html` (a page), and optionally `url`
or `source`, `title`, `authors` (a list or one string), `published` or `date`, and
`publisher`. Metadata given in the line overrides what the reader found in the text. Each
line gives an Article or a ReadFailure whose source is "FILE:LINE" and whose reason starts
with "line N: ". Blank lines are ignored.

A `text` or `html` that is not a string fails its line, naming the field and its type
(`line 3: field text is a number, not a string`). A bad optional field (a `title` that is
not a string, an `authors` item that is not a string, a `published` date that does not
exist) is left out with a warning naming the field (`Article.warnings`), and the article
is kept. Lone surrogates in strings (`"\\ud83d"`) become U+FFFD.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from sectorwatch.dates import interval
from sectorwatch.ingest.bylines import parse_date, split_authors
from sectorwatch.ingest.clean import clean_value
from sectorwatch.ingest.decode import format_size
from sectorwatch.ingest.failure import ReadFailure
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
    except RecursionError:
        return ReadFailure(where, f"line {number}: invalid JSON: nested too deeply")
    if not isinstance(record, dict):
        return ReadFailure(where, f"line {number}: not a JSON object")
    return article_from_record(clean_value(record), number, where)


def json_type(value: Any) -> str:
    """The JSON name of a value's type: string, number, boolean, null, array, object."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


class _Fields:
    """The optional fields of one record, read with a warning for each bad one."""

    def __init__(self, record: dict[str, Any], number: int) -> None:
        self.record = record
        self.number = number
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        self.warnings.append(f"line {self.number}: {message}")

    def string(self, *names: str) -> str | None:
        """The first of `names` holding a non-blank string; a field of another type is
        a warning and is ignored."""
        found = None
        for name in names:
            value = self.record.get(name)
            if value is None:
                continue
            if not isinstance(value, str):
                self.warn(f"field {name} is {_a(json_type(value))}, not a string; ignored")
            elif value.strip() and found is None:
                found = value.strip()
        return found

    def authors(self) -> list[str] | None:
        for name in ("authors", "author"):
            value = self.record.get(name)
            if value is None:
                continue
            if isinstance(value, str):
                return split_authors(value)
            if not isinstance(value, list):
                kind = _a(json_type(value))
                self.warn(f"field {name} is {kind}, not a list of strings; ignored")
                continue
            names = []
            for i, item in enumerate(value, 1):
                if isinstance(item, str):
                    names.append(item)
                else:
                    kind = _a(json_type(item))
                    self.warn(f"field {name} item {i} is {kind}, not a string; left out")
            return split_authors(names)
        return None

    def published(self) -> str | None:
        for name in ("published", "date"):
            value = self.string(name)
            if value is None:
                continue
            date = parse_date(value[:10] if _is_iso(value) else value)
            if date is not None and is_real_date(date):
                return date
            self.warn(f"field {name} {value[:40]!r} is not a date; ignored")
        return None


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else ("null" if kind == "null" else f"a {kind}")


def is_real_date(value: str) -> bool:
    """A partial ISO date that exists (no 30 February, no month 13)."""
    try:
        interval(value)
    except ValueError:
        return False
    return True


def article_from_record(record: dict[str, Any], number: int, where: str) -> Article | ReadFailure:
    """An Article from one decoded line. `text` or `html` is required: one of another type
    fails the line, naming the field and its type. A bad optional field is a warning on
    the article (`Article.warnings`), and the article is kept."""
    for name in ("text", "html"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            kind = _a(json_type(value))
            return ReadFailure(where, f"line {number}: field {name} is {kind}, not a string")
    fields = _Fields(record, number)
    url = fields.string("url", "source")
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
    _apply_metadata(result, fields)
    result.warnings.extend(fields.warnings)
    return result


def _apply_metadata(article: Article, fields: _Fields) -> None:
    title = fields.string("title")
    if title:
        article.title = title
    authors = fields.authors()
    if authors:
        article.authors = authors
    date = fields.published()
    if date:
        article.published = date
    publisher = fields.string("publisher", "sitename")
    if publisher:
        article.publisher = publisher


def _is_iso(value: str) -> bool:
    return len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit()
