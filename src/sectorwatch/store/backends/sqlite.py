"""SQLite: one file (WAL, foreign keys, a busy timeout); full-text search with two FTS5
tables kept in step by the writer, names found through an FTS5 trigram index.

Ranking is most of the cost of a search: FTS5's bm25 over the matches (about 17 ms for
20,000 matching quotes on the benchmark machine). So it ranks at most `RANKED_AT_MOST` of
them (the most recently indexed), by rowid only, reading no stored column of the matches
it does not return; then it reads the ids of the rows it returns and what a search counts
them by (their quote's or article's facets), in the same statement. Snippets are made for
the rows shown only (a snippet costs as much as ranking a hundred matches).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Table,
    TextClause,
    TextualSelect,
    bindparam,
    column,
    event,
    literal_column,
    text,
)
from sqlalchemy import create_engine as sqlalchemy_engine
from sqlalchemy.engine import URL

from sectorwatch.errors import StoreError
from sectorwatch.store.backends import base as backends_base
from sectorwatch.store.backends.base import (
    Backend,
    Facets,
    Match,
    TextKind,
    fill_snippets,
    insert_with_sqlalchemy,
)
from sectorwatch.store.text_query import terms


def fts5_query(user_query: str) -> str:
    """A user's words as a safe FTS5 query: every word or "phrase" must match."""
    return " ".join('"' + t + '"' for t in terms(user_query))


_STALE = "INSERT OR REPLACE INTO post_terms (post_id, version, terms) VALUES ({p}, '', '')"
_STALE_OF_CLAIM = (
    "INSERT OR REPLACE INTO post_terms (post_id, version, terms) "
    "SELECT post_id, '', '' FROM {t} WHERE claim_id = OLD.id AND post_id IS NOT NULL"
)
TERM_TRIGGERS = [
    *(
        f"CREATE TRIGGER IF NOT EXISTS tr_post_terms_{table}_{name} AFTER {when} ON {table} "
        f"FOR EACH ROW WHEN {row}.post_id IS NOT NULL "
        f"BEGIN {_STALE.format(p=row + '.post_id')}; END"
        for table in ("occupancies", "events")
        for name, when, row in (
            ("insert", "INSERT", "NEW"),
            ("delete", "DELETE", "OLD"),
            ("update_new", "UPDATE", "NEW"),
            ("update_old", "UPDATE", "OLD"),
        )
    ),
    "CREATE TRIGGER IF NOT EXISTS tr_post_terms_claims_update AFTER UPDATE ON claims "
    f"FOR EACH ROW BEGIN {_STALE_OF_CLAIM.format(t='occupancies')}; "
    f"{_STALE_OF_CLAIM.format(t='events')}; END",
]
"""`create_term_triggers`: each marks the posts it touches stale (`store.term_rows`)."""

_SPEAKER = "{row}.speaker_kind = 'person' AND {row}.speaker_id IS NOT NULL"
_COUNT_UP = (
    "INSERT INTO speaker_quotes (speaker_id, quotes) VALUES (NEW.speaker_id, 1) "
    "ON CONFLICT (speaker_id) DO UPDATE SET quotes = quotes + 1"
)
_COUNT_DOWN = (
    "UPDATE speaker_quotes SET quotes = quotes - 1 WHERE speaker_id = OLD.speaker_id; "
    "DELETE FROM speaker_quotes WHERE speaker_id = OLD.speaker_id AND quotes <= 0"
)
QUOTE_COUNT_TRIGGERS = [
    "CREATE TRIGGER IF NOT EXISTS tr_speaker_quotes_insert AFTER INSERT ON quotes "
    f"FOR EACH ROW WHEN {_SPEAKER.format(row='NEW')} BEGIN {_COUNT_UP}; END",
    "CREATE TRIGGER IF NOT EXISTS tr_speaker_quotes_delete AFTER DELETE ON quotes "
    f"FOR EACH ROW WHEN {_SPEAKER.format(row='OLD')} BEGIN {_COUNT_DOWN}; END",
    "CREATE TRIGGER IF NOT EXISTS tr_speaker_quotes_update_old AFTER UPDATE ON quotes "
    f"FOR EACH ROW WHEN {_SPEAKER.format(row='OLD')} BEGIN {_COUNT_DOWN}; END",
    "CREATE TRIGGER IF NOT EXISTS tr_speaker_quotes_update_new AFTER UPDATE ON quotes "
    f"FOR EACH ROW WHEN {_SPEAKER.format(row='NEW')} BEGIN {_COUNT_UP}; END",
]
"""`create_quote_count_triggers`: each counts a person's quote in or out (`speaker_quotes`);
an update counts the old speaker out and the new one in (the same one: no change)."""

