"""Stance of each quote towards the article's main event: welcome, concern, mixed, neutral.

Lexicon rules (stance_welcome.txt, stance_concern.txt, stance_negation.txt): each cue found
in the quote's words counts for its side; a negation within the three words before a cue
moves it to the other side ("not welcome" is a concern, "no concerns" a welcome). Both
sides present make the quote mixed. The cues that decided are kept in `stance_cues`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sectorwatch.extract.patterns import trie_alternation
from sectorwatch.extract.quotes.cues import load_cues

_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"[\w’']+")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    cues = load_cues()
    side = {w: "welcome" for w in cues.welcome}
    side.update({w: "concern" for w in cues.concern})
    alternation = trie_alternation(sorted(side), fold=True)  # the longest cue wins
    return re.compile(rf"(?<![\w’'-])(?:{alternation})(?![\w’'-])", re.I), side, cues.negation


def stance_of(text: str) -> tuple[str, list[str]]:
    """The stance of one quote's text and the cue words that decided it."""
    pattern, side, negation = _patterns()
    found: dict[str, list[str]] = {"welcome": [], "concern": []}
    for m in pattern.finditer(text):
        cue = _SPACES.sub(" ", m.group(0).lower())
        which = side.get(cue, "welcome")
        before = _WORDS.findall(text[max(0, m.start() - 40) : m.start()].lower())[-3:]
        if any(w in negation for w in before) and cue not in negation:
            which = "concern" if which == "welcome" else "welcome"
            cue = f"{before[-1]} … {cue}" if before[-1] not in negation else f"{before[-1]} {cue}"
        found[which].append(cue)
    if found["welcome"] and found["concern"]:
        return "mixed", found["welcome"] + found["concern"]
    if found["welcome"]:
        return "welcome", found["welcome"]
    if found["concern"]:
        return "concern", found["concern"]
    return "neutral", []
