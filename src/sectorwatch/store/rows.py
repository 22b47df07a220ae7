"""One batch's new rows, held in memory and written with one executemany per table.

The writer and the resolver add rows here instead of inserting them one by one; `flush`
writes them in foreign-key order (articles and entities before the rows that point to
them) inside the batch's transaction. Posts and evidence are shared between facts, so they
are inserted only when absent (`ON CONFLICT DO NOTHING`, on SQLite and PostgreSQL alike),
which also replaces a SELECT per row.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table

from sectorwatch.store.backends import backend_of
from sectorwatch.store.schema import (
    aliases,
    article_signatures,
    articles,
    claims,
    entities,
    events,
    evidence,
    judgements,
    mentions,
    occupancies,
    org_changes,
    posts,
    quotes,
    reporting_lines,
)

INSERT_ORDER = (
    articles,
    article_signatures,
    entities,
    aliases,
    evidence,
    posts,
    claims,
    occupancies,
    reporting_lines,
    org_changes,
    events,
    quotes,
    mentions,
    judgements,
)
"""Tables in an order that satisfies every foreign key."""

IF_ABSENT = (evidence, posts)
"""Tables whose rows may already be stored: an existing row wins."""


class PendingRows:
    """Rows waiting to be written in the current transaction, by table."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.backend = backend_of(conn)
        self.rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in INSERT_ORDER}
        self.fts_articles: list[dict[str, Any]] = []
        self.fts_quotes: list[dict[str, Any]] = []

    def add(self, table: Table, row: dict[str, Any]) -> None:
        self.rows[table.name].append(row)

    def add_many(self, table: Table, rows: list[dict[str, Any]]) -> None:
        self.rows[table.name].extend(rows)

    def index_text(self, article_id: str, title: str | None, body: str) -> None:
        """Full-text rows for an article, for a backend that keeps its own index (SQLite's
        FTS5 tables; PostgreSQL indexes the tables themselves)."""
        if self.backend.keeps_text_index:
            self.fts_articles.append({"a": article_id, "t": title or "", "x": body})

    def index_quote(self, claim_id: str, quote_text: str, speaker: str | None) -> None:
        if self.backend.keeps_text_index:
            self.fts_quotes.append({"c": claim_id, "x": quote_text, "s": speaker or ""})

    def flush(self) -> None:
        """Write every pending row, one statement per table, and forget them."""
        for table in INSERT_ORDER:
            rows = self.rows[table.name]
            if rows:
                self.backend.insert_rows(self.conn, table, rows, table in IF_ABSENT)
                rows.clear()
        if self.fts_articles or self.fts_quotes:
            self.backend.index_text(self.conn, self.fts_articles, self.fts_quotes)
        self.fts_articles.clear()
        self.fts_quotes.clear()
