"""Store backends: one module per database behind the `Backend` contract (`base`), chosen
once from the store's URL (`backend_for_url`); code holding a connection asks
`backend_of(conn)` for the one its engine was made with.

    sqlite      SQLite files (the default: a bare path is one)
    postgresql  PostgreSQL through psycopg 3

A new database: a module here with a `Backend` subclass, and its line in `BACKENDS`; the
store's tests then run on it through the `store_url` fixture (tests/conftest_postgres.py).
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine

from sectorwatch.errors import StoreError
from sectorwatch.store.backends.base import Backend, Match, TextKind
from sectorwatch.store.backends.postgresql import PostgresBackend
from sectorwatch.store.backends.sqlite import SQLiteBackend

BACKENDS: tuple[Backend, ...] = (SQLiteBackend(), PostgresBackend())
_BY_DIALECT = {backend.name: backend for backend in BACKENDS}


def supported_schemes() -> list[str]:
    return [f"{scheme}://" for backend in BACKENDS for scheme in backend.schemes]


def backend_for_url(url: str) -> Backend:
    """The backend a database URL names (a bare path is a SQLite file); an unknown scheme
    is a StoreError naming the schemes there are."""
    if "://" not in url:
        return _BY_DIALECT["sqlite"]
    scheme = url.split("://", 1)[0].split("+", 1)[0].lower()
    for backend in BACKENDS:
        if scheme in backend.schemes:
            return backend
    raise StoreError(
        f"unsupported database URL scheme {url.split('://', 1)[0]}://: use "
        + ", ".join(supported_schemes())
        + ", or a path to a SQLite file"
    )


def backend_of(bind: Connection | Engine) -> Backend:
    """The backend of an engine (or a connection) made by `open_store`."""
    try:
        return _BY_DIALECT[bind.dialect.name]
    except KeyError:
        raise StoreError(
            f"unsupported database {bind.dialect.name!r}: use " + ", ".join(supported_schemes())
        ) from None


__all__ = [
    "BACKENDS",
    "Backend",
    "Match",
    "TextKind",
    "backend_for_url",
    "backend_of",
    "supported_schemes",
]
