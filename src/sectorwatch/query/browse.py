"""Lookups for pages and APIs: an article with all its spans, an entity by id, the most
recent events, the most quoted people."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine

from sectorwatch.errors import QueryError
from sectorwatch.query.common import Judged, aliases_of, connected, names_of
from sectorwatch.query.consolidate import consolidate
from sectorwatch.query.events import EventAnswer, load_events, read_evidence
from sectorwatch.query.quotes import QuoteAnswer, load_quotes
from sectorwatch.store import article_reads, entity_reads, quote_reads, reads


@dataclass
class Span:
    start: int
    end: int
    kind: str  # quote | role | event | reporting_line | org_change | mention
    claim_id: str | None
    entity_id: str | None  # the speaker, the person or organisation mentioned, the subject
    label: str | None  # speaker, entity name, role, subordinate post or event type
    entity_kind: str | None = None  # person | organisation (mentions and quotes)
    stance: str | None = None  # quotes


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
    quotes: list[QuoteAnswer] = field(default_factory=list)
    paragraphs: list[list[Any]] = field(default_factory=list)  # [start, end, kind]


def _fact_label(prop: str, value: dict) -> str:
    if prop == "occupancy":
        return value.get("role") or prop
    if prop == "reporting_line":
        return value.get("subordinate") or prop
    if prop == "org_change":
        return value.get("kind") or prop
    return value.get("type") or prop


def article(engine: Engine | Connection, article_id: str) -> ArticleAnswer:
    """An article's text, its quotes and every span read in it (judgements applied)."""
    with connected(engine) as conn:
        judged = Judged.load(conn)
        row = article_reads.article_row(conn, article_id)
        if row is None:
            raise QueryError(f"no article with id {article_id!r}")
        answer = ArticleAnswer(
            row["id"],
            row["source"],
            row["title"],
            json.loads(row["authors"] or "[]"),
            row["published"],
            row["publisher"],
            row["text"],
            row["extractor"],
            row["extractor_version"],
        )
        answer.paragraphs = json.loads(row["paragraphs"] or "[]")
        answer.quotes = load_quotes(conn, quote_reads.quotes_in_article(article_id), judged)
        for q in answer.quotes:
            answer.spans.append(
                Span(q.start, q.end, "quote", q.claim_id, q.speaker_id, q.speaker,
                     q.speaker_kind, q.stance)
            )  # fmt: skip
        rows = article_reads.article_fact_spans(conn, article_id)
        for cid, prop, entity_id, value, start, end in rows:
            if cid in judged.rejected:
                continue
            kind = "role" if prop == "occupancy" else prop
            label = _fact_label(prop, json.loads(value))
            answer.spans.append(Span(start, end, kind, cid, judged.canon(entity_id), label))
        found = article_reads.article_mentions(conn, article_id)
        names = names_of(conn, {judged.canon(m.entity_id) or m.entity_id for m in found})
        for m in found:
            canon = judged.canon(m.entity_id)
            label = names.get(canon or "", m.text)
            answer.spans.append(Span(m.start, m.end, "mention", None, canon, label, m.kind))
        answer.spans.sort(key=lambda s: (s.start, -s.end, s.kind))
        return answer


@dataclass
class EntityAnswer:
    id: str  # canonical id (a merged id answers with its canonical entity)
    kind: str  # person | organisation
    name: str
    aliases: list[str]  # every name it was read as, its own name included
    referents: list[str]  # the ids merged into it


def entity(engine: Engine | Connection, entity_id: str) -> EntityAnswer:
    with connected(engine) as conn:
        judged = Judged.load(conn)
        canonical = judged.canon(entity_id) or entity_id
        row = entity_reads.entity_row(conn, canonical)
        if row is None:
            raise QueryError(f"no entity with id {entity_id!r}")
        ids = judged.cluster(canonical)
        return EntityAnswer(
            canonical,
            row["kind"],
            row["name"],
            aliases_of(conn, ids),
            [i for i in ids if i != canonical],
        )


def recent_events(engine: Engine | Connection, n: int = 10) -> list[EventAnswer]:
    """The `n` events reported most recently, newest report first (the evidence read for
    those `n` only, not for the other reports read to join them into changes)."""
    with connected(engine) as conn:
        judged = Judged.load(conn)
        query = reads.latest_events(judged.rejected, n * 3)
        found = consolidate(load_events(conn, query, judged, evidence=False))  # one per change
        found.sort(key=lambda e: (e.observed or "", e.when), reverse=True)
        read_evidence(conn, found[:n])
        return found[:n]


@dataclass
class QuotedCount:
    entity_id: str
    name: str
    quotes: int


def most_quoted(engine: Engine | Connection, n: int = 10) -> list[QuotedCount]:
    """The people quoted most often (rejected quotes left out, corrected speakers counted,
    merged people counted as one), most first, then by id.

    The store keeps how many quotes each person is the stored speaker of
    (`quote_reads.top_speaker_counts`), so this reads the counts of the top people and of
    the few a judgement touches, never every quote: a person whose quotes no judgement
    moved, rejected or merged with another's has the stored count, and the top `n` of those
    are among the top `n` + (how many stored speakers are touched) stored counts."""
    with connected(engine) as conn:
        judged = Judged.load(conn)
        moved = {c: s for c, s in judged.speakers.items() if s and c not in judged.rejected}
        skip = judged.rejected | set(moved)
        canon = judged.canon
        touched: set[str] = set(judged.canonical) | set(judged.canonical.values())
        stored = quote_reads.quote_speakers(conn, skip) if skip else []
        touched |= {s for _, s, kind in stored if s and kind == "person"}
        touched |= {canon(s) or s for s in moved.values()}
        keys = {canon(s) or s for s in touched}  # the answers a judgement changes
        members = {m for k in keys for m in judged.cluster(k)}
        counts: dict[str, int] = {}
        for speaker, count in quote_reads.speaker_counts(conn, members).items():
            key = canon(speaker) or speaker
            counts[key] = counts.get(key, 0) + count
        for _, speaker, kind in stored:  # left out, or counted for their new speaker
            if speaker and kind == "person":
                key = canon(speaker) or speaker
                counts[key] = counts.get(key, 0) - 1
        present = {c for c, _, _ in stored}
        for claim_id, speaker in moved.items():
            if claim_id in present:
                key = canon(speaker) or speaker
                counts[key] = counts.get(key, 0) + 1
        for speaker, count in quote_reads.top_speaker_counts(conn, n + len(members)):
            if speaker not in members:
                counts[speaker] = count
        ranked = [(k, c) for k, c in counts.items() if c > 0]
        top = sorted(ranked, key=lambda kv: (-kv[1], kv[0]))[:n]
        names = names_of(conn, {k for k, _ in top})
        return [QuotedCount(k, names.get(k, k), c) for k, c in top]
