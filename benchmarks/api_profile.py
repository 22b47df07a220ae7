"""Server CPU per request of the main pages, in one process, with where it goes.

    python -m benchmarks.api_profile [--db URL] [--rounds 20] [--top 25]

Over --db, or a fresh SQLite store ingested from samples/articles, it builds the app
(`sectorwatch.serve.app.create_app`), finds the same JSON pages as benchmarks.api_load
(and their HTML twins), and calls each one --rounds times through the ASGI interface
directly, with no HTTP server and no client library, as a server would: the app started
(its lifespan) and every call made from the one task that started it (`serve`). The CPU
time per request (process time) is the app's own, from routing to the last byte of the
body. Then it profiles one
more round of every page with cProfile and prints the functions with the most cumulative
time, so the hot spots (queries, JSON shaping, templates) can be seen. Not a test.

Every page is timed twice in the same run: answered afresh on every request (nothing kept:
`serve.answers.PAGES_KEPT` 0, and no search's matches, `query.search.MATCHED_KEPT` 0), and
as the server answers it (a page asked again before the store changes is answered from
what its connection kept); the ratio is printed.

    python -m benchmarks.api_profile --db URL --dump DIR

writes instead the body of every main page (HTML and JSON; the pages above, every person
and organisation of the store, the first events, quotes' claims and articles by id,
organisations on past dates, their CSV and feeds, charts, `who`, `timeline` and post
histories) to DIR, one file a page, so two trees can be compared byte for byte
(`diff -r`) before and after a change.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import os
import pstats
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from benchmarks.api_load import pages_of_home, sample_store


async def _call(app: Any, path: str) -> tuple[int, bytes]:
    """One GET through the ASGI interface; (status, body)."""
    parts = urlsplit(path)
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": parts.path,
        "raw_path": parts.path.encode(),
        "query_string": parts.query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), (b"accept", b"*/*")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }
    status, chunks = 0, []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)


async def discover(app: Any) -> dict[str, list[str]]:
    """The pages benchmarks.api_load asks for, by page, JSON and HTML."""
    status, body = await _call(app, "/.json")
    if status != 200:
        raise SystemExit(f"/.json answered {status}")
    pages, _ = pages_of_home(json.loads(body))
    out: dict[str, list[str]] = {}
    for page, paths in pages.items():
        chosen = sorted(paths)[:8]
        out[page + " json"] = chosen
        out[page + " html"] = [p.replace(".json", "", 1) if p != "/.json" else "/" for p in chosen]
    return out


async def every_page(app: Any) -> list[str]:
    """The paths `--dump` writes: every main page of the store, HTML and JSON."""
    from sqlalchemy import text

    from benchmarks.api_load import SEARCHES

    status, body = await _call(app, "/.json")
    if status != 200:
        raise SystemExit(f"/.json answered {status}")
    found, years = pages_of_home(json.loads(body))
    json_paths = {p for paths in found.values() for p in paths}
    with app.state.engine.connect() as conn:
        people = conn.execute(text("SELECT id FROM entities WHERE kind = 'person'")).scalars()
        people = sorted(people)
        orgs = conn.execute(text("SELECT id FROM entities WHERE kind = 'organisation'"))
        orgs = sorted(orgs.scalars())
        event_ids = conn.execute(
            text("SELECT claim_id FROM events ORDER BY claim_id LIMIT 150")
        ).scalars()
        event_ids = list(event_ids)
        article_ids = list(
            conn.execute(text("SELECT id FROM articles ORDER BY id LIMIT 60")).scalars()
        )
        posts = conn.execute(
            text(
                "SELECT organisation_id, role FROM posts"
                " WHERE organisation_id IS NOT NULL ORDER BY id LIMIT 40"
            )
        ).all()
    json_paths |= {f"/person/{i}.json" for i in people}
    json_paths |= {f"/organisation/{i}.json" for i in orgs}
    json_paths |= {f"/event/{i}.json" for i in event_ids}
    json_paths |= {f"/article/{i}.json" for i in article_ids}
    json_paths |= {f"/search.json?q={quote(q)}" for q in SEARCHES}
    json_paths |= {
        "/search.json?q=merger&type=quote",
        "/search.json?q=chief+executive&type=person",
        "/search.json?q=chief+executive&type=organisation",
        "/search.json?q=director&stance=support",
    }
    for oid in orgs[:10]:
        for year in sorted(years)[-3:]:
            json_paths.add(f"/organisation/{oid}.json?on={year}-06-30")
    paths = set(json_paths)
    for p in json_paths:
        paths.add("/" if p == "/.json" else p.replace(".json", "", 1))
    for i in people[:20]:
        paths |= {f"/person/{i}.csv", f"/person/{i}.atom"}
    for i in orgs[:20]:
        paths |= {f"/organisation/{i}.csv", f"/organisation/{i}.atom"}
        paths |= {f"/organisation/{i}/chart.svg", f"/organisation/{i}/chart.dot"}
        paths |= {f"/timeline?target={i}", f"/timeline.json?target={i}"}
    for i in people[:20]:
        paths |= {f"/timeline?target={i}", f"/timeline.json?target={i}"}
    for org, role in posts:
        for page in ("/who", "/who.json"):
            paths.add(f"{page}?organisation={quote(org)}&role={quote(role)}")
            paths.add(f"{page}?organisation={quote(org)}&role={quote(role)}&all=true")
        paths.add(f"/organisation/{org}/history?role={quote(role)}")
        paths.add(f"/organisation/{org}/history.json?role={quote(role)}")
    return sorted(paths)


async def dump(app: Any, folder: Path) -> None:
    """Every page of `every_page`, its status and body, to `folder` (one file a path)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = await every_page(app)
    for path in paths:
        status, body = await _call(app, path)
        name = quote(path, safe="") or "root"
        (folder / name).write_bytes(f"{status}\n".encode() + body)
    print(f"{len(paths)} pages written to {folder}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--dump", type=Path, default=None, help="write every page to DIR")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or sample_store(Path(tmp))
        os.environ["SECTORWATCH_DB"] = db
        from sectorwatch.serve.app import create_app

        asyncio.run(serve(create_app(), args, db))