_PARTIES_IN = (
    "INSERT OR IGNORE INTO named_parties (organisation_id, source, claim_id) "
    "SELECT value, '{t}', NEW.claim_id FROM json_each(CASE WHEN json_valid(NEW.organisations) "
    "THEN NEW.organisations ELSE '[]' END) WHERE type = 'text'"
)
_PARTIES_OUT = "DELETE FROM named_parties WHERE source = '{t}' AND claim_id = OLD.claim_id"
PARTY_TRIGGERS = [
    statement
    for t in ("events", "org_changes")
    for statement in (
        f"CREATE TRIGGER IF NOT EXISTS tr_{t}_parties_insert AFTER INSERT ON {t} "
        f"FOR EACH ROW WHEN NEW.organisations <> '[]' BEGIN {_PARTIES_IN.format(t=t)}; END",
        f"CREATE TRIGGER IF NOT EXISTS tr_{t}_parties_delete AFTER DELETE ON {t} "
        f"FOR EACH ROW WHEN OLD.organisations <> '[]' BEGIN {_PARTIES_OUT.format(t=t)}; END",
        f"CREATE TRIGGER IF NOT EXISTS tr_{t}_parties_update AFTER UPDATE ON {t} "
        f"FOR EACH ROW BEGIN {_PARTIES_OUT.format(t=t)}; {_PARTIES_IN.format(t=t)}; END",
    )
]
"""`create_party_triggers`: an event's or a change's parties in (`named_parties`), out, or
both (an update); a value that is not a JSON list of ids names none."""
_FILL_OF = (
    "INSERT OR IGNORE INTO named_parties (organisation_id, source, claim_id) "
    "SELECT j.value, '{t}', r.claim_id FROM {t} AS r, json_each(r.organisations) AS j "
    "WHERE r.organisations <> '[]' AND json_valid(r.organisations) AND j.type = 'text'"
)
_FILL_PARTIES = [
    "DELETE FROM named_parties",
    *(_FILL_OF.format(t=t) for t in ("events", "org_changes")),
]


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _in(sql: str) -> TextClause:
    return text(sql).bindparams(bindparam("keys", expanding=True))


_RANKED = (
    "SELECT best.rowid, best.r, hit.{id}, {facets} "
    "FROM (SELECT rowid, r FROM (SELECT rowid, bm25({table}) AS r FROM {table} "
    "WHERE {table} MATCH :q ORDER BY rowid DESC LIMIT :k) ORDER BY r, rowid LIMIT :n) AS best "
    "JOIN {table} AS hit ON hit.rowid = best.rowid {joins}"
)
"""The best :n matches of :q (rowid, rank, id, facets), best first (ties in the order
indexed), among the :k most recently indexed (`RANKED_AT_MOST`: FTS5 reads the rows newest
first and stops there, and bm25 is computed for those only, about 5 us a row). The ids and
facets are read for the best only, each by its rowid, in the same statement (a second
statement with the rowids as a list of parameters cost three times as long at 200,000
articles; the facets, once read by a second statement with the ids, cost about the same
either way: BENCHMARKS.md). A match with no stored row is left out."""
_QUOTE_FACETS = (
    "JOIN quotes AS q ON q.claim_id = hit.claim_id JOIN articles AS a ON a.id = q.article_id"
)

