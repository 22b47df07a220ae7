"""Store speed: generated stores of N articles' worth of claims (synthetic extractions of
fictional people and organisations), then p50 and p99 timings of who, orgchart, person and
search, and how each grows with the store.

    python -m benchmarks.store_speed [--articles 50000] [--db sqlite:////tmp/bench.db]
    python -m benchmarks.store_speed --reuse --db sqlite:////tmp/bench.db
    python -m benchmarks.store_speed --sizes 5000,50000,200000 --backends sqlite,postgres \
        --keep /tmp/sw-store-bench [--reuse] [--copy] [--rounds 3]

`--db` is a database URL (four slashes for an absolute SQLite path); without it the store
goes to a new temporary folder. `--reuse` skips generating and storing: it times the
questions only, against a store an earlier run left (migrated to the newest version
first). With `--sizes`, one store per size and backend is kept under `--keep` (SQLite
files, and a PostgreSQL server this command starts from Debian's binaries with its data
folder there, like tests/conftest_postgres.py), and the growth of every p50 from the
second-largest to the largest size is printed. `--copy` fills each PostgreSQL store with
the rows of the SQLite store of the same size (COPY), so both databases answer over the
same store and the slow part, writing 200,000 articles through the resolver, runs once.

The universe grows with the store: about one person per 10 articles and one organisation
per 40, so a post has about as many claims at 200,000 articles as at 5,000, and a question
whose answer is the same size should cost the same (a store that only piled more claims on
the same 400 people would make every answer, not every lookup, grow). Names are varied
the way real ones are (1,000 surnames, 1,000 place names): the store resolves a name
against those sharing its surname or first word, and 32 surnames for 20,000 people would
make every write, not the questions, slow. Quotes draw their
words from a Zipf-like vocabulary of 2,000 made-up words. A search is timed for its first
page: 20 results, what the web's search page shows first (its default `limit`), its words
matched afresh (`query.search.MATCHED_KEPT` 0: a connection keeps the matches of words it
was asked before, and the warm-up asks five of the timed). `search` asks two words of rank
20-200, which match a fixed share of the quotes at every size: its matches (up to 200
quotes and 200 articles, counted and faceted from their ids) grow with the store, its page
does not. `search` is the command line's answer (its hits, and its separate lists of
quotes and articles, with snippets); `hits` asks the same words as the web's search page
does (`web_search`: the hits alone); `ranking` times only the full-text index's ranking of
the same words (the best 200 quotes and 200 articles, `ranking`): the part of a search no
query layer can skip, whose growth bounds the growth of the other two from below.
`search=` asks two words of rank
20-200 times the square root of (articles / 5,000), which match about as many quotes at
every size (a quote holds a word of rank r with a chance of about 1/r): the same number of
matches. `broad` asks one of the 20 commonest words as the web's search page does: words
that match a large share of the store (each backend ranks at most `RANKED_AT_MOST` of a
kind's matches, `store.backends.base`), so it is as costly as a search gets, and should cost
the same at every size. The mean number of hits of each (every page's: `total`) is
printed, and how many
quotes and articles its first page shows (each with a snippet, the costliest part of a
small answer: a page that is not yet full grows with the store). The
questions' arguments come from their own seeded generator, so a full run and a `--reuse`
run ask the same.

Every size is timed under the same cache conditions: before its questions, the store's files
are read once from start to end (the SQLite file and its WAL; the PostgreSQL database's
folder under the data directory), so each size starts with its whole store in the
operating system's page cache, whatever ran before; then 5 questions of each kind warm the
connection pool, the compiled statements and what a connection keeps (the search's word
indexes, entity names), and only then are the 200 questions of each kind timed, one kind
after the other. The output says how much was read. `--answers FILE` also writes every
timed question's answer (one JSON line each, after the timings) and prints a hash per kind,
to check that a change keeps every answer.

This machine's speed drifts by up to 2x within minutes, and the sizes are timed one after
the other, so one run's growth can be off by as much. `--rounds N` times every store N
times, round after round, and prints each round's figures, their medians, and the median
of each round's growth (the ratio of two sizes timed minutes apart, not hours).

Not a test: run it by hand and record the numbers in BENCHMARKS.md ("Store").
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import itertools
import json
import math
import platform
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from sectorwatch.ingest.identity import article_id
from sectorwatch.model import (
    Article,
    Event,
    EventStatus,
    Evidence,
    Extraction,
    Paragraph,
    Quote,
    RoleFact,
    Speaker,
)
from sectorwatch.query.orgchart import orgchart
from sectorwatch.query.person import person
from sectorwatch.query.search import search
from sectorwatch.query.who import who
from sectorwatch.store import open_store, write_batch

FIRST = (
    "Amara Jonah Priya Dev Hattie Tobias Leonie Marcus Ines Rowan Saskia Idris Odile Bram "
    "Carys Emeka Freya Gideon Halima Ivo Juno Kofi Lark Milo Nell Oren Pia Quill"
).split()
MIDDLE = (
    "Alder Birch Cedar Dale Elm Fern Gale Heath Iris Jay Kale Lane Moss Nye Oak Pell Quay "
    "Reed Sloe Tarn Ula Vale Wynn Yew Zell Brook"
).split()
STEMS = (
    "Ash Bel Cor Dun Elm Fal Gar Hal Ing Jas Kel Lin Mor Nor Oak Pen Quin Ros Sel Tal Ulv "
    "Ver Wes Yar Zel Bram Cal Dar Fen Grin Hart Ives Kin Lock Marl Nash Orr Prid Rand Stav"
).split()
LAST = [  # 1,000 surnames: a person is resolved against the people sharing a surname
    f"{a}{b}"
    for a in STEMS
    for b in (
        "ton ley ford by well wick worth field more dale ham stead bury croft hurst cott "
        "lowe man sey thorpe ridge brook wood land win"
    ).split()
]
PLACES = [  # 1,000 places: an organisation is resolved against those sharing a first word
    f"{a}{b}"
    for a in STEMS
    for b in (
        "leigh mouth minster chester caster port haven vale combe hithe borough wold fleet "
        "cliffe gate mere moor ness holme side bridge marsh over ey ing"
    ).split()
]
KINDS = [
    "Health Board",
    "Hospitals NHS Foundation Trust",
    "Care Alliance",
    "Integrated Care Board",
    "Community Health Partnership",
]
ROLES = [
    "chief executive",
    "chair",
    "chief operating officer",
    "medical director",
    "finance director",
]
SYLLABLES = "ba ke lo mi nu ra se ti vo we da fi go hu ja".split()
VOCABULARY = ["".join(s) for s in itertools.product(SYLLABLES, repeat=3)][:2000]
WEIGHTS = [1 / (rank + 1) for rank in range(len(VOCABULARY))]


@dataclass(frozen=True)
class Universe:
    """The fictional people and organisations of a store of `articles` articles."""

    people: list[str]
    orgs: list[str]
    partners: dict[str, str]  # each merging organisation's partner (`MERGING_EVERY`)

    @staticmethod
    def of(articles: int) -> Universe:
        rng = random.Random(3)
        names = [f"{f} {m} {la}" for f, m, la in itertools.product(FIRST, MIDDLE, LAST)]
        orgs = [f"{p} {k}" for p, k in itertools.product(PLACES, KINDS)]
        rng.shuffle(names)
        rng.shuffle(orgs)
        orgs = orgs[: max(20, articles // 40)]
        pairs = [orgs[i : i + 2] for i in range(0, len(orgs) - 1, 2 * MERGING_EVERY)]
        partners = {a: b for x, y in pairs for a, b in ((x, y), (y, x))}
        return Universe(names[: max(50, articles // 10)], orgs, partners)


MERGING_EVERY = 5
"""One pair of organisations in this many is merging, and every article about either of
them reports the merger (at some stage): about one article in five reports an
organisational change, as real ones do (the realdev corpus: 26 in 91), each change reported
by dozens of articles, so that the questions that read the changes (an organisation's
lineage: `who`, its page; a merger's other parties) are timed over a store that has
them. A completed merger names no resulting body, as real reports often do not: the
questions work it out (`query.lineage`)."""
MERGER_WORDS: dict[EventStatus, str] = {
    "proposed": "are to consult on a merger",
    "announced": "will merge next year",
    "completed": "completed their merger",
}


def _merger(n: int, world: Universe, org: str) -> tuple[str, EventStatus] | None:
    """The partner and stage of article `n`'s merger, if its organisation is merging
    (`MERGING_EVERY`); the stage from a generator of its own, so that the article's other
    draws are those of a store without mergers."""
    partner = world.partners.get(org)
    if partner is None:
        return None
    return partner, random.Random(f"merger {n}").choice(list(MERGER_WORDS))


def synthetic(n: int, rng: random.Random, world: Universe) -> Extraction:
    person_name, other = rng.choice(world.people), rng.choice(world.people)
    org, other_org = rng.choice(world.orgs), rng.choice(world.orgs)
    role = rng.choice(ROLES)
    said = " ".join(rng.choices(VOCABULARY, WEIGHTS, k=12))
    lines = [
        f"Article {n}: {person_name} named {role} of {org}",
        f"{person_name}, {role} of {org}, was appointed this week.",
        f"The {role} will report to the chair of {org}.",
        f'{other}, chief executive of {other_org}, said: "{said}."',
    ]
    merging = _merger(n, world, org)
    if merging:
        partner, stage = merging
        lines.append(f"{org} and {partner} {MERGER_WORDS[stage]}.")
    text = "\n".join(lines)
    aid = article_id(text)
    offsets, pos = [], 0
    for line in lines:
        offsets.append((pos, pos + len(line)))
        pos += len(line) + 1

    def ev(i: int) -> Evidence:
        s, e = offsets[i]
        return Evidence(aid, s, e, text[s:e], s, e)

    published = date.fromordinal(date(2015, 1, 1).toordinal() + rng.randrange(3650)).isoformat()
    qs = offsets[3][0] + text[offsets[3][0] :].index('"') + 1
    return Extraction(
        article=Article(
            aid,
            f"synthetic/{n}.txt",
            text,
            lines[0],
            published=published,
            paragraphs=[Paragraph(s, e) for s, e in offsets],
        ),
        roles=[
            RoleFact(
                person_name, role, org, "current", offsets[1][0], offsets[1][1], evidence=ev(1)
            ),
            RoleFact(
                other,
                "chief executive",
                other_org,
                "current",
                offsets[3][0],
                offsets[3][1],
                evidence=ev(3),
            ),
        ],
        events=[
            Event(
                "appointment",
                *offsets[1],
                person=person_name,
                role=role,
                organisation=org,
                status="completed",
                date=published,
                evidence=ev(1),
            ),
            Event(
                "reporting_line",
                *offsets[2],
                subordinate=role,
                superior="chair",
                organisation=org,
                evidence=ev(2),
            ),
            *(
                [
                    Event(
                        "merger",
                        *offsets[4],
                        organisations=[org, merging[0]],
                        status=merging[1],
                        date=published,
                        evidence=ev(4),
                    )
                ]
                if merging
                else []
            ),
        ],
        quotes=[
            Quote(
                "direct",
                said + ".",
                qs,
                qs + len(said) + 1,
                Speaker(other, "person", "chief executive", other_org),
                cue="said",
                stance=rng.choice(["welcome", "concern", "neutral"]),
                evidence=ev(3),
            )
        ],
        extractor="bench",
        extractor_version="1",
    )


def timings(
    fn: Callable[..., Any], args_list: Sequence[tuple[Any, ...]], server_cpu: Callable[[], float]
) -> dict[str, float]:
    """p50 and p99 wall milliseconds of `fn(*args)` over `args_list`, the p50 of this
    process's CPU milliseconds, and the mean CPU milliseconds per call including the
    database server's (`server_cpu`: its CPU seconds so far; 0 for SQLite, which runs in
    this process)."""
    walls, cpus = [], []
    server_before, cpu_before = server_cpu(), time.process_time()
    for args in args_list:
        start, cpu = time.perf_counter(), time.process_time()
        fn(*args)
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    total_cpu = time.process_time() - cpu_before + server_cpu() - server_before

    def p99(values: list[float]) -> float:
        if len(values) < 2:
            return values[0]
        return statistics.quantiles(values, n=100, method="inclusive")[98]

    return {
        "p50": statistics.median(walls),
        "p99": p99(walls),
        "cpu_p50": statistics.median(cpus),
        "cpu_mean": total_cpu * 1000 / len(args_list),
    }


def store(engine: Engine, articles: int, batch_size: int) -> float:
    """Generate and store `articles` synthetic extractions; the storage rate (articles/s)."""
    rng = random.Random(7)
    world = Universe.of(articles)
    build_time, write_time, batch = 0.0, 0.0, []
    for n in range(articles):
        t = time.perf_counter()
        batch.append(synthetic(n, rng, world))
        build_time += time.perf_counter() - t
        if len(batch) == batch_size or n == articles - 1:
            t = time.perf_counter()
            write_batch(engine, batch)
            write_time += time.perf_counter() - t
            batch = []
    rate = articles / write_time
    print(
        f"  stored {articles} articles: {rate:.0f} articles/s "
        f"({write_time:.1f} s writing, {build_time:.1f} s generating)",
        flush=True,
    )
    return rate


def copy_from_sqlite(path: Path, engine: Engine) -> None:
    """Copy every row of the SQLite store at `path` into the (empty, migrated) PostgreSQL
    store of `engine` with COPY: the same store on both databases, in minutes instead of
    writing it again article by article (`--copy`)."""
    import sqlite3

    from sectorwatch.store import term_rows
    from sectorwatch.store.schema import metadata

    source = sqlite3.connect(path)
    raw = engine.raw_connection()
    started = time.perf_counter()
    try:
        with raw.driver_connection.cursor() as cur:  # type: ignore[union-attr]
            for table in metadata.sorted_tables:
                if table.name in ("schema_version", "post_terms", "named_parties"):
                    continue  # terms: built below; the parties: by the triggers, as copied
                cols = ", ".join(f'"{c.name}"' for c in table.columns)  # our own schema's
                select_all = f"SELECT {cols} FROM {table.name}"  # noqa: S608 - names only
                with cur.copy(f"COPY {table.name} ({cols}) FROM STDIN") as copy:
                    for row in source.execute(select_all):
                        copy.write_row(row)
        raw.commit()
        with engine.begin() as conn:  # the copy's triggers marked every post stale
            term_rows.refresh(conn, every=True)
        # vacuumed and analysed now, so no autovacuum runs during the timings (it would
        # take the server's CPU and move the snapshot the read caches are kept by)
        raw.driver_connection.autocommit = True  # type: ignore[union-attr]
        with raw.driver_connection.cursor() as cur:  # type: ignore[union-attr]
            cur.execute("VACUUM (ANALYZE)")
    finally:
        raw.close()
        source.close()
    print(f"  copied from {path.name} in {time.perf_counter() - started:.0f} s", flush=True)


QUESTIONS = ("who", "orgchart", "person", "search", "hits", "ranking", "search=", "broad")


def _no_server() -> float:
    return 0.0  # SQLite: the database runs in this process, its CPU is already counted


def read_files(paths: Sequence[Path]) -> None:
    """Read every file under `paths` once, start to end (so that the store is in the page
    cache before any size is timed: the same conditions for every size), and say how much."""
    started, total = time.perf_counter(), 0
    files = [f for p in paths for f in ([p] if p.is_file() else sorted(p.rglob("*")))]
    for f in files:
        if not f.is_file():
            continue
        with f.open("rb", buffering=0) as stream:
            while chunk := stream.read(1 << 20):
                total += len(chunk)
    took = time.perf_counter() - started
    print(f"  read the store's files once before timing: {total / 1e6:.0f} MB in {took:.1f} s")


def pg_database_folder(engine: Engine, root: Path) -> Path:
    """The folder of the database of `engine` under the data directory at `root`."""
    from sqlalchemy import text

    with engine.connect() as conn:
        oid = conn.execute(text("SELECT oid FROM pg_database WHERE datname = current_database()"))
        return root / "data" / "base" / str(oid.scalar_one())


def write_answers(
    path: Path, asked: Sequence[tuple[str, Callable[..., Any], Sequence[tuple[Any, ...]]]]
) -> None:
    """Append every question's answer to `path`, one JSON line each ([kind, arguments,
    answer]), and print a hash of each kind's lines (equal hashes, equal answers)."""
    with path.open("a", encoding="utf-8") as out:
        for name, fn, cases in asked:
            digest = hashlib.sha256()
            for args in cases:
                answer = dataclasses.asdict(fn(*args))
                line = json.dumps([name, [str(a) for a in args[1:]], answer], default=str,
                                  sort_keys=True)  # fmt: skip
                out.write(line + "\n")
                digest.update(line.encode())
            print(f"  answers of {name:8} {digest.hexdigest()[:16]} ({len(cases)} written)")


