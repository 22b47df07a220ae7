"""Versioned migrations, kept in the repository and applied in order.

Each migration is a function `(connection) -> None` with a version number; the
`schema_version` table records which have been applied. Add a new one at the end of
`MIGRATIONS`, never edit an applied one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select

from sectorwatch.store.backends import backend_of
from sectorwatch.store.migrations import (
    m001_initial,
    m002_duplicate_of,
    m003_read_indexes,
    m004_article_signatures,
    m005_terms_indexes,
    m006_name_search_indexes,
    m007_post_terms,
    m008_stored_text_vectors,
    m009_named_organisations_index,
    m010_speaker_quote_counts,
    m011_named_parties,
)
from sectorwatch.store.schema import schema_version

Migration = tuple[int, str, Callable[[Connection], None]]

MIGRATIONS: list[Migration] = [
    (1, "initial schema and full-text search", m001_initial.upgrade),
    (2, "articles.duplicate_of for near-duplicates", m002_duplicate_of.upgrade),
    (3, "indexes for the pages' questions", m003_read_indexes.upgrade),
    (4, "article_signatures for near-duplicates", m004_article_signatures.upgrade),
    (5, "indexes for terms of office and consolidated events", m005_terms_indexes.upgrade),
    (6, "name search indexes (trigram) for search at scale", m006_name_search_indexes.upgrade),
    (7, "every post's terms of office kept in the store", m007_post_terms.upgrade),
    (8, "stored text vectors for ranking searches (PostgreSQL)", m008_stored_text_vectors.upgrade),
    (
        9,
        "a partial index of the events that name organisations",
        m009_named_organisations_index.upgrade,
    ),
    (10, "how many quotes each person is the speaker of", m010_speaker_quote_counts.upgrade),
    (11, "the organisations each change names, for lineages", m011_named_parties.upgrade),
]


def applied_versions(conn: Connection) -> set[int]:
    if not inspect(conn).has_table("schema_version"):
        return set()
    return set(conn.execute(select(schema_version.c.version)).scalars())


def migrate(engine: Engine) -> list[int]:
    """Apply every migration not yet applied, each in its own transaction."""
    done: list[int] = []
    backend = backend_of(engine)
    with engine.begin() as conn:
        schema_version.create(conn, checkfirst=True)
    for version, name, upgrade in MIGRATIONS:
        with engine.begin() as conn:
            backend.lock_migrations(conn)
            if version in applied_versions(conn):
                continue
            upgrade(conn)
            conn.execute(
                schema_version.insert().values(
                    version=version, name=name, applied_at=datetime.now(UTC).isoformat()
                )
            )
            done.append(version)
    return done
