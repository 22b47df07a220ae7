"""Regional NHS bodies named by "NHS" and a compass name: "NHS East of England", "NHS
North West", "NHS North Fenshire" (data/compass_words.txt). Their names carry no suffix the
finder knows, and the tagger often misses them."""

from __future__ import annotations

import re
from functools import lru_cache

from sectorwatch.extract.lexicon import word_alternation, words


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    compass = word_alternation(sorted(words("compass_words.txt")))
    # "NHS" + a compass word + up to two capitalised words, or "of" and one ("of England")
    return re.compile(
        rf"(?<![\w’'-])NHS[ \t]+(?-i:{compass})(?:[ \t]+(?:of[ \t]+)?[A-Z][a-z][\w-]*){{0,2}}"
        r"(?![\w’'-])"
    )


def regional_spans(text: str) -> list[tuple[int, int]]:
    """The spans of "NHS <compass> ..." names in the text."""
    return [(m.start(), m.end()) for m in _pattern().finditer(text)]
