"""A PostgreSQL server for the test session, on loopback, and the `store_url` fixture that
runs each store test against SQLite and PostgreSQL alike.

The server comes from Debian's package (`scripts/system-deps.sh` installs it), started by
`benchmarks.pg_server.postgres` (the benchmarks' own) in a temporary folder removed at the
end of the session. Without the binaries the PostgreSQL runs are skipped,
unless CI is set, where they fail.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.pg_server import find_pg_bin, postgres

_counter = itertools.count()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The base URL (without database) of a PostgreSQL server started for this session."""
    if find_pg_bin() is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("PostgreSQL binaries missing in CI: run scripts/system-deps.sh")
        pytest.skip(
            "PostgreSQL is not installed (/usr/lib/postgresql/*/bin): run scripts/system-deps.sh"
        )
    root = Path(tempfile.mkdtemp(prefix="sw-pg-"))
    try:
        with postgres(root) as url:
            yield url
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture()
def pg_url(pg_server: str) -> str:
    """A fresh, empty database on the session's server."""
    import psycopg

    name = f"sw_test_{os.getpid()}_{next(_counter)}"
    base = pg_server.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{pg_server}/{name}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database URL for an empty store, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture()
def engine(store_url: str):  # type: ignore[no-untyped-def]
    from sectorwatch.store import open_store

    engine = open_store(store_url)
    yield engine
    engine.dispose()
