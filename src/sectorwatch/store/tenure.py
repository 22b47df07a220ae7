"""Terms of office built from the reports about one post: the rules, with no database.

A term is the store's answer to "who held this post, from when to when", in the manner of
Wikidata's "position held" statements (start time, end time, replaces, replaced by, end
cause) and FollowTheMoney's Occupancy. The rules (docs/store.md, "Terms of office"):

- interim and acting holders are their own terms, apart from a substantive term of the
  same person (an event joins the term of its own article's reports);
- a start is a stated start (`valid_from`) or an appointment's effective date; without
  one the term is known only from its earliest report ("start unknown");
- an end is a stated end, a departure's effective date, a completed departure's date; a
  report calling the holder "former" ends the term at or before that report; without any
  the term was "last reported on D" and is presumed for `OPEN_TERM_YEARS` after, no more;
- "incoming" starts after the report; an announced departure makes the holder "leaving"
  from the day it was reported until its effective date;
- successions: on a post held by one person at a time, the next holder's start ends the
  previous term when nothing else does (`replaced_by` / `replaces`).

They live in the store layer because the store keeps every post's terms as they are before
any judgement (`store.term_rows`, migration 7), rebuilt in the transaction that changes the
post's reports; `query.terms` says a term's status on a date, `query.holders` applies the
judgements (and builds the terms afresh for a post a judgement touches).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from sectorwatch import dates
from sectorwatch.data import lines

if TYPE_CHECKING:
    from sectorwatch.query.common import EvidenceRef

ORIGIN_RANK = {"curated": 0, "extracted": 1, "inferred": 2}


@lru_cache(maxsize=16_384)
def date_interval(value: str) -> tuple[date, date]:
    """`dates.interval`, remembered: the questions compare the same few thousand dates
    over and over (a ValueError is raised again each time, never remembered)."""
    return dates.interval(value)


def date_precision(*values: str | None) -> int:
    return max((dates.precision(v) for v in values if v and dates.is_partial_date(v)), default=0)


def preference_key(origin: str, precision: int, observed: str | None) -> tuple[Any, ...]:
    """Sort key: curated before extracted before inferred, then more precise dates, then
    the more recent report."""
    recency = date_interval(observed)[1].toordinal() if observed else 0
    return (ORIGIN_RANK.get(origin, 9), -precision, -recency)


OPEN_TERM_YEARS = 3
"""How long after its last report a term with no known end is still presumed."""

IN_POST = ("current", "leaving", "interim", "acting")
NOT_HOLDING = ("former", "incoming", "unknown")


@cache
def multi_holder_roles() -> frozenset[str]:
    """Roles held by several people at once (no succession between their terms)."""
    return frozenset(lines("multi_holder_roles.txt"))


@dataclass
class HolderClaim:
    """One report about a person in a post: an occupancy read in an article, or a
    leadership event (`source` "appointment" or "departure"; its `status` is inferred)."""

    claim_id: str
    status: str
    valid_from: str | None
    valid_to: str | None
    observed: str | None
    origin: str
    evidence: EvidenceRef | None = None
    source: str = "occupancy"
    article_id: str | None = None
    event_status: str | None = None  # an event's own status: announced or completed
    event_date: str | None = None  # an event's main date

    def key(self) -> tuple:
        return _claim_key(self.origin, self.valid_from, self.valid_to, self.observed)


@lru_cache(maxsize=16_384)
def _claim_key(
    origin: str, valid_from: str | None, valid_to: str | None, observed: str | None
) -> tuple:
    """`HolderClaim.key`, remembered: claims share a few thousand dates and origins."""
    return preference_key(origin, date_precision(valid_from, valid_to), observed)


@dataclass
class Term:
    """One term of one person in one post."""

    person_id: str
    post_id: str
    kind: str  # substantive | interim | acting
    start: str | None = None
    start_basis: str | None = None  # "stated" | "appointment"
    end: str | None = None
    end_cause: str | None = None  # stated end | departure | succeeded | reported former
    ended_by: str | None = None  # the term ended on or before this date (a "former" report)
    first_reported: str | None = None  # the earliest report of the holder in post
    last_reported: str | None = None  # the latest report of the holder in post
    announced: str | None = None  # first reported as incoming (appointed, not yet started)
    leaving: str | None = None  # an announced departure's effective date
    leaving_reported: str | None = None  # when the departure was first reported
    possible_from: date | None = None  # a "former"-only term: held no earlier than this
    replaces: str | None = None  # person id of the previous holder
    replaced_by: str | None = None  # person id of the next holder
    claims: list[HolderClaim] = field(default_factory=list)  # preferred first

    @property
    def undated(self) -> bool:
        """No report of this term has a date: every answer built on it says so."""
        return all(c.observed is None for c in self.claims)

    @property
    def known_from(self) -> str | None:
        """The earliest date the evidence reaches: the start, else the first report."""
        return self.start or self.first_reported

    def order_key(self) -> date:
        """When the term began, as far as the evidence says: its start, else its first
        report (never after its end), else its end."""
        begun = [
            date_interval(v)[0] for v in (self.start, self.first_reported, self.announced) if v
        ]
        ended = [date_interval(v)[0] for v in (self.end, self.ended_by) if v]
        if begun:
            return min(begun + ended[:1])
        return min(ended, default=date.max)

    def end_key(self) -> date:
        return (
            date_interval(self.end or self.ended_by)[0] if (self.end or self.ended_by) else date.max
        )


def term_order(t: Term) -> tuple[date, date, bool]:
    """Terms of a post in order: by when they began, an ended one first, interim first."""
    return (t.order_key(), t.end_key(), t.kind == "substantive")


def _first(*values: str | None) -> str | None:
    found = [v for v in values if v]
    return min(found, key=lambda v: date_interval(v)[0]) if found else None


def _last(*values: str | None) -> str | None:
    found = [v for v in values if v]
    return max(found, key=lambda v: date_interval(v)[1]) if found else None


def _before(a: str, b: str) -> bool:
    """`a` ends before `b` begins (partial dates as intervals)."""
    return date_interval(a)[1] < date_interval(b)[0]


def _within(inner: str, outer: str) -> bool:
    """`inner` is a more precise date inside the partial date `outer`."""
    a, b = date_interval(inner), date_interval(outer)
    return b[0] <= a[0] and a[1] <= b[1] and date_precision(inner) > date_precision(outer)


def _kind(status: str) -> str:
    return status if status in ("interim", "acting") else "substantive"


def split_terms(person_id: str, post_id: str, claims: list[HolderClaim]) -> list[Term]:
    """The terms of one person in one post: interim and acting apart from substantive.
    An event joins the term of the occupancies read in its own article."""
    by_kind: dict[str, list[HolderClaim]] = {}
    article_kind: dict[str, str] = {}
    for c in claims:
        if c.source == "occupancy":
            kind = _kind(c.status)
            by_kind.setdefault(kind, []).append(c)
            if c.article_id and (kind != "substantive" or c.article_id not in article_kind):
                article_kind[c.article_id] = kind
    for c in claims:
        if c.source != "occupancy":
            fallback = (
                "substantive" if "substantive" in by_kind or not by_kind else next(iter(by_kind))
            )
            by_kind.setdefault(article_kind.get(c.article_id or "", fallback), []).append(c)
    terms = []
    for kind, items in by_kind.items():
        term = Term(person_id, post_id, kind, claims=sorted(items, key=HolderClaim.key))
        _bound(term)
        terms.append(term)
    return terms


def _bound(term: Term) -> None:
    """Set a term's bounds from its own reports."""
    starts, ends, in_post, former, incoming = [], [], [], [], []
    for c in term.claims:
        if c.source == "appointment":
            if c.valid_from:
                starts.append((c.valid_from, "appointment"))
                if c.observed and _before(c.observed, c.valid_from):
                    incoming.append(c.observed)
                elif c.observed:
                    in_post.append(c.observed)
            elif c.event_status == "completed" and c.observed:
                in_post.append(c.observed)
            elif c.observed:
                incoming.append(c.observed)
        elif c.source == "departure":
            when = c.valid_to or (c.event_date if c.event_status == "completed" else None)
            if c.valid_to or (when and c.event_status == "completed"):
                ends.append((when, "departure"))
            if c.event_status == "completed":
                if c.observed and not when:
                    former.append(c.observed)
            else:
                term.leaving = _first(term.leaving, c.valid_to) if c.valid_to else term.leaving
                term.leaving_reported = _first(term.leaving_reported, c.observed)
                if c.observed:
                    in_post.append(c.observed)
        else:
            if c.valid_from and c.status != "incoming":
                starts.append((c.valid_from, "stated"))
            if c.valid_to:
                ends.append((c.valid_to, "stated end"))
            if c.status == "former":
                if c.observed:
                    former.append(c.observed)
            elif c.status == "incoming":
                if c.valid_from:
                    starts.append((c.valid_from, "stated"))
                if c.observed:
                    incoming.append(c.observed)
            elif c.observed:
                in_post.append(c.observed)
                if c.status == "leaving":
                    term.leaving_reported = _first(term.leaving_reported, c.observed)
    if starts:
        term.start, term.start_basis = min(starts, key=lambda s: date_interval(s[0])[0])
        # a report made before the start says who is to take up the post, not who holds it
        incoming += [d for d in in_post if _before(d, term.start)]
        in_post = [d for d in in_post if not _before(d, term.start)]
    ends = [e for e in ends if e[0]]
    if ends:
        term.end, term.end_cause = min(ends, key=lambda e: date_interval(e[0])[1])
    if term.end:  # "chief executive X" after X left describes who X was, not who holds it
        in_post = [d for d in in_post if not _before(term.end, d)]
    term.first_reported = _first(*in_post)
    term.last_reported = _last(*in_post)
    term.announced = _first(*incoming)
    term.ended_by = _first(*former)
    if term.ended_by and not term.end:
        term.end_cause = "reported former"
    if term.end and term.leaving is None and term.leaving_reported:
        term.leaving = term.end


