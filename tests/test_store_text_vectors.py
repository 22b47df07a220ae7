"""PostgreSQL keeps each quote's and article's text vector in a column (migration 8, issue
16): ranking reads it instead of parsing every matching text again, and a store migrated
from version 7 ranks its old rows exactly as before."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect
from store_factory import APPOINTED, LEAVES, build

from sectorwatch.store import fts, open_store, write_batch
from sectorwatch.store.backends.postgresql import _SQL

pytestmark = pytest.mark.postgres

OLD_INDEXES = [  # migration 1's expression indexes, as a version-7 store has them
    "CREATE INDEX ix_quotes_fts ON quotes USING gin (to_tsvector('english', text))",
    "CREATE INDEX ix_articles_fts ON articles USING gin "
    "(to_tsvector('english', coalesce(title, '') || ' ' || text))",
]


QUERIES = [("quotes", "patients"), ("articles", "chief executive"),
           ("articles", '"Fernleigh Health"'), ("quotes", "patients waiting")]  # fmt: skip
VERSION_7_RANK = {  # migration 1's ranking, parsing each matching text again
    "quotes": "SELECT claim_id, ts_rank(to_tsvector('english', text), q) AS r FROM quotes, "
    "websearch_to_tsquery('english', %s) q WHERE to_tsvector('english', text) @@ q "
    "ORDER BY r DESC, claim_id",
    "articles": "SELECT id, ts_rank(to_tsvector('english', coalesce(title, '') || ' ' || "
    "text), q) AS r FROM articles, websearch_to_tsquery('english', %s) q WHERE "
    "to_tsvector('english', coalesce(title, '') || ' ' || text) @@ q ORDER BY r DESC, id",
}


def _ranked(engine) -> list[list[tuple[str, float]]]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        match = {"quotes": fts.match_quotes, "articles": fts.match_articles}
        return [
            sorted(
                ((m.id, round(m.rank, 6)) for m in match[kind](conn, words, 10)),
                key=lambda m: (m[1], m[0]),
            )  # fmt: skip
            for kind, words in QUERIES
        ]


def _ranked_as_version_7(engine) -> list[list[tuple[str, float]]]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return [
            [
                (r[0], round(-float(r[1]), 6))
                for r in conn.exec_driver_sql(VERSION_7_RANK[kind], (words,))
            ]  # fmt: skip
            for kind, words in QUERIES
        ]


def test_ranking_reads_the_stored_vectors(pg_url):
    engine = open_store(pg_url)
    try:
        found = inspect(engine)
        for table in ("quotes", "articles"):
            assert "search_vector" in {c["name"] for c in found.get_columns(table)}
            indexes = {i["name"] for i in found.get_indexes(table)}
            assert f"ix_{table}_search_vector" in indexes
            assert f"ix_{table}_fts" not in indexes
        for kind in ("quotes", "articles"):
            rank = str(_SQL[kind]["rank"])
            assert "ts_rank(search_vector, q)" in rank
            assert "to_tsvector" not in rank
    finally:
        engine.dispose()


def test_a_store_of_version_7_gets_vectors_for_its_rows(pg_url):
    engine = open_store(pg_url)
    leaves, appointed = build(LEAVES), build(APPOINTED)
    write_batch(engine, [leaves, appointed])
    with engine.begin() as conn:  # back to version 7: no column, the expression indexes
        for table in ("quotes", "articles"):
            conn.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN search_vector")
        for statement in OLD_INDEXES:
            conn.exec_driver_sql(statement)
        conn.exec_driver_sql("DELETE FROM schema_version WHERE version = 8")
    before = _ranked_as_version_7(engine)
    engine.dispose()
    engine = open_store(pg_url)  # migrates to version 8 again
    try:
        assert _ranked(engine) == before
        assert [len(found) for found in before] == [1, 2, 2, 0]
        both = {leaves.article.id, appointed.article.id}
        assert {i for i, _ in before[1]} == {i for i, _ in before[2]} == both
    finally:
        engine.dispose()
