"""JSON API under load: 50 concurrent clients for 30 s against the sample store.

    python -m benchmarks.api_load [--db URL] [--clients 50] [--seconds 30]

Without --db it ingests samples/articles into a fresh SQLite store first. The server runs
in its own process (uvicorn, one worker, 127.0.0.1); the clients are httpx.AsyncClient
tasks in this process, each requesting a mix of the JSON pages (home, search, person,
organisation, event, article) in a loop. Prints p50/p99 latency, requests/s and errors,
and writes benchmarks/out/api_load.json. Not a test: record the numbers in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def sample_store(folder: Path) -> str:
    from sectorwatch.store import open_store
    from sectorwatch.store.ingest import ingest_paths

    url = f"sqlite:///{folder / 'api_load.db'}"
    ingest_paths([str(ROOT / "samples" / "articles")], open_store(url))
    return url


def start_server(url: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "SECTORWATCH_DB": url}
    env.pop("SECTORWATCH_TOKEN", None)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "sectorwatch.serve.app:app_from_env",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/.json", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def discover(base: str) -> list[str]:
    """A mix of JSON URLs that exist in this store."""
    home = httpx.get(f"{base}/.json").json()
    urls = ["/.json", "/search.json?q=chief+executive", "/search.json?q=merger&type=quote"]
    for e in home["recent_events"][:10]:
        urls.append(f"/event/{e['id']}.json")
        urls.append(f"/article/{e['article']['id']}.json")
        if e["person"] and e["person"]["id"]:
            urls.append(f"/person/{e['person']['id']}.json")
        if e["organisation"] and e["organisation"]["id"]:
            urls.append(f"/organisation/{e['organisation']['id']}.json")
    for p in home["most_quoted"][:5]:
        urls.append(f"/person/{p['id']}.json")
    return sorted(set(urls))


async def client(
    base: str, urls: list[str], until: float, seed: int, latencies: list[float], errors: list[str]
) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.monotonic() < until:
            url = rng.choice(urls)
            start = time.perf_counter()
            try:
                r = await http.get(url)
                if r.status_code != 200:
                    errors.append(f"{r.status_code} {url}")
            except httpx.HTTPError as exc:
                errors.append(f"{type(exc).__name__} {url}")
            latencies.append(time.perf_counter() - start)


async def load(base: str, urls: list[str], clients: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    until = time.monotonic() + seconds
    began = time.monotonic()
    await asyncio.gather(*(client(base, urls, until, n, latencies, errors) for n in range(clients)))
    elapsed = time.monotonic() - began
    ms = sorted(x * 1000 for x in latencies)
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(ms),
        "requests_per_s": round(len(ms) / elapsed, 1),
        "p50_ms": round(statistics.median(ms), 1),
        "p99_ms": round(ms[int(0.99 * (len(ms) - 1))], 1),
        "max_ms": round(ms[-1], 1),
        "errors": len(errors),
        "error_examples": errors[:5],
        "urls": len(urls),
        "machine": f"{platform.machine()}, {os.cpu_count()} cpus, load {os.getloadavg()[0]:.1f}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="store to serve (default: ingest samples/articles)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or sample_store(Path(tmp))
        port = free_port()
        proc = start_server(url, port)
        try:
            base = f"http://127.0.0.1:{port}"
            urls = discover(base)
            result = asyncio.run(load(base, urls, args.clients, args.seconds))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "api_load.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    verdict = "met" if result["p99_ms"] < 200 and result["errors"] == 0 else "NOT met"
    print(f"target (p99 < 200 ms, zero errors): {verdict}")


if __name__ == "__main__":
    main()
