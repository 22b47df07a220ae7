"""One options object for every reader (trafilatura's lesson: no keyword soup)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, BinaryIO

from sectorwatch.settings import Settings


def _default_max_bytes() -> int:
    return Settings.from_env().max_bytes


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read.

    - `max_bytes`: an input (a file, one JSON line, standard input) larger than this is
      reported as failed, not read; default `Settings.max_bytes` (SECTORWATCH_MAX_BYTES).
    - `encoding`: decode every input with this codec instead of detecting it.
    - `stdin`: the binary stream that "-" reads (default: the process's standard input).
    - `warc`: options for the WARC reader (a `sectorwatch.ingest.warc.WarcOptions`).
    """

    max_bytes: int = field(default_factory=_default_max_bytes)
    encoding: str | None = None
    stdin: BinaryIO | None = None
    warc: Any = None
