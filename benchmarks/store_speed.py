"""Store speed: generated stores of N articles' worth of claims (synthetic extractions of
fictional people and organisations), then p50 and p99 timings of who, orgchart, person and
search, and how each grows with the store.

    python -m benchmarks.store_speed [--articles 50000] [--db sqlite:////tmp/bench.db]
    python -m benchmarks.store_speed --reuse --db sqlite:////tmp/bench.db
    python -m benchmarks.store_speed --sizes 5000,50000,200000 --backends sqlite,postgres \
        --keep /tmp/sw-store-bench [--reuse]

`--db` is a database URL (four slashes for an absolute SQLite path); without it the store
goes to a new temporary folder. `--reuse` skips generating and storing: it times the
questions only, against a store an earlier run left (migrated to the newest version
first). With `--sizes`, one store per size and backend is kept under `--keep` (SQLite
files, and a PostgreSQL server this command starts from Debian's binaries with its data
folder there, like tests/conftest_postgres.py), and the growth of every p50 from the
second-largest to the largest size is printed.

The universe grows with the store: about one person per 10 articles and one organisation
per 40, so a post has about as many claims at 200,000 articles as at 5,000, and a question
whose answer is the same size should cost the same (a store that only piled more claims on
the same 400 people would make every answer, not every lookup, grow). Names are varied
the way real ones are (1,000 surnames, 1,000 place names): the store resolves a name
against those sharing its surname or first word, and 32 surnames for 20,000 people would
make every write, not the questions, slow. Quotes draw their
words from a Zipf-like vocabulary of 2,000 made-up words; searches are two words of rank
20-200, which match a fixed share of the quotes at every size. The questions' arguments
come from their own seeded generator, so a full run and a `--reuse` run ask the same.

Not a test: run it by hand and record the numbers in BENCHMARKS.md ("Store").
"""

from __future__ import annotations

import argparse
import itertools
import platform
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from sectorwatch.ingest.identity import article_id
from sectorwatch.model import (
    Article,
    Event,
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

    @staticmethod
    def of(articles: int) -> Universe:
        rng = random.Random(3)
        names = [f"{f} {m} {la}" for f, m, la in itertools.product(FIRST, MIDDLE, LAST)]
        orgs = [f"{p} {k}" for p, k in itertools.product(PLACES, KINDS)]
        rng.shuffle(names)
        rng.shuffle(orgs)
        return Universe(names[: max(50, articles // 10)], orgs[: max(20, articles // 40)])


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


def timings(fn: Callable[..., Any], args_list: Sequence[tuple[Any, ...]]) -> tuple[float, float]:
    """(p50, p99) in milliseconds of `fn(*args)` over `args_list`."""
    taken = []
    for args in args_list:
        start = time.perf_counter()
        fn(*args)
        taken.append((time.perf_counter() - start) * 1000)
    p99 = statistics.quantiles(taken, n=100, method="inclusive")[98] if len(taken) > 1 else taken[0]
    return statistics.median(taken), p99


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


QUESTIONS = ("who", "orgchart", "person", "search")


def ask(engine: Engine, q: int, articles: int) -> dict[str, tuple[float, float]]:
    """p50 and p99 of `q` calls each of who, orgchart, person and search (fixed seed)."""
    rng = random.Random(11)
    world = Universe.of(articles)
    picks = [
        (engine, rng.choice(world.orgs), rng.choice(ROLES), f"20{rng.randrange(15, 25)}-06-01")
        for _ in range(q)
    ]
    charts = [(engine, rng.choice(world.orgs), f"20{rng.randrange(15, 25)}") for _ in range(q)]
    people = [(engine, rng.choice(world.people)) for _ in range(q)]
    texts = [(engine, " ".join(rng.sample(VOCABULARY[20:200], 2))) for _ in range(q)]
    out = {
        "who": timings(who, picks),
        "orgchart": timings(orgchart, charts),
        "person": timings(person, people),
        "search": timings(search, texts),
    }
    for name, (p50, p99) in out.items():
        print(f"  {name:8} p50 {p50:6.1f} ms  p99 {p99:6.1f} ms", flush=True)
    return out


def single(args: argparse.Namespace) -> None:
    """One store at --db (or a temporary one) of --articles articles."""
    db = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    engine = open_store(db, create=not args.reuse)
    print(f"store: {db}")
    if not args.reuse:
        store(engine, args.articles, args.batch)
    ask(engine, args.queries, args.articles)


def scaled(args: argparse.Namespace) -> None:
    """One store per size and backend, kept under --keep; the growth of each question."""
    from contextlib import ExitStack

    sizes = sorted(int(s) for s in args.sizes.split(","))
    keep = Path(args.keep)
    keep.mkdir(parents=True, exist_ok=True)
    results: dict[tuple[str, int], dict[str, tuple[float, float]]] = {}
    rates: dict[tuple[str, int], float] = {}
    with ExitStack() as stack:
        for backend in args.backends.split(","):
            if backend == "postgres":
                from benchmarks.pg_server import ensure_database, postgres

                base = stack.enter_context(postgres(keep / "postgres"))
            for size in sizes:
                if backend == "sqlite":
                    path = keep / f"store-{size}.db"
                    existed = path.exists()
                    url = f"sqlite:///{path}"
                else:
                    url, existed = ensure_database(base, f"sw_bench_{size}")
                print(f"{backend} {size} articles ({url})", flush=True)
                engine = open_store(url)
                if not (args.reuse and existed):
                    if existed:
                        raise SystemExit(f"{url} exists: give --reuse or remove it")
                    rates[(backend, size)] = store(engine, size, args.batch)
                results[(backend, size)] = ask(engine, args.queries, size)
                engine.dispose()
    print("\nbackend   articles  " + "  ".join(f"{q + ' p50/p99':>22}" for q in QUESTIONS))
    for (backend, size), found in results.items():
        cells = "  ".join(f"{found[q][0]:9.1f} /{found[q][1]:7.1f} ms" for q in QUESTIONS)
        print(f"{backend:9} {size:8}  {cells}")
    if len(sizes) >= 2:
        small, large = sizes[-2], sizes[-1]
        for backend in args.backends.split(","):
            a, b = results[(backend, small)], results[(backend, large)]
            growth = ", ".join(f"{q} {b[q][0] / a[q][0]:.2f}x" for q in QUESTIONS)
            print(f"growth of p50 {small} -> {large} on {backend}: {growth}")


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
