"""`timeline ORG|PERSON --from --to`: dated happenings, oldest first, each with evidence."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from sectorwatch import dates
from sectorwatch.query.common import (
    EvidenceRef,
    Judged,
    check_date,
    evidence_for,
    names_of,
    require_entity,
)
from sectorwatch.query.events import involving, load_events
from sectorwatch.store.schema import claims, events, occupancies, org_changes, posts


@dataclass
class TimelineEntry:
    date: str | None
    kind: str  # event type, "role" or an organisation change
    summary: str
    claim_id: str
    evidence: EvidenceRef | None = None


@dataclass
class Timeline:
    target: str
    target_id: str
    date_from: str | None
    date_to: str | None
    entries: list[TimelineEntry] = field(default_factory=list)


def _within(value: str | None, date_from: str | None, date_to: str | None) -> bool:
    if value is None or not dates.is_partial_date(value):
        return date_from is None and date_to is None
    first, last = dates.interval(value)
    if date_from and last < dates.interval(date_from)[0]:
        return False
    return not (date_to and first > dates.interval(date_to)[1])


def timeline(
    engine: Engine, target: str, date_from: str | None = None, date_to: str | None = None
) -> Timeline:
    check_date(date_from, "--from")
    check_date(date_to, "--to")
    with engine.connect() as conn:
        judged = Judged.load(conn)
        target_id = require_entity(conn, target)[0]
        ids = judged.cluster(target_id)
        answer = Timeline(
            names_of(conn, {target_id}).get(target_id, target), target_id, date_from, date_to
        )
        found = load_events(conn, select(events).where(involving(ids)), judged)
        for e in found:
            who = e.person or ""
            what = f"{e.type}: {who} {e.role or ''} {e.organisation or ', '.join(e.organisations)}"
            answer.entries.append(
                TimelineEntry(
                    e.when or None, e.type, " ".join(what.split()), e.claim_id, e.evidence
                )
            )
        is_person = target_id.startswith("p-")
        column = occupancies.c.person_id if is_person else posts.c.organisation_id
        rows = (
            conn.execute(
                select(occupancies, posts.c.role, posts.c.organisation_id, claims.c.origin)
                .join(posts, posts.c.id == occupancies.c.post_id)
                .join(claims, claims.c.id == occupancies.c.claim_id)
                .where(column.in_(ids))
            )
            .mappings()
            .all()
        )
        rows = [r for r in rows if r["claim_id"] not in judged.rejected]
        names = names_of(
            conn,
            {r["person_id"] for r in rows}
            | {r["organisation_id"] for r in rows if r["organisation_id"]},
        )
        ev = evidence_for(conn, [r["claim_id"] for r in rows])
        for r in rows:
            when = r["valid_from"] or r["observed"]
            text = (
                f"{names.get(r['person_id'], r['person_id'])}: {r['role']}, "
                f"{names.get(r['organisation_id'], 'organisation not stated')} ({r['status']})"
            )
            answer.entries.append(
                TimelineEntry(when, "role", text, r["claim_id"], ev.get(r["claim_id"]))
            )
        changes = conn.execute(select(org_changes)).mappings().all()
        mine = [c for c in changes if set(json.loads(c["organisations"])) & set(ids)]
        ev = evidence_for(conn, [c["claim_id"] for c in mine])
        org_names = names_of(conn, {o for c in mine for o in json.loads(c["organisations"])})
        for c in mine:
            if c["claim_id"] in judged.rejected:
                continue
            who = " and ".join(org_names.get(o, o) for o in json.loads(c["organisations"]))
            answer.entries.append(
                TimelineEntry(
                    c["date"] or c["observed"],
                    c["kind"],
                    f"{c['kind']} ({c['stage'] or 'stage not stated'}): {who}",
                    c["claim_id"],
                    ev.get(c["claim_id"]),
                )
            )
        answer.entries = [e for e in answer.entries if _within(e.date, date_from, date_to)]
        answer.entries.sort(
            key=lambda e: (
                dates.interval(e.date)[0]
                if e.date and dates.is_partial_date(e.date)
                else dates.interval("9999")[0],
                e.kind,
                e.claim_id,
            )
        )
        return answer
