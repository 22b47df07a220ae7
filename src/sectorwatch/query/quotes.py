"""Quotes as answers: text, stance, speaker (judgements applied) and evidence. The
statements they are read with are the store's (`store.quote_reads`: `quote_select` and its
narrowings)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, Select

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


def _evidence(conn: Connection, rows: list[Row[Any]], at: dict[str, int]) -> dict[str, EvidenceRef]:
    """Each quote's evidence, as `evidence_for` gives it: from the row when the claim's
    sentence is in the quote's own article, else read (a claim with no sentence or no
    article has none). `at`: each column's position in the rows."""
    out: dict[str, EvidenceRef] = {}
    elsewhere = []
    claim, article, sentence, source_article = (
        at["claim_id"], at["article_id"], at["source_sentence"], at["source_article_id"],
    )  # fmt: skip
    said = [at[c] for c in _SAID]
    for r in rows:
        cid = r[claim]
        if r[sentence] is None or r[source_article] != r[article]:
            elsewhere.append(cid)
            continue
        found = [r[i] for i in said]
        found[1] = first_line(found[1])  # the title
        out[cid] = EvidenceRef(cid, *found)
    out.update(evidence_for(conn, elsewhere))
    return out


_SAID = (
    "article_id", "title", "published", "article_source", "source_sentence", "source_start",
    "source_end", "source_extractor", "source_extractor_version", "source_origin",
    "source_confidence",
)  # fmt: skip
"""The columns of a quote's row that make its evidence, in `EvidenceRef`'s order."""


def load_quotes(conn: Connection, query: Select | reads.Asked, judged: Judged) -> list[QuoteAnswer]:
    """The quotes `query` reads (rejected ones left out), their speakers as judged, with
    names and evidence. Rows are read by position (a name lookup per field was a large
    share of a page of quotes)."""
    result = reads.execute(conn, query)
    at = {k: i for i, k in enumerate(result.keys())}
    claim = at["claim_id"]
    rows = [r for r in result.all() if r[claim] not in judged.rejected]
    moved, canon = judged.speakers, judged.canon
    speaker_at, org_at = at["speaker_id"], at["speaker_organisation_id"]
    speakers = {r[claim]: canon(moved.get(r[claim]) or r[speaker_at]) for r in rows}
    orgs = {r[claim]: canon(r[org_at]) for r in rows}
    names = names_of(conn, {s for s in speakers.values() if s} | {o for o in orgs.values() if o})
    ev = _evidence(conn, rows, at)
    (text, kind, stance, cues, name, role, organisation, event, article, published,
     speaker_kind, cue, title, start, end, observed) = (
        at[c] for c in ("text", "type", "stance", "stance_cues", "speaker_name",
                        "speaker_role", "speaker_organisation", "event_id", "article_id",
                        "published", "speaker_kind", "cue", "title", "start", "end",
                        "observed")
    )  # fmt: skip
    out = []
    for r in rows:
        cid = r[claim]
        sid = speakers[cid]
        overridden = moved.get(cid) is not None
        org = None if overridden else orgs[cid]
        stated = r[cues]
        out.append(
            QuoteAnswer(
                claim_id=cid,
                text=r[text],
                type=r[kind],
                stance=r[stance],
                stance_cues=json.loads(stated) if stated and stated != "[]" else [],
                speaker_id=sid,
                speaker=names.get(sid, r[name]) if sid else (None if overridden else r[name]),
                speaker_role=None if overridden else r[role],
                speaker_organisation=None if overridden else r[organisation],
                speaker_organisation_id=org,
                event_id=r[event],
                article_id=r[article],
                published=r[published],
                evidence=ev.get(cid),
                speaker_kind=r[speaker_kind],
                speaker_organisation_name=names.get(org, r[organisation] or org) if org else None,
                corrected=overridden,
                cue=r[cue],
                title=first_line(r[title]),
                start=r[start],
                end=r[end],
                observed=r[observed],
            )
        )
    return out
