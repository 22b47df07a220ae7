"""Names are found by any part through an index (migration 6, issue 16), not by reading
every alias: a trigram index on SQLite kept in step with `aliases`, trigram GIN indexes on
PostgreSQL; `search` answers exactly as before."""

from __future__ import annotations

import pytest
from sqlalchemy import bindparam, text
from store_factory import APPOINTED, LEAVES, build

from sectorwatch.query.search import search
from sectorwatch.store import fts, write_batch


@pytest.fixture()
def store(engine):
    write_batch(engine, [build(LEAVES), build(APPOINTED)])
    return engine


def _people(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [h.title for h in result.hits if h.type == "person"]


def test_a_person_is_found_by_part_of_a_name(store):
    assert _people(search(store, "mara Qui")) == ["Amara Quist"]
    assert _people(search(store, "ONAH PI")) == ["Jonah Pike"]


def test_the_name_index_exists_on_both_databases(store):
    with store.connect() as conn:
        if conn.dialect.name == "sqlite":
            names = conn.execute(text("SELECT name FROM sqlite_master")).scalars().all()
            assert {"fts_aliases", "aliases_fts_insert", "aliases_fts_delete"} <= set(names)
        else:
            names = conn.execute(text("SELECT indexname FROM pg_indexes")).scalars().all()
            assert {"ix_aliases_alias_trgm", "ix_aliases_norm_trgm"} <= set(names)


def _indexed(conn, words: str) -> list[str]:  # type: ignore[no-untyped-def]
    found = fts.alias_match(conn, words, words)
    assert found is not None
    rowids = conn.execute(found).scalars().all()
    return sorted(
        conn.execute(
            text("SELECT alias FROM aliases WHERE rowid IN :r").bindparams(
                bindparam("r", expanding=True)
            ),
            {"r": rowids},
        ).scalars()
    )


def test_the_sqlite_index_follows_the_aliases_table(tmp_path):
    from sectorwatch.store import open_store

    sqlite = open_store(f"sqlite:///{tmp_path / 'sw.db'}")
    write_batch(sqlite, [build(LEAVES), build(APPOINTED)])
    with sqlite.begin() as conn:
        assert _indexed(conn, "amara quist") == ["Amara Quist"]
        conn.execute(
            text("UPDATE aliases SET alias = 'Amara Quist-Lowe' WHERE alias = 'Amara Quist'")
        )
        assert _indexed(conn, "quist-lowe") == ["Amara Quist-Lowe"]
        conn.execute(text("DELETE FROM aliases WHERE alias = 'Amara Quist-Lowe'"))
        assert _indexed(conn, "quist-lowe") == []
