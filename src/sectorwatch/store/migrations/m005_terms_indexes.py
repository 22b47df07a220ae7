"""Version 5: indexes for the terms of office and consolidated events (`query.terms`,
`query.consolidate`, docs/store.md "Terms of office"). Additive and idempotent.

- `occupancies (post_id, person_id)`: a post's terms read every occupancy of the post
  grouped by person (`who`, `history`, `timeline`).
- `events (type, organisation_id)`: a merger gathers the other reports of the same change
  by type and party.
"""

from __future__ import annotations

from sqlalchemy import Connection

INDEXES = {
    "ix_occupancies_post_person": "occupancies (post_id, person_id)",
    "ix_events_type_organisation": "events (type, organisation_id)",
}


def upgrade(conn: Connection) -> None:
    for name, columns in INDEXES.items():
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {columns}")
