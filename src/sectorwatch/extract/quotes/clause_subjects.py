"""The pieces of a subject region before a speech verb (between commas, brackets and
dashes), and which clause of it holds the verb's subject: "The department welcomed the move
and [said]" and "..., which it [said]" share the first clause's subject; "Dr Vale is chair of
the panel and the GMC [has confirmed]" is the second clause's."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sectorwatch.extract.lexicon import finite_auxiliaries

_FINITE = re.compile(rf"\b(?:{finite_auxiliaries(with_clause_verbs=True)})\b", re.I)
# a subject, a past-tense predicate, then "and" or a relative pronoun for that subject
_SHARED_SUBJECT = re.compile(
    r"^(?P<subject>(?:[A-Z][\w’'\-]*|of|for|and|the)(?:\s+(?:[A-Z][\w’'\-]*|of|for|and|the))*)"
    r"\s+[a-z]+ed\b[^,;:]*(?:\s+and|,\s*which\s+(?:it|he|she|they))$"
)
# Pieces of a subject region: commas, brackets and dashes set off appositives and clauses.
_PIECE_BREAK = re.compile(r"[,()–—]|(?<=\s)-(?=\s)")  # a spaced hyphen is a dash
# a clause, then "and" and a short subject
_SECOND_CLAUSE = re.compile(r"^(.*\S\s+and)\s+(?:the\s+|The\s+)?(?:\S+\s*){1,4}$", re.S)


@dataclass(frozen=True)
class ClauseSubject:
    text: str  # the region to read the subject from
    shift: int  # where it starts in the region
    shared: bool  # the first clause's subject, shared by a coordinated predicate


def clause_subject(region: str) -> ClauseSubject | None:
    """The clause of `region` (stripped of its auxiliaries) whose subject the verb has, or
    None when the region is one clause."""
    shared = _SHARED_SUBJECT.match(region)
    if shared is not None and shared.group("subject")[:1].isupper():
        return ClauseSubject(shared.group("subject"), 0, True)
    second = _SECOND_CLAUSE.match(region)
    if second is not None and _FINITE.search(second.group(1)):
        rest = region[second.end(1) :]
        shift = second.end(1) + len(rest) - len(rest.lstrip())
        return ClauseSubject(rest.lstrip(), shift, False)
    return None


def subject_pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of the non-empty pieces of `text` between commas, brackets and dashes."""
    out = []
    pos = 0
    for m in _PIECE_BREAK.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]
