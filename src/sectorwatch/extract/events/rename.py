"""rename events: one organisation taking a new name, the cue written between the two names
("X, formerly Y", "Y has been renamed X", "Y will become X from April"); `organisations`
is the original organisation, `result` the resulting one (W3C ORG's change event), and the
cue's status: a rename done (`completed`) or to come (`announced`), with its dates."""

from __future__ import annotations

import re

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.events.common import event
from sectorwatch.extract.events.rules import EventKind, EventRule, Sentences, cues_in
from sectorwatch.model import Event

# What may stand between the first name and the cue, and between the cue and the second.
_BEFORE = re.compile(r"[\s,(\u2013\u2014-]*")
_AFTER = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)
_JOINED = re.compile(r"\s*(?:,|and|&)\s*(?:the\s+)?", re.IGNORECASE)


def _names_around(ctx: ArticleContext, sent: tuple[int, int], cue: re.Match[str]):  # type: ignore[no-untyped-def]
    """The organisation named right before the cue and the one right after it."""
    assert ctx.organisations is not None
    orgs = ctx.organisations
    before = [m for m in orgs.in_span(sent[0], cue.start())
              if _BEFORE.fullmatch(ctx.text, m.end, cue.start())]  # fmt: skip
    gap = _AFTER.match(ctx.text, cue.end(), sent[1])
    after = orgs.starting_at(gap.end()) if gap else None
    if not before or after is None:
        return None
    first = before[-1]
    if orgs.parts(first.canonical) or any(
        _JOINED.fullmatch(ctx.text, m.end, first.start) for m in before[:-1]
    ):
        return None  # "A and B will become C": a merger's result, not a new name
    return first.canonical, after.canonical


def renames(ctx: ArticleContext, sentences: Sentences, i: int | None) -> list[Event]:
    assert i is not None
    sent = sentences[i]
    out: list[Event] = []
    for pattern, value in cues_in("rename", ctx.text, sent):
        for m in pattern.finditer(ctx.text, sent[0], sent[1]):
            if ctx.in_quote(m.start()):
                continue
            names = _names_around(ctx, sent, m)
            if names is None or names[0] == names[1]:
                continue
            new, old = names if value == "formerly" else names[::-1]
            status = "announced" if value == "to be renamed" else "completed"
            cue = (m.start(), m.end())
            out.append(event(ctx, "rename", cue, sent, organisation=new, organisations=[old],
                             result=new, status=status))  # fmt: skip
    return out


KIND = EventKind(
    type="rename",
    key=lambda e: (tuple(e.organisations), e.result),
    rules=(EventRule("rename cues", 65, renames),),
)
