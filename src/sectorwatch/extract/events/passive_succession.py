"""Succession in the passive: "She was replaced by Mrs Tracey", "He will be succeeded by
Professor Ann Lowe", "Ms Pike is to be replaced as chair by Tom Arlo".

The subject leaves its post (completed for "was/has been replaced", announced for "will
be/is to be"); the person after "by" takes that post over. The active forms ("X replaces
Y", "took over from Y") are the successor rules of the departure and appointment modules;
these are the rules for the passive, shared by both (a rule of each KIND)."""

from __future__ import annotations

import re

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.coreference import pronoun_referent
from sectorwatch.extract.entities.person_roles import role_of
from sectorwatch.extract.events.common import post_event, predecessor
from sectorwatch.extract.events.rules import Sentences
from sectorwatch.extract.patterns import finditer
from sectorwatch.model import Event

PASSIVE = re.compile(
    r"\b(?P<aux>(?P<done>was|were|has\s+been|had\s+been|have\s+been)|will\s+be|is\s+to\s+be|"
    r"are\s+to\s+be|would\s+be|is\s+being|to\s+be)\s+(?:(?:temporarily|permanently|"
    r"formally)\s+)?(?:replaced|succeeded)\s+(?:as\s+[^,.;]{1,60}?\s+)?by\s+",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(he|she)\s+(?:\w+\s+)?$", re.IGNORECASE)


_COLONS = re.compile(r"[;:]")


def _subject(ctx: ArticleContext, sent: tuple[int, int], at: int) -> str | None:
    """The person who is replaced: the last named before the verb in the sentence, else the
    pronoun there, resolved."""
    assert ctx.people is not None
    named = ctx.people.starting_in(sent[0], at)
    if named and not _COLONS.search(ctx.text, named[-1].end, at):
        return named[-1].canonical
    p = _PRONOUN.search(ctx.text, max(sent[0], at - 20), at)
    if p is None:
        return None
    return pronoun_referent(ctx, p.start(1), p.group(1))


def passive_successions(
    ctx: ArticleContext, sentences: Sentences, i: int | None, kind: str
) -> list[Event]:
    assert i is not None
    sent = sentences[i]
    out: list[Event] = []
    for m in finditer(PASSIVE, ctx.text, *sent):
        if ctx.in_quote(m.start()):
            continue
        leaver = _subject(ctx, sent, m.start())
        successor = predecessor(ctx, m.end(), min(sent[1], m.end() + 70))
        if leaver is None or successor is None or successor.canonical == leaver:
            continue
        fact = role_of(ctx, leaver, sent, ("current", "leaving", "interim", "acting"))
        status = "completed" if m.group("done") else "announced"
        person = leaver if kind == "departure" else successor.canonical
        out.append(post_event(ctx, kind, (m.start(), m.end()), sent, person, fact, status))
    return out


def departures(ctx: ArticleContext, sentences: Sentences, i: int | None) -> list[Event]:
    return passive_successions(ctx, sentences, i, "departure")


def appointments(ctx: ArticleContext, sentences: Sentences, i: int | None) -> list[Event]:
    return passive_successions(ctx, sentences, i, "appointment")
