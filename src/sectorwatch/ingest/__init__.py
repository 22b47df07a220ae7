"""Ingest: files, folders, standard input -> Article values (or a failure with its reason).

    read_paths(paths, options) -> Iterator[Article | ReadFailure]

Readers: `text` (scraped pages saved as text), `html` (trafilatura), `jsonl` (one article
per line), `warc` (web archives, when installed). `decode` turns bytes into text,
`blocks` splits an article into classified paragraphs for every reader, `paths` walks
folders and dispatches on file extensions, `stdin` reads "-", `clean` makes what is read
storable (a lone surrogate becomes U+FFFD) and names printable (control characters and
undecodable bytes as backslash escapes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class ReadFailure:
    """An input that produced no article: `skipped` (not an article) or `failed` (broken)."""

    source: str
    reason: str
    outcome: Literal["skipped", "failed"] = "failed"


from sectorwatch.ingest.options import ReadOptions  # noqa: E402
from sectorwatch.ingest.paths import read_paths  # noqa: E402

__all__ = ["ReadFailure", "ReadOptions", "read_paths"]
