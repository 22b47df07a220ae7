"""Events as answers, with names and evidence."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Row, RowMapping, Select

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


_EVIDENCE_FIELDS = (
    "ev_article_id", "ev_title", "ev_published", "ev_source", "ev_sentence", "ev_start",
    "ev_end", "ev_extractor", "ev_extractor_version", "ev_origin", "ev_confidence",
)  # fmt: skip
_EVIDENCE_IDS = ("ev_claim_id", "ev_evidence_id", "ev_article_row_id")


def _has_evidence(r: Row[Any], at: dict[str, int]) -> bool:
    """Whether an event's claim has a sentence and an article (`evidence_for`'s joins)."""
    return all(r[at[name]] is not None for name in _EVIDENCE_IDS)


def _evidence(r: Row[Any], at: dict[str, int]) -> EvidenceRef:
    """The evidence read with an event (`page_reads.EVIDENCE_COLUMNS`; `at`: each column's
    position in the row), as `evidence_for` gives it."""
    found = [r[at[name]] for name in _EVIDENCE_FIELDS]
    found[1] = first_line(found[1])  # the title
    return EvidenceRef(r[at["claim_id"]], *found)


def load_events(
    conn: Connection,
    query: Select | reads.Asked,
    judged: Judged,
    keep: Callable[[RowMapping], bool] | None = None,
    evidence: bool = True,
) -> list[EventAnswer]:
    """The events `query` reads (rejected ones left out; with `keep`, only the rows it
    keeps), with names and evidence (without `evidence`, none: `read_evidence` reads it
    for the events a page shows), in the order of `when`. Rows are read by position (a
    page reads a hundred of them: a name lookup per field was a large share of it)."""
    result = reads.execute(conn, query)
    at = {k: i for i, k in enumerate(result.keys())}
    claim, rejected = at["claim_id"], judged.rejected
    rows = [r for r in result.all() if r[claim] not in rejected]
    if keep is not None:
        rows = [r for r in rows if keep(r._mapping)]
    person_at, post_at, org_at, named_at = (
        at["person_id"], at["post_id"], at["organisation_id"], at["organisations"],
    )  # fmt: skip
    if "post_role" in at:  # read with the events (`page_reads.POST_ROLE`)
        role_at = at["post_role"]
        roles = {r[post_at]: r[role_at] for r in rows if r[post_at] and r[role_at] is not None}
    else:
        post_ids = {r[post_at] for r in rows if r[post_at]}
        roles = reads.post_roles(conn, post_ids) if post_ids else {}
    canon = judged.canon
    named: dict[str, list[str]] = {}  # each row's organisations, read once
    ids: set[str] = set()
    for r in rows:
        text = r[named_at]
        found = json.loads(text) if text and text != "[]" else []
        named[r[claim]] = found
        ids.update(found)
        for i in (canon(r[person_at]), canon(r[org_at])):
            if i:
                ids.add(i)
    names = names_of(conn, ids)
    if not evidence:
        ev: dict[str, EvidenceRef] = {}
    elif rows and "ev_claim_id" in at:  # read with the events (`page_reads`)
        ev = {r[claim]: _evidence(r, at) for r in rows if _has_evidence(r, at)}
    else:
        ev = evidence_for(conn, [r[claim] for r in rows])
    type_at, observed_at, article_at = at["type"], at["observed"], at["article_id"]
    status_at, date_at, announced_at, effective_at = (
        at["status"], at["date"], at["announced"], at["effective"],
    )  # fmt: skip
    edits = judged.edits
    out = []
    for r in rows:
        cid = r[claim]
        person = canon(r[person_at])
        org = canon(r[org_at])
        fixed = (
            judged.edited(
                cid,
                status=r[status_at],
                date=r[date_at],
                announced=r[announced_at],
                effective=r[effective_at],
            )
            if cid in edits
            else None
        )
        parties = named[cid]
        out.append(
            EventAnswer(
                claim_id=cid,
                type=r[type_at],
                person_id=person,
                person=names.get(person) if person else None,
                role=roles.get(r[post_at]),
                organisation_id=org,
                organisation=names.get(org) if org else None,
                organisations=[names.get(o, o) for o in parties],
                organisation_ids=[canon(o) or o for o in parties],
                status=fixed["status"] if fixed else r[status_at],
                date=fixed["date"] if fixed else r[date_at],
                announced=fixed["announced"] if fixed else r[announced_at],
                effective=fixed["effective"] if fixed else r[effective_at],
                observed=r[observed_at],
                article_id=r[article_at],
                evidence=ev.get(cid),
            )
        )
    out.sort(key=lambda e: (e.when, e.claim_id))
    return out


def read_evidence(conn: Connection, events: list[EventAnswer]) -> None:
    """Give `events`, read without their evidence (`load_events`, then joined into one per
    change, `query.consolidate`), the evidence they would have had: each its first
    report's, and the evidence of every report it joins (`reports`), in one statement."""
    claim_ids = [c for e in events for c in (e.claim_ids or [e.claim_id])]
    found = evidence_for(conn, list(dict.fromkeys(claim_ids)))
    for e in events:
        e.evidence = found.get(e.claim_id)
        if e.claim_ids:
            e.reports = [found[c] for c in e.claim_ids if c in found]
