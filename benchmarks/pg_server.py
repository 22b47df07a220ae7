"""A PostgreSQL server for the benchmarks and the tests (tests/conftest_postgres.py), started
from Debian's binaries: initdb (once) into a folder, pg_ctl start on a free loopback port
and a unix socket in that folder, fsync off; as the `postgres` user when run as root.
Keeping the folder between runs keeps the databases (for a benchmark's `--reuse`).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def find_pg_bin() -> Path | None:
    """The folder of the newest installed PostgreSQL's binaries, if any."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


def pg_bin() -> Path:
    found = find_pg_bin()
    if found is None:
        raise SystemExit(
            "PostgreSQL is not installed (/usr/lib/postgresql/*/bin): make system-deps"
        )
    return found


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


@contextmanager
def postgres(root: Path) -> Iterator[str]:
    """The base URL (no database) of a server whose data lives under `root`."""
    bin_dir = pg_bin()
    root.mkdir(parents=True, exist_ok=True)
    data, sock = root / "data", root / "sock"
    sock.mkdir(exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
    if not (data / "PG_VERSION").exists():
        subprocess.run(
            _as_postgres(
                [str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]
                + ["--no-sync", "-E", "UTF8"]
            ),
            check=True,
            capture_output=True,
        )
    port = _free_port()
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {sock} -c fsync=off"
    subprocess.run(
        _as_postgres(
            [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w"]
            + ["-o", options, "start"]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
            capture_output=True,
        )


def ensure_database(base: str, name: str) -> tuple[str, bool]:
    """(URL of database `name` on the server at `base`, whether it already existed)."""
    import psycopg

    plain = base.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain + "/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}", bool(exists)


def server_cpu_seconds(root: Path) -> float:
    """CPU seconds (user + system) used so far by the server under `root`: the postmaster
    and every process it started (the backends answering the questions among them). On a
    busy machine this, not the wall time, says what a question costs the server."""
    pid_file = root / "data" / "postmaster.pid"
    postmaster = int(pid_file.read_text().split()[0])
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry.name), int(fields[1])
        if pid == postmaster or ppid == postmaster:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total
