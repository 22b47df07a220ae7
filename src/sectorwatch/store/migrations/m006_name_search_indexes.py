"""Version 6 (issue 16, throughput): an index for finding people and organisations by any
part of a name, so `search` stays flat as the store grows (BENCHMARKS.md, Store).

`query.search` matches names with a substring (`alias LIKE '%words%'`), which no B-tree can
answer: every alias was read on every search, about 4 ms at 50,000 articles and growing
with the store. Additive, idempotent and independent of the other migrations:

- SQLite: `fts_aliases`, an FTS5 trigram index over `aliases (alias, norm)` (external
  content: the index only), filled from the existing rows and kept in step by triggers on
  `aliases`, so no writer changes. A trigram phrase query is a case-insensitive substring
  match (`store.fts.alias_rowids`).
- PostgreSQL: `pg_trgm` GIN indexes on `aliases.alias` and `aliases.norm`, which the same
  `ILIKE` / `LIKE '%...%'` use as they are. Where the extension cannot be created (no
  contrib package, no right to create it) the store works as before, without the index.
"""

from __future__ import annotations

from sqlalchemy import Connection

SQLITE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS fts_aliases USING fts5("
    "alias, norm, content='aliases', content_rowid='rowid', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS aliases_fts_insert AFTER INSERT ON aliases BEGIN "
    "INSERT INTO fts_aliases (rowid, alias, norm) VALUES (new.rowid, new.alias, new.norm); END",
    "CREATE TRIGGER IF NOT EXISTS aliases_fts_delete AFTER DELETE ON aliases BEGIN "
    "INSERT INTO fts_aliases (fts_aliases, rowid, alias, norm) "
    "VALUES ('delete', old.rowid, old.alias, old.norm); END",
    "CREATE TRIGGER IF NOT EXISTS aliases_fts_update AFTER UPDATE ON aliases BEGIN "
    "INSERT INTO fts_aliases (fts_aliases, rowid, alias, norm) "
    "VALUES ('delete', old.rowid, old.alias, old.norm); "
    "INSERT INTO fts_aliases (rowid, alias, norm) VALUES (new.rowid, new.alias, new.norm); END",
    "INSERT INTO fts_aliases (fts_aliases) VALUES ('rebuild')",
]
POSTGRES = [
    "CREATE INDEX IF NOT EXISTS ix_aliases_alias_trgm ON aliases USING gin (alias gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS ix_aliases_norm_trgm ON aliases USING gin (norm gin_trgm_ops)",
]


def upgrade(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for statement in SQLITE:
            conn.exec_driver_sql(statement)
        return
    from sqlalchemy.exc import DBAPIError

    try:
        with conn.begin_nested():
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError:
        return  # no pg_trgm here: names are still found, by reading every alias
    for statement in POSTGRES:
        conn.exec_driver_sql(statement)
