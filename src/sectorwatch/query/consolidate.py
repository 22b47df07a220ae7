"""One event per real-world change: the reports of several articles joined.

Reports are the same change when they are of the same type and:
- appointments and departures: the same person in the same post (organisation and role),
  with effective dates within `SAME_CHANGE_DAYS` of each other (any stage: "to step down"
  and "stepped down" are one departure);
- mergers and renames (organisational changes): they share a party (every stage, from a
  proposal to completion, is the same change); the joined event names every party;
- created roles and reporting lines: the same organisation and role.

The joined event keeps the id of its first report, the furthest status, the most precise
dates, every claim and article as evidence, and when it was first and last reported.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection

from sectorwatch import dates
from sectorwatch.query.common import Judged
from sectorwatch.query.events import EventAnswer, load_events
from sectorwatch.store import page_reads

STATUS_ORDER = ("proposed", "requested", "announced", "completed")


SAME_CHANGE_DAYS = 180
"""Effective dates of one person's appointments to (or departures from) one post that are
this close are one change told twice ("at the end of the month", "from 1 April")."""


def _overlap(a: str | None, b: str | None) -> bool:
    if not a or not b or not dates.is_partial_date(a) or not dates.is_partial_date(b):
        return True
    (a0, a1), (b0, b1) = dates.interval(a), dates.interval(b)
    slack = timedelta(days=SAME_CHANGE_DAYS)
    return a0 <= b1 + slack and b0 <= a1 + slack


def _parties(e: EventAnswer) -> set[str]:
    return set(e.organisation_ids) | ({e.organisation_id} if e.organisation_id else set())


def same_change(a: EventAnswer, b: EventAnswer) -> bool:
    if a.type != b.type:
        return False
    if a.type in ("appointment", "departure"):
        if a.person_id is None or a.person_id != b.person_id:
            return False
        if a.organisation_id and b.organisation_id and a.organisation_id != b.organisation_id:
            return False
        if a.role and b.role and a.role != b.role:
            return False
        return _overlap(a.effective, b.effective)
    if a.type in ("merger", "rename"):
        return bool(_parties(a) & _parties(b))
    return a.organisation_id == b.organisation_id and a.role == b.role


def _rank(status: str | None) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else -1


def _precise(values: list[str | None]) -> str | None:
    found = [v for v in values if v and dates.is_partial_date(v)]
    return max(found, key=dates.precision) if found else None


def _observed_key(e: EventAnswer) -> tuple[str, str]:
    return (e.observed or "9999", e.claim_id)


def _kin(e: EventAnswer) -> tuple[str | None, ...]:
    """What two reports must share to be the same change (`same_change`): their type and
    person for an appointment or departure, their type and organisation for a created role
    or a reporting line; mergers and renamings (by any party) only their type."""
    if e.type in ("appointment", "departure"):
        return (e.type, e.person_id)
    if e.type in ("merger", "rename"):
        return (e.type,)
    return (e.type, e.organisation_id)


def consolidate(found: list[EventAnswer]) -> list[EventAnswer]:
    """`found` joined into one event per real-world change, in the order of `when`. A
    report joins the first group (in the order they were made) with a report of the same
    change; only the groups of its kin (`_kin`) can have one."""
    groups: list[list[EventAnswer]] = []
    kin: dict[tuple[str | None, ...], list[list[EventAnswer]]] = {}
    for e in sorted(found, key=_observed_key):
        near = kin.setdefault(_kin(e), [])
        for g in near:
            if any(same_change(e, x) for x in g):
                g.append(e)
                break
        else:
            near.append([e])
            groups.append(near[-1])
    out = [_join(g) for g in groups]
    out.sort(key=lambda e: (e.when, e.claim_id))
    return out


def _with(e: EventAnswer, **changes: Any) -> EventAnswer:
    """`dataclasses.replace(e, **changes)` without running `__init__` again (its default
    factories and keyword parsing were a large share of a page's joins)."""
    out = object.__new__(EventAnswer)
    out.__dict__.update(e.__dict__, **changes)
    return out


def _alone(e: EventAnswer) -> EventAnswer:
    """`_join([e])`: a change reported once."""
    if e.type in ("merger", "rename"):
        date = _precise([e.effective or e.date])
    else:
        date = _precise([e.date])
    return _with(
        e,
        date=date,
        effective=_precise([e.effective]),
        announced=_precise([e.announced]),
        organisations=list(e.organisations),
        organisation_ids=list(e.organisation_ids),
        claim_ids=[e.claim_id],
        article_ids=[e.article_id],
        reports=[e.evidence] if e.evidence is not None else [],
        first_reported=e.observed or None,
        last_reported=e.observed or None,
        role=e.role or None,
        organisation=e.organisation or None,
        organisation_id=e.organisation_id or None,
    )


def _join(group: list[EventAnswer]) -> EventAnswer:
    if len(group) == 1:
        return _alone(group[0])
    first = group[0]
    furthest = max(group, key=lambda e: _rank(e.status))
    names: list[str] = []
    ids: list[str] = []
    for e in group:
        names += [n for n in e.organisations if n not in names]
        ids += [i for i in e.organisation_ids if i not in ids]
    seen = sorted(e.observed for e in group if e.observed)
    if furthest.type in ("merger", "rename"):
        # the date of the furthest stage: a merger "completed on 1 April"
        # (else the date an earlier stage gave: "will become X from 1 April")
        staged = [e for e in group if e.status == furthest.status]
        date = _precise([e.effective or e.date for e in staged]) or _precise(
            [e.effective or e.date for e in group]
        )
        effective = _precise([e.effective for e in staged]) or _precise(
            [e.effective for e in group]
        )
    else:
        date = _precise([e.date for e in group])
        effective = _precise([e.effective for e in group])
    return _with(
        first,
        status=furthest.status,
        date=date,
        effective=effective,
        announced=_precise([e.announced for e in group]),
        organisations=names,
        organisation_ids=ids,
        claim_ids=[e.claim_id for e in group],
        article_ids=list(dict.fromkeys(e.article_id for e in group)),
        reports=[e.evidence for e in group if e.evidence is not None],
        first_reported=seen[0] if seen else None,
        last_reported=seen[-1] if seen else None,
        role=first.role or next((e.role for e in group if e.role), None),
        organisation=first.organisation
        or next((e.organisation for e in group if e.organisation), None),
        organisation_id=first.organisation_id
        or next((e.organisation_id for e in group if e.organisation_id), None),
    )


def load_changes(
    conn: Connection,
    judged: Judged,
    ids: list[str],
    *,
    of_type: str | None = None,
    keep: Callable[[Any], bool] | None = None,
    evidence: bool = True,
) -> list[EventAnswer]:
    """The events involving `ids`, one per real-world change: a merger also gathers the
    reports that name only its other parties ("X merged with its neighbour"). With
    `of_type`, only the changes of that type; with `keep` (a test of an event's stored
    row, `load_events`), only the reports it keeps: a report left out must be one that is
    never the same change as a report kept (`same_change`), so the changes of the reports
    kept are those of every report. Without `evidence`, none is read (`read_evidence`
    reads it for the changes a page shows)."""
    typed = _typed(of_type, keep)
    involving = page_reads.events_involving(ids, evidence)
    found = load_events(conn, involving, judged, typed, evidence)
    parties = {p for e in found if e.type == "merger" for p in _parties(e)} - set(ids)
    if parties and of_type in (None, "merger"):
        known = {e.claim_id for e in found}
        merger = _typed("merger", keep)
        involving = page_reads.events_involving(sorted(parties), evidence)
        more = load_events(conn, involving, judged, merger, evidence)
        found += [e for e in more if e.claim_id not in known]
    return consolidate(found)


def _typed(of_type: str | None, keep: Callable[[Any], bool] | None) -> Callable[[Any], bool] | None:
    """`keep`, and the row of an event of `of_type` (either may be None)."""
    if of_type is None:
        return keep
    if keep is None:
        return lambda r: r["type"] == of_type
    return lambda r: r["type"] == of_type and keep(r)
