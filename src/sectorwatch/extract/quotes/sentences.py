"""Quote-aware sentence splitting of one paragraph, by rule (no parser needed).

A sentence ends after . ! ? (and any closing quote marks) followed by a space and a capital
letter, digit or opening mark, unless the stop belongs to an abbreviation (Mr., Dr., St.)
or falls inside a quoted stretch. A quote that spans several sentences stays whole.
"""

from __future__ import annotations

import re

from sectorwatch.extract.lexicon import lower_words
from sectorwatch.extract.quotes.marks import QuotedSpan

_BOUNDARY = re.compile(r"[.!?…]+[”’\"')\]]*(?=\s+[“‘\"'A-Z0-9(])")
_ONE_LETTER = re.compile(r"[a-z]")
_ABBREVIATIONS = lower_words("sentence_abbreviations.txt")


def split_sentences(text: str, spans: list[QuotedSpan]) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, whitespace trimmed."""
    cuts = [0]
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if any(s.open_at < end <= (len(text) if s.close_at is None else s.close_at) for s in spans):
            if not any(s.close_at is not None and s.close_at + 1 == end for s in spans):
                continue
        before = text[: m.start()].split()
        word = before[-1].lower().strip("(“‘\"'") if before else ""
        if text[m.start()] == "." and (word in _ABBREVIATIONS or _ONE_LETTER.fullmatch(word)):
            continue
        cuts.append(end)
    cuts.append(len(text))
    out = []
    for s, e in zip(cuts, cuts[1:], strict=False):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out
