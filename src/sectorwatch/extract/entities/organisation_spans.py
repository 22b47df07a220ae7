"""Organisation spans trimmed to the organisation: what the finders took with a name that
is not part of it.

- a person's honorific at its start: no organisation;
- a sentence adverb or opener before it (data/organisation_openers.txt): "Meanwhile
  Westshire's ICS";
- a title before it: "Current CEO of Marlow Trust" is Marlow Trust, "Chair of the
  Institute's Board" names no body of its own;
- a place's possessive before a bare abbreviated head: the place and the head are the name
  ("Westshire's ICS" is Westshire ICS); before a generic word ("the Institute's Board") it
  is no name, unless a plural's (data/plural_owner_words.txt: "Westshire Children's
  Hospital"); before a full name it stays ("King's College Hospital");
- lower-case words after it: "the Brindle Care board" is Brindle Care;
- a team inside a body (data/organisation_unit_words.txt) is no organisation;
- a short name the article defined, then "and", at its start: "GaMH and Westmoor
  Community Health NHS Trust" read as one name is the second body (`after_short_name`).
`trim` gives the span kept (or None) and the name it stands for when that is not its text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from sectorwatch.extract.entities.vocab import (
    OrganisationTable,
    honorific_pattern,
    role_vocabulary,
)
from sectorwatch.extract.lexicon import words

_STATUS = re.compile(r"(?:(?:Current|Former|Interim|Acting|New|Outgoing|Incoming)\s+)?")
_LINK = re.compile(r"\s+(?:of|at|for)\s+(?:the\s+)?")
_POSSESSIVE = re.compile(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})(?:’s|'s)\s+")
_TRAILING_LOWER = re.compile(r"(?:\s+[a-z][\w-]*)+$")
_OPENER = re.compile(r"([A-Z][a-z]+),?\s+(?=[A-Z])")


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """Sentence openers and adverbs never part of a name ("Meanwhile Westshire's ICS")."""
    return frozenset(words("organisation_openers.txt"))


def trim(
    text: str, start: int, end: int, table: OrganisationTable
) -> tuple[tuple[int, int] | None, str | None]:
    """(the span kept, or None; the canonical name when it is not the kept text)."""
    if honorific_pattern().match(text[start:end] + " "):
        return None, None  # "Dr Penny Dash and NHS England's Board": a person first
    opener = _OPENER.match(text, start, end)
    while opener is not None and opener.group(1) in _openers():
        start = opener.end()
        opener = _OPENER.match(text, start, end)
    status = _STATUS.match(text, start, end)
    pos = status.end() if status else start
    title = role_vocabulary().pattern.match(text, pos, end)
    if title is not None:
        link = _LINK.match(text, title.end(), end)
        if link is None:
            return None, None
        start = link.end()
    lower = _TRAILING_LOWER.search(text, start, end)
    if lower is not None and lower.start() > start:
        end = lower.start()
    owner = _POSSESSIVE.match(text, start, end)
    if owner is not None:
        rest = text[owner.end() : end]
        if rest in table.abbrevs:
            return (start, end), f"{owner.group(1)} {rest}"
        plural = owner.group(1).rsplit(" ", 1)[-1] in words("plural_owner_words.txt")
        if rest in table.generic and not plural:  # "Westshire Children's Hospital" stays
            return None, None  # "the Institute's Board": the board of a body named so
    if text.startswith("’s", end - 2) or text.startswith("'s", end - 2):
        end -= 2
    end = _national_branch_end(text, start, end)
    if re.sub(r"^[Tt]he\s+", "", text[start:end]) in table.generic:
        return None, None  # "the Trust": a reference to a body, resolved by the roles stage
    if text[start:end].rsplit(" ", 1)[-1] in words("organisation_unit_words.txt"):
        return None, None  # "the Transformation Executive Team": a team, not a body
    return ((start, end) if end > start else None), None


@lru_cache(maxsize=1)
def _branch() -> re.Pattern[str]:
    """A nation after a name (data/nations.txt, the nouns): "BMA Wales", "NHS Education for
    Scotland"."""
    nouns = sorted((n for n in words("nations.txt") if not n.endswith("sh")), key=len)
    alt = "|".join(re.escape(n) for n in reversed(nouns))
    return re.compile(rf"(?P<for>[ \t]+for)?[ \t]+(?:{alt})(?![\w’'-])")


def is_branch(words: list[str], k: int) -> bool:
    """Whether the name `words` is its first `k` words' national branch ("BMA Wales")."""
    return _branch().fullmatch(" " + " ".join(words[k:])) is not None


def _national_branch_end(text: str, start: int, end: int) -> int:
    """Where a name that goes on with a nation ends: a short name's national branch ("BMA
    Wales") or an NHS body for a nation ("NHS Education for Scotland")."""
    m = _branch().match(text, end)
    if m is None:
        return end
    name = text[start:end]
    if m.group("for") is None and name.isupper() and 2 <= len(name) <= 6:
        return m.end()
    if m.group("for") is not None and name.startswith("NHS "):
        return m.end()
    return end


_SHORT_AND = re.compile(r"(?:the\s+)?([A-Z][A-Za-z&]{1,9})\s+(?:and|&)\s+(?:the\s+)?")


def after_short_name(
    text: str, span: tuple[int, int], short_names: Mapping[str, str]
) -> tuple[int, int]:
    """The span without a defined short name and "and" at its start, else the span."""
    m = _SHORT_AND.match(text, span[0], span[1])
    if m and m.group(1) in short_names and m.end() < span[1]:
        return (m.end(), span[1])
    return span


_LEAD_WORD = re.compile(r"(?<![\w’'-])([A-Z][\w-]*)[ \t]+$")


def capitalised_lead(text: str, start: int, openers: frozenset[str]) -> int:
    """Where a "HEAD of/for NAME" name starts once the capitalised words right before it
    are taken in: "National Skills Academy for Social Care", "National Institute for Health
    Research" (not one of `openers`, an honorific, an acronym or "The")."""
    for _ in range(3):
        m = _LEAD_WORD.search(text, max(0, start - 30), start)
        if m is None:
            break
        word = m.group(1)
        if (
            word in {"The", "A", "An"}
            or word in openers
            or honorific_pattern().match(word + " ")
            or word.isupper()
        ):
            break
        start = m.start(1)
    return start