_SQL = {
    "quotes": {
        "rank": text(
            _RANKED.format(
                table="fts_quotes",
                id="claim_id",
                facets="a.published, q.stance, q.speaker_organisation, q.speaker_organisation_id",
                joins=_QUOTE_FACETS,
            )
        ),
        "snippets": _in(
            "SELECT rowid, snippet(fts_quotes, 1, '[', ']', '…', 24) FROM fts_quotes "
            "WHERE fts_quotes MATCH :q AND rowid IN :keys"
        ),
    },
    "articles": {
        "rank": text(
            _RANKED.format(
                table="fts_articles",
                id="article_id",
                facets="a.published",
                joins="JOIN articles AS a ON a.id = hit.article_id",
            )
        ),
        "snippets": _in(
            "SELECT rowid, snippet(fts_articles, 2, '[', ']', '…', 24) FROM fts_articles "
            "WHERE fts_articles MATCH :q AND rowid IN :keys"
        ),
    },
}
_INSERT_ARTICLES = text("INSERT INTO fts_articles (article_id, title, text) VALUES (:a, :t, :x)")
_INSERT_QUOTES = text("INSERT INTO fts_quotes (claim_id, text, speaker) VALUES (:c, :x, :s)")
_ALIAS_ROWIDS = text("SELECT rowid FROM fts_aliases WHERE fts_aliases MATCH :q")

NAME_INDEX = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS fts_aliases USING fts5("
    "alias, norm, content='aliases', content_rowid='rowid', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS aliases_fts_insert AFTER INSERT ON aliases BEGIN "
    "INSERT INTO fts_aliases (rowid, alias, norm) VALUES (new.rowid, new.alias, new.norm); END",
    "CREATE TRIGGER IF NOT EXISTS aliases_fts_delete AFTER DELETE ON aliases BEGIN "
    "INSERT INTO fts_aliases (fts_aliases, rowid, alias, norm) "
    "VALUES ('delete', old.rowid, old.alias, old.norm); END",
    "CREATE TRIGGER IF NOT EXISTS aliases_fts_update AFTER UPDATE ON aliases BEGIN "
    "INSERT INTO fts_aliases (fts_aliases, rowid, alias, norm) "
    "VALUES ('delete', old.rowid, old.alias, old.norm); "
    "INSERT INTO fts_aliases (rowid, alias, norm) VALUES (new.rowid, new.alias, new.norm); END",
    "INSERT INTO fts_aliases (fts_aliases) VALUES ('rebuild')",
]
"""`fts_aliases`: an FTS5 trigram index over `aliases (alias, norm)` (external content:
the index only), filled from the existing rows and kept in step by triggers on `aliases`,
so no writer changes. A trigram phrase query is a case-insensitive substring match."""


