"""Terms of office: one per person, post and term, built from every report about them.

A term is the store's answer to "who held this post, from when to when", in the manner of
Wikidata's "position held" statements (start time, end time, replaces, replaced by, end
cause) and FollowTheMoney's Occupancy. It is built from the reports (occupancy claims and
leadership events) of every article, never stored: a new article or a judgement changes it
at once. The rules (docs/store.md, "Terms of office"):

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
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache

from sectorwatch.data import lines
from sectorwatch.query.common import EvidenceRef, date_interval, date_precision, preference_key

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


@dataclass
class Standing:
    """A term's status on a date and why: `basis` says it in words, `rank` orders
    candidates (0 in post by the evidence, 1 presumed after the last report, 2 undated,
    3 known only as a former holder)."""

    status: str
    basis: str
    rank: int
    claim: HolderClaim


def _add_years(value: str, years: int) -> date:
    last = date_interval(value)[1]
    try:
        return last.replace(year=last.year + years)
    except ValueError:  # 29 February
        return last.replace(year=last.year + years, day=28)


def standing(term: Term, on: str, names: dict[str, str]) -> Standing:
    """The status of `term` on the date `on`, with the basis in words."""
    first, last = date_interval(on)
    claim = _claim_by(term, last)
    undated = " (undated article)" if claim.observed is None else ""
    per = f", per {_source(claim)}" if claim.evidence else ""
    if (term.end and date_interval(term.end)[1] < first) or (
        term.ended_by and date_interval(term.ended_by)[0] <= first
    ):  # former on `on`: the evidence is a report that they left, or of when
        claim = _claim_by(term, last, ending=True)
        undated = " (undated article)" if claim.observed is None else ""
        per = f", per {_source(claim)}" if claim.evidence else ""
    if term.end and date_interval(term.end)[1] < first:
        if term.end_cause == "succeeded" and term.replaced_by:
            who = names.get(term.replaced_by, term.replaced_by)
            return Standing("former", f"succeeded by {who} from {term.end}", 0, claim)
        return Standing("former", f"left on {term.end}{per}{undated}", 0, claim)
    if term.ended_by and date_interval(term.ended_by)[0] <= first:
        if term.end_cause == "succeeded" and term.replaced_by:
            who = names.get(term.replaced_by, term.replaced_by)
            basis = f"succeeded by {who}, reported in post by {term.ended_by}"
        else:
            basis = f"reported as former on {term.ended_by}{per}"
        return Standing("former", basis, 0, claim)
    if term.start and last < date_interval(term.start)[0]:
        if term.announced and date_interval(term.announced)[0] <= last:
            return Standing("incoming", f"announced on {term.announced} to start on "
                            f"{term.start}{per}", 0, claim)  # fmt: skip
        return Standing("unknown", f"not in post before {term.start}", 0, claim)
    if not term.start:
        if term.first_reported is None:
            if term.announced and date_interval(term.announced)[0] <= last:
                return Standing("incoming", f"announced as incoming on {term.announced}, "
                                "start date not given" + per, 0, claim)  # fmt: skip
            if term.undated:
                return Standing(_holding(term, on), "reported in post in an undated article, "
                                "dates unknown", 2, claim)  # fmt: skip
            if term.possible_from and first >= term.possible_from:
                basis = (
                    f"left on {term.end}{per}, start unknown"
                    if term.end
                    else f"held at some time before {term.ended_by} (reported as former "
                    f"then{per}), dates unknown"
                )
                return Standing(_holding(term, on), basis, 3, claim)
            return Standing("unknown", "no report of them in post", 0, claim)
        if last < date_interval(term.first_reported)[0]:
            if term.announced and date_interval(term.announced)[0] <= last:
                return Standing("incoming", f"announced as incoming on {term.announced}, "
                                "start date not given" + per, 0, claim)  # fmt: skip
            return Standing("unknown", f"first reported in post on {term.first_reported}", 0,
                            claim)  # fmt: skip
    status = _holding(term, on)
    reach = term.last_reported or term.start
    if term.end is None and reach and first > date_interval(reach)[1]:
        since = f"last reported in post on {reach}" if term.last_reported else "not reported since"
        if first > _add_years(reach, OPEN_TERM_YEARS):
            return Standing("unknown", since, 1, claim)
        lead = _lead(term, status, per)
        return Standing(status, f"{lead}; {since}, end unknown", 1, claim)
    return Standing(status, _lead(term, status, per) + undated, 0, claim)


def _holding(term: Term, on: str) -> str:
    if term.leaving_reported and date_interval(term.leaving_reported)[0] <= date_interval(on)[1]:
        return "leaving"
    return term.kind if term.kind != "substantive" else "current"


def _lead(term: Term, status: str, per: str) -> str:
    if status == "leaving":
        return (
            f"announced to leave on {term.leaving}{per}"
            if term.leaving
            else f"announced on {term.leaving_reported} to leave, date not given{per}"
        )
    if term.start:
        how = ", when the predecessor left" if term.start_basis == "predecessor's departure" else ""
        return f"in post from {term.start}{how}{per}"
    if term.first_reported == term.last_reported:
        return f"reported in post on {term.first_reported}, start unknown{per}"
    return (
        f"reported in post from {term.first_reported} to {term.last_reported}, start unknown{per}"
    )


def _claim_by(term: Term, last: date, ending: bool = False) -> HolderClaim:
    """The preferred report made by `last` (else the preferred report); with `ending`, the
    preferred of the reports that say the term ended, else of those that give its end."""
    pool = []
    if ending:
        pool = [c for c in term.claims if c.status == "former"] or [
            c for c in term.claims if term.end and c.valid_to == term.end
        ]
    for c in pool or term.claims:
        if c.observed and date_interval(c.observed)[0] <= last:
            return c
    return (pool or term.claims)[0]


def _source(claim: HolderClaim) -> str:
    ev = claim.evidence
    assert ev is not None
    title = ev.title or ev.article_id
    return f"“{title}” ({ev.published or 'undated'})"


def line_on(
    line: tuple[str, str],
    spans: dict[tuple[str, str], tuple[str | None, str | None, str | None]],
    on: str,
) -> bool:
    """Whether the reporting line `line` (subordinate, superior) held on `on`, a line being
    a term like a post's: from its stated start, else from its first report (never before
    the evidence); to its stated end, else to the start of the subordinate's next line to
    another superior, else `OPEN_TERM_YEARS` after its last report. `spans`: every line of
    the chart as {(subordinate, superior): (start, end, last report)}. A line with no date
    at all (undated articles only) holds on any date."""
    start, end, last = spans[line]
    if start is None and last is None:
        return end is None or not _before(end, on)
    if start is not None and _before(on, start):
        return False
    if end is None:
        later = [
            s
            for (sub, sup), (s, _, _) in spans.items()
            if sub == line[0] and sup != line[1] and s and start and _before(start, s)
        ]
        end = min(later, key=lambda s: date_interval(s)[0]) if later else None
    if end is not None:
        return date_interval(on)[0] < date_interval(end)[0] or _within(on, end)
    return date_interval(on)[0] <= _add_years(last or start or on, OPEN_TERM_YEARS)


def line_spans(
    lines: list[tuple[tuple[str, str], str | None, str | None, str | None]],
) -> dict[tuple[str, str], tuple[str | None, str | None, str | None]]:
    """{(subordinate, superior): (start, end, last report)} from each report of a line:
    (line, stated start, stated end, report date); the start is the earliest stated start,
    else the earliest report."""
    stated: dict[tuple[str, str], list[str | None]] = {}
    for line, valid_from, valid_to, observed in lines:
        got = stated.setdefault(line, [None, None, None, None])
        got[0] = _first(got[0], valid_from)
        got[1] = _last(got[1], valid_to)
        got[2] = _first(got[2], observed)
        got[3] = _last(got[3], observed)
    return {line: (g[0] or g[2], g[1], g[3]) for line, g in stated.items()}
