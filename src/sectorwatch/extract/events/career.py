"""Appointments in career histories: "In 1991 she was appointed medical director of X and
in 2004 became chief executive of Y", "She joined the trust in May 2017", "Appointed in
April 2021, Dame X ...".

An appointing cue in the simple past whose sentence dates it before the article is a
completed appointment, to the post written right after the cue when there is one. Two
appointments of one person are two changes (`distinct`) when both are completed and dated
in different years, when one is a dated completed step and they name different posts, or
when, undated and in two sentences, one is a deputy's post and the other the post
deputised, or when a sentence of its own tells a post held beside the first ("will also
serve as"); otherwise they are one appointment told twice."""

from __future__ import annotations

import re

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.events.common import post_after, title_near
from sectorwatch.extract.events.returns import returned
from sectorwatch.extract.lexicon import title_modifiers
from sectorwatch.model import Event

# The cue of a step already taken: "was appointed", "became", "joined", "Appointed in".
_PAST_CUE = re.compile(
    r"(?:was|were|had\s+been)\s|(?:became|joined|rejoined|first\s+joined|arrived|appointed)\b",
    re.IGNORECASE,
)
_GAP = re.compile(r"\s*(?:as\s+)?(?:the\s+|its\s+|an?\s+)?")
_MODIFIERS = re.compile(rf"(?:(?:{title_modifiers()})\s+)*", re.I)


_BODY_GAP = re.compile(r"\s*(?:(?:at|with|for|to)\s+)?(?:the\s+)?")


def career_step(
    ctx: ArticleContext, e: Event, cue: re.Match[str], post_known: bool = False
) -> Event:
    """`e` as a completed step of a career when its cue and date say so, with the post the
    cue names ("was appointed chief executive at X in October 2000"); with `post_known`
    (the caller found the post the cue refers to), `e`'s post stays."""
    from dataclasses import replace

    status = e.status
    own = _clause_date(ctx, (e.start, e.end), (cue.start(), cue.end()))
    if status == "announced" and _PAST_CUE.match(cue.group(0)) and _past(ctx, own):
        status = "completed"
    if status != "completed" or own is None:
        return e if status == e.status else replace(e, status=status)
    e = replace(e, date=own, effective=own, announced=None, date_range=None)
    if post_known:
        return replace(e, status=status)
    gap = _GAP.match(ctx.text, cue.end(), e.end)
    at = gap.end() if gap else cue.end()
    title = title_near(ctx, at, min(e.end, at + 40))
    if title is None or not _MODIFIERS.fullmatch(ctx.text, at, title[1]):
        # no post right after the cue: the one the sentence gives the person ("X, the
        # association's chief executive, started work ..."), else the body joined, if
        # named there ("joined X in 2019")
        if any(
            f.person == e.person and f.role == e.role and e.start <= f.start < e.end
            for f in ctx.roles
        ):
            return replace(e, status=status)
        assert ctx.organisations is not None
        gap = _BODY_GAP.match(ctx.text[at : e.end])
        body = ctx.organisations.starting_at(at + (gap.end() if gap else 0))
        return replace(e, status=status, role=None, organisation=body.canonical if body else None)
    role, organisation = post_after(ctx, at, e.end)
    same = e.role is not None and _same_role(role, e.role)
    org = organisation or (e.organisation if same else None)
    return replace(e, status=status, role=role, organisation=org)


# What may stand between a cue and its date in one clause ("was appointed chief executive
# at X in October 2000", "In 1991 she was appointed"): no clause break.
_CLAUSE_GAP = re.compile(r"(?:[^,;:()–—]|\([^()]{0,60}\)){0,90}")  # "(now Y)" inside


_JOINS = re.compile(r"\s(?:and|but|while|before|after)\s")


