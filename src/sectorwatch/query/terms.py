"""Terms of office on a date: a term's status and its basis in words, and reporting lines.

The terms themselves (one per person, post and term, built from every report about them)
are `store.tenure`'s: the rules are there, with no database, because the store keeps every
post's terms as they are before any judgement (`store.term_rows`), rebuilt in the
transaction that changes the post's reports. This module says what a term means on a
date (`standing`) and when a reporting line holds (`line_on`); the names of the rules'
parts are re-exported here for the query layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sectorwatch.store.tenure import (
    IN_POST,
    NOT_HOLDING,
    OPEN_TERM_YEARS,
    HolderClaim,
    Term,
    _add_years,
    _before,
    _first,
    _last,
    _within,
    date_interval,
    link_successions,
    multi_holder_roles,
    split_terms,
    term_order,
)

__all__ = [
    "IN_POST",
    "NOT_HOLDING",
    "OPEN_TERM_YEARS",
    "HolderClaim",
    "Standing",
    "Term",
    "line_on",
    "line_spans",
    "link_successions",
    "multi_holder_roles",
    "split_terms",
    "standing",
    "term_order",
]


@dataclass
class Standing:
    """A term's status on a date and why: `basis` says it in words, `rank` orders
    candidates (0 in post by the evidence, 1 presumed after the last report, 2 undated,
    3 known only as a former holder)."""

    status: str
    basis: str
    rank: int
    claim: HolderClaim


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
