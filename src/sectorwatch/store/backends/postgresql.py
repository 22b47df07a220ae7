"""PostgreSQL through psycopg 3: full-text search over `to_tsvector('english', ...)` of
each quote and article, kept in a generated column (`search_vector`, migration 8) with a
GIN index and queried with `websearch_to_tsquery` (the tables index themselves; the writer
hands nothing over), names through `pg_trgm` indexes that `LIKE '%...%'` uses as it is.

Ranking reads the stored vector: `ts_rank` over `to_tsvector(text)` parsed every matching
row's text again (6.2 ms for the 44 articles two common words match at 200,000 articles,
against 0.25 ms to find them; BENCHMARKS.md, Store), so a search cost as much more as
it had matches.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Table,
    TextClause,
    TextualSelect,
    bindparam,
    literal_column,
    text,
)
from sqlalchemy import create_engine as sqlalchemy_engine
from sqlalchemy.engine import URL

from sectorwatch.store.backends import base as backends_base
from sectorwatch.store.backends.base import (
    Backend,
    Facets,
    Match,
    TextKind,
    fill_snippets,
    insert_with_sqlalchemy,
)

MIGRATION_LOCK = 5150001
"""The advisory lock one migrating process holds."""


def _in(sql: str) -> TextClause:
    return text(sql).bindparams(bindparam("keys", expanding=True))


_SNAPSHOT = text("SELECT pg_current_snapshot()::text, pg_current_xact_id_if_assigned()::text")
_RANKED = (
    "SELECT {id}, ts_rank(search_vector, q) AS r FROM (SELECT {id}, search_vector, q "
    "FROM {table}, websearch_to_tsquery('english', :q) q WHERE search_vector @@ q LIMIT :k) "
    "AS m ORDER BY r DESC LIMIT :n"
)
"""The best :n matches of :q (id, rank), best first, among the first :k the index finds
(`RANKED_AT_MOST`): ts_rank reads each ranked row's vector, so only those are read."""
_SQL = {
    "quotes": {
        "rank": text(_RANKED.format(id="claim_id", table="quotes")),
        "snippets": _in(
            "SELECT claim_id, ts_headline('english', text, q, 'StartSel=[,StopSel=],MaxWords=30') "
            "FROM quotes, websearch_to_tsquery('english', :q) q WHERE claim_id IN :keys"
        ),
        "facets": _in(
            "SELECT q.claim_id, a.published, q.stance, q.speaker_organisation, "
            "q.speaker_organisation_id FROM quotes q JOIN articles a ON a.id = q.article_id "
            "WHERE q.claim_id IN :keys"
        ),
    },
    "articles": {
        "rank": text(_RANKED.format(id="id", table="articles")),
        "snippets": _in(
            "SELECT id, ts_headline('english', text, q, 'StartSel=[,StopSel=],MaxWords=30') "
            "FROM articles, websearch_to_tsquery('english', :q) q WHERE id IN :keys"
        ),
        "facets": _in("SELECT id, published FROM articles WHERE id IN :keys"),
    },
}

_STALE = (
    "INSERT INTO post_terms (post_id, version, terms) VALUES ({p}, '', '') "
    "ON CONFLICT (post_id) DO UPDATE SET version = ''"
)
_STALE_OF_CLAIM = (
    "INSERT INTO post_terms (post_id, version, terms) "
    "SELECT post_id, '', '' FROM {t} WHERE claim_id = OLD.id AND post_id IS NOT NULL "
    "ON CONFLICT (post_id) DO UPDATE SET version = ''"
)
TERM_TRIGGERS = [
    "CREATE OR REPLACE FUNCTION sw_post_terms_stale() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN "
    f"IF TG_OP <> 'DELETE' AND NEW.post_id IS NOT NULL THEN {_STALE.format(p='NEW.post_id')}; "
    "END IF; "
    f"IF TG_OP <> 'INSERT' AND OLD.post_id IS NOT NULL THEN {_STALE.format(p='OLD.post_id')}; "
    "END IF; "
    "RETURN NULL; END $$",
    "CREATE OR REPLACE FUNCTION sw_post_terms_claim_stale() RETURNS trigger LANGUAGE plpgsql "
    f"AS $$ BEGIN {_STALE_OF_CLAIM.format(t='occupancies')}; "
    f"{_STALE_OF_CLAIM.format(t='events')}; RETURN NULL; END $$",
    *(
        f"CREATE OR REPLACE TRIGGER tr_post_terms_{table} AFTER INSERT OR UPDATE OR DELETE "
        f"ON {table} FOR EACH ROW EXECUTE FUNCTION sw_post_terms_stale()"
        for table in ("occupancies", "events")
    ),
    "CREATE OR REPLACE TRIGGER tr_post_terms_claims AFTER UPDATE ON claims "
    "FOR EACH ROW EXECUTE FUNCTION sw_post_terms_claim_stale()",
]
"""`create_term_triggers`: each marks the posts it touches stale (`store.term_rows`)."""