def link_successions(role: str, terms: list[Term]) -> None:
    """On a post held by one person at a time, each term is followed by the next one to
    start; the successor's start ends the term when nothing else does."""
    for term in terms:
        _bound_former_only(term, terms)
    if role in multi_holder_roles():
        return
    sort_keys = [term_order(t) for t in terms]
    at_rank = sorted(range(len(terms)), key=sort_keys.__getitem__)  # stable: `term_order`
    ordered = [terms[n] for n in at_rank]
    # each term's order key, kept up to date as the loop moves starts and ends
    keys = [sort_keys[n][0] for n in at_rank]
    for i, term in enumerate(ordered):
        began = keys[i]
        ended = date_interval(term.end)[0] if term.end is not None else None
        at = next(  # the first that follows: not a list of every later term (quadratic)
            (
                j
                for j in range(i + 1, len(ordered))
                if (keys[j] > began or (ended is not None and keys[j] >= ended))
                and (ordered[j].start or ordered[j].first_reported or ordered[j].announced)
            ),
            None,
        )
        if at is None:
            continue
        nxt = ordered[at]
        was = (term.end, term.ended_by, nxt.start)
        _succeed(term, nxt)
        if (term.end, term.ended_by, nxt.start) != was:  # the keys may have moved
            keys[i], keys[at] = term.order_key(), nxt.order_key()
    # a substantive holder replaces the previous substantive holder, across interims
    substantive = [(t, k) for t, k in zip(ordered, keys, strict=True) if t.kind == "substantive"]
    for (prev, began), (nxt, follows) in zip(substantive, substantive[1:], strict=False):
        if prev.person_id != nxt.person_id and follows > began:
            nxt.replaces = prev.person_id


