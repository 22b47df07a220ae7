"""Returns to a substantive post: "X will now return to her post of deputy chief
executive", "Dr Y returns to his previous role of medical director".

A return is an appointment to the post named after the cue (else to the post the person
holds that is not interim or acting), and, when the person holds an interim or acting
post, the departure from it. A return names its own post, so it is a change of its own
beside the person's other appointments (`distinct`)."""

from __future__ import annotations

import re

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.person_roles import role_of
from sectorwatch.extract.events.common import event, post_written_at
from sectorwatch.model import Event

_RETURN = re.compile(r"\b(?:return(?:s|ed|ing)?|go(?:es|ing)?\s+back|went\s+back)\s+to\b", re.I)
# Where the cue's post is written: "her post of X", "his previous role as X".
_POST_GAP = re.compile(r"\s+(?:of|as)\s+(?:the\s+|an?\s+)?")
_STAND_IN = ("interim", "acting")


def is_return(cue: str) -> bool:
    return _RETURN.search(cue) is not None


def return_events(
    ctx: ArticleContext, cue: re.Match[str], status: str, person: str, sent: tuple[int, int]
) -> list[Event]:
    """The appointment a return cue states, and the departure from a stand-in post."""
    stand_in = role_of(ctx, person, sent, _STAND_IN)
    if stand_in is not None and stand_in.status not in _STAND_IN:
        stand_in = None
    gap = _POST_GAP.match(ctx.text, cue.end(), sent[1])
    role = organisation = None
    if gap is not None:
        role, organisation = post_written_at(ctx, gap.end(), sent[1]) or (None, None)
    if role is None:
        held = role_of(ctx, person, sent, ("current", "former"))
        if held is not None and held.status not in _STAND_IN:
            role, organisation = held.role, held.organisation
    if organisation is None and stand_in is not None:
        organisation = stand_in.organisation
    out = [
        event(
            ctx, "appointment", (cue.start(), cue.end()), sent,
            person=person, role=role, organisation=organisation, status=status,
        )
    ]  # fmt: skip
    if stand_in is not None:
        out.append(
            event(
                ctx, "departure", (cue.start(), cue.end()), sent,
                person=person, role=stand_in.role, organisation=stand_in.organisation,
                status=status,
            )
        )  # fmt: skip
    return out


def returned(e: Event) -> bool:
    """Whether `e` is the appointment of a return: its sentence has a return cue with the
    event's post written after it."""
    if e.evidence is None or e.role is None:
        return False
    sentence = e.evidence.sentence
    m = _RETURN.search(sentence)
    return m is not None and e.role.lower() in sentence[m.end() : m.end() + 80].lower()
