"""A user's full-text query as its words and "quoted phrases" (every backend reads it so)."""

from __future__ import annotations

import re

_WORD = re.compile(r'"([^"]+)"|(\S+)')


def terms(user_query: str) -> list[str]:
    """A user's query as its words and "quoted phrases", punctuation removed."""
    out = []
    for phrase, word in _WORD.findall(user_query or ""):
        value = (phrase or word).replace('"', "")
        value = re.sub(r"[^\w\s'-]", " ", value).strip()
        if value:
            out.append(value)
    return out