def _succeed(term: Term, nxt: Term) -> None:
    """`nxt`, the first term to follow `term` on its post, succeeds it."""
    begins = nxt.start or nxt.first_reported or nxt.announced
    if begins is None:
        return
    if term.last_reported and _before(begins, term.last_reported):
        return  # still reported in post after the other began: both kept, ranked
    if nxt.person_id != term.person_id:
        term.replaced_by = term.replaced_by or nxt.person_id
        if nxt.kind != "substantive" or term.kind == "substantive":
            nxt.replaces = nxt.replaces or term.person_id
        elif nxt.replaces is None:
            nxt.replaces = term.person_id
    if term.end and nxt.start and _within(nxt.start, term.end):
        # "left in 2024", the successor started on 1 August 2024
        if term.leaving == term.end:
            term.leaving = nxt.start
        term.end = nxt.start
    if nxt.start is None and nxt.first_reported is None and term.end:
        if nxt.announced and not _before(term.end, nxt.announced):
            # "will take over from X in January": the successor starts when X leaves
            nxt.start, nxt.start_basis = term.end, "predecessor's departure"
    if term.end is None:
        if nxt.start and not (term.ended_by and _before(term.ended_by, nxt.start)):
            term.end, term.end_cause = nxt.start, "succeeded"
        elif not nxt.start:
            if term.ended_by is None or _before(begins, term.ended_by):
                term.ended_by, term.end_cause = begins, "succeeded"


