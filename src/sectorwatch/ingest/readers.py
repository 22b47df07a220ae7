"""The reader registry: which reader a file extension means, and one text or HTML document
from its bytes. Imports the readers, never their users (`paths`, `stdin`).
"""

from __future__ import annotations

from sectorwatch.ingest.decode import DecodeError, decode_bytes
from sectorwatch.ingest.failure import ReadFailure
from sectorwatch.ingest.options import ReadOptions
from sectorwatch.model import Article

EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".arc": "warc",
    ".arc.gz": "warc",
}


def file_kind(name: str) -> str | None:
    """ "text", "html", "jsonl", "warc", or None for a file name."""
    lower = name.lower()
    for ext in sorted(EXTENSIONS, key=len, reverse=True):
        if lower.endswith(ext):
            return EXTENSIONS[ext]
    return None


def read_document_bytes(
    data: bytes, source: str, kind: str, options: ReadOptions
) -> Article | ReadFailure:
    """One text or HTML document from its bytes."""
    try:
        decoded = decode_bytes(data, options.encoding, options.max_bytes)
    except DecodeError as exc:
        return ReadFailure(source, str(exc), "skipped" if exc.outcome == "skipped" else "failed")
    if kind == "html":
        from sectorwatch.ingest.html import read_html

        return read_html(decoded.text, source, encoding=decoded.encoding)
    from sectorwatch.ingest.text import read_text

    return read_text(decoded.text, source, encoding=decoded.encoding)
