"""JSON API under load: concurrent clients against the sample store, loopback only.

    python -m benchmarks.api_load [--db URL | --url http://127.0.0.1:PORT]
        [--clients 50] [--seconds 30] [--max-requests 200000] [--workers 1]

Without --url it starts `sectorwatch serve` in its own process on 127.0.0.1 (a free port,
`--workers N` uvicorn workers) over --db, or over a fresh SQLite store it ingests from
samples/articles. The load generator is this process: `--clients` asyncio tasks, each
with one keep-alive HTTP/1.1 connection, each looping over a weighted mix of JSON pages
(home, search, person, organisation with its org chart on a date, event reactions,
article) found in the store. The client speaks HTTP over plain asyncio streams rather than
a full HTTP library so that it takes as little of the machine's CPU as it can: on a small
machine the load generator and the server share the cores.

The run is bounded: it stops after --seconds or --max-requests, whichever comes first, and
every request has a 30 s timeout. Only loopback addresses are accepted as targets.

Prints requests/s, p50/p90/p99/max latency and errors, overall and per page, and writes
benchmarks/out/api_load.json. Not a test: record the numbers in BENCHMARKS.md (Web).
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import platform
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
TARGET_P99_MS = 200.0

# share of requests per page (realistic browsing: entity and event pages dominate)
MIX = {
    "home": 0.10,
    "search": 0.20,
    "person": 0.20,
    "organisation": 0.20,
    "event": 0.15,
    "article": 0.15,
}
SEARCHES = [
    "chief executive",
    "merger",
    "appointed",
    "welcome",
    "concern",
    '"interim chief executive"',
    "board",
    "trust",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def loopback_only(base: str) -> tuple[str, int]:
    parts = urlsplit(base)
    host = parts.hostname or ""
    try:
        is_loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        is_loopback = False
    if parts.scheme != "http" or not is_loopback:
        raise SystemExit(f"--url must be http:// on a loopback address, not {base!r}")
    return host, parts.port or 80


def sectorwatch(*args: str) -> list[str]:
    """The command line, run by this Python (`sectorwatch ARGS`)."""
    return [sys.executable, "-c", "from sectorwatch.cli.main import main; main()", *args]


def sample_store(folder: Path) -> str:
    """A fresh SQLite store of samples/articles, made by `sectorwatch ingest`."""
    url = f"sqlite:///{folder / 'api_load.db'}"
    env = {**os.environ, "SECTORWATCH_DB": url}
    subprocess.run(
        sectorwatch("ingest", str(ROOT / "samples" / "articles"), "--silent"), env=env, check=True
    )
    return url


# --- a minimal HTTP/1.1 client (keep-alive, Content-Length bodies) -----------------------


class HTTPError(Exception):
    pass


@dataclass
class Connection:
    host: str
    port: int
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(
            f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            "Accept: application/json\r\n\r\n".encode()
        )
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        if "content-length" not in headers:
            await self.close()
            raise HTTPError("response without Content-Length")
        body = await self.reader.readexactly(int(headers["content-length"]))
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, body

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except OSError:
                pass
        self.reader = self.writer = None


def fetch_json(host: str, port: int, path: str) -> dict:
    async def once() -> dict:
        conn = Connection(host, port)
        try:
            status, body = await asyncio.wait_for(conn.get(path), 30)
        finally:
            await conn.close()
        if status != 200:
            raise HTTPError(f"{status} for {path}")
        return json.loads(body)

    return asyncio.run(once())


# --- the server ----------------------------------------------------------------------------


def start_server(url: str, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "SECTORWATCH_DB": url}
    env.pop("SECTORWATCH_TOKEN", None)  # read-only, as the public would see it
    command = sectorwatch(
        "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)
    )
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with {proc.returncode}")
        try:
            fetch_json("127.0.0.1", port, "/.json")
            return proc
        except (OSError, HTTPError, asyncio.IncompleteReadError):
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("the server did not start within 90 s")


def cpu_seconds(pid: int) -> float | None:
    """CPU time used so far by process `pid` and its live descendants (the uvicorn workers),
    from /proc; None where there is no /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    try:
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            parents[int(entry)] = int(fields[1])
            used[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    except OSError:
        return None
    if pid not in used:
        return None
    family, grew = {pid}, True
    while grew:
        more = {child for child, parent in parents.items() if parent in family} - family
        family |= more
        grew = bool(more)
    return sum(used[p] for p in family)


# --- what to request -----------------------------------------------------------------------


def pages_of_home(home: dict[str, Any]) -> tuple[dict[str, set[str]], set[str]]:
    """JSON paths by page that the home page's answer leads to (the home page, the standard
    searches, its events' pages, its most-quoted people), and the years its events name."""
    pages: dict[str, set[str]] = defaultdict(set)
    pages["home"].add("/.json")
    for q in SEARCHES:
        pages["search"].add(f"/search.json?q={quote(q)}")
    years: set[str] = set()
    for e in home["recent_events"]:
        pages["event"].add(f"/event/{e['id']}.json")
        pages["article"].add(f"/article/{e['article']['id']}.json")
        if e["person"] and e["person"]["id"]:
            pages["person"].add(f"/person/{e['person']['id']}.json")
        if e["organisation"] and e["organisation"]["id"]:
            pages["organisation"].add(f"/organisation/{e['organisation']['id']}.json")
        for d in (e["effective"], e["observed"]):
            if d:
                years.add(d[:4])
    for p in home["most_quoted"]:
        pages["person"].add(f"/person/{p['id']}.json")
    return pages, years


def discover(host: str, port: int) -> dict[str, list[str]]:
    """JSON paths that exist in this store, by page."""
    pages, years = pages_of_home(fetch_json(host, port, "/.json"))
    pages["search"].add("/search.json?q=merger&type=quote")
    pages["search"].add("/search.json?q=chief+executive&type=person")
    # the org chart on past dates too (the page's date control)
    for path in sorted(pages["organisation"])[:5]:
        for year in sorted(years)[-2:]:
            pages["organisation"].add(f"{path}?on={year}-06-30")
    return {page: sorted(paths) for page, paths in pages.items() if paths}


# --- the load ------------------------------------------------------------------------------


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    sent: int = 0


async def client(
    host: str,
    port: int,
    pages: dict[str, list[str]],
    until: float,
    max_requests: int,
    seed: int,
    tally: Tally,
) -> None:
    rng = random.Random(seed)
    names = list(pages)
    weights = [MIX.get(n, 0.0) for n in names]
    conn = Connection(host, port)
    try:
        while time.monotonic() < until and tally.sent < max_requests:
            tally.sent += 1
            page = rng.choices(names, weights)[0]
            path = rng.choice(pages[page])
            start = time.perf_counter()
            try:
                status, _ = await asyncio.wait_for(conn.get(path), 30)
                if status != 200:
                    tally.errors.append(f"{status} {path}")
            except (OSError, HTTPError, asyncio.IncompleteReadError, TimeoutError) as exc:
                tally.errors.append(f"{type(exc).__name__} {path}")
                await conn.close()
            tally.latencies[page].append((time.perf_counter() - start) * 1000)
    finally:
        await conn.close()


def percentile(ordered: list[float], p: float) -> float:
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def summary(ms: list[float]) -> dict:
    ordered = sorted(ms)
    return {
        "requests": len(ordered),
        "p50_ms": round(percentile(ordered, 50), 1),
        "p90_ms": round(percentile(ordered, 90), 1),
        "p99_ms": round(percentile(ordered, 99), 1),
        "max_ms": round(ordered[-1], 1) if ordered else 0.0,
    }


async def load(
    host: str,
    port: int,
    pages: dict[str, list[str]],
    clients: int,
    seconds: float,
    cap: int,
    server_pid: int | None = None,
) -> dict:
    # warm up: every path once (first requests pay for imports and statement caches)
    warm = Connection(host, port)
    for paths in pages.values():
        for path in paths:
            await warm.get(path)
    await warm.close()
    tally = Tally()
    server_before = cpu_seconds(server_pid) if server_pid else None
    client_before = time.process_time()
    began = time.monotonic()
    until = began + seconds
    await asyncio.gather(*(client(host, port, pages, until, cap, n, tally) for n in range(clients)))
    elapsed = time.monotonic() - began
    client_cpu = time.process_time() - client_before
    server_after = cpu_seconds(server_pid) if server_pid else None
    server_cpu = (
        server_after - server_before
        if server_before is not None and server_after is not None
        else None
    )
    every = [x for ms in tally.latencies.values() for x in ms]
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests_per_s": round(len(every) / elapsed, 1),
        **summary(every),
        "errors": len(tally.errors),
        "error_examples": tally.errors[:5],
        "pages": {page: summary(tally.latencies[page]) for page in pages},
        "paths": {page: len(paths) for page, paths in pages.items()},
        "server_cpu_s": None if server_cpu is None else round(server_cpu, 2),
        "client_cpu_s": round(client_cpu, 2),
    }