def _bound_former_only(term: Term, terms: list[Term]) -> None:
    """A term known only from its end (a departure, a report calling the holder "former")
    was held at some time before it: no earlier than `OPEN_TERM_YEARS` before, nor than
    the end of another holder's term that ended before it."""
    limit = term.end or term.ended_by
    if limit is None or term.start or term.first_reported:
        return
    floor = _add_years(limit, -OPEN_TERM_YEARS)
    for other in terms:
        if other is term or other.person_id == term.person_id:
            continue
        ended = other.end or other.ended_by
        if ended and _before(ended, limit):
            floor = max(floor, date_interval(ended)[1])
    term.possible_from = floor


def _add_years(value: str, years: int) -> date:
    last = date_interval(value)[1]
    try:
        return last.replace(year=last.year + years)
    except ValueError:  # 29 February
        return last.replace(year=last.year + years, day=28)


def occupancy_claim(
    claim_id: str,
    status: str,
    valid_from: str | None,
    valid_to: str | None,
    observed: str | None,
    origin: str,
    article_id: str | None,
) -> HolderClaim:
    """An occupancy read in an article, as a report about a term."""
    return HolderClaim(
        claim_id, status, valid_from, valid_to, observed, origin, article_id=article_id
    )


def event_claim(
    claim_id: str,
    kind: str,
    status: str | None,
    effective: str | None,
    observed: str | None,
    article_id: str | None,
    when: str | None,
) -> HolderClaim:
    """An appointment or departure (`kind`) as a report about a term: a completed
    departure says "former" and ends the term, an announced one "leaving"; a completed
    appointment says "current", an announced one "incoming"."""
    done = status == "completed"
    if kind == "departure":
        shown = "former" if done else "leaving"
        vf, vt = None, effective or (when if done else None)
    else:
        shown = "current" if done else "incoming"
        vf, vt = effective, None
    return HolderClaim(
        claim_id, shown, vf, vt, observed, "inferred",
        source=kind, article_id=article_id, event_status=status, event_date=when,
    )  # fmt: skip


def build_terms(
    grouped: dict[tuple[str, str], list[HolderClaim]], roles: dict[str, str]
) -> dict[str, list[Term]]:
    """Every term of each post from the claims about each (post, person), successions
    linked (`roles`: {post id: its role}, which says whether the post has one holder)."""
    by_post: dict[str, list[Term]] = {}
    for (post, person), items in grouped.items():
        by_post.setdefault(post, []).extend(split_terms(person, post, items))
    for post, terms in by_post.items():
        link_successions(roles.get(post, ""), terms)
    return by_post


def source_files() -> Iterable[str]:
    """The modules whose rules the stored terms follow (`store.term_rows` keeps a hash of
    them with every post's terms, so a change to a rule makes every stored term stale)."""
    return (__file__, dates.__file__)


__all__ = [
    "IN_POST",
    "NOT_HOLDING",
    "OPEN_TERM_YEARS",
    "ORIGIN_RANK",
    "HolderClaim",
    "Term",
    "build_terms",
    "date_interval",
    "date_precision",
    "event_claim",
    "link_successions",
    "multi_holder_roles",
    "occupancy_claim",
    "preference_key",
    "split_terms",
    "term_order",
]