class SQLiteBackend(Backend):
    name = "sqlite"
    schemes = ("sqlite",)

    def driver_url(self, url: str) -> str:
        if "://" not in url:  # a bare path
            return f"sqlite:///{Path(url).resolve()}"
        return url

    def create_engine(self, url: URL) -> Engine:
        database = url.database or ""
        if database and database != ":memory:":
            folder = Path(database).parent
            if not folder.is_dir():
                raise StoreError(
                    f"folder {folder} for the SQLite store does not exist; create it or set "
                    "SECTORWATCH_DB to another path"
                )
        engine = sqlalchemy_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine

    def check_store(self, engine: Engine, shown: str, given: str, create: bool) -> None:
        database = engine.url.database or ""
        if not database:  # sqlite:/// is an empty memory
            raise StoreError(
                f"no store: the URL {shown} names no file; give one, e.g. sqlite:///sectorwatch.db"
            )
        if not create and database != ":memory:" and not Path(database).is_file():
            raise StoreError(
                f"no store at {database}: run `sectorwatch ingest PATH --db {given}` first "
                "to create it, or give another --db (or SECTORWATCH_DB)"
            )

    def insert_if_absent(self, table: Table) -> Any:
        from sqlalchemy.dialects.sqlite import insert

        return insert(table).on_conflict_do_nothing()

    def insert_rows(
        self, conn: Connection, table: Table, rows: list[dict[str, Any]], if_absent: bool
    ) -> None:
        """The statement SQLAlchemy compiles, handed to sqlite3's executemany as tuples:
        the schema's types need no conversion on SQLite (text, integers, a float, bytes),
        and SQLAlchemy's own executemany spends longer shaping each row's parameters than
        SQLite spends inserting it. A column absent from the rows takes its scalar default,
        as SQLAlchemy gives it; any other kind of default goes through SQLAlchemy."""
        statement = self.insert_if_absent(table) if if_absent else table.insert()
        compiled = statement.compile(dialect=conn.dialect, column_keys=list(rows[0]))
        order = compiled.positiontup or []
        fixed: dict[str, Any] = {}
        for name in order:
            if name not in rows[0]:
                default: Any = table.c[name].default
                if default is None or not default.is_scalar:
                    insert_with_sqlalchemy(self, conn, table, rows, if_absent)
                    return
                fixed[name] = default.arg
        values = [tuple(row[n] if n not in fixed else fixed[n] for n in order) for row in rows]
        conn.exec_driver_sql(compiled.string, values)

    def lock_migrations(self, conn: Connection) -> None:
        """Nothing: SQLite lets one writer at a time, the migration's transaction."""

    def create_text_index(self, conn: Connection) -> None:
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS fts_quotes USING fts5("
            "claim_id UNINDEXED, text, speaker, tokenize='porter unicode61')"
        )
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS fts_articles USING fts5("
            "article_id UNINDEXED, title, text, tokenize='porter unicode61')"
        )

    def store_text_vectors(self, conn: Connection) -> None:
        """Nothing: the FTS5 tables keep what bm25 ranks from (migration 8 is PostgreSQL's)."""

    def create_name_index(self, conn: Connection) -> None:
        for statement in NAME_INDEX:
            conn.exec_driver_sql(statement)

    def create_term_triggers(self, conn: Connection) -> None:
        for statement in TERM_TRIGGERS:
            conn.exec_driver_sql(statement)

    def create_quote_count_triggers(self, conn: Connection) -> None:
        for statement in QUOTE_COUNT_TRIGGERS:
            conn.exec_driver_sql(statement)

    def create_party_triggers(self, conn: Connection) -> None:
        for statement in [*PARTY_TRIGGERS, *_FILL_PARTIES]:
            conn.exec_driver_sql(statement)

    def stored_order(self, table: Table) -> ColumnElement[Any]:
        """The table's `rowid`."""
        return literal_column(f"{table.name}.rowid")

    @property
    def keeps_text_index(self) -> bool:
        return True

    def index_text(
        self, conn: Connection, article_rows: list[dict[str, Any]], quote_rows: list[dict[str, Any]]
    ) -> None:
        if article_rows:
            conn.execute(_INSERT_ARTICLES, article_rows)
        if quote_rows:
            conn.execute(_INSERT_QUOTES, quote_rows)

    def forget_text(self, conn: Connection, article_id: str, quote_ids: list[str]) -> None:
        # FTS5 scans its UNINDEXED id columns: the quotes go in one statement, not one each
        conn.execute(text("DELETE FROM fts_articles WHERE article_id = :a"), {"a": article_id})
        if quote_ids:
            conn.execute(
                text("DELETE FROM fts_quotes WHERE claim_id IN :ids").bindparams(
                    bindparam("ids", expanding=True)
                ),
                {"ids": quote_ids},
            )

    def match(self, conn: Connection, query: str, limit: int, what: TextKind) -> list[Match]:
        sql = _SQL[what]
        q = fts5_query(query)
        if not q:
            return []
        ranked = conn.execute(
            sql["rank"], {"q": q, "n": limit, "k": backends_base.RANKED_AT_MOST}
        ).all()
        found = [Match(r[2], float(r[1]), key=r[0], facets=Facets(*r[3:])) for r in ranked]
        return sorted(found, key=lambda m: m.rank)  # stable: as ranked, ties and all

    def snippets(self, conn: Connection, query: str, matches: list[Match], what: TextKind) -> None:
        fill_snippets(conn, _SQL[what]["snippets"], fts5_query(query), matches)

    def alias_match(self, conn: Connection, words: str, norm: str) -> TextualSelect | None:
        if len(words) < 3 or len(norm) < 3:  # no trigram in it
            return None

        def phrase(column_name: str, value: str) -> str:
            return column_name + ' : "' + value.replace('"', '""') + '"'

        query = f"{phrase('alias', words)} OR {phrase('norm', norm)}"
        return _ALIAS_ROWIDS.bindparams(q=query).columns(column("rowid"))

    def change_stamp(self, conn: Connection) -> tuple[int, ...] | None:
        """`PRAGMA data_version` (commits by any other connection or process) and the
        connection's own `total_changes`."""
        raw: Any = conn.connection.driver_connection
        return int(raw.execute("PRAGMA data_version").fetchone()[0]), int(raw.total_changes)