def web_search(engine: Engine, text: str) -> Any:
    """The search as the web's search page asks it: its hits, without the command line's
    lists of quotes and articles and their snippets (`search(..., lists=False)`)."""
    return search(engine, text, lists=False)


@dataclass(frozen=True)
class Ranked:
    quotes: list[Any]
    articles: list[Any]


def ranking(engine: Engine, text: str) -> Ranked:
    """The full-text index's own part of a search of `text`: its best `DEPTH` quotes and
    best `DEPTH` articles, ranked (`store.fts.match_quotes`, `match_articles`), and
    nothing else: the floor under `search` and `hits`, which grows with the store as the
    words' matches do, whatever the query layer does."""
    from sectorwatch.query.search import DEPTH
    from sectorwatch.query.search_input import normalise_query
    from sectorwatch.store import fts

    words = normalise_query(text)
    with engine.connect() as conn:
        return Ranked(fts.match_quotes(conn, words, DEPTH), fts.match_articles(conn, words, DEPTH))


def ask(
    engine: Engine,
    q: int,
    articles: int,
    server_cpu: Callable[[], float] = _no_server,
    answers: Path | None = None,
) -> dict[str, dict[str, float]]:
    """Timings of `q` calls each of who, orgchart, person and search (fixed seed); with
    `answers`, every answer is written there after the timings (`write_answers`)."""
    import sectorwatch.query.search as searching

    searching.MATCHED_KEPT = 0  # every search timed as its words' first (the docstring)
    rng = random.Random(11)
    world = Universe.of(articles)
    picks = [
        (engine, rng.choice(world.orgs), rng.choice(ROLES), f"20{rng.randrange(15, 25)}-06-01")
        for _ in range(q)
    ]
    charts = [(engine, rng.choice(world.orgs), f"20{rng.randrange(15, 25)}") for _ in range(q)]
    people = [(engine, rng.choice(world.people)) for _ in range(q)]
    texts = [(engine, " ".join(rng.sample(VOCABULARY[20:200], 2))) for _ in range(q)]
    scale = math.sqrt(articles / 5000)
    ranks = VOCABULARY[round(20 * scale) : round(200 * scale)]
    same_size = [(engine, " ".join(rng.sample(ranks, 2))) for _ in range(q)]
    broad = [(engine, rng.choice(VOCABULARY[:20])) for _ in range(q)]  # the commonest words
    asked: tuple[tuple[Callable[..., Any], Sequence[tuple[Any, ...]]], ...] = (
        (who, picks),
        (orgchart, charts),
        (person, people),
        (search, texts),
        (web_search, texts),
        (ranking, texts),
        (search, same_size),
        (web_search, broad),
    )
    for fn, cases in asked:
        for args in cases[:5]:  # warm the connection pool and the compiled statements
            fn(*args)
    out = {
        "who": timings(who, picks, server_cpu),
        "orgchart": timings(orgchart, charts, server_cpu),
        "person": timings(person, people, server_cpu),
        "search": timings(search, texts, server_cpu),
        "hits": timings(web_search, texts, server_cpu),
        "ranking": timings(ranking, texts, server_cpu),
        "search=": timings(search, same_size, server_cpu),
        "broad": timings(web_search, broad, server_cpu),
    }
    counted = (("search", search, texts), ("hits", web_search, texts),
               ("search=", search, same_size), ("broad", web_search, broad))  # fmt: skip
    for name, fn, cases in counted:
        answered = [fn(*args) for args in cases[:50]]
        out[name]["hits"] = statistics.fmean(a.total for a in answered)
        out[name]["shown"] = statistics.fmean(len(a.quotes) + len(a.articles) for a in answered)
    if answers is not None:
        write_answers(
            answers, [(n, fn, cases) for n, (fn, cases) in zip(QUESTIONS, asked, strict=True)]
        )
    for name, t in out.items():
        hits = f"  {t['hits']:.0f} hits, {t['shown']:.1f} shown" if "hits" in t else ""
        print(
            f"  {name:8} p50 {t['p50']:6.1f} ms  p99 {t['p99']:6.1f} ms  "
            f"CPU p50 {t['cpu_p50']:5.1f} ms (this process)  CPU mean {t['cpu_mean']:5.1f} ms "
            f"(with the server's){hits}",
            flush=True,
        )
    return out


