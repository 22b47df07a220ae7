"""Version 10 (issue 16 item 5, first views): how many quotes each person is the stored
speaker of, kept in `speaker_quotes` by triggers on `quotes` (the backend's
`create_quote_count_triggers`), so the home page's most quoted people are read by the
index on the counts (`store.quote_reads.top_speaker_counts`) instead of counting every
quote of the store (`query.browse.most_quoted` applies the judgements to the few they
touch).

Creates the table (new stores have it from version 1), the triggers, and counts every
stored quote once. Idempotent: run again, it counts them again.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, insert, select

from sectorwatch.store.backends import backend_of
from sectorwatch.store.schema import quotes, speaker_quotes


def upgrade(conn: Connection) -> None:
    speaker_quotes.create(conn, checkfirst=True)
    backend_of(conn).create_quote_count_triggers(conn)
    conn.execute(delete(speaker_quotes))
    counted = (
        select(quotes.c.speaker_id, func.count())
        .where(quotes.c.speaker_kind == "person", quotes.c.speaker_id.is_not(None))
        .group_by(quotes.c.speaker_id)
    )
    conn.execute(insert(speaker_quotes).from_select(["speaker_id", "quotes"], counted))
