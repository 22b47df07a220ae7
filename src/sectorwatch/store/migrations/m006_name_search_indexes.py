"""Version 6 (issue 16, throughput): an index for finding people and organisations by any
part of a name, so `search` stays flat as the store grows (BENCHMARKS.md, Store).

`query.search` matches names with a substring (`alias LIKE '%words%'`), which no B-tree can
answer: every alias was read on every search, about 4 ms at 50,000 articles and growing
with the store. Additive, idempotent and independent of the other migrations; the SQL is
the backend's (`Backend.create_name_index` in `store/backends/`):

- SQLite: `fts_aliases`, an FTS5 trigram index over `aliases (alias, norm)` (external
  content: the index only), filled from the existing rows and kept in step by triggers on
  `aliases`, so no writer changes. A trigram phrase query is a case-insensitive substring
  match (`store.fts.alias_match`).
- PostgreSQL: `pg_trgm` GIN indexes on `aliases.alias` and `aliases.norm`, which the same
  `ILIKE` / `LIKE '%...%'` use as they are. Where the extension cannot be created (no
  contrib package, no right to create it) the store works as before, without the index.
"""

from __future__ import annotations

from sqlalchemy import Connection

from sectorwatch.store.backends import backend_of


def upgrade(conn: Connection) -> None:
    backend_of(conn).create_name_index(conn)
