"""Version 7 (issue 16, throughput): every post's terms of office kept in the store, so
`person`, `who`, `orgchart` and `history` read a post's terms instead of building them
from every report of every holder (BENCHMARKS.md, Store; `store.term_rows`).

Creates `post_terms` (new stores have it from version 1), the backend's triggers that mark
a post stale when its reports change (`Backend.create_term_triggers`), and builds every
post's terms. Idempotent: run again, it builds them again.
"""

from __future__ import annotations

from sqlalchemy import Connection

from sectorwatch.store import term_rows
from sectorwatch.store.backends import backend_of
from sectorwatch.store.schema import post_terms


def upgrade(conn: Connection) -> None:
    post_terms.create(conn, checkfirst=True)
    backend_of(conn).create_term_triggers(conn)
    term_rows.refresh(conn, every=True)
