"""Organisation names that open with a list of places: "Northumberland, Tyne and Wear NHS
Trust", "Barking, Havering and Redbridge University Hospitals NHS Trust", "Bath, North East
Somerset, Swindon & Wiltshire ICS".

The suffix rule of the organisation finder reads a capitalised phrase back to the first
comma, so it finds "Tyne and Wear NHS Trust". When such a phrase joins places with "and" or
"&", the capitalised words before it, each set off by a comma, are part of the name: the
start moves back over them. Not over a sentence adverb or other opener ("Meanwhile,",
"However,": data/organisation_openers.txt, clause_openers.txt, not_name_words.txt), not
past a newline, and not for a plural head ("Newham, Barts and Whipps Cross NHS Trusts" are
three trusts).
"""

from __future__ import annotations

import re
from functools import lru_cache

from sectorwatch.extract.lexicon import clause_openers, determiners, lower_words

_LIST_BEFORE = re.compile(r"((?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2},\s+)+)$")
_JOINED = re.compile(r"\s(?:and|&)\s")


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    return (
        lower_words("organisation_openers.txt")
        | clause_openers()
        | lower_words("not_name_words.txt")
        | determiners("definite", "indefinite")
    )


def list_start(text: str, start: int, end: int) -> int:
    """Where a name that ends at `end` and was read from `start` really starts."""
    surface = text[start:end]
    head = surface.split()[-1] if surface.split() else ""
    if not _JOINED.search(surface) or head.endswith("s") and not head.isupper():
        return start
    m = _LIST_BEFORE.search(text, max(0, start - 80), start)
    if m is None or "\n" in m.group(1):
        return start
    places = [p.strip() for p in m.group(1).split(",") if p.strip()]
    while places and places[0].split()[0].lower() in _openers():
        places.pop(0)
    if not places:
        return start
    first = m.start(1) + m.group(1).index(places[0])
    before = text[max(0, first - 2) : first]
    if re.search(r"[A-Za-z]\s$", before) and text[first - 2 : first - 1].isupper():
        return start
    return first
