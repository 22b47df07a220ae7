"""Quotes as answers: text, stance, speaker (judgements applied) and evidence."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, Select, select

from sectorwatch.query.common import EvidenceRef, Judged, evidence_for, names_of
from sectorwatch.store.schema import articles, quotes


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
    speaker_organisation_id: str | None
    event_id: str | None
    article_id: str
    published: str | None
    evidence: EvidenceRef | None


def quote_select() -> Select:
    return select(quotes, articles.c.published).join(articles, articles.c.id == quotes.c.article_id)


def load_quotes(conn: Connection, query: Select, judged: Judged) -> list[QuoteAnswer]:
    rows = [r for r in conn.execute(query).mappings() if r["claim_id"] not in judged.rejected]
    speakers = {}
    for r in rows:
        sid = judged.speakers.get(r["claim_id"]) or r["speaker_id"]
        speakers[r["claim_id"]] = judged.canon(sid)
    names = names_of(conn, {s for s in speakers.values() if s})
    ev = evidence_for(conn, [r["claim_id"] for r in rows])
    out = []
    for r in rows:
        sid = speakers[r["claim_id"]]
        overridden = judged.speakers.get(r["claim_id"]) is not None
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
                speaker_organisation_id=r["speaker_organisation_id"],
                event_id=r["event_id"],
                article_id=r["article_id"],
                published=r["published"],
                evidence=ev.get(r["claim_id"]),
            )
        )
    return out
