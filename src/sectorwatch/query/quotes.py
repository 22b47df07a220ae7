"""Quotes as answers: text, stance, speaker (judgements applied) and evidence. The
statements they are read with are the store's (`store.quote_reads`: `quote_select` and its
narrowings)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, RowMapping, Select

from sectorwatch.query.common import EvidenceRef, Judged, evidence_for, first_line, names_of
from sectorwatch.store import reads
from sectorwatch.store.quote_reads import quote_select

__all__ = ["QuoteAnswer", "load_quotes", "quote_select"]


@dataclass
class QuoteAnswer:
    claim_id: str
    text: str
    type: str
    stance: str
    stance_cues: list[str]
    speaker_id: str | None
    speaker: str | None
    speaker_role: str | None  # as stated in the article
    speaker_organisation: str | None  # as stated in the article
    speaker_organisation_id: str | None  # canonical id of that organisation
    event_id: str | None
    article_id: str
    published: str | None
    evidence: EvidenceRef | None
    speaker_kind: str | None = None  # person | organisation
    speaker_organisation_name: str | None = None  # the organisation entity's name
    corrected: bool = False  # a judgement set the speaker (role and organisation unknown)
    cue: str | None = None
    title: str | None = None  # the article's title
    start: int = 0  # offsets of the quote in the article text
    end: int = 0
    observed: str | None = None  # when it was reported


def _evidence(conn: Connection, rows: list[RowMapping]) -> dict[str, EvidenceRef]:
    """Each quote's evidence, as `evidence_for` gives it: from the row when the claim's
    sentence is in the quote's own article, else read (a claim with no sentence or no
    article has none)."""
    out: dict[str, EvidenceRef] = {}
    elsewhere = []
    for r in rows:
        cid = r["claim_id"]
        if r["source_sentence"] is None or r["source_article_id"] != r["article_id"]:
            elsewhere.append(cid)
            continue
        out[cid] = EvidenceRef(
            cid, r["article_id"], first_line(r["title"]), r["published"], r["article_source"],
            r["source_sentence"], r["source_start"], r["source_end"],
            r["source_extractor"], r["source_extractor_version"], r["source_origin"],
            r["source_confidence"],
        )  # fmt: skip
    out.update(evidence_for(conn, elsewhere))
    return out


def load_quotes(conn: Connection, query: Select | reads.Asked, judged: Judged) -> list[QuoteAnswer]:
    found = reads.execute(conn, query).mappings().all()
    rows = [r for r in found if r["claim_id"] not in judged.rejected]
    speakers = {}
    for r in rows:
        sid = judged.speakers.get(r["claim_id"]) or r["speaker_id"]
        speakers[r["claim_id"]] = judged.canon(sid)
    orgs = {r["claim_id"]: judged.canon(r["speaker_organisation_id"]) for r in rows}
    names = names_of(conn, {s for s in speakers.values() if s} | {o for o in orgs.values() if o})
    ev = _evidence(conn, rows)
    out = []
    for r in rows:
        sid = speakers[r["claim_id"]]
        overridden = judged.speakers.get(r["claim_id"]) is not None
        org = None if overridden else orgs[r["claim_id"]]
        out.append(
            QuoteAnswer(
                claim_id=r["claim_id"],
                text=r["text"],
                type=r["type"],
                stance=r["stance"],
                stance_cues=json.loads(r["stance_cues"] or "[]"),
                speaker_id=sid,
                speaker=names.get(sid, r["speaker_name"])
                if sid
                else (None if overridden else r["speaker_name"]),
                speaker_role=None if overridden else r["speaker_role"],
                speaker_organisation=None if overridden else r["speaker_organisation"],
                speaker_organisation_id=org,
                event_id=r["event_id"],
                article_id=r["article_id"],
                published=r["published"],
                evidence=ev.get(r["claim_id"]),
                speaker_kind=r["speaker_kind"],
                speaker_organisation_name=names.get(org, r["speaker_organisation"] or org)
                if org
                else None,
                corrected=overridden,
                cue=r["cue"],
                title=first_line(r["title"]),
                start=r["start"],
                end=r["end"],
                observed=r["observed"],
            )
        )
    return out
