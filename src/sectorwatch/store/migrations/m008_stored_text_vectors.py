"""Version 8 (issue 16, throughput): on PostgreSQL, each quote's and article's text vector
(`to_tsvector('english', ...)`) kept in a generated column, `search_vector`, with a GIN
index, so that ranking a search's matches reads the vector instead of parsing every
matching text again (BENCHMARKS.md, Store). The vector is the one migration 1's
expression indexes were built on, so every search answers as before; those indexes, no
longer used, are dropped. The database computes the column on every insert and update: no
writer changes. Nothing on SQLite, whose FTS5 tables keep what they rank from. The SQL is
the backend's (`Backend.store_text_vectors`); idempotent.
"""

from __future__ import annotations

from sqlalchemy import Connection

from sectorwatch.store.backends import backend_of


def upgrade(conn: Connection) -> None:
    backend_of(conn).store_text_vectors(conn)