def _clause_date(ctx: ArticleContext, sent: tuple[int, int], cue: tuple[int, int]) -> str | None:
    """The date of the cue's own clause: the first after it with no clause break between,
    else one right before it ("In 1991 she was appointed")."""
    text = ctx.text
    before = None
    for d in ctx.dates.find(text[sent[0] : sent[1]], past=True):
        start, end = sent[0] + d.start, sent[0] + d.end
        if d.value is None:
            continue
        if d.kind == "since" and cue[0] <= start < cue[1]:
            return d.value  # "has held the post since 2019": the cue ends in the date's lead
        if start >= cue[1] and _CLAUSE_GAP.fullmatch(text, cue[1], start):
            if not _JOINS.search(text, cue[1], start):
                return d.value
        elif end <= cue[0] and _CLAUSE_GAP.fullmatch(text, end, cue[0]) and cue[0] - end < 40:
            before = d.value
    return before


def _past(ctx: ArticleContext, date: str | None) -> bool:
    if date is None:
        return False
    published = ctx.article.published
    return published is None or date[: len(published)] < published[: len(date)]


def _year(e: Event) -> str | None:
    return e.date[:4] if e.status == "completed" and e.date else None


def _words(role: str | None) -> set[str]:
    return set((role or "").lower().split()) - {"interim", "acting", "joint", "designate"}


_RANKS = {"deputy", "assistant", "associate", "vice", "co"}


def _same_role(a: str | None, b: str | None) -> bool:
    wa, wb = _words(a), _words(b)
    if (wa & _RANKS) != (wb & _RANKS) and wa and wb:
        return False  # a deputy's post is not the post deputised
    return not wa or not wb or wa <= wb or wb <= wa


def same_post_words(a: str, b: str) -> bool:
    """Whether two titles name one post ("chief executive", "interim chief executive")."""
    return _same_role(a, b)


def _same_post(a: Event, b: Event) -> bool:
    if not _same_role(a.role, b.role):
        return False
    return a.organisation is None or b.organisation is None or a.organisation == b.organisation


def distinct(later: Event, first: Event) -> bool:
    """Whether two appointments of one person are two steps of a career (one sentence
    telling a dated step taken and one to come is two: "X, who has served as interim chief
    executive since August, has been appointed chief executive")."""
    if returned(later) != returned(first) and not _same_role(later.role, first.role):
        return True  # "returns to her post of X" beside the post she stood in for
    y_later, y_first = _year(later), _year(first)
    if later.start == first.start and (y_later is None) != (y_first is None):
        return True
    if y_later and y_first:
        return y_later != y_first
    if y_later or y_first:
        return not _same_post(later, first)
    return _deputy_and_deputised(later, first) or _also_a_post(later, first)


# "will also serve as": a second post held beside the first ("will also become" is more
# often a title the same post carries: "will also become the body's accountable officer").
_ALSO = re.compile(r"\balso\s+(?:now\s+)?(?:serve|act)\s+as\b", re.IGNORECASE)


def _also_a_post(later: Event, first: Event) -> bool:
    """ "X will be director of A. ... X will also serve as deputy medical director": a post
    beside the first, told in a sentence of its own."""
    if later.evidence is None or first.evidence is None:
        return False
    if later.evidence.sentence_start == first.evidence.sentence_start:
        return False
    return _ALSO.search(later.evidence.sentence) is not None and not _same_role(
        later.role, first.role
    )


def _deputy_and_deputised(later: Event, first: Event) -> bool:
    """Two appointments told in two sentences, neither dated, one to a deputy's post and
    one to the post deputised ("X stepped up to interim chief executive. ... She will now
    become deputy chief executive"), are two posts."""
    if later.evidence is None or first.evidence is None or later.date or first.date:
        return False
    if later.evidence.sentence_start == first.evidence.sentence_start:
        return False
    wa, wb = _words(later.role), _words(first.role)
    return bool(wa and wb) and (wa & _RANKS) != (wb & _RANKS) and wa - _RANKS == wb - _RANKS
