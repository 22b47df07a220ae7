"""Standard input ("-"): one article, or JSON Lines when the first line is a JSON object.

The kind is sniffed: JSON Lines when the first non-blank line is a JSON object, even one
holding bytes that are not UTF-8, which then fails alone (the stream is read line by line,
so a large JSON Lines stream is not held in memory); HTML when the start looks like
markup; else plain text. At most `max_bytes` are read for one article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import BinaryIO

from sectorwatch.ingest.decode import format_size
from sectorwatch.ingest.failure import ReadFailure
from sectorwatch.ingest.options import ReadOptions
from sectorwatch.ingest.readers import read_document_bytes
from sectorwatch.model import Article

SOURCE = "<stdin>"
_HTML = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<article|<!--|<div|<p[\s>])", re.I)


class _Prefixed:
    """A binary stream with some bytes already read put back in front."""

    def __init__(self, prefix: bytes, stream: BinaryIO) -> None:
        self.prefix = prefix
        self.stream = stream

    def readline(self, limit: int = -1) -> bytes:
        if self.prefix:
            if 0 <= limit < len(self.prefix):
                line, self.prefix = self.prefix[:limit], self.prefix[limit:]
                return line
            line, self.prefix = self.prefix, b""
            if line.endswith(b"\n"):
                return line
            return line + self.stream.readline(-1 if limit < 0 else limit - len(line))
        return self.stream.readline(limit)


def _is_json_object(line: bytes) -> bool:
    """Whether the first line is a JSON object, even one with bytes that are not UTF-8
    (the JSON Lines reader then fails that line alone, saying so)."""
    try:
        return isinstance(json.loads(line.decode("utf-8", "replace")), dict)
    except (ValueError, RecursionError):
        return False


def read_stdin(stream: BinaryIO, options: ReadOptions) -> Iterator[Article | ReadFailure]:
    prefix = b""
    while True:
        line = stream.readline(options.max_bytes + 1)
        prefix += line
        if not line or line.strip() or len(prefix) > options.max_bytes:
            break
    if line.strip() and _is_json_object(line):
        from sectorwatch.ingest.jsonl import read_jsonl

        yield from read_jsonl(_Prefixed(prefix, stream), SOURCE, options)  # type: ignore[arg-type]
        return
    data = prefix + stream.read(options.max_bytes + 1 - len(prefix))
    if len(data) > options.max_bytes:
        yield ReadFailure(
            SOURCE,
            f"standard input is over the {format_size(options.max_bytes)} limit; "
            "raise it with --max-bytes or SECTORWATCH_MAX_BYTES",
        )
        return
    kind = "html" if _HTML.match(data[:4096]) else "text"
    yield read_document_bytes(data, SOURCE, kind, options)
