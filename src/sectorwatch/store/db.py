"""Engines from a database URL: SQLite (WAL, foreign keys) or PostgreSQL via psycopg 3."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from sectorwatch.errors import StoreError


def normalise_url(url: str) -> str:
    """Accept `postgresql://` and `postgres://` (psycopg 3 is the driver), or a bare path."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if "://" not in url:
        return f"sqlite:///{Path(url).resolve()}"
    return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def create_store_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get WAL mode, foreign keys and a busy timeout."""
    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except Exception as exc:  # noqa: BLE001 - any parse failure is a user error
        raise StoreError(f"not a database URL: {url!r} ({exc})") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            folder = Path(database).parent
            if not folder.is_dir():
                raise StoreError(
                    f"folder {folder} for the SQLite store does not exist; create it or set "
                    "SECTORWATCH_DB to another path"
                )
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True)
    raise StoreError(
        f"unsupported database {parsed.get_backend_name()!r}: use sqlite or postgresql"
    )


def open_store(url: str, *, create: bool = True) -> Engine:
    """An engine whose schema is migrated to the newest version. With `create=False` (the
    read commands) a SQLite file that does not exist is an error, not a new empty store;
    a SQLite URL that names no file (`sqlite:///`) is always one (`sqlite:///:memory:`
    still gives an in-memory store, for tests).
    A database that cannot be reached or opened is a StoreError saying which and why."""
    from sectorwatch.store.migrations import migrate

    engine = create_store_engine(url)
    shown = engine.url.render_as_string(hide_password=True)
    database = engine.url.database or ""
    if engine.dialect.name == "sqlite" and not database:  # sqlite:/// is an empty memory
        raise StoreError(
            f"no store: the URL {shown} names no file; give one, e.g. sqlite:///sectorwatch.db"
        )
    if not create and engine.dialect.name == "sqlite" and database not in ("", ":memory:"):
        if not Path(database).is_file():
            raise StoreError(
                f"no store at {database}: run `sectorwatch ingest PATH --db {url}` first "
                "to create it, or give another --db (or SECTORWATCH_DB)"
            )
    try:
        with engine.connect():
            pass
    except DBAPIError as exc:
        engine.dispose()
        reason = " ".join(str(exc.orig).split()) if exc.orig is not None else str(exc)
        raise StoreError(f"cannot open the store {shown}: {reason}") from exc
    migrate(engine)
    return engine


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def checksum(engine: Engine) -> str:
    """A hash of every row of every table, in a stable order: equal stores, equal sums."""
    from sectorwatch.store.schema import metadata

    digest = hashlib.sha256()
    with engine.connect() as conn:
        for table in sorted(metadata.sorted_tables, key=lambda t: t.name):
            cols = list(table.columns)
            rows = conn.execute(select(*cols).order_by(*cols)).all()
            digest.update(f"{table.name}:{len(rows)}\n".encode())
            for row in rows:
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def row_counts(engine: Engine) -> dict[str, int]:
    from sqlalchemy import func

    from sectorwatch.store.schema import metadata

    with engine.connect() as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in metadata.sorted_tables
        }