def report(result: dict) -> str:
    rows = [
        f"{result['clients']} clients, {result['seconds']} s, {result['requests']} requests, "
        f"{result['requests_per_s']} requests/s, {result['errors']} errors "
        f"(server: {result['workers']} worker(s); {result['machine']})",
        f"CPU: server {result.get('server_cpu_ms_per_request', '?')} ms per request, "
        f"load generator {result['client_cpu_s']} s in all",
        f"{'page':<14}{'requests':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}",
    ]
    for page, s in [*result["pages"].items(), ("all", result)]:
        rows.append(
            f"{page:<14}{s['requests']:>9}{s['p50_ms']:>9}{s['p90_ms']:>9}"
            f"{s['p99_ms']:>9}{s['max_ms']:>9}"
        )
    met = result["p99_ms"] < TARGET_P99_MS and result["errors"] == 0 and result["requests"]
    verdict = "met" if met else "NOT met"
    rows.append(f"target (p99 < {TARGET_P99_MS:.0f} ms, zero errors): {verdict}")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="store to serve (default: ingest samples/articles)")
    parser.add_argument("--url", help="a server already running on a loopback address")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers to start")
    parser.add_argument(
        "--server-pid", type=int, help="with --url: the server's process, to count its CPU time"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "api_load.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        proc = None
        if args.url:
            host, port = loopback_only(args.url)
        else:
            url = args.db or sample_store(Path(tmp))
            host, port = "127.0.0.1", free_port()
            proc = start_server(url, port, args.workers)
        try:
            pages = discover(host, port)
            result = asyncio.run(
                load(
                    host,
                    port,
                    pages,
                    args.clients,
                    args.seconds,
                    args.max_requests,
                    proc.pid if proc is not None else args.server_pid,
                )
            )
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=15)
    result["workers"] = args.workers if proc is not None else "external"
    result["machine"] = (
        f"{platform.machine()}, {os.cpu_count()} cpus, load {os.getloadavg()[0]:.1f} after"
    )
    if result.get("server_cpu_s") is not None and result["requests"]:
        result["server_cpu_ms_per_request"] = round(
            result["server_cpu_s"] * 1000 / result["requests"], 2
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(report(result))


if __name__ == "__main__":
    main()
