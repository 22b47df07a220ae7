"""Engines from a database URL, through the backend the URL names (`store.backends`:
SQLite with WAL and foreign keys, or PostgreSQL via psycopg 3), and stores opened on them."""

from __future__ import annotations

import hashlib

from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from sectorwatch.errors import StoreError
from sectorwatch.store.backends import backend_for_url, backend_of


def normalise_url(url: str) -> str:
    """The URL as SQLAlchemy is given it: `postgresql://` and `postgres://` mean psycopg 3,
    a bare path is a SQLite file (`store.backends`)."""
    return backend_for_url(url).driver_url(url)


def create_store_engine(url: str) -> Engine:
    """An engine for `url`, set up by the backend its scheme names (SQLite files get WAL
    mode, foreign keys and a busy timeout); an unknown scheme is a StoreError naming the
    schemes there are."""
    backend = backend_for_url(url)
    url = backend.driver_url(url)
    try:
        parsed = make_url(url)
    except Exception as exc:  # noqa: BLE001 - any parse failure is a user error
        raise StoreError(f"not a database URL: {url!r} ({exc})") from exc
    if parsed.get_backend_name() != backend.name:
        raise StoreError(f"not a {backend.name} URL: {url!r}")
    return backend.create_engine(parsed)


def open_store(url: str, *, create: bool = True) -> Engine:
    """An engine whose schema is migrated to the newest version. With `create=False` (the
    read commands) a SQLite file that does not exist is an error, not a new empty store;
    a SQLite URL that names no file (`sqlite:///`) is always one (`sqlite:///:memory:`
    still gives an in-memory store, for tests).
    A database that cannot be reached or opened is a StoreError saying which and why."""
    from sectorwatch.store.migrations import migrate

    engine = create_store_engine(url)
    shown = engine.url.render_as_string(hide_password=True)
    backend_of(engine).check_store(engine, shown, url, create)
    try:
        with engine.connect():
            pass
    except DBAPIError as exc:
        engine.dispose()
        reason = " ".join(str(exc.orig).split()) if exc.orig is not None else str(exc)
        raise StoreError(f"cannot open the store {shown}: {reason}") from exc
    migrate(engine)
    return engine


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
