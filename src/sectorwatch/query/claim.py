"""One fact (a claim) with everything needed to cite or correct it: what was read, where
(the evidence), by which extractor and with what confidence, the judgements on it, whether
it is rejected (by whom, when, why), and the other reports of the same fact (alternatives).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from sectorwatch.errors import QueryError
from sectorwatch.query.common import EvidenceRef, Judged, evidence_for, names_of
from sectorwatch.store import reads
from sectorwatch.store.judgements import EDITABLE


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


def fact(conn: Connection, claim_id: str) -> FactAnswer:
    """The claim `claim_id` (rejected ones too); QueryError when there is none."""
    judged = Judged.load(conn)
    row = reads.claim(conn, claim_id)
    if row is None:
        raise QueryError(f"no claim with id {claim_id!r}")
    entity_id = judged.canon(row["entity_id"])
    value = json.loads(row["value"] or "{}")
    edited = judged.edits.get(claim_id, {})
    rejection = None
    if claim_id in judged.rejected:
        rejection = reads.last_rejection(conn, claim_id)
    # the other reports of the same fact: the same property of the same entity (a role:
    # of the same post), newest first
    prop = row["property"]
    others = reads.other_reports(
        conn,
        claim_id,
        prop,
        judged.cluster(entity_id) if entity_id else None,
        post_id=reads.post_of_term(conn, claim_id) if prop == "occupancy" else None,
        event_type=value.get("type") if prop == "event" else None,
    )
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
