"""Article identity: a hash of the normalised text, so re-reading an article changes nothing."""

from __future__ import annotations

import hashlib
import unicodedata

from sectorwatch.ingest.patterns import normalise_line

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def normalise_text(text: str) -> str:
    """NFKC, straight quotes, collapsed whitespace, lower case."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return normalise_line(text).lower()


def article_id(text: str) -> str:
    """16 hex digits of the SHA-256 of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]
