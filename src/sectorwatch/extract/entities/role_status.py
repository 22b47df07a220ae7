"""The status of a role fact read from the words around its title (data/status_cues.tsv):
the modifiers before it, the words after it, the words that join the person to it, the
predicate after the comma that closes it; and a title joined by "and" to a former post."""

from __future__ import annotations

import re

from sectorwatch.extract.entities.role_context import DraftRole
from sectorwatch.extract.entities.vocab import status_cues


def _status_from(mods: str, after: str, between: str, tail: str) -> str:
    for pattern, status, where in status_cues():
        if where == "mod" and pattern.search(mods):
            return status
        if where == "after" and pattern.match(after.strip()):
            return status
    for pattern, status, where in status_cues():
        if where == "clause" and pattern.search(between):
            return status
        if where == "tail" and (pattern.search(between) or pattern.search(tail)):
            return status
    return "current"


def _status_after_comma(rest: str) -> str | None:
    """ "Ardmore chief executive Oswin Teller, is to step down": the predicate after the
    comma that closes the fact, when it starts with a status cue; past a relative clause
    ("X, who is also chair of B, is to step down")."""
    for skip in (r"\s*,\s*who\s[^,.;:]{1,80}(?=,)", ""):
        m = re.match(rf"{skip}\s*,\s*(?:who\s+)?([^,.;:]{{0,80}})", rest)
        if m is None:
            continue
        for pattern, status, where in status_cues():
            if where == "tail" and pattern.match(m.group(1)):
                return status
    return None


def _settled(rest: str) -> bool:
    """ "X, who has been interim chief executive since May, has been made permanent"."""
    return any(w == "settled" and p.search(rest) for p, _, w in status_cues())


# "stepped up from her role as chief operating officer", "left his post as": the post left
_LEFT_POST = re.compile(
    r"\b(?:from|left|leaves|leaving)\s+(?:his|her|their)\s+(?:[a-z]+\s+)?(?:role|post|job|position)"
    r"\s+as\s+(?:the\s+|a\s+|an\s+)?$"
)


def status_of(
    mods: str, after: str, between: str, tail_clause: str, rest: str, given: str | None
) -> str:
    """The fact's status: the cues around the title; else the status its holder's words
    gave (`given`); else the predicate after the comma ("X, who is also chair of B, is to
    step down": not the other post's); "from" before the title (incoming) unless it is a
    post left ("stepped up from her role as"); an interim post "made permanent" is current."""
    status = _status_from(mods, after, between, tail_clause[:60])
    last = between.rsplit(",", 1)[-1]
    if (
        status in ("current", "incoming")
        and last != between
        and _status_from("", "", last, "") == "former"
    ):
        status = "former"  # "X, who will join in May, previously worked as": the nearest
    if given and status == "current":
        status = given
    if status == "current" and not tail_clause.strip() and "also" not in between.split():
        status = _status_after_comma(rest) or status
    if status == "current" and _LEFT_POST.search(between):
        status = "former"
    if status == "current" and re.search(r"\bfrom\s+\w+", between):
        status = "incoming"
    if status in ("interim", "acting") and _settled(rest):
        status = "current"
    return status


def share_former(text: str, facts: list[DraftRole]) -> None:
    """ "after having been chief nurse and director of midwifery at X": a title joined by
    "and" to a former post of the same person is former too."""
    for a, b in zip(facts, facts[1:], strict=False):
        if a.person == b.person and a.status == "former" and b.status == "current":
            if a.end <= b.start and re.fullmatch(r",?\s*and\s+(?:the\s+)?", text[a.end : b.start]):
                b.status = "former"
