"""Cheap tests of the text before a title that tell whether an owner pattern of the roles
stage (`roles.py`: "Trust chairman", "its chief executive", "the group's chair", "MPU GP
committee chair") can match at its end at all, so that the pattern is searched only then.

Each owner pattern ends with a word and at least one space right before the title (`\\s+$`);
the word is the last one of the text once its trailing spaces are stripped. Each test is a
necessary condition read from the pattern: False only where the pattern cannot match (or,
for the head owner, where its match would not name a head word), never where it can.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sectorwatch.extract.lexicon import determiners

_POSSESSIVES = ("’s", "'s")
_DETERMINERS = tuple(sorted(determiners("possessive")))
_DETERMINERS_PLAIN = all(d.isascii() and d.isalpha() and d.islower() for d in _DETERMINERS)
_DETERMINER_REACH = max(map(len, _DETERMINERS), default=0)


# a bracketed short name at the end of the text ("Greyhurst Trust (GHT) chair")
BRACKETED_END = re.compile(r"\s*\([A-Z][A-Za-z&]{1,9}\)\s*$")


def possessive_gap(text: str) -> int:
    r"""The length of the leftmost match of `(?:’s|'s|’)?\s*$` in `text` (it always has
    one): the trailing whitespace and the possessive right before it."""
    stripped = text.rstrip()
    if stripped.endswith(("’s", "'s")):
        return len(text) - len(stripped) + 2
    if stripped.endswith("’"):
        return len(text) - len(stripped) + 1
    return len(text) - len(stripped)


def _ascii_letter(ch: str) -> bool:
    return "A" <= ch <= "Z" or "a" <= ch <= "z"


@dataclass(frozen=True)
class OwnerTail:
    """The end of the text before a title."""

    stripped: str  # the text less its trailing whitespace
    spaced: bool  # whether whitespace ends the text (each owner pattern needs it)

    @classmethod
    def of(cls, before: str) -> OwnerTail:
        stripped = before.rstrip()
        return cls(stripped, len(stripped) < len(before))

    def _core(self) -> str:
        """The text less a final possessive ("Trust's" -> "Trust")."""
        s = self.stripped
        return s[:-2] if s.endswith(_POSSESSIVES) else s

    def may_name_head(self, heads: frozenset[str]) -> bool:
        """Whether `(?<![\\w’'-])(?:[Tt]he\\s+)?([A-Z][A-Za-z]+)(?:’s|'s)?\\s+$` can match
        with a head word (as written or capitalised), or `(trust|board)\\s+$` can: the
        capitalised word is the run of letters that ends the text (less a possessive)."""
        if not self.spaced:
            return False
        core = self._core()
        start = len(core)
        while start > 0 and _ascii_letter(core[start - 1]):
            start -= 1
        word = core[start:]
        return (
            word in heads
            or word.capitalize() in heads
            or self.stripped.endswith(("trust", "board"))
        )

    def may_have_determiner(self) -> bool:
        """Whether `\\b(possessive determiner)\\s+$` (ignoring case) can match: the text
        ends with a possessive determiner (compared in lower case where its end is ASCII)."""
        if not self.spaced:
            return False
        end = self.stripped[-_DETERMINER_REACH:]
        if not (_DETERMINERS_PLAIN and end.isascii()):
            return True
        return end.lower().endswith(_DETERMINERS)

    def may_have_possessive(self) -> bool:
        """Whether a pattern ending `(?:’s|'s)\\s+$` (ignoring case) can match."""
        return self.spaced and self.stripped[-2:-1] in ("’", "'")

    def may_have_acronym(self) -> bool:
        """Whether `([A-Z][A-Z&]{1,5})(?:’s|'s)?\\s+$` can match: a capital or "&" ends the
        text, or its possessive."""
        if not self.spaced:
            return False
        last = self.stripped[-1:]
        if "A" <= last <= "Z" or last == "&":
            return True
        before = self._core()[-1:] if self.stripped.endswith(_POSSESSIVES) else ""
        return "A" <= before <= "Z" or before == "&"
