"""Near-duplicates in the store: signatures, `articles.duplicate_of` links, and the SQL
condition "a canonical article" the queries use (the algorithm is `sectorwatch.dedup`).

An article whose estimated similarity to an earlier one reaches the threshold is stored
with `articles.duplicate_of` pointing at the first-seen copy (always a canonical article,
never another duplicate), and queries count quotes and reactions from canonical articles
only.

Signatures are stored with the article in the same transaction (`article_signatures`,
1 KiB each); the index lives with the single writer, so "first seen" is the order in which
articles are written. At the start of a run the index is rebuilt from the stored
signatures, without reading any text; only articles stored without one (by a store older
than migration 4, an ingest with `--no-dedup`, or other parameters) are shingled again,
once, and their signatures stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import bindparam, delete, select, update

from sectorwatch.dedup.index import DuplicateIndex
from sectorwatch.dedup.minhash import DedupOptions, article_signature
from sectorwatch.model import Article, Paragraph
from sectorwatch.store.schema import article_signatures as sigs
from sectorwatch.store.schema import articles

if TYPE_CHECKING:
    from sqlalchemy import Engine

SIGNATURE_DTYPE = np.dtype("<u8")
"""How a signature is stored: its uint64 values as little-endian bytes."""
PAGE = 1000
"""Stored articles read per query when the index is loaded."""


def signature_row(values: np.ndarray, options: DedupOptions = DedupOptions()) -> dict[str, Any]:
    """An `article_signatures` row (without the article id) for a signature."""
    return {
        "num_perm": options.num_perm,
        "shingle_words": options.shingle_words,
        "signature": np.asarray(values, dtype=SIGNATURE_DTYPE).tobytes(),
    }


def signature_rows(
    signatures: Iterable[tuple[str, np.ndarray]], options: DedupOptions = DedupOptions()
) -> dict[str, dict[str, Any]]:
    """{article id: signature row}, what `write_batch(..., signatures=)` stores."""
    return {article_id: signature_row(values, options) for article_id, values in signatures}


def stored_signature(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=SIGNATURE_DTYPE).astype(np.uint64)


def _stored_article(row: Any) -> Article:
    paragraphs = [Paragraph(s, e, k) for s, e, k in json.loads(row.paragraphs or "[]")]
    return Article(id=row.id, source="", text=row.text, paragraphs=paragraphs)


def load_index(engine: Engine, options: DedupOptions = DedupOptions()) -> DuplicateIndex:
    """An index of the stored canonical articles, from their stored signatures.

    An article without a usable signature (none stored, or one made with another
    `num_perm` or shingle size) is shingled now and its signature stored, so this happens
    once per article. Self-healing: stored articles that were never compared (a run
    stopped between a batch and its links) are compared now, in id order, and linked when
    they repeat another.
    """
    index = DuplicateIndex(options)
    links: dict[str, str] = {}
    for page in _canonical_pages(engine):
        usable = {
            row.id: stored_signature(row.signature)
            for row in page
            if row.signature is not None
            and row.num_perm == options.num_perm
            and row.shingle_words == options.shingle_words
            and len(row.signature) == options.num_perm * SIGNATURE_DTYPE.itemsize
        }
        missing = [row.id for row in page if row.id not in usable]
        if missing:
            fresh = _compute_signatures(engine, missing, options)
            store_signatures(engine, fresh, options)
            usable.update(fresh)
        for row in page:
            target = index.link(row.id, usable[row.id])
            if target is not None:
                links[row.id] = target
    save_links(engine, links)
    return index


def _canonical_pages(engine: Engine) -> Iterator[Sequence[Any]]:
    """The canonical articles' ids and stored signatures (or None), in id order, `PAGE` at
    a time (each page its own short query, so nothing is held open while signatures are
    written)."""
    query = (
        select(articles.c.id, sigs.c.num_perm, sigs.c.shingle_words, sigs.c.signature)
        .select_from(articles.outerjoin(sigs, sigs.c.article_id == articles.c.id))
        .where(articles.c.duplicate_of.is_(None))
        .order_by(articles.c.id)
        .limit(PAGE)
    )
    after: str | None = None
    while True:
        with engine.connect() as conn:
            page = conn.execute(
                query if after is None else query.where(articles.c.id > after)
            ).all()
        if not page:
            return
        yield page
        after = page[-1].id


def _compute_signatures(
    engine: Engine, ids: list[str], options: DedupOptions
) -> dict[str, np.ndarray]:
    """Signatures of stored articles from their text (for articles stored without one)."""
    query = select(articles.c.id, articles.c.text, articles.c.paragraphs).where(
        articles.c.id.in_(ids)
    )
    with engine.connect() as conn:
        return {
            row.id: article_signature(_stored_article(row), options) for row in conn.execute(query)
        }


def store_signatures(
    engine: Engine, signatures: dict[str, np.ndarray], options: DedupOptions = DedupOptions()
) -> None:
    """Store (or replace) the signatures of stored articles, in one transaction."""
    if not signatures:
        return
    rows = [{"article_id": i, **signature_row(v, options)} for i, v in signatures.items()]
    with engine.begin() as conn:
        conn.execute(delete(sigs).where(sigs.c.article_id.in_(list(signatures))))
        conn.execute(sigs.insert(), rows)


def save_links(engine: Engine, links: dict[str, str]) -> None:
    """Set `articles.duplicate_of` for each {duplicate: canonical}, in one transaction."""
    if not links:
        return
    statement = (
        update(articles)
        .where(articles.c.id == bindparam("dup"))
        .values(duplicate_of=bindparam("canonical"))
    )
    with engine.begin() as conn:
        conn.execute(statement, [{"dup": d, "canonical": c} for d, c in links.items()])


def duplicate_links(engine: Engine) -> dict[str, str]:
    """Every stored link {duplicate id: canonical id}."""
    query = select(articles.c.id, articles.c.duplicate_of).where(
        articles.c.duplicate_of.is_not(None)
    )
    with engine.connect() as conn:
        return {row.id: row.duplicate_of for row in conn.execute(query)}


def canonical(article_id_column: Any) -> Any:
    """A SQL condition: the row belongs to a canonical article (not a near-duplicate).

    Queries that count quotes or reactions use it so a syndicated press release counts
    once: `select(quotes).where(canonical(quotes.c.article_id))`.
    """
    duplicates = select(articles.c.id).where(articles.c.duplicate_of.is_not(None))
    return article_id_column.not_in(duplicates)
