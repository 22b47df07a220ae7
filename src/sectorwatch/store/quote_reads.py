"""Read questions about quotes, asked by `query.quotes` and the pages built on it: the
statement every quote answer is read with, narrowed by speaker, claim or article, and the
counts of who is quoted. Portable SQLAlchemy Core over `store.schema`, like `store.reads`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Integer, Select, bindparam, func, select

from sectorwatch.store.reads import ARTICLE_TITLE, SOURCE_COLUMNS, Asked
from sectorwatch.store.schema import articles, claims, evidence, quotes, speaker_quotes

_QUOTES = (
    select(
        quotes,
        articles.c.published,
        ARTICLE_TITLE.label("title"),
        articles.c.source.label("article_source"),
        *SOURCE_COLUMNS,
        evidence.c.sentence.label("source_sentence"),
        evidence.c.start.label("source_start"),
        evidence.c.end.label("source_end"),
    )
    .join(articles, articles.c.id == quotes.c.article_id)
    .outerjoin(claims, claims.c.id == quotes.c.claim_id)
    .outerjoin(evidence, evidence.c.id == claims.c.evidence_id)
)
# built once with bound parameters, like `store.reads`' statements
_QUOTE_CLAIMS_OF_SPEAKERS = select(quotes.c.claim_id).where(
    quotes.c.speaker_id.in_(bindparam("ids", expanding=True))
)
_STORED_QUOTE_CLAIMS = select(quotes.c.claim_id).where(
    quotes.c.claim_id.in_(bindparam("ids", expanding=True))
)


def quote_select() -> Select[Any]:
    """Quotes with their article's date and title, and the claim's evidence (read in the
    same statement: `query.quotes.load_quotes` needs no second query for it). Built once:
    a statement is immutable, and each `.where` makes a new one."""
    return _QUOTES


_BY_CLAIM = _QUOTES.where(quotes.c.claim_id.in_(bindparam("ids", expanding=True)))
_BY_SPEAKER = _QUOTES.where(quotes.c.speaker_id.in_(bindparam("ids", expanding=True)))
_IN_ARTICLE = _QUOTES.where(quotes.c.article_id == bindparam("id")).order_by(
    quotes.c.start, quotes.c.claim_id
)


def quotes_by_claim(claim_ids: Iterable[str]) -> Asked:
    """`quote_select` of the quotes with these claim ids."""
    return Asked(_BY_CLAIM, {"ids": list(claim_ids)})


def quotes_by_speaker(speaker_ids: Iterable[str]) -> Asked:
    """`quote_select` of the quotes whose stored speaker is one of these entities."""
    return Asked(_BY_SPEAKER, {"ids": list(speaker_ids)})


def quotes_in_article(article_id: str) -> Asked:
    """`quote_select` of an article's quotes, in the order they stand in it."""
    return Asked(_IN_ARTICLE, {"id": article_id})


def quote_claims_of_speakers(conn: Connection, speaker_ids: Iterable[str]) -> set[str]:
    """The claim ids of the quotes whose stored speaker is one of these entities."""
    return set(conn.execute(_QUOTE_CLAIMS_OF_SPEAKERS, {"ids": list(speaker_ids)}).scalars())


def person_quote_counts(conn: Connection, skip: set[str]) -> list[tuple[str, int]]:
    """(speaker id, how many quotes) of each person stored as a quote's speaker, the
    quotes with a claim id in `skip` left out."""
    counted = select(quotes.c.speaker_id, func.count()).where(
        quotes.c.speaker_id.is_not(None), quotes.c.speaker_kind == "person"
    )
    if skip:
        counted = counted.where(quotes.c.claim_id.not_in(skip))
    return [(r[0], r[1]) for r in conn.execute(counted.group_by(quotes.c.speaker_id))]


def stored_quote_claims(conn: Connection, claim_ids: Iterable[str]) -> list[str]:
    """Those of these claim ids that a stored quote has, in the order the store gives."""
    return list(conn.execute(_STORED_QUOTE_CLAIMS, {"ids": list(claim_ids)}).scalars())


_NTH_COUNT = (
    select(speaker_quotes.c.quotes)
    .order_by(speaker_quotes.c.quotes.desc())
    .limit(1)
    .offset(bindparam("at", type_=Integer))
    .scalar_subquery()
)
_TOP_COUNTS = select(speaker_quotes.c.speaker_id, speaker_quotes.c.quotes).where(
    speaker_quotes.c.quotes >= func.coalesce(_NTH_COUNT, 1)
)
_COUNTS_OF = select(speaker_quotes.c.speaker_id, speaker_quotes.c.quotes).where(
    speaker_quotes.c.speaker_id.in_(bindparam("ids", expanding=True))
)
_SPEAKERS_OF = select(quotes.c.claim_id, quotes.c.speaker_id, quotes.c.speaker_kind).where(
    quotes.c.claim_id.in_(bindparam("ids", expanding=True))
)


def top_speaker_counts(conn: Connection, n: int) -> list[tuple[str, int]]:
    """(speaker id, how many quotes) of the `n` people who are the stored speaker of the
    most quotes, and of every other as often quoted as the last of them, in no particular
    order (`speaker_quotes`: read by its index, however many quotes the store holds)."""
    if n < 1:
        return []
    return [(r[0], r[1]) for r in conn.execute(_TOP_COUNTS, {"at": n - 1})]


def speaker_counts(conn: Connection, speaker_ids: Iterable[str]) -> dict[str, int]:
    """{speaker id: how many quotes} of those of these people who are a stored speaker."""
    wanted = sorted(set(speaker_ids))
    if not wanted:
        return {}
    return {r[0]: r[1] for r in conn.execute(_COUNTS_OF, {"ids": wanted})}


def quote_speakers(conn: Connection, claim_ids: Iterable[str]) -> list[tuple[str, Any, Any]]:
    """(claim id, stored speaker id, speaker kind) of the stored quotes among these claims."""
    wanted = sorted(set(claim_ids))
    if not wanted:
        return []
    return [(r[0], r[1], r[2]) for r in conn.execute(_SPEAKERS_OF, {"ids": wanted})]
