"""Departure events: from the departure cues of a sentence ("is to step down", "resigned",
"departure of"), and from a successor's sentence ("taking over from interim finance
director Tony Gill", "succeeds Ruth Emsley": the person taken over from leaves)."""

from __future__ import annotations

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.person_roles import role_of
from sectorwatch.extract.events import listed_people, passive_succession
from sectorwatch.extract.events.common import TAKES_OVER_FROM, post_event, predecessor
from sectorwatch.extract.events.people_cues import cue_events
from sectorwatch.extract.events.rules import EventKind, EventRule, Sentences
from sectorwatch.extract.patterns import finditer
from sectorwatch.model import Event


def from_cues(ctx: ArticleContext, sentences: Sentences, i: int | None) -> list[Event]:
    assert i is not None
    return cue_events(ctx, sentences, i, "departure")


def from_successor(ctx: ArticleContext, sentences: Sentences, i: int | None) -> list[Event]:
    """The person taken over from leaves that post (announced, or completed for "took
    over")."""
    assert i is not None
    sent = sentences[i]
    out: list[Event] = []
    text = ctx.text
    for m in finditer(TAKES_OVER_FROM, text, *sent):
        if ctx.in_quote(m.start()):
            continue
        who = predecessor(ctx, m.end(), min(sent[1], m.end() + 70))
        if who is None:
            continue
        fact = role_of(ctx, who.canonical, sent, ("current", "leaving", "interim", "acting"))
        if fact is not None and fact.status == "incoming":
            fact = None
        status = "completed" if m.group("done") else "announced"
        out.append(
            post_event(ctx, "departure", (m.start(), m.end()), sent, who.canonical, fact, status)
        )
    return out


KIND = EventKind(
    type="departure",
    key=lambda e: e.person,
    rules=(
        EventRule("subject of a passive succession", 5, passive_succession.departures),
        EventRule("departure cues", 10, from_cues),
        EventRule("departure of the person succeeded", 30, from_successor),
        EventRule("people listed after a group's departure", 35, listed_people.departures),
    ),
)
