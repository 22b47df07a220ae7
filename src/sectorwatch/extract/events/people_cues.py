"""Departures and appointments read from their cues: the person is the nearest person (or
he/she) before the cue in its sentence, the object of an active appointing verb ("has
appointed Helena Markby as"), or the first after "departure of" / "appointment of"; role
and organisation come from that person's role facts (the one stated in the same sentence
first), else, for an appointment, the title the cue names."""

from __future__ import annotations

import re

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.events.common import (
    UNNAMED_SUBJECT,
    event,
    named_right_after,
    person_after,
    post_after,
    role_of,
    subject_before,
    syntactic_subjects,
    title_near,
)
from sectorwatch.extract.events.rules import cues_in
from sectorwatch.model import Event


def cue_events(ctx: ArticleContext, sentences, i: int, kind: str) -> list[Event]:  # type: ignore[no-untyped-def]
    """The `kind` ("departure" or "appointment") events the cues of sentence `i` state."""
    out: list[Event] = []
    sent = sentences[i]
    text = ctx.text
    for pattern, status in cues_in(kind, text, sent):
        for m in pattern.finditer(text, sent[0], sent[1]):
            if ctx.in_quote(m.start()):
                continue
            named = named_right_after(ctx, m.end()) if kind == "appointment" else None
            person: str | None
            if named is not None:
                person = named  # "has appointed Helena Markby as": the object
            elif re.search(r"\bof\s*$", m.group(0)):
                person = person_after(ctx, m.end(), min(sent[1], m.end() + 90))
            else:
                found = subject_before(ctx, sent[0], m.start(), kind == "appointment")
                person = found[0] if found else None
                if found and UNNAMED_SUBJECT.search(text, found[1], m.start()):
                    continue  # "her successor will be appointed": nobody named
                if person is None and kind == "appointment":
                    person = person_after(ctx, m.end(), min(sent[1], m.end() + 60))
            people = [person] if person is not None else []
            if named is None and not re.search(r"\bof\s*$", m.group(0)):
                people = _with_parsed_subjects(ctx, sent, (m.start(), m.end()), people)
            for who in people:
                found_event = _event_for(ctx, kind, m, status, who, sent)
                if found_event is not None:
                    out.append(found_event)
    return out


_JOINED_SUBJECTS = re.compile(r"\s(?:and|&)\s")


def _with_parsed_subjects(
    ctx: ArticleContext, sent: tuple[int, int], cue: tuple[int, int], people: list[str]
) -> list[str]:
    """The parse decides where the surface cannot: the verb's subject when the surface
    found nobody, and the others of coordinated subjects ("X and Y were appointed joint
    chairs") when the surface's person is one of them."""
    if people and not _JOINED_SUBJECTS.search(ctx.text, sent[0], cue[0]):
        return people  # nothing coordinated before the cue: no parse needed
    parsed = syntactic_subjects(ctx, sent, cue, besides=people[0] if people else None)
    if not people:
        return parsed
    if people[0] in parsed:
        return people + [p for p in parsed if p not in people]
    return people


def _event_for(ctx, kind, m, status, person, sent) -> Event | None:  # type: ignore[no-untyped-def]
    """The event of one person at one cue, with the post they hold or take."""
    prefer: tuple[str, ...] = ("leaving", "current", "interim", "acting", "former")
    if kind == "appointment":
        prefer = ("incoming", "interim", "acting", "current")
    fact = role_of(ctx, person, sent, prefer)
    if kind == "appointment" and (fact is None or fact.status in ("former", "leaving")):
        title = title_near(ctx, m.end(), min(sent[1], m.end() + 40))
        if title is None and (fact is None or fact.status == "leaving"):
            return None  # "was made a dame": no post, and none to leave
    if kind == "departure" and fact is not None and fact.status == "incoming":
        fact = None
    if kind == "departure":
        fact = _post_left(ctx, person, m.end(), sent) or fact
    role = fact.role if fact else None
    organisation = fact.organisation if fact else None
    if kind == "appointment" and fact is None:
        role, organisation = post_after(ctx, m.end(), sent[1])
    return event(
        ctx, kind, (m.start(), m.end()), sent,
        person=person, role=role, organisation=organisation, status=status,
    )  # fmt: skip


_LEFT_BODY = re.compile(
    r"[ \t]+(?:from[ \t]+|as[ \t]+[^,.;]{1,60}?[ \t]+(?:of|at)[ \t]+)?(?:the[ \t]+)?"
)


def _post_left(ctx: ArticleContext, person: str, cue_end: int, sent: tuple[int, int]):  # type: ignore[no-untyped-def]
    """The role fact of `person` at the body the cue names right after it ("will leave
    Greyhurst in the spring", "stepped down from the trust"): a departure is from that body,
    whichever post the sentence's other facts name."""
    assert ctx.organisations is not None
    gap = _LEFT_BODY.match(ctx.text, cue_end, sent[1])
    named = ctx.organisations.starting_at(gap.end() if gap else cue_end)
    if named is None:
        return None
    prefer = ("leaving", "current", "interim", "acting")
    return role_of(ctx, person, sent, prefer, organisation=named.canonical)