QUOTE_COUNT_TRIGGERS = [
    "CREATE OR REPLACE FUNCTION sw_speaker_quotes_count() RETURNS trigger LANGUAGE plpgsql "
    "AS $$ BEGIN "
    "IF TG_OP <> 'INSERT' AND OLD.speaker_kind = 'person' AND OLD.speaker_id IS NOT NULL THEN "
    "UPDATE speaker_quotes SET quotes = quotes - 1 WHERE speaker_id = OLD.speaker_id; "
    "DELETE FROM speaker_quotes WHERE speaker_id = OLD.speaker_id AND quotes <= 0; "
    "END IF; "
    "IF TG_OP <> 'DELETE' AND NEW.speaker_kind = 'person' AND NEW.speaker_id IS NOT NULL THEN "
    "INSERT INTO speaker_quotes (speaker_id, quotes) VALUES (NEW.speaker_id, 1) "
    "ON CONFLICT (speaker_id) DO UPDATE SET quotes = speaker_quotes.quotes + 1; "
    "END IF; "
    "RETURN NULL; END $$",
    "CREATE OR REPLACE TRIGGER tr_speaker_quotes AFTER INSERT OR UPDATE OR DELETE ON quotes "
    "FOR EACH ROW EXECUTE FUNCTION sw_speaker_quotes_count()",
]
"""`create_quote_count_triggers`: counts a person's quote in or out (`speaker_quotes`); an
update counts the old speaker out and the new one in (the same one: no change)."""

_FILL_OF = (
    "INSERT INTO named_parties (organisation_id, source, claim_id) "
    "SELECT DISTINCT j.value, '{t}', r.claim_id FROM {t} AS r, "
    "jsonb_array_elements_text(r.organisations::jsonb) AS j(value) WHERE r.organisations <> '[]'"
)
PARTY_TRIGGERS = [
    "CREATE OR REPLACE FUNCTION sw_named_parties() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN "
    "IF TG_OP <> 'INSERT' AND OLD.organisations <> '[]' THEN "
    "DELETE FROM named_parties WHERE source = TG_TABLE_NAME AND claim_id = OLD.claim_id; "
    "END IF; "
    "IF TG_OP <> 'DELETE' AND NEW.organisations <> '[]' THEN "
    "INSERT INTO named_parties (organisation_id, source, claim_id) "
    "SELECT value, TG_TABLE_NAME, NEW.claim_id "
    "FROM jsonb_array_elements_text(NEW.organisations::jsonb) ON CONFLICT DO NOTHING; "
    "END IF; "
    "RETURN NULL; END $$",
    *(
        f"CREATE OR REPLACE TRIGGER tr_{t}_parties AFTER INSERT OR UPDATE OR DELETE ON {t} "
        "FOR EACH ROW EXECUTE FUNCTION sw_named_parties()"
        for t in ("events", "org_changes")
    ),
    "DELETE FROM named_parties",
    *(_FILL_OF.format(t=t) for t in ("events", "org_changes")),
]
"""`create_party_triggers`: an event's or a change's parties in (`named_parties`), out, or
both (an update); then every stored one."""

TEXT_VECTORS = [
    *(
        f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_vector tsvector "
        f"GENERATED ALWAYS AS (to_tsvector('english', {of})) STORED"
        for table, of in (("quotes", "text"), ("articles", "coalesce(title, '') || ' ' || text"))
    ),
    "CREATE INDEX IF NOT EXISTS ix_quotes_search_vector ON quotes USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS ix_articles_search_vector ON articles USING gin (search_vector)",
    "DROP INDEX IF EXISTS ix_quotes_fts",
    "DROP INDEX IF EXISTS ix_articles_fts",
]
"""`store_text_vectors` (migration 8): each quote's and article's `to_tsvector`, the very
value migration 1's expression indexes were built on, kept in a generated column with its
own GIN index (the expression indexes, now unused, dropped), so ranking reads it instead of
parsing the text again; the database computes it on every insert and update."""

NAME_INDEX = [
    "CREATE INDEX IF NOT EXISTS ix_aliases_alias_trgm ON aliases USING gin (alias gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS ix_aliases_norm_trgm ON aliases USING gin (norm gin_trgm_ops)",
]


