"""A PostgreSQL server for the test session, on loopback, and the `store_url` fixture that
runs each store test against SQLite and PostgreSQL alike.

The server comes from Debian's package (`scripts/system-deps.sh` installs it): initdb and
pg_ctl from /usr/lib/postgresql/*/bin into a temporary folder, listening on a free port
and a unix socket in that folder; as the `postgres` user when the tests run as root. It
stops at the end of the session. Without the binaries the PostgreSQL runs are skipped,
unless CI is set, where they fail.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_counter = itertools.count()


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    runuser = shutil.which("runuser")
    return (
        [runuser, "-u", "postgres", "--", *cmd]
        if runuser
        else ["su", "postgres", "-c", " ".join(cmd)]
    )


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The base URL (without database) of a PostgreSQL server started for this session."""
    bin_dir = _pg_bin()
    if bin_dir is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("PostgreSQL binaries missing in CI: run scripts/system-deps.sh")
        pytest.skip(
            "PostgreSQL is not installed (/usr/lib/postgresql/*/bin): run scripts/system-deps.sh"
        )
    root = Path(tempfile.mkdtemp(prefix="sw-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
    port = _free_port()
    subprocess.run(
        _as_postgres(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "--no-sync",
                "-E",
                "UTF8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {sock} -c fsync=off"
    subprocess.run(
        _as_postgres(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(root / "log"),
                "-w",
                "-o",
                options,
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
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
