"""merger events: the organisations of the sentence (a combined body counts as its parts),
or, after "the two organisations/bodies/boards", the pair named last before it; the stage
is the cue's (requested > completed > proposed > announced when several match), and a later
sentence with a further stage replaces an earlier one."""

from __future__ import annotations

import re

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.events.common import event
from sectorwatch.extract.events.rules import EventKind, EventRule, Sentences, cues
from sectorwatch.model import Event

_TWO = re.compile(
    r"\b(?:the\s+two|both)\s+(?:\w+\s+){0,2}?(?:organisations|bodies|boards|trusts|agencies|"
    r"organizations|providers|partners|sides)\b",
    re.IGNORECASE,
)
# "The merger will be completed in April": the merger the article has already named.
_THE_MERGER = re.compile(
    r"\b(?:the|this|their)\s+(?:planned\s+|proposed\s+|full\s+|formal\s+)?"
    r"(?:merger|acquisition|takeover)\b",
    re.IGNORECASE,
)
# Which cue names the stage when several match in one sentence ("a step closer to a
# merger of" is proposed, not announced); across sentences the later stage wins.
_CUE_ORDER = {"completed": 0, "requested": 1, "proposed": 2, "announced": 3}
_MERGER_RANK = {"completed": 0, "requested": 1, "announced": 2, "proposed": 3}


def _merger_orgs(ctx: ArticleContext, sentences: Sentences, i: int) -> list[str]:
    assert ctx.organisations is not None
    orgs = ctx.organisations

    def names(s: int, e: int) -> list[str]:
        out: list[str] = []
        for m in orgs.in_span(s, e):
            for name in orgs.parts(m.canonical) or (m.canonical,):
                if name not in out and name != "NHS":
                    out.append(name)
        return out

    here = names(*sentences[i])
    if len(here) >= 2:
        return here[:2]
    if not (_TWO.search(ctx.text, *sentences[i]) or _THE_MERGER.search(ctx.text, *sentences[i])):
        return []
    for j in range(i - 1, max(-1, i - 6), -1):
        found = names(*sentences[j])
        if len(found) >= 2:
            return found[:2]
    combined = orgs.combined(sentences[i][0])
    return list(orgs.parts(combined)) if combined else []


def mergers(ctx: ArticleContext, sentences: Sentences, i: int | None) -> list[Event]:
    assert i is not None
    text = ctx.text
    sent = sentences[i]
    stage = None
    cue = None
    for pattern, value in sorted(cues("merger"), key=lambda pv: _CUE_ORDER[pv[1]]):
        for m in pattern.finditer(text, sent[0], sent[1]):
            if ctx.in_quote(m.start()) or re.search(r"\bmergers\b", m.group(0), re.I):
                continue
            if re.search(r"\buntil\b[^,.;]*$", text[sent[0] : m.start()], re.I):
                continue  # "until the two bodies are formally merged": a condition
            stage, cue = value, (m.start(), m.end())
            break
        if stage:
            break
    if stage is None or cue is None:
        return []
    organisations = _merger_orgs(ctx, sentences, i)
    if len(organisations) < 2:
        return []
    return [event(ctx, "merger", cue, sent, organisations=organisations, status=stage)]


def _later_stage(later: Event, first: Event) -> bool:
    return _MERGER_RANK[later.status or "proposed"] < _MERGER_RANK[first.status or "proposed"]


KIND = EventKind(
    type="merger",
    key=lambda e: frozenset(e.organisations),
    rules=(EventRule("merger cues", 60, mergers),),
    better=_later_stage,
)
