"""Version 11 (issue 16, queries flat as the store grows): the organisations each event and
each organisational change names among its parties, kept in `named_parties` by triggers on
`events` and `org_changes` (the backend's `create_party_triggers`), and an index on
`org_changes.result_id`, so that an organisation's lineage (`query.lineage`: asked by
`who`, `history`, the timelines and the organisation page) and the events naming it
(`store.page_reads.events_involving`) are found by its id instead of by reading every
change of the store (one report in four or five is a merger or a renaming in real news,
so a store of 200,000 articles holds tens of thousands). Migration 9's partial index, which
served the search of the names it replaces, is dropped.

Creates the table and the index (new stores have them from version 1), the triggers, and
fills the table from every stored row. Idempotent: run again, it fills it again.
"""

from __future__ import annotations

from sqlalchemy import Connection

from sectorwatch.store.backends import backend_of
from sectorwatch.store.migrations.m009_named_organisations_index import INDEX
from sectorwatch.store.schema import named_parties


def upgrade(conn: Connection) -> None:
    named_parties.create(conn, checkfirst=True)
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_org_changes_result_id ON org_changes (result_id)"
    )
    backend_of(conn).create_party_triggers(conn)
    conn.exec_driver_sql(f"DROP INDEX IF EXISTS {INDEX}")
