"""One fact (a claim) with everything needed to cite or correct it: what was read, where
(the evidence), by which extractor and with what confidence, the judgements on it, whether
it is rejected (by whom, when, why), and the other reports of the same fact (alternatives).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from sectorwatch.errors import QueryError
from sectorwatch.query.common import EvidenceRef, Judged, evidence_for, names_of
from sectorwatch.store.judgements import EDITABLE
from sectorwatch.store.schema import claims, judgements, occupancies


@dataclass
class Alternative:
    claim_id: str
    value: dict[str, Any]
    rejected: bool
    evidence: EvidenceRef | None


@dataclass
class FactAnswer:
    id: str
    property: str  # occupancy | event | reporting_line | quote | org_change
    entity_id: str | None
    entity: str | None
    value: dict[str, Any]  # as extracted, with judged edits applied
    edited: dict[str, str]  # the fields a judgement changed, with their judged values
    editable: tuple[str, ...]
    rejected: bool
    rejection: dict[str, Any] | None  # the judgement in force: author, created_at, note
    evidence: EvidenceRef | None
    alternatives: list[Alternative] = field(default_factory=list)


def _post_of(conn: Connection, claim_id: str) -> str | None:
    row = conn.execute(
        select(occupancies.c.post_id).where(occupancies.c.claim_id == claim_id)
    ).first()
    return row[0] if row else None


def fact(conn: Connection, claim_id: str) -> FactAnswer:
    """The claim `claim_id` (rejected ones too); QueryError when there is none."""
    judged = Judged.load(conn)
    row = conn.execute(select(claims).where(claims.c.id == claim_id)).mappings().first()
    if row is None:
        raise QueryError(f"no claim with id {claim_id!r}")
    entity_id = judged.canon(row["entity_id"])
    value = json.loads(row["value"] or "{}")
    edited = judged.edits.get(claim_id, {})
    rejection = None
    if claim_id in judged.rejected:
        last = conn.execute(
            select(judgements.c.author, judgements.c.created_at, judgements.c.note)
            .where(judgements.c.subject == claim_id, judgements.c.kind == "reject")
            .order_by(judgements.c.id.desc())
        ).first()
        rejection = dict(last._mapping) if last else None
    # the other reports of the same fact: the same property of the same entity (a role:
    # of the same post), newest first
    same = select(claims.c.id, claims.c.value).where(
        claims.c.property == row["property"],
        claims.c.entity_id.in_(judged.cluster(entity_id)) if entity_id else claims.c.id == "",
        claims.c.id != claim_id,
    )
    if row["property"] == "occupancy":
        post = _post_of(conn, claim_id)
        same = same.join(occupancies, occupancies.c.claim_id == claims.c.id).where(
            occupancies.c.post_id == post
        )
    elif row["property"] == "event":
        same = same.where(claims.c.value.contains(f'"type": "{value.get("type")}"'))
    others = conn.execute(same.order_by(claims.c.observed.desc()).limit(50)).all()
    ev = evidence_for(conn, [claim_id, *(o.id for o in others)])
    return FactAnswer(
        claim_id,
        row["property"],
        entity_id,
        names_of(conn, {entity_id}).get(entity_id) if entity_id else None,
        {**value, **edited},
        dict(edited),
        EDITABLE.get(row["property"], ()),
        claim_id in judged.rejected,
        rejection,
        ev.get(claim_id),
        [
            Alternative(o.id, json.loads(o.value or "{}"), o.id in judged.rejected, ev.get(o.id))
            for o in others
        ],
    )
