"""Store speed: a generated store of N articles' worth of claims (synthetic extractions of
fictional people and organisations), then p50 timings of who, orgchart and search.

    python -m benchmarks.store_speed [--articles 50000] [--db sqlite:////tmp/bench.db]
    python -m benchmarks.store_speed --reuse --db sqlite:////tmp/bench.db

`--db` is a database URL (four slashes for an absolute SQLite path); without it the store
goes to a new temporary folder. `--reuse` skips generating and storing: it times the
questions only, against a store an earlier run left at `--db` (migrated to the newest
version first). The questions' arguments come from their own seeded generator, so a full
run and a `--reuse` run ask the same questions.

Not a test: run it by hand and record the numbers in BENCHMARKS.md ("Store").
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

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
from sectorwatch.query.search import search
from sectorwatch.query.who import who
from sectorwatch.store import open_store, write_batch

FIRST = "Amara Jonah Priya Dev Hattie Tobias Leonie Marcus Ines Rowan Saskia Idris".split()
LAST = [
    f"{a}{b}"
    for a in "Quist Wren Okafor Lowe Pike Marsh Bello Raman".split()
    for b in "ton ley ford by".split()
]
PLACES = (
    "Fernleigh Marlow Kestrel Harlow Eastbrook Tennby Saltmarsh Wendover Riverside Northfield"
).split()
KINDS = ["Health Board", "Hospitals NHS Foundation Trust", "Care Alliance", "Integrated Care Board"]
ROLES = [
    "chief executive",
    "chair",
    "chief operating officer",
    "medical director",
    "finance director",
]
WORDS = (
    "integrated care waiting lists funding workforce winter pressures social care reform patients"
).split()


def organisations() -> list[str]:
    return [f"{p} {k}" for p in PLACES for k in KINDS] * 1 + [
        f"{p} {q} {k}" for p in PLACES for q in PLACES[:5] for k in KINDS
    ]


def synthetic(n: int, rng: random.Random, orgs: list[str]) -> Extraction:
    person, other = (f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(2))
    org, other_org = rng.choice(orgs), rng.choice(orgs)
    role = rng.choice(ROLES)
    said = " ".join(rng.choice(WORDS) for _ in range(12))
    lines = [
        f"Article {n}: {person} named {role} of {org}",
        f"{person}, {role} of {org}, was appointed this week.",
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
            RoleFact(person, role, org, "current", offsets[1][0], offsets[1][1], evidence=ev(1)),
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
                person=person,
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


def p50(fn, args_list) -> float:  # type: ignore[no-untyped-def]
    timings = []
    for args in args_list:
        start = time.perf_counter()
        fn(*args)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--db", default=None)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--reuse", action="store_true", help="time the questions on the store at --db only"
    )
    args = parser.parse_args()
    if args.reuse and not args.db:
        parser.error("--reuse needs --db (the store an earlier run left)")
    db = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    engine = open_store(db, create=not args.reuse)
    orgs = organisations()
    print(f"store: {db}")
    print(f"machine: {platform.node()} {platform.machine()} {platform.python_version()}")
    if not args.reuse:
        store(engine, args.articles, args.batch, orgs)
    ask(engine, args.queries, orgs)


def store(engine: Engine, articles: int, batch_size: int, orgs: list[str]) -> None:
    """Generate and store `articles` synthetic extractions, printing the storage rate."""
    rng = random.Random(7)
    build_time, write_time, batch = 0.0, 0.0, []
    for n in range(articles):
        t = time.perf_counter()
        batch.append(synthetic(n, rng, orgs))
        build_time += time.perf_counter() - t
        if len(batch) == batch_size:
            t = time.perf_counter()
            write_batch(engine, batch)
            write_time += time.perf_counter() - t
            batch = []
    if batch:
        t = time.perf_counter()
        write_batch(engine, batch)
        write_time += time.perf_counter() - t
    print(
        f"articles: {articles}, storage step: {articles / write_time:.0f} articles/s "
        f"({write_time:.1f} s writing, {build_time:.1f} s generating)"
    )


def ask(engine: Engine, q: int, orgs: list[str]) -> None:
    """p50 timings of `q` calls each of who, orgchart and search (fixed seed)."""
    rng = random.Random(11)
    picks = [
        (engine, rng.choice(orgs), rng.choice(ROLES), f"20{rng.randrange(15, 25)}-06-01")
        for _ in range(q)
    ]
    print(f"who p50: {p50(who, picks):.1f} ms")
    charts = [(engine, rng.choice(orgs), f"20{rng.randrange(15, 25)}") for _ in range(q)]
    print(f"orgchart p50: {p50(orgchart, charts):.1f} ms")
    texts = [(engine, " ".join(rng.sample(WORDS, 2))) for _ in range(q)]
    print(f"search p50: {p50(search, texts):.1f} ms")


if __name__ == "__main__":
    main()
