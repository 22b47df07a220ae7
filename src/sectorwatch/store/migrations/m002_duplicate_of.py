"""Version 2: `articles.duplicate_of`, the first-seen copy of a near-duplicate article
(sectorwatch.dedup, stored by sectorwatch.store.duplicates). Additive: a nullable column
and its index. A store created at version 1 by this code already has them (version 1
creates the tables of `schema.py`)."""

from __future__ import annotations

from sqlalchemy import Connection, inspect


def upgrade(conn: Connection) -> None:
    inspector = inspect(conn)
    if "duplicate_of" not in {c["name"] for c in inspector.get_columns("articles")}:
        conn.exec_driver_sql("ALTER TABLE articles ADD COLUMN duplicate_of TEXT")
    if "ix_articles_duplicate_of" not in {i["name"] for i in inspector.get_indexes("articles")}:
        conn.exec_driver_sql("CREATE INDEX ix_articles_duplicate_of ON articles (duplicate_of)")
