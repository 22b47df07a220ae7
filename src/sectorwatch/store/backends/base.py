"""The store backend contract: everything that differs between databases, in one place.

The rest of the store and the query layer write portable SQLAlchemy Core; what a dialect
does its own way (engine set-up, "insert unless present", the migration lock, the
full-text and name indexes and their queries, change detection for read caches) is asked
of the `Backend` the URL chose (`sectorwatch.store.backends.backend_for_url`). A new
database is one module here implementing every method of this class (all are abstract, so
nothing falls back silently to another database's SQL), and one line in `BACKENDS`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from sqlalchemy import ColumnElement, Connection, Engine, Table, TextualSelect
from sqlalchemy.engine import URL

TextKind = Literal["quotes", "articles"]
"""What full-text search looks in: quotes or article text."""


@dataclass(frozen=True)
class Facets:
    """What a search counts and narrows a match by, read with its rank: the article's date
    and, for a quote, its stance and its speaker's organisation as stated and as stored."""

    published: str | None
    stance: str | None = None
    speaker_organisation: str | None = None
    speaker_organisation_id: str | None = None


RANKED_AT_MOST = 2_000
"""The matches of a query a backend ranks at most, of each kind (quotes, articles): words
matching more rows than this are ranked among this many of them (`Backend.match`), so a
search for common words costs the same however large the store (at 200,000 articles,
ranking every article holding "chief executive" took 148 ms on SQLite, 74 ms on PostgreSQL;
these many, 9 and 2 ms)."""


@dataclass
class Match:
    id: str  # claim id of a quote, or article id
    rank: float  # lower is better
    snippet: str = ""  # filled by `Backend.snippets` for the rows shown
    key: int | str = ""  # its row in the index: a SQLite rowid, else the id
    facets: Facets | None = None  # None: no stored quote or article has the id


def fill_snippets(conn: Connection, statement: Any, q: str, matches: list[Match]) -> None:
    """Set each match's snippet from `statement` (rows of key, snippet; bound to the query
    `q` and the matches' `keys`): one statement for every match shown."""
    if not matches:
        return
    found: dict[int | str, str] = dict(
        conn.execute(statement, {"q": q, "keys": [m.key for m in matches]}).all()
    )
    for m in matches:
        m.snippet = found.get(m.key, "")


class Backend(ABC):
    name: ClassVar[str]
    """The SQLAlchemy dialect name (`engine.dialect.name`)."""
    schemes: ClassVar[tuple[str, ...]]
    """The URL schemes that choose this backend (what comes before `://`, without a
    `+driver`)."""

    # ------------------------------------------------------------ engines

    @abstractmethod
    def driver_url(self, url: str) -> str:
        """The URL as SQLAlchemy is given it (the driver named where it must be)."""

    @abstractmethod
    def create_engine(self, url: URL) -> Engine:
        """An engine for `url`, set up for this database (a StoreError when it cannot
        be, saying why)."""

    @abstractmethod
    def check_store(self, engine: Engine, shown: str, given: str, create: bool) -> None:
        """Refuse, with a StoreError, a store that `open_store` must not open or create
        (`shown`: the URL without its password; `given`: as the user gave it)."""

    # ------------------------------------------------------------ writes

    @abstractmethod
    def insert_if_absent(self, table: Table) -> Any:
        """An INSERT for `table` that leaves a row already stored (same key) as it is."""

    @abstractmethod
    def insert_rows(
        self, conn: Connection, table: Table, rows: list[dict[str, Any]], if_absent: bool
    ) -> None:
        """Insert `rows` (dicts with the keys of the first) in one executemany; with
        `if_absent`, a row whose key is already stored is left as it is."""

    @abstractmethod
    def lock_migrations(self, conn: Connection) -> None:
        """Keep two processes from migrating the same store at once (in `conn`'s
        transaction)."""

    @abstractmethod
    def create_text_index(self, conn: Connection) -> None:
        """The full-text index over quotes and article text (migration 1)."""

    @abstractmethod
    def store_text_vectors(self, conn: Connection) -> None:
        """Where the full-text index ranks from a value computed per row, keep that value
        in a column instead (migration 8); nothing where the index keeps what it ranks
        from (SQLite's FTS5)."""

    @abstractmethod
    def create_name_index(self, conn: Connection) -> None:
        """The index that finds aliases by any part of a name (migration 6); where the
        database cannot make it, names are found without it."""

    @abstractmethod
    def create_term_triggers(self, conn: Connection) -> None:
        """Triggers that mark a post's stored terms stale (`post_terms.version` '', a row
        made if there is none) whenever a report about it changes: an occupancy or a
        leadership event written, changed or deleted, or a claim of one of them changed
        (migration 7, `store.term_rows`)."""

    @abstractmethod
    def create_quote_count_triggers(self, conn: Connection) -> None:
        """Triggers that keep `speaker_quotes` (how many quotes each person is the stored
        speaker of) as `quotes` is written, changed or deleted (migration 10)."""

    @abstractmethod
    def create_party_triggers(self, conn: Connection) -> None:
        """Triggers that keep `named_parties` (the organisations each event and each
        organisational change names among its parties) as `events` and `org_changes` are
        written, changed or deleted, and the table filled from the rows stored (migration
        11)."""

    @abstractmethod
    def stored_order(self, table: Table) -> ColumnElement[Any]:
        """A column of `table` that orders its rows as a scan of the whole table reads them
        (the order they were stored in, for a table only inserted into and deleted from)."""

    @abstractmethod
    def index_text(
        self, conn: Connection, article_rows: list[dict[str, Any]], quote_rows: list[dict[str, Any]]
    ) -> None:
        """Index articles (dicts a: id, t: title, x: text) and quotes (c: claim id, x:
        text, s: speaker) just written. Nothing to do for a database that indexes the
        tables themselves."""

    @abstractmethod
    def forget_text(self, conn: Connection, article_id: str, quote_ids: list[str]) -> None:
        """Forget an article's text and its quotes' (before it is written again)."""

    @property
    @abstractmethod
    def keeps_text_index(self) -> bool:
        """Whether the writer must hand `index_text` its rows (an index of its own)."""

    # ------------------------------------------------------------ full-text search

    @abstractmethod
    def match(self, conn: Connection, query: str, limit: int, what: TextKind) -> list[Match]:
        """The best `limit` matches of a user's query (words, all of which must match,
        and "quoted phrases"), best first, with their facets and without snippets: the
        best of every match, or where more than `RANKED_AT_MOST` match, the best of that
        many of them (each backend says which)."""

    @abstractmethod
    def snippets(self, conn: Connection, query: str, matches: list[Match], what: TextKind) -> None:
        """Set each match's snippet: the text around the query's words, in [brackets]."""

    @abstractmethod
    def alias_match(self, conn: Connection, words: str, norm: str) -> TextualSelect | None:
        """A subquery of the rowids of the aliases whose `alias` or `norm` contains
        `words` / `norm`, through the name index; None where a plain LIKE is as good."""

    # ------------------------------------------------------------ reads

    @abstractmethod
    def change_stamp(self, conn: Connection) -> tuple[int, ...] | None:
        """A value that moves whenever the store changes, as seen from `conn`; None when
        the database cannot say cheaply (read caches then live for one question)."""


def insert_with_sqlalchemy(
    backend: Backend, conn: Connection, table: Table, rows: list[dict[str, Any]], if_absent: bool
) -> None:
    """`Backend.insert_rows` through SQLAlchemy's executemany (its types and defaults)."""
    conn.execute(backend.insert_if_absent(table) if if_absent else table.insert(), rows)
