"""merger events: the organisations of the sentence (a combined body counts as its parts),
or, after "the two organisations/bodies/boards", the pair named last before it; the stage
is the cue's (requested > completed > proposed > announced when several match), and a later
sentence with a further stage replaces an earlier one."""

from __future__ import annotations

import re

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.events.common import event
from sectorwatch.extract.events.merger_parties import listed_after, listed_before
from sectorwatch.extract.events.rules import EventKind, EventRule, Sentences, cues_in
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
# "the absorption of her old trust into Y": a party named by an anaphor, resolved to the body
# of the article whose name ends with the noun.
_ANAPHOR_PARTY = re.compile(
    r"\b(?:the|its|her|his|their|our)\s+(?:(?:old|former|own|neighbouring|sister|smaller)\s+)?"
    r"(?P<head>trust|board|council|hospital|authority|ccg|icb)\b",
    re.IGNORECASE,
)
# Denials and candidates: "this is not a merger", "possible merger partners".
_NOT_A_MERGER = re.compile(r"\b(?:not|no|never)\s+(?:an?\s+)?(?:formal\s+|full\s+)?$", re.I)
_PARTNERS = re.compile(r"\s+partners?\b", re.I)
_JOINED = re.compile(r"\s+(?:into|with|and|&)\s+(?:the\s+)?")
# Which cue names the stage when several match in one sentence ("a step closer to a
# merger of" is proposed, not announced); across sentences the later stage wins.
_CUE_ORDER = {"completed": 0, "requested": 1, "proposed": 2, "announced": 3}
_MERGER_RANK = {"completed": 0, "requested": 1, "announced": 2, "proposed": 3}


def _merger_orgs(
    ctx: ArticleContext, sentences: Sentences, i: int, cue: tuple[int, int] | None = None
) -> list[str]:
    assert ctx.organisations is not None
    orgs = ctx.organisations

    def names(s: int, e: int) -> list[str]:
        out: list[str] = []
        for m in orgs.in_span(s, e):
            for name in orgs.parts(m.canonical) or (m.canonical,):
                if name not in out and name != "NHS":
                    out.append(name)
        return out

    if cue is not None and len(listed := listed_after(ctx, cue[1], sentences[i][1])) >= 2:
        return listed  # "the three-way merger of A, B, and C"
    if cue is not None and (listed := listed_before(ctx, sentences[i][0], cue[0])):
        return listed  # "A, B and C will merge"
    here = names(*sentences[i])
    if len(here) >= 2:
        return here[:2]
    if len(here) == 1 and cue is not None and (pair := _anaphor_party(ctx, sentences[i], cue)):
        return pair
    if not (_TWO.search(ctx.text, *sentences[i]) or _THE_MERGER.search(ctx.text, *sentences[i])):
        return []
    for j in range(i - 1, max(-1, i - 6), -1):
        found = names(*sentences[j])
        if len(found) >= 2:
            return found[:2]
    combined = orgs.combined(sentences[i][0])
    return list(orgs.parts(combined)) if combined else []


def _anaphor_party(ctx: ArticleContext, sent: tuple[int, int], cue: tuple[int, int]) -> list[str]:
    """The two parties, in the order written, when the sentence names one body and the
    other by an anaphor that resolves to another body, written as a party: right after
    the cue ("the absorption of her old trust into Y") or joined to the named body ("the
    trust and Y", "its board with Y")."""
    assert ctx.organisations is not None
    orgs = ctx.organisations
    (named,) = orgs.in_span(*sent)[:1]
    for m in _ANAPHOR_PARTY.finditer(ctx.text, *sent):
        after_cue = ctx.text[cue[1] : m.start()].strip() == ""
        joined = _JOINED.fullmatch(ctx.text, m.end(), named.start) is not None
        if orgs.in_span(m.start(), m.end()) or not (after_cue or joined):
            continue
        other = orgs.resolve_head(m.group("head"), m.start())
        if other is None or other == named.canonical:
            continue
        return [other, named.canonical] if m.start() < named.start else [named.canonical, other]
    return []


_MERGERS = re.compile(r"\bmergers\b", re.I)


_UNTIL = re.compile(r"\buntil\b[^,.;]*$", re.I)


def mergers(ctx: ArticleContext, sentences: Sentences, i: int | None) -> list[Event]:
    assert i is not None
    text = ctx.text
    sent = sentences[i]
    stage = None
    cue = None
    for pattern, value in sorted(cues_in("merger", text, sent), key=lambda pv: _CUE_ORDER[pv[1]]):
        for m in pattern.finditer(text, sent[0], sent[1]):
            if ctx.in_quote(m.start()) or _MERGERS.search(m.group(0)):
                continue
            if _UNTIL.search(text[sent[0] : m.start()]):
                continue  # "until the two bodies are formally merged": a condition
            if _NOT_A_MERGER.search(text, max(sent[0], m.start() - 20), m.start()) or (
                _PARTNERS.match(text, m.end())
            ):
                continue  # "it was not a merger", "possible merger partners"
            stage, cue = value, (m.start(), m.end())
            break
        if stage:
            break
    if stage is None or cue is None:
        return []
    organisations = _merger_orgs(ctx, sentences, i, cue)
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
