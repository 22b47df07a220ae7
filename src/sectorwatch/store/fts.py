"""Full-text search over quotes and article text, whichever the database: the calls the
query layer makes, answered by the store's backend (`sectorwatch.store.backends`).

SQLite: two FTS5 tables kept in step by the writer. PostgreSQL: GIN indexes over
`to_tsvector('english', ...)`, queried with `websearch_to_tsquery`. Both take the same
user query: words (all must match) and "quoted phrases" (`terms`).

Matching and snippets are two steps: `match_quotes` / `match_articles` rank the matches (at
most `backends.base.RANKED_AT_MOST` of them) and return the best N (ids, ranks and facets:
`Facets`), `quote_snippets` / `article_snippets` then make the snippets of the few rows a
caller shows.
"""

from __future__ import annotations

from sqlalchemy import Connection, TextualSelect

from sectorwatch.store.backends import Match, backend_of
from sectorwatch.store.backends.base import Facets
from sectorwatch.store.text_query import terms

__all__ = [
    "Facets",
    "Match",
    "alias_match",
    "article_snippets",
    "create",
    "delete_article",
    "index",
    "match_articles",
    "match_quotes",
    "quote_snippets",
    "terms",
]


def create(conn: Connection) -> None:
    backend_of(conn).create_text_index(conn)


def index(conn: Connection, article_rows: list[dict], quote_rows: list[dict]) -> None:
    """Index articles (dicts a: id, t: title, x: text) and quotes (c: claim id, x: text,
    s: speaker), one statement each, where the backend keeps an index of its own."""
    backend_of(conn).index_text(conn, article_rows, quote_rows)


def delete_article(conn: Connection, article_id: str, quote_ids: list[str]) -> None:
    """Forget an article's text and its quotes."""
    backend_of(conn).forget_text(conn, article_id, quote_ids)


def match_quotes(conn: Connection, query: str, limit: int) -> list[Match]:
    """The best `limit` quotes for `query`: claim ids, ranks and facets (the article's date,
    the quote's stance and speaker organisation), best first (`quote_snippets` adds
    snippets to those shown)."""
    return backend_of(conn).match(conn, query, limit, "quotes")


def match_articles(conn: Connection, query: str, limit: int) -> list[Match]:
    """The best `limit` articles for `query`: ids, ranks and facets (the date), best first
    (`article_snippets` adds snippets to those shown)."""
    return backend_of(conn).match(conn, query, limit, "articles")


def quote_snippets(conn: Connection, query: str, matches: list[Match]) -> None:
    """Set each match's snippet: the quote around the words of `query`, in [brackets]."""
    backend_of(conn).snippets(conn, query, matches, "quotes")


def article_snippets(conn: Connection, query: str, matches: list[Match]) -> None:
    """Set each match's snippet: the article around the words of `query`, in [brackets]."""
    backend_of(conn).snippets(conn, query, matches, "articles")


def alias_match(conn: Connection, words: str, norm: str) -> TextualSelect | None:
    """The aliases whose `alias` or `norm` contains `words` / `norm` (any case), found
    through the backend's name index (migration 6) instead of reading every alias: a
    subquery of their rowids, for `aliases.rowid IN (...)`. None where that index cannot
    answer (PostgreSQL's trigram indexes serve LIKE as it is; a piece shorter than three
    characters has no trigram)."""
    return backend_of(conn).alias_match(conn, words, norm)
