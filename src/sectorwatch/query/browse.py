"""Lookups for pages and APIs: an article with all its spans, an entity by id, the most
recent events, the most quoted people."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, func, select

from sectorwatch.errors import QueryError
from sectorwatch.query.common import Judged, names_of
from sectorwatch.query.events import EventAnswer, load_events
from sectorwatch.store.schema import (
    aliases,
    articles,
    claims,
    entities,
    events,
    evidence,
    mentions,
    quotes,
)


@dataclass
class Span:
    start: int
    end: int
    kind: str  # quote | role | event | reporting_line | org_change | mention
    claim_id: str | None
    entity_id: str | None
    label: str


@dataclass
class ArticleAnswer:
    id: str
    source: str
    title: str | None
    authors: list[str]
    published: str | None
    publisher: str | None
    text: str
    extractor: str
    extractor_version: str
    spans: list[Span] = field(default_factory=list)


def article(engine: Engine, article_id: str) -> ArticleAnswer:
    with engine.connect() as conn:
        judged = Judged.load(conn)
        row = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
        if row is None:
            raise QueryError(f"no article with id {article_id!r}")
        answer = ArticleAnswer(
            row["id"],
            row["source"],
            row["title"],
            json.loads(row["authors"]),
            row["published"],
            row["publisher"],
            row["text"],
            row["extractor"],
            row["extractor_version"],
        )
        rows = conn.execute(
            select(
                claims.c.id,
                claims.c.property,
                claims.c.entity_id,
                claims.c.value,
                evidence.c.start,
                evidence.c.end,
            )
            .join(evidence, evidence.c.id == claims.c.evidence_id)
            .where(claims.c.article_id == article_id)
        ).all()
        for cid, prop, entity_id, value, start, end in rows:
            if cid in judged.rejected:
                continue
            kind = "role" if prop == "occupancy" else prop
            v = json.loads(value)
            label = v.get("text") or v.get("role") or v.get("type") or prop
            answer.spans.append(Span(start, end, kind, cid, judged.canon(entity_id), str(label)))
        for m in conn.execute(
            select(mentions).where(mentions.c.article_id == article_id)
        ).mappings():
            answer.spans.append(
                Span(m["start"], m["end"], "mention", None, judged.canon(m["entity_id"]), m["text"])
            )
        answer.spans.sort(key=lambda s: (s.start, -s.end))
        return answer


def entity(engine: Engine, entity_id: str) -> dict[str, Any]:
    with engine.connect() as conn:
        judged = Judged.load(conn)
        canonical = judged.canon(entity_id) or entity_id
        row = conn.execute(select(entities).where(entities.c.id == canonical)).mappings().first()
        if row is None:
            raise QueryError(f"no entity with id {entity_id!r}")
        ids = judged.cluster(canonical)
        names = sorted(
            set(conn.execute(select(aliases.c.alias).where(aliases.c.entity_id.in_(ids))).scalars())
        )
        return {
            "id": canonical,
            "kind": row["kind"],
            "name": row["name"],
            "aliases": names,
            "referents": [i for i in ids if i != canonical],
        }


def recent_events(engine: Engine, n: int = 10) -> list[EventAnswer]:
    with engine.connect() as conn:
        judged = Judged.load(conn)
        query = select(events).order_by(events.c.observed.desc(), events.c.claim_id).limit(n * 2)
        found = load_events(conn, query, judged)
        found.sort(key=lambda e: (e.observed or "", e.when), reverse=True)
        return found[:n]


@dataclass
class QuotedCount:
    entity_id: str
    name: str
    quotes: int


def most_quoted(engine: Engine, n: int = 10) -> list[QuotedCount]:
    with engine.connect() as conn:
        judged = Judged.load(conn)
        rows = conn.execute(
            select(quotes.c.speaker_id, func.count())
            .where(quotes.c.speaker_id.is_not(None))
            .group_by(quotes.c.speaker_id)
        ).all()
        counts: dict[str, int] = {}
        for speaker, count in rows:
            key = judged.canon(speaker) or speaker
            counts[key] = counts.get(key, 0) + count
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        names = names_of(conn, {k for k, _ in top})
        return [QuotedCount(k, names.get(k, k), c) for k, c in top]