class PostgresBackend(Backend):
    name = "postgresql"
    schemes = ("postgresql", "postgres")

    def driver_url(self, url: str) -> str:
        """`postgresql://` and `postgres://` mean psycopg 3."""
        for prefix in ("postgresql://", "postgres://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix) :]
        return url

    def create_engine(self, url: URL) -> Engine:
        return sqlalchemy_engine(url, pool_pre_ping=True)

    def check_store(self, engine: Engine, shown: str, given: str, create: bool) -> None:
        """Nothing to refuse before connecting: a server that cannot be reached, or a
        database that does not exist, is the error of the first connection."""

    def insert_if_absent(self, table: Table) -> Any:
        from sqlalchemy.dialects.postgresql import insert

        return insert(table).on_conflict_do_nothing()

    def insert_rows(
        self, conn: Connection, table: Table, rows: list[dict[str, Any]], if_absent: bool
    ) -> None:
        """SQLAlchemy's executemany: psycopg's inserts of many rows at once."""
        insert_with_sqlalchemy(self, conn, table, rows, if_absent)

    def lock_migrations(self, conn: Connection) -> None:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")

    def create_text_index(self, conn: Connection) -> None:
        conn.exec_driver_sql(
            "CREATE INDEX IF NOT EXISTS ix_quotes_fts ON quotes "
            "USING gin (to_tsvector('english', text))"
        )
        conn.exec_driver_sql(
            "CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING gin "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text))"
        )

    def store_text_vectors(self, conn: Connection) -> None:
        for statement in TEXT_VECTORS:
            conn.exec_driver_sql(statement)

    def create_name_index(self, conn: Connection) -> None:
        """Where `pg_trgm` cannot be created (no contrib package, no right to create it)
        the store works as before, without the index."""
        from sqlalchemy.exc import DBAPIError

        try:
            with conn.begin_nested():
                conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DBAPIError:
            return  # no pg_trgm here: names are still found, by reading every alias
        for statement in NAME_INDEX:
            conn.exec_driver_sql(statement)

    def create_term_triggers(self, conn: Connection) -> None:
        for statement in TERM_TRIGGERS:
            conn.exec_driver_sql(statement)

    def create_quote_count_triggers(self, conn: Connection) -> None:
        for statement in QUOTE_COUNT_TRIGGERS:
            conn.exec_driver_sql(statement)

    def create_party_triggers(self, conn: Connection) -> None:
        for statement in PARTY_TRIGGERS:
            conn.exec_driver_sql(statement)

    def stored_order(self, table: Table) -> ColumnElement[Any]:
        """The row's `ctid`: the order a scan of the table reads them in."""
        return literal_column(f"{table.name}.ctid")

    @property
    def keeps_text_index(self) -> bool:
        return False

    def index_text(
        self, conn: Connection, article_rows: list[dict[str, Any]], quote_rows: list[dict[str, Any]]
    ) -> None:
        """Nothing: the GIN indexes are over the tables themselves."""

    def forget_text(self, conn: Connection, article_id: str, quote_ids: list[str]) -> None:
        """Nothing: deleting the rows takes them out of the GIN indexes."""

    def match(self, conn: Connection, query: str, limit: int, what: TextKind) -> list[Match]:
        rows = conn.execute(
            _SQL[what]["rank"], {"q": query, "n": limit, "k": backends_base.RANKED_AT_MOST}
        ).all()
        if not rows:
            return []
        keys = [r[0] for r in rows]
        read = conn.execute(_SQL[what]["facets"], {"keys": keys})
        facets = {f[0]: Facets(*f[1:]) for f in read}
        return [Match(r[0], -float(r[1]), key=r[0], facets=facets[r[0]]) for r in rows
                if r[0] in facets]  # fmt: skip

    def snippets(self, conn: Connection, query: str, matches: list[Match], what: TextKind) -> None:
        fill_snippets(conn, _SQL[what]["snippets"], query, matches)

    def alias_match(self, conn: Connection, words: str, norm: str) -> TextualSelect | None:
        """None: the trigram indexes serve `LIKE '%...%'` as it is."""
        return None

    def change_stamp(self, conn: Connection) -> tuple[int, ...] | None:
        """The statement's snapshot (`pg_current_snapshot`: the oldest transaction still
        running, the next id to be given, the ids running): a transaction takes an id when
        it first writes, so the snapshot moves when one begins writing and again when it
        ends, and never for reads. None inside a transaction that has written: its own
        changes are not in the snapshot (read caches then live for one question)."""
        found, own = conn.execute(_SNAPSHOT).one()
        if own is not None:
            return None
        xmin, xmax, running = str(found).split(":")
        return (int(xmin), int(xmax), *(int(x) for x in running.split(",") if x))
