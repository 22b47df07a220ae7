"""Full-text search over quotes and article text.

SQLite: two FTS5 tables kept in step by the writer. PostgreSQL: GIN indexes over
`to_tsvector('english', ...)`, queried with `websearch_to_tsquery`. Both take the same
user query: words (all must match) and "quoted phrases".

Matching and snippets are two steps: `match_quotes` / `match_articles` rank every match
and return the best N (ids and ranks), `quote_snippets` / `article_snippets` then make the
snippets of the few rows a caller shows. Ranking is most of the cost of a search: FTS5's
bm25 over every match (about 17 ms for 20,000 matching quotes on the benchmark machine).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, TextClause, TextualSelect, bindparam, column, text

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
    snippet: str = ""  # filled by `quote_snippets` / `article_snippets` for the rows shown
    key: int | str = ""  # its row in the index: a SQLite rowid, else the id


def _in(sql: str) -> TextClause:
    return text(sql).bindparams(bindparam("keys", expanding=True))


# SQLite ranks by rowid only, reading no stored column of the matches it does not return,
# then reads the ids of the rows it returns; snippets are made for the rows shown only (a
# snippet costs as much as ranking a hundred matches). PostgreSQL the same way.
_SQL = {
    "quotes": {
        "rank": text(
            "SELECT rowid, bm25(fts_quotes) AS r FROM fts_quotes "
            "WHERE fts_quotes MATCH :q ORDER BY r LIMIT :n"
        ),
        "ids": _in("SELECT rowid, claim_id FROM fts_quotes WHERE rowid IN :keys"),
        "snippets": _in(
            "SELECT rowid, snippet(fts_quotes, 1, '[', ']', '…', 24) FROM fts_quotes "
            "WHERE fts_quotes MATCH :q AND rowid IN :keys"
        ),
        "pg_rank": text(
            "SELECT claim_id, ts_rank(to_tsvector('english', text), q) AS r "
            "FROM quotes, websearch_to_tsquery('english', :q) q "
            "WHERE to_tsvector('english', text) @@ q ORDER BY r DESC LIMIT :n"
        ),
        "pg_snippets": _in(
            "SELECT claim_id, ts_headline('english', text, q, 'StartSel=[,StopSel=],MaxWords=30') "
            "FROM quotes, websearch_to_tsquery('english', :q) q WHERE claim_id IN :keys"
        ),
    },
    "articles": {
        "rank": text(
            "SELECT rowid, bm25(fts_articles) AS r FROM fts_articles "
            "WHERE fts_articles MATCH :q ORDER BY r LIMIT :n"
        ),
        "ids": _in("SELECT rowid, article_id FROM fts_articles WHERE rowid IN :keys"),
        "snippets": _in(
            "SELECT rowid, snippet(fts_articles, 2, '[', ']', '…', 24) FROM fts_articles "
            "WHERE fts_articles MATCH :q AND rowid IN :keys"
        ),
        "pg_rank": text(
            "SELECT id, ts_rank(to_tsvector('english', coalesce(title, '') || ' ' || text), q) "
            "AS r FROM articles, websearch_to_tsquery('english', :q) q "
            "WHERE to_tsvector('english', coalesce(title, '') || ' ' || text) @@ q "
            "ORDER BY r DESC LIMIT :n"
        ),
        "pg_snippets": _in(
            "SELECT id, ts_headline('english', text, q, 'StartSel=[,StopSel=],MaxWords=30') "
            "FROM articles, websearch_to_tsquery('english', :q) q WHERE id IN :keys"
        ),
    },
}


def _match(conn: Connection, query: str, limit: int, what: str) -> list[Match]:
    """The best `limit` matches of `what` (quotes or articles), best first, no snippets."""
    sql = _SQL[what]
    if conn.dialect.name != "sqlite":
        rows = conn.execute(sql["pg_rank"], {"q": query, "n": limit}).all()
        return [Match(r[0], -float(r[1]), key=r[0]) for r in rows]
    q = fts5_query(query)
    if not q:
        return []
    ranked = conn.execute(sql["rank"], {"q": q, "n": limit}).all()
    if not ranked:
        return []
    ids: dict[int, str] = dict(conn.execute(sql["ids"], {"keys": [r[0] for r in ranked]}).all())
    return [Match(ids[k], float(r), key=k) for k, r in ranked if k in ids]


def _snippets(conn: Connection, query: str, matches: list[Match], what: str) -> None:
    if not matches:
        return
    sqlite = conn.dialect.name == "sqlite"
    statement = _SQL[what]["snippets" if sqlite else "pg_snippets"]
    q = fts5_query(query) if sqlite else query
    found: dict[int | str, str] = dict(
        conn.execute(statement, {"q": q, "keys": [m.key for m in matches]}).all()
    )
    for m in matches:
        m.snippet = found.get(m.key, "")


def match_quotes(conn: Connection, query: str, limit: int) -> list[Match]:
    """The best `limit` quotes for `query`: claim ids and ranks, best first
    (`quote_snippets` adds snippets to those shown)."""
    return _match(conn, query, limit, "quotes")


def match_articles(conn: Connection, query: str, limit: int) -> list[Match]:
    """The best `limit` articles for `query`: ids and ranks, best first
    (`article_snippets` adds snippets to those shown)."""
    return _match(conn, query, limit, "articles")


def quote_snippets(conn: Connection, query: str, matches: list[Match]) -> None:
    """Set each match's snippet: the quote around the words of `query`, in [brackets]."""
    _snippets(conn, query, matches, "quotes")


def article_snippets(conn: Connection, query: str, matches: list[Match]) -> None:
    """Set each match's snippet: the article around the words of `query`, in [brackets]."""
    _snippets(conn, query, matches, "articles")


_ALIAS_ROWIDS = text("SELECT rowid FROM fts_aliases WHERE fts_aliases MATCH :q")


def alias_match(conn: Connection, words: str, norm: str) -> TextualSelect | None:
    """On SQLite, the aliases whose `alias` or `norm` contains `words` / `norm` (any case),
    found through the trigram index `fts_aliases` (migration 6) instead of reading every
    alias: a subquery of their rowids, for `aliases.rowid IN (...)`. None where that
    index cannot answer: PostgreSQL (its trigram indexes serve LIKE as it is) or a piece
    shorter than three characters (no trigram)."""
    if conn.dialect.name != "sqlite" or len(words) < 3 or len(norm) < 3:
        return None

    def phrase(column: str, value: str) -> str:
        return column + ' : "' + value.replace('"', '""') + '"'

    query = f"{phrase('alias', words)} OR {phrase('norm', norm)}"
    return _ALIAS_ROWIDS.bindparams(q=query).columns(column("rowid"))