def single(args: argparse.Namespace) -> None:
    """One store at --db (or a temporary one) of --articles articles."""
    db = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    engine = open_store(db, create=not args.reuse)
    print(f"store: {db}")
    if not args.reuse:
        store(engine, args.articles, args.batch)
    ask(engine, args.queries, args.articles, answers=Path(args.answers) if args.answers else None)


def scaled(args: argparse.Namespace) -> None:
    """One store per size and backend, kept under --keep; the growth of each question. With
    --rounds N, every store is timed N times, round after round, and the median of each
    figure and of each growth over the rounds is printed as well."""
    from contextlib import ExitStack

    sizes = sorted(int(s) for s in args.sizes.split(","))
    backends = args.backends.split(",")
    keep = Path(args.keep)
    keep.mkdir(parents=True, exist_ok=True)

    def sqlite_file(size: int) -> Path:
        return keep / f"store-{size}.db"

    rounds: list[dict[tuple[str, int], dict[str, dict[str, float]]]] = []
    with ExitStack() as stack:
        urls: dict[tuple[str, int], str] = {}
        server_cpus: dict[str, Callable[[], float]] = {}
        for backend in backends:
            server_cpus[backend] = _no_server
            if backend == "postgres":
                from benchmarks.pg_server import ensure_database, postgres, server_cpu_seconds

                base = stack.enter_context(postgres(keep / "postgres"))
                server_cpus[backend] = partial(server_cpu_seconds, keep / "postgres")
            for size in sizes:
                if backend == "sqlite":
                    path = sqlite_file(size)
                    existed = path.exists()
                    url = f"sqlite:///{path}"
                else:
                    url, existed = ensure_database(base, f"sw_bench_{size}")
                urls[(backend, size)] = url
                if args.reuse and existed:
                    continue
                if existed:
                    raise SystemExit(f"{url} exists: give --reuse or remove it")
                print(f"{backend} {size} articles ({url}): building", flush=True)
                engine = open_store(url)
                copied = sqlite_file(size)
                if backend == "postgres" and args.copy and copied.exists():
                    copy_from_sqlite(copied, engine)
                else:
                    store(engine, size, args.batch)
                engine.dispose()
        for n in range(args.rounds):
            results: dict[tuple[str, int], dict[str, dict[str, float]]] = {}
            for (backend, size), url in urls.items():
                print(f"round {n + 1}: {backend} {size} articles ({url})", flush=True)
                engine = open_store(url)
                if backend == "sqlite":
                    path = sqlite_file(size)
                    read_files([p for p in (path, Path(f"{path}-wal")) if p.exists()])
                else:
                    read_files([pg_database_folder(engine, keep / "postgres")])
                answers = Path(args.answers) if args.answers and n == 0 else None
                results[(backend, size)] = ask(
                    engine, args.queries, size, server_cpus[backend], answers
                )
                engine.dispose()
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(f"  peak memory of this process so far: {peak:.0f} MB", flush=True)
            rounds.append(results)
            report_round(results, sizes, backends, f"round {n + 1}")
    if len(rounds) > 1:
        median = {
            key: {
                q: {m: statistics.median(r[key][q][m] for r in rounds) for m in rounds[0][key][q]}
                for q in QUESTIONS
            }
            for key in rounds[0]
        }
        report_round(median, sizes, backends, f"median of {len(rounds)} rounds")
        if len(sizes) >= 2:
            small, large = sizes[-2], sizes[-1]
            for backend in backends:
                per_round = {
                    q: [
                        r[(backend, large)][q]["p50"] / r[(backend, small)][q]["p50"]
                        for r in rounds
                    ]
                    for q in QUESTIONS
                }
                shown = ", ".join(
                    f"{q} {statistics.median(g):.2f}x ({', '.join(f'{x:.2f}' for x in g)})"
                    for q, g in per_round.items()
                )
                print(
                    f"median growth of p50 {small} -> {large} on {backend} (each round's): {shown}"
                )


