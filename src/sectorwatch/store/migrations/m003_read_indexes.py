"""Version 3: indexes for the questions the pages ask most (found with EXPLAIN QUERY PLAN
on the JSON API's queries; BENCHMARKS.md, Web). Additive and idempotent.

- `events (post_id, type)`: who held a post (`query.holders`) reads the appointments and
  departures of a set of posts; without it every page with holders scanned all events.
- `quotes (speaker_kind, speaker_id)`: the home page counts quotes per person; with both
  columns in one index the count reads the index alone.
- `judgements (kind, id)`: the judgements in force are read by kind, in order.
"""

from __future__ import annotations

from sqlalchemy import Connection

INDEXES = {
    "ix_events_post_id_type": "events (post_id, type)",
    "ix_quotes_speaker_kind_id": "quotes (speaker_kind, speaker_id)",
    "ix_judgements_kind_id": "judgements (kind, id)",
}


def upgrade(conn: Connection) -> None:
    for name, columns in INDEXES.items():
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {columns}")