async def serve(app: Any, args: argparse.Namespace, db: str) -> None:
    """Every call from one task that lives as long as the app, between its start and its
    stop (its lifespan), as a server makes them: the worker threads that answer the
    synchronous pages live as long as that task (anyio stops them with it), so no call
    starts a thread of its own."""
    async with app.router.lifespan_context(app):
        if args.dump is not None:
            await dump(app, args.dump)
        else:
            await measure(app, args, db)


async def measure(app: Any, args: argparse.Namespace, db: str) -> None:
    """Time every main page afresh and as served, then profile one round afresh."""
    pages = await discover(app)
    for paths in pages.values():  # warm every page once (caches, compiled statements)
        for path in paths:
            await _call(app, path)
    print(f"store: {db}; {args.rounds} rounds of each page, ASGI calls in-process")
    from sectorwatch.query import search as searching
    from sectorwatch.serve import answers

    kept, matched = answers.PAGES_KEPT, searching.MATCHED_KEPT
    means: dict[str, list[float]] = {}
    for mode, pages_kept in (("afresh", 0), ("kept", kept)):
        answers.PAGES_KEPT = pages_kept
        searching.MATCHED_KEPT = matched if pages_kept else 0
        print(f"\n{mode}: {pages_kept} pages kept by each connection")
        print(f"{'page':18} {'paths':>5} {'CPU ms/request p50':>19} {'mean':>7} {'bytes':>8}")
        means[mode] = []
        for page, paths in pages.items():
            taken, size = [], 0
            for _ in range(args.rounds):
                for path in paths:
                    start = time.process_time()
                    status, body = await _call(app, path)
                    taken.append((time.process_time() - start) * 1000)
                    size = len(body)
                    if status != 200:
                        raise SystemExit(f"{path} answered {status}")
            means[mode].append(statistics.fmean(taken))
            print(
                f"{page:18} {len(paths):5} {statistics.median(taken):19.2f} "
                f"{statistics.fmean(taken):7.2f} {size:8}"
            )
        print(f"mean over the pages ({mode}): {statistics.fmean(means[mode]):.2f} ms")
    afresh, warm = statistics.fmean(means["afresh"]), statistics.fmean(means["kept"])
    print(
        f"\nmean over the pages: {afresh:.2f} ms afresh, {warm:.2f} ms as served "
        f"(ratio {afresh / warm:.2f}; target <= 5 ms)"
    )
    answers.PAGES_KEPT = 0  # the profile shows the work of a page answered afresh
    searching.MATCHED_KEPT = 0
    # profile in this thread: run the sync endpoints inline rather than in the threadpool
    import fastapi.routing

    async def inline(func: Any, *a: Any, **kw: Any) -> Any:
        return func(*a, **kw)

    fastapi.routing.run_in_threadpool = inline  # type: ignore[assignment]
    profile = cProfile.Profile()
    profile.enable()
    for paths in pages.values():
        for path in paths:
            await _call(app, path)
    profile.disable()
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    print(out.getvalue())


if __name__ == "__main__":
    main()