def report_round(
    results: dict[tuple[str, int], dict[str, dict[str, float]]],
    sizes: list[int],
    backends: list[str],
    title: str,
) -> None:
    """The table of one round's figures (or their medians), and the growth of each from the
    second-largest size to the largest."""
    print(f"\n{title}: wall p50 / p99, then CPU per question (p50 in this process; mean with")
    print("the server's)")
    print(f"{'backend':9} {'articles':>8}  " + "  ".join(f"{q:>31}" for q in QUESTIONS))
    for (backend, size), found in results.items():
        cells = "  ".join(
            f"{t['p50']:6.1f}/{t['p99']:6.1f} ms {t['cpu_p50']:5.1f}/{t['cpu_mean']:5.1f} ms"
            for t in (found[q] for q in QUESTIONS)
        )
        print(f"{backend:9} {size:8}  {cells}")
    if len(sizes) >= 2:
        small, large = sizes[-2], sizes[-1]
        for backend in backends:
            a, b = results[(backend, small)], results[(backend, large)]
            for measure in ("p50", "cpu_p50", "cpu_mean"):
                growth = ", ".join(f"{q} {b[q][measure] / a[q][measure]:.2f}x" for q in QUESTIONS)
                print(f"growth of {measure} {small} -> {large} on {backend}: {growth}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--db", default=None)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--sizes", help="comma list of store sizes, e.g. 5000,50000,200000")
    parser.add_argument("--backends", default="sqlite", help="sqlite, postgres or both")
    parser.add_argument("--keep", default=None, help="folder for the --sizes stores")
    parser.add_argument(
        "--reuse", action="store_true", help="time the questions on stores already built"
    )
    parser.add_argument(
        "--copy",
        action="store_true",
        help="fill each PostgreSQL store from the SQLite store of the same size under --keep",
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="with --sizes: time every store this many times"
    )
    parser.add_argument(
        "--answers",
        default=None,
        help="also write every timed question's answer to this file (JSON lines, appended)",
    )
    args = parser.parse_args()
    print(f"machine: {platform.node()} {platform.machine()} {platform.python_version()}")
    if args.sizes:
        if not args.keep:
            args.keep = tempfile.mkdtemp(prefix="sw-store-bench-")
        scaled(args)
        return
    if args.reuse and not args.db:
        parser.error("--reuse needs --db (the store an earlier run left)")
    single(args)


if __name__ == "__main__":
    main()
