"""ReadFailure: an input that produced no article, with its reason.

Every reader returns these beside articles; this module imports nothing from the readers.
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
