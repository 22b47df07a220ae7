"""Full-text search over quotes and article text.

SQLite: two FTS5 tables kept in step by the writer. PostgreSQL: GIN indexes over
`to_tsvector('english', ...)`, queried with `websearch_to_tsquery`. Both take the same
user query: words (all must match) and "quoted phrases".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, text

_WORD = re.compile(r'"([^"]+)"|(\S+)')


def create(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS fts_quotes USING fts5("
            "claim_id UNINDEXED, text, speaker, tokenize='porter unicode61')"
        )
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS fts_articles USING fts5("
            "article_id UNINDEXED, title, text, tokenize='porter unicode61')"
        )
    else:
        conn.exec_driver_sql(
            "CREATE INDEX IF NOT EXISTS ix_quotes_fts ON quotes "
            "USING gin (to_tsvector('english', text))"
        )
        conn.exec_driver_sql(
            "CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING gin "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text))"
        )


_INSERT_ARTICLES = text("INSERT INTO fts_articles (article_id, title, text) VALUES (:a, :t, :x)")
_INSERT_QUOTES = text("INSERT INTO fts_quotes (claim_id, text, speaker) VALUES (:c, :x, :s)")


def index(conn: Connection, article_rows: list[dict], quote_rows: list[dict]) -> None:
    """Index articles (dicts a: id, t: title, x: text) and quotes (c: claim id, x: text,
    s: speaker), one statement each. PostgreSQL indexes the tables themselves."""
    if conn.dialect.name != "sqlite":
        return
    if article_rows:
        conn.execute(_INSERT_ARTICLES, article_rows)
    if quote_rows:
        conn.execute(_INSERT_QUOTES, quote_rows)


def delete_article(conn: Connection, article_id: str, quote_ids: list[str]) -> None:
    """Forget an article's text and its quotes (FTS5 scans its UNINDEXED id columns, so
    the quotes go in one statement, not one per quote)."""
    if conn.dialect.name != "sqlite":
        return
    conn.execute(text("DELETE FROM fts_articles WHERE article_id = :a"), {"a": article_id})
    if quote_ids:
        conn.execute(
            text("DELETE FROM fts_quotes WHERE claim_id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"ids": quote_ids},
        )


def terms(user_query: str) -> list[str]:
    """A user's query as its words and "quoted phrases", punctuation removed."""
    out = []
    for phrase, word in _WORD.findall(user_query or ""):
        value = (phrase or word).replace('"', "")
        value = re.sub(r"[^\w\s'-]", " ", value).strip()
        if value:
            out.append(value)
    return out


def fts5_query(user_query: str) -> str:
    """A user's words as a safe FTS5 query: every word or "phrase" must match."""
    return " ".join('"' + t + '"' for t in terms(user_query))


@dataclass
class Match:
    id: str  # claim id of a quote, or article id
    rank: float
    snippet: str


def _match(conn: Connection, query: str, limit: int, sqlite_sql: str, pg_sql: str) -> list[Match]:
    """Run one of the two statements (rows: id, rank, snippet), best match first."""
    if conn.dialect.name == "sqlite":
        q = fts5_query(query)
        if not q:
            return []
        rows = conn.execute(text(sqlite_sql), {"q": q, "n": limit}).all()
        return [Match(r[0], float(r[1]), r[2]) for r in rows]
    rows = conn.execute(text(pg_sql), {"q": query, "n": limit}).all()
    return [Match(r[0], -float(r[1]), r[2]) for r in rows]


def match_quotes(conn: Connection, query: str, limit: int) -> list[Match]:
    return _match(
        conn,
        query,
        limit,
        "SELECT claim_id, bm25(fts_quotes) AS r, "
        "snippet(fts_quotes, 1, '[', ']', '…', 24) FROM fts_quotes "
        "WHERE fts_quotes MATCH :q ORDER BY r LIMIT :n",
        "SELECT claim_id, ts_rank(to_tsvector('english', text), q) AS r, "
        "ts_headline('english', text, q, 'StartSel=[,StopSel=],MaxWords=30') "
        "FROM quotes, websearch_to_tsquery('english', :q) q "
        "WHERE to_tsvector('english', text) @@ q ORDER BY r DESC LIMIT :n",
    )


def match_articles(conn: Connection, query: str, limit: int) -> list[Match]:
    return _match(
        conn,
        query,
        limit,
        "SELECT article_id, bm25(fts_articles) AS r, "
        "snippet(fts_articles, 2, '[', ']', '…', 24) FROM fts_articles "
        "WHERE fts_articles MATCH :q ORDER BY r LIMIT :n",
        "SELECT id, ts_rank(to_tsvector('english', coalesce(title, '') || ' ' || text), q) "
        "AS r, ts_headline('english', text, q, 'StartSel=[,StopSel=],MaxWords=30') "
        "FROM articles, websearch_to_tsquery('english', :q) q "
        "WHERE to_tsvector('english', coalesce(title, '') || ' ' || text) @@ q "
        "ORDER BY r DESC LIMIT :n",
    )
