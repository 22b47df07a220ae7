"""Version 9 (issue 16 item 5, first views): a partial index over the events that name
any organisation among their `organisations` (the bodies of a merger, a renaming), so an
organisation's or a person's changes are found without reading every event
(`store.page_reads.events_involving`). Additive and idempotent; the same SQL on SQLite and
PostgreSQL. Most events name none, so the index is small, and a search of the names reads
only the events it holds.
"""

from __future__ import annotations

from sqlalchemy import Connection

INDEX = "ix_events_naming_organisations"


def upgrade(conn: Connection) -> None:
    conn.exec_driver_sql(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON events (claim_id) WHERE organisations <> '[]'"
    )
