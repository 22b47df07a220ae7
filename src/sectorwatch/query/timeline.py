"""`timeline ORG|PERSON --from --to`: dated happenings, oldest first, each with evidence:
events (one per real-world change), terms of office and organisation changes (mergers and
renames). An organisation's timeline follows what it was: a renamed or merged body's
predecessors' happenings come first (`query.lineage`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine

from sectorwatch import dates
from sectorwatch.query.common import (
    EvidenceRef,
    Judged,
    check_date,
    evidence_of,
    names_of,
    require_entity,
)
from sectorwatch.query.consolidate import load_changes
from sectorwatch.query.history import describe
from sectorwatch.query.holders import load_posts, post_terms
from sectorwatch.query.lineage import lineage
from sectorwatch.store import reads

CHANGES = ("merger", "rename")
"""Event types that are organisation changes."""


@dataclass
class TimelineEntry:
    date: str | None
    kind: str  # event type, "term" (a term of office) or an organisation change
    summary: str
    claim_id: str
    evidence: EvidenceRef | None = None
    claim_ids: list[str] = field(default_factory=list)  # every report of it
    articles: int = 1  # how many articles report it
    first_reported: str | None = None
    last_reported: str | None = None


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
    """Dated happenings of an organisation or a person, oldest first: one entry per
    real-world event (every article reporting it joined, `query.consolidate`), one per
    term of office (`query.terms`), and the organisation's changes."""
    check_date(date_from, "--from")
    check_date(date_to, "--to")
    with engine.connect() as conn:
        judged = Judged.load(conn)
        target_id = require_entity(conn, target)[0]
        ids = list(judged.cluster(target_id))
        if not target_id.startswith("p-"):
            for was in lineage(conn, target_id, judged).predecessors:
                ids += [o for o in judged.cluster(was.organisation_id) if o not in ids]
        answer = Timeline(
            names_of(conn, {target_id}).get(target_id, target), target_id, date_from, date_to
        )
        found = load_changes(conn, judged, ids)
        for e in found:
            if e.type in CHANGES:
                continue  # an organisation change: below, with its stage
            who = e.person or ""
            what = f"{e.type}: {who} {e.role or ''} {e.organisation or ', '.join(e.organisations)}"
            answer.entries.append(
                TimelineEntry(
                    e.when or None, e.type, " ".join(what.split()), e.claim_id, e.evidence,
                    e.claim_ids, len(e.article_ids), e.first_reported, e.last_reported,
                )
            )  # fmt: skip
        answer.entries += _terms(conn, judged, ids, target_id.startswith("p-"))
        for c in found:
            if c.type not in CHANGES:
                continue
            parties = " and ".join(c.organisations)
            if c.type == "rename" and len(c.organisations) == 2:
                parties = " renamed ".join(c.organisations)
            answer.entries.append(
                TimelineEntry(
                    c.effective or c.date or c.first_reported, c.type,
                    f"{c.type} ({c.status or 'stage not stated'}): {parties}", c.claim_id,
                    c.evidence, c.claim_ids, len(c.article_ids), c.first_reported,
                    c.last_reported,
                )
            )  # fmt: skip
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


def _terms(
    conn: Connection, judged: Judged, ids: list[str], is_person: bool
) -> list[TimelineEntry]:
    """One entry per term of office of the person, or in the organisation's posts."""
    post_ids = reads.posts_with_terms(conn, ids, of_person=is_person)
    by_post, sources = post_terms(conn, post_ids, judged)
    rows = load_posts(conn, post_ids)
    terms = [t for ts in by_post.values() for t in ts if not is_person or t.person_id in ids]
    people = {t.person_id for t in terms} | {p for t in terms for p in (t.replaces,) if p}
    names = names_of(conn, people)
    ev = evidence_of(conn, [sources[t.claims[0].claim_id] for t in terms])
    out = []
    for t in terms:
        post = rows[t.post_id]
        kind = "" if t.kind == "substantive" else f" ({t.kind})"
        text = (
            f"{names.get(t.person_id, t.person_id)}: {post.role}{kind}, "
            f"{post.organisation or 'organisation not stated'}: {describe(t, names)}"
        )
        reported = {c.article_id for c in t.claims}
        out.append(
            TimelineEntry(
                t.start or t.first_reported or t.announced, "term", text, t.claims[0].claim_id,
                ev.get(t.claims[0].claim_id), [c.claim_id for c in t.claims], len(reported),
                t.first_reported, t.last_reported,
            )
        )  # fmt: skip
    return out
