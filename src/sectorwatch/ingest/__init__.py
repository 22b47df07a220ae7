"""Ingest: files, folders, standard input -> Article values (or a failure with its reason).

STUB: the readers are being written. Interface:
    read_paths(paths, options) -> Iterator[Article | ReadFailure]
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
