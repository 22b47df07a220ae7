"""The parties of a merger listed right after its cue: "the three-way merger of A, B, and
C", "a merger between A and B", "A will merge with B and C". Every body of the list is a
party (a combined body counts as its parts), however many there are, and bodies named
elsewhere in the sentence ("The Secretary of State for Health has approved ...") are not."""

from __future__ import annotations

import itertools
import re

from sectorwatch.extract.context import ArticleContext

_OLD = r"(?:(?:old|former|then|existing|neighbouring)\s+)?"
_LIST_GAP = re.compile(
    rf"\s*,\s*(?:and\s+|&\s+)?(?:the\s+)?{_OLD}|\s+(?:and|&)\s+(?:the\s+)?{_OLD}"
)
_LEAD = re.compile(rf"\s*(?:the\s+)?{_OLD}")


def listed_after(ctx: ArticleContext, at: int, end: int) -> list[str]:
    """The bodies listed from `at` (right after the cue) to the end of the list."""
    assert ctx.organisations is not None
    orgs = ctx.organisations
    mentions = [m for m in orgs.in_span(at, end)]
    if not mentions or not _LEAD.fullmatch(ctx.text, at, mentions[0].start):
        return []
    listed = [mentions[0]]
    for m in mentions[1:]:
        if m.start < listed[-1].end:
            continue
        if not _LIST_GAP.fullmatch(ctx.text, listed[-1].end, m.start):
            break
        listed.append(m)
    out: list[str] = []
    for m in listed:
        for name in orgs.parts(m.canonical) or (m.canonical,):
            if name not in out:
                out.append(name)
    return out


def listed_before(ctx: ArticleContext, start: int, cue: int) -> list[str]:
    """The bodies of a list that is the subject of the cue ("A, B and C will merge"): every
    body from `start` to the cue, when they are one list (three or more parties)."""
    assert ctx.organisations is not None
    orgs = ctx.organisations
    mentions: list = []
    for m in orgs.in_span(start, cue):
        if not mentions or m.start >= mentions[-1].end:
            mentions.append(m)
    if len(mentions) < 2:
        return []
    if not all(
        _LIST_GAP.fullmatch(ctx.text, a.end, b.start) for a, b in itertools.pairwise(mentions)
    ):
        return []
    out: list[str] = []
    for m in mentions:
        for name in orgs.parts(m.canonical) or (m.canonical,):
            if name not in out:
                out.append(name)
    return out if len(out) >= 3 else []
