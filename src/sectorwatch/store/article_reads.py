"""Read questions about articles and the sentences claims were read in, asked by
`query.common` (evidence), `query.browse` (an article page) and `query.search`.
Portable SQLAlchemy Core over `store.schema`, like `store.reads`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, Row, RowMapping, bindparam, select

from sectorwatch.store.reads import ARTICLE_TITLE, CLAIMS_WITH_EVIDENCE
from sectorwatch.store.schema import articles, claims, evidence, mentions

_SENTENCES = select(evidence.c.id, evidence.c.sentence, evidence.c.start, evidence.c.end).where(
    evidence.c.id.in_(bindparam("ids", expanding=True))
)
_ABOUT = select(articles.c.id, ARTICLE_TITLE, articles.c.published, articles.c.source).where(
    articles.c.id.in_(bindparam("ids", expanding=True))
)
_ABOUT_COLUMNS = (claims.c.id, claims.c.article_id, ARTICLE_TITLE, articles.c.published)
_SAID_COLUMNS = (articles.c.source, evidence.c.sentence, evidence.c.start, evidence.c.end)
_SOURCE_COLUMNS = (
    claims.c.extractor,
    claims.c.extractor_version,
    claims.c.origin,
    claims.c.confidence,
)
_CLAIM_EVIDENCE = (
    select(*_ABOUT_COLUMNS, *_SAID_COLUMNS, *_SOURCE_COLUMNS)
    .select_from(CLAIMS_WITH_EVIDENCE)
    .where(claims.c.id.in_(bindparam("ids", expanding=True)))
)
_ARTICLE_ROW = select(articles).where(articles.c.id == bindparam("id"))
_ARTICLE_FACT_SPANS = (
    select(
        claims.c.id,
        claims.c.property,
        claims.c.entity_id,
        claims.c.value,
        evidence.c.start,
        evidence.c.end,
    )
    .join(evidence, evidence.c.id == claims.c.evidence_id)
    .where(claims.c.article_id == bindparam("id"), claims.c.property != "quote")
)
_ARTICLE_MENTIONS = select(mentions).where(mentions.c.article_id == bindparam("id"))
_ARTICLES_FOR_HITS = select(
    articles.c.id,
    ARTICLE_TITLE.label("title"),
    articles.c.published,
    articles.c.source,
    articles.c.text,
).where(articles.c.id.in_(bindparam("ids", expanding=True)))


def sentences(conn: Connection, evidence_ids: list[str]) -> Sequence[Row]:
    """(id, sentence, start, end) of these evidence rows."""
    return conn.execute(_SENTENCES, {"ids": evidence_ids}).all()


def articles_about(conn: Connection, article_ids: list[str]) -> Sequence[Row]:
    """(id, `ARTICLE_TITLE`, published, source) of these articles."""
    return conn.execute(_ABOUT, {"ids": article_ids}).all()


def claim_evidence(conn: Connection, claim_ids: list[str]) -> Sequence[Row]:
    """Of each of these claims that has a sentence and an article: claim id, article id,
    `ARTICLE_TITLE`, published, source, sentence, start, end, extractor, extractor
    version, origin, confidence."""
    return conn.execute(_CLAIM_EVIDENCE, {"ids": list(claim_ids)}).all()


def article_row(conn: Connection, article_id: str) -> RowMapping | None:
    """Every column of the article with this id, or None."""
    return conn.execute(_ARTICLE_ROW, {"id": article_id}).mappings().first()


def article_fact_spans(conn: Connection, article_id: str) -> Sequence[Row]:
    """(claim id, property, entity id, value, start, end) of every claim read in this
    article but its quotes, with the offsets of its sentence."""
    return conn.execute(_ARTICLE_FACT_SPANS, {"id": article_id}).all()


def article_mentions(conn: Connection, article_id: str) -> Sequence[Row]:
    """Every mention in this article, all its columns."""
    return conn.execute(_ARTICLE_MENTIONS, {"id": article_id}).all()


def articles_for_hits(conn: Connection, article_ids: Iterable[str]) -> Sequence[Row]:
    """(id, title: `ARTICLE_TITLE`, published, source, text) of these articles."""
    return conn.execute(_ARTICLES_FOR_HITS, {"ids": list(article_ids)}).all()
