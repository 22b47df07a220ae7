"""Departures told of a group, then listed: "Those who have left recently or are leaving
shortly include regional director A; director of intelligence B; and C". Each person
named after "include" leaves, with the status of the departure cue nearest before it and
the post the list gives them."""

from __future__ import annotations

import re

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.person_roles import role_of
from sectorwatch.extract.events.common import post_event
from sectorwatch.extract.events.rules import Sentences, cues_in
from sectorwatch.model import Event

# The group subject and the verb that opens the list.
_GROUP = re.compile(r"\W*(?:those|others|people|departures|leavers)\b", re.IGNORECASE)
_INCLUDE = re.compile(r"\b(?:include|includes|included|including)\b", re.IGNORECASE)


def departures(ctx: ArticleContext, sentences: Sentences, i: int | None) -> list[Event]:
    assert i is not None and ctx.people is not None
    sent = sentences[i]
    text = ctx.text
    if not _GROUP.match(text, sent[0], sent[1]):
        return []
    listed = _INCLUDE.search(text, sent[0], sent[1])
    if listed is None or ctx.in_quote(listed.start()):
        return []
    found = [
        (m.start(), status)
        for pattern, status in cues_in("departure", text, (sent[0], listed.start()))
        for m in pattern.finditer(text, sent[0], listed.start())
    ]
    if not found:
        return []
    cue_start, status = max(found)
    out: list[Event] = []
    seen: set[str] = set()
    for mention in ctx.people.starting_in(listed.end(), sent[1]):
        if mention.canonical in seen:
            continue
        seen.add(mention.canonical)
        fact = role_of(ctx, mention.canonical, sent, ("leaving", "current", "interim", "acting"))
        out.append(
            post_event(
                ctx, "departure", (cue_start, listed.end()), sent, mention.canonical, fact, status
            )
        )
    return out
