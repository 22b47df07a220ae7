"""Reported speech after a verb of announcing with no "that": "X has announced he is to
step down", "the trust revealed Julia Squire is stepping down", "NHS Blanktown confirmed to
HSJ its boss Ann Lowe will leave", "the college confirmed Dr Pike would stay".

Verbs marked `*` in speech_verbs.txt ("announced", "confirmed", "revealed") report a clause
only after "that", so that "announced his decision to leave" and "revealed plans to" are not
speech. They report one without "that" too when the words after them are plainly a clause:
an optional listener ("to HSJ"), then a subject (a pronoun, a capitalised name, "its boss
NAME") and at once a finite verb (the speakers' `FINITE`: "is", "will", "had").
"""

from __future__ import annotations

import re

from sectorwatch.extract.quotes.cues import Cues
from sectorwatch.extract.quotes.speakers import FINITE

_NAME = r"(?:[A-Z][\w’'-]*\.?\s+){1,3}"
_CLAUSE = re.compile(
    r"\s*(?:to\s+(?:the\s+)?(?:[A-Z][\w&’'-]*\s+){1,4})?"  # the listener: "to HSJ"
    rf"(?:(?:he|she|they|it|we)\s+|(?:its|their|his|her|the)\s+[a-z-]+\s+{_NAME}|{_NAME})"
)


def announces_a_clause(verb: str, rest: str, cues: Cues) -> bool:
    """Whether `rest`, the words after a that-only speech verb, open a clause."""
    if verb not in cues.that_only_verbs:
        return False
    m = _CLAUSE.match(rest)
    return m is not None and FINITE.match(rest, m.end()) is not None
