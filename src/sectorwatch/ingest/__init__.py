"""Ingest: files, folders, standard input -> Article values (or a failure with its reason).

    read_paths(paths, options) -> Iterator[Article | ReadFailure]

Readers: `text` (scraped pages saved as text), `html` (trafilatura), `jsonl` (one article
per line), `warc` (web archives, when installed). `decode` turns bytes into text,
`blocks` splits an article into classified paragraphs for every reader, `readers` is the
registry (file extension -> reader), `paths` walks folders and dispatches through it,
`stdin` reads "-", `clean` makes what is read storable (a lone surrogate becomes U+FFFD)
and names printable (control characters and undecodable bytes as backslash escapes).
`failure` holds ReadFailure and imports nothing from the readers.
"""

from __future__ import annotations

from sectorwatch.ingest.failure import ReadFailure
from sectorwatch.ingest.options import ReadOptions
from sectorwatch.ingest.paths import read_paths

__all__ = ["ReadFailure", "ReadOptions", "read_paths"]
