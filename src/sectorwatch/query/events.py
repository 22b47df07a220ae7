"""Events as answers, with names and evidence."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection, RowMapping, Select

from sectorwatch.query.common import EvidenceRef, Judged, evidence_for, first_line, names_of
from sectorwatch.store import reads


@dataclass
class EventAnswer:
    claim_id: str
    type: str
    person_id: str | None
    person: str | None
    role: str | None
    organisation_id: str | None
    organisation: str | None
    organisations: list[str] = field(default_factory=list)
    status: str | None = None
    date: str | None = None
    announced: str | None = None
    effective: str | None = None
    observed: str | None = None
    article_id: str = ""
    evidence: EvidenceRef | None = None
    # one real-world change reported by several articles (`query.consolidate`): every
    # claim and article that reports it, and when it was first and last reported
    claim_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    reports: list[EvidenceRef] = field(default_factory=list)
    first_reported: str | None = None
    last_reported: str | None = None
    organisation_ids: list[str] = field(default_factory=list)

    @property
    def when(self) -> str:
        return self.effective or self.date or self.announced or self.observed or ""


def _has_evidence(r: RowMapping) -> bool:
    """Whether an event's claim has a sentence and an article (`evidence_for`'s joins)."""
    return (
        r["ev_claim_id"] is not None
        and r["ev_evidence_id"] is not None
        and r["ev_article_row_id"] is not None
    )


def _evidence(r: RowMapping) -> EvidenceRef:
    """The evidence read with an event (`page_reads.EVIDENCE_COLUMNS`), as `evidence_for`
    gives it."""
    return EvidenceRef(
        r["claim_id"], r["ev_article_id"], first_line(r["ev_title"]), r["ev_published"],
        r["ev_source"], r["ev_sentence"], r["ev_start"], r["ev_end"], r["ev_extractor"],
        r["ev_extractor_version"], r["ev_origin"], r["ev_confidence"],
    )  # fmt: skip


def load_events(
    conn: Connection,
    query: Select | reads.Asked,
    judged: Judged,
    keep: Callable[[RowMapping], bool] | None = None,
) -> list[EventAnswer]:
    """The events `query` reads (rejected ones left out; with `keep`, only the rows it
    keeps), with names and evidence, in the order of `when`."""
    found = reads.execute(conn, query).mappings()
    rows = [r for r in found if r["claim_id"] not in judged.rejected]
    if keep is not None:
        rows = [r for r in rows if keep(r)]
    post_ids = {r["post_id"] for r in rows if r["post_id"]}
    roles = reads.post_roles(conn, post_ids) if post_ids else {}
    named = {r["claim_id"]: json.loads(r["organisations"] or "[]") for r in rows}  # read once
    ids: set[str] = set()
    for r in rows:
        ids |= {i for i in (judged.canon(r["person_id"]), judged.canon(r["organisation_id"])) if i}
        ids |= set(named[r["claim_id"]])
    names = names_of(conn, ids)  # type: ignore[arg-type]
    if rows and "ev_claim_id" in rows[0]:  # read with the events (`page_reads`)
        ev = {r["claim_id"]: _evidence(r) for r in rows if _has_evidence(r)}
    else:
        ev = evidence_for(conn, [r["claim_id"] for r in rows])
    out = []
    for r in rows:
        person = judged.canon(r["person_id"])
        org = judged.canon(r["organisation_id"])
        fixed = judged.edited(
            r["claim_id"],
            status=r["status"],
            date=r["date"],
            announced=r["announced"],
            effective=r["effective"],
        )
        out.append(
            EventAnswer(
                claim_id=r["claim_id"],
                type=r["type"],
                person_id=person,
                person=names.get(person) if person else None,
                role=roles.get(r["post_id"]),
                organisation_id=org,
                organisation=names.get(org) if org else None,
                organisations=[names.get(o, o) for o in named[r["claim_id"]]],
                organisation_ids=[judged.canon(o) or o for o in named[r["claim_id"]]],
                status=fixed["status"],
                date=fixed["date"],
                announced=fixed["announced"],
                effective=fixed["effective"],
                observed=r["observed"],
                article_id=r["article_id"],
                evidence=ev.get(r["claim_id"]),
            )
        )
    out.sort(key=lambda e: (e.when, e.claim_id))
    return out
