"""Appointment events: from the appointment cues of a sentence ("has been appointed",
"named X as", "will take up the role"), and from every role fact whose status is
"incoming" ("incoming joint finance director Julian Kelly")."""

from __future__ import annotations

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.events import career, passive_succession, stated_posts
from sectorwatch.extract.events.common import COMES_FROM, event
from sectorwatch.extract.events.people_cues import cue_events
from sectorwatch.extract.events.rules import EventKind, EventRule, Sentences
from sectorwatch.model import Event


def from_cues(ctx: ArticleContext, sentences: Sentences, i: int | None) -> list[Event]:
    assert i is not None
    return cue_events(ctx, sentences, i, "appointment")


def from_incoming_roles(ctx: ArticleContext, sentences: Sentences, i: int | None) -> list[Event]:
    """An appointment for each incoming role holder, unless the name is where they come
    from."""
    out = []
    assert ctx.people is not None
    for f in ctx.roles:
        if f.status != "incoming":
            continue
        named = ctx.people.starting_in(f.start, f.end)
        if named and all(COMES_FROM.search(ctx.text, max(0, m.start - 40), m.start) for m in named):
            continue  # "who joins from Brindle Care": a former employer, not a person
        sent = ctx.sentence_span(f.start, f.end)
        out.append(
            event(
                ctx, "appointment", (f.start, f.end), sent,
                person=f.person, role=f.role, organisation=f.organisation, status="announced",
            )
        )  # fmt: skip
    return out


KIND = EventKind(
    type="appointment",
    key=lambda e: e.person,
    rules=(
        EventRule("agent of a passive succession", 5, passive_succession.appointments),
        EventRule("appointment cues", 20, from_cues),
        EventRule("a verb of being and a post", 25, stated_posts.copula_appointments),
        EventRule("incoming role holders", 100, from_incoming_roles, scope="article"),
    ),
    distinct=career.distinct,
)
