"""Ingest speed with 1 and 2 local workers and with Dask, `extract` with 1 process and 2
workers, peak memory per worker, and a projection for 10 million articles. Not a test: run
it on a quiet machine.

    .venv/bin/python -m benchmarks.ingest_scale [--articles 1000] [--price 0.68] [--no-dask]
        [--no-extract] [--rounds 1]

The corpus is the sample articles (samples/articles/*.txt) repeated, each copy given a
distinct id by a numbered closing line (so none is `unchanged`; most copies are still
linked as near-duplicates of the first, and that linking is part of the measured work),
written as 8 JSONL shards. The default of 1,000 articles is enough to repay starting the
workers (each loads spaCy, about 4 s). Every configuration reads the same shards into a
fresh SQLite store, in its own process, so peak memory is measured per run. The parent's
CPU time per article is printed too (reading, the resumability check, writing and
near-duplicate links; with 1 worker, extraction as well): with 2 workers on 2 cores it is
what the workers lose to the single writer. With `--rounds N` every configuration runs N
times, round after round, and each ratio is printed for every round with its median: on a
machine whose speed drifts within minutes one round's ratio is not enough (BENCHMARKS.md,
2026-12-03).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "articles"


def write_corpus(folder: Path, articles: int, shards: int = 8) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    files = [open(folder / f"shard-{s:02d}.jsonl", "w", encoding="utf-8") for s in range(shards)]
    for n in range(articles):
        text = texts[n % len(texts)] + f"\n\nBenchmark copy {n}: reference {n * 7919}.\n"
        record = {"url": f"https://bench.example/{n}", "text": text}
        files[n % shards].write(json.dumps(record) + "\n")
    for f in files:
        f.close()


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_one(engine: str, workers: int, corpus: Path, db: Path) -> dict[str, float]:
    """One configuration, in this process; prints nothing, returns the measures."""
    from sectorwatch.ingest.options import ReadOptions
    from sectorwatch.scale import ingest_paths
    from sectorwatch.scale.workers import ScaleOptions

    options = ScaleOptions(workers=workers, batch_size=32)
    url = f"sqlite:///{db}"
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    if engine == "extract":  # `sectorwatch extract --workers N`: nothing stored
        from sectorwatch.extract import Extractor
        from sectorwatch.extract.batch import extract_paths
        from sectorwatch.ingest.paths import read_paths
        from sectorwatch.model import Extraction
        from sectorwatch.scale.workers import SPACY_BATCH, extract_in_workers

        cluster_up = started
        if workers > 1:
            items = extract_in_workers(read_paths([str(corpus)]), workers)
        else:
            items = extract_paths([str(corpus)], Extractor(batch_size=SPACY_BATCH))
        extracted = sum(1 for item in items if isinstance(item, Extraction))
        done = time.perf_counter()
        who = resource.RUSAGE_CHILDREN if workers > 1 else resource.RUSAGE_SELF
        worker_rss = resource.getrusage(who).ru_maxrss / 1024
        return {
            "articles": extracted,
            "parent_cpu_ms_per_article": (_cpu_seconds() - cpu_before) * 1000 / extracted,
            "seconds": done - started,
            "seconds_without_cluster_start": done - started,
            "articles_per_s": extracted / (done - started),
            "peak_worker_rss_mib": worker_rss,
        }
    if engine == "dask":
        from dask.distributed import Client, LocalCluster

        with LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            cluster_up = time.perf_counter()
            counts = ingest_paths(
                [str(corpus)], url, ReadOptions(), options, "dask", cluster.scheduler_address, True
            )
            done = time.perf_counter()
            with Client(cluster) as client:
                worker_rss = max(client.run(_peak_rss_mib).values())
    else:
        cluster_up = started
        counts = ingest_paths([str(corpus)], url, ReadOptions(), options, "local", None, True)
        done = time.perf_counter()
        who = resource.RUSAGE_CHILDREN if workers > 1 else resource.RUSAGE_SELF
        worker_rss = resource.getrusage(who).ru_maxrss / 1024
    return {
        "articles": counts.ingested,
        "parent_cpu_ms_per_article": (_cpu_seconds() - cpu_before) * 1000 / counts.ingested,
        "seconds": done - started,
        "seconds_without_cluster_start": done - cluster_up,
        "articles_per_s": counts.ingested / (done - started),
        "peak_worker_rss_mib": worker_rss,
    }


def run_in_subprocess(engine: str, workers: int, corpus: Path, tmp: Path) -> dict[str, float]:
    db = tmp / f"{engine}-{workers}.db"
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)  # a fresh store every run, every round
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.ingest_scale",
            "--one",
            engine,
            "--workers",
            str(workers),
            "--corpus",
            str(corpus),
            "--db",
            str(db),
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def projection(per_core_rate: float, machines: int, cores: int, price: float) -> str:
    articles = 10_000_000
    rate = per_core_rate * cores * machines * 0.9  # 10% lost to scheduling and writes
    hours = articles / rate / 3600
    return (
        f"{machines} machine(s) x {cores} cores: {hours:,.1f} h, "
        f"{hours * machines * price:,.2f} USD at {price:.2f} USD per machine-hour"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--price", type=float, default=0.68, help="USD per machine-hour")
    parser.add_argument("--cores", type=int, default=16, help="cores per projected machine")
    parser.add_argument("--one")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--no-dask", action="store_true", help="local workers only")
    parser.add_argument("--no-extract", action="store_true", help="ingest only")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run every configuration this many times, one round after another; each "
        "round's ratios and their median are printed (a noisy machine's answer)",
    )
    parser.add_argument("--corpus")
    parser.add_argument("--db")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.workers, Path(args.corpus), Path(args.db))))
        return
    rounds = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus = tmp / "corpus"
        write_corpus(corpus, args.articles)
        for _ in range(args.rounds):  # every configuration once a round, in the same order
            results = {
                "local, 1 worker": run_in_subprocess("local", 1, corpus, tmp),
                "local, 2 workers": run_in_subprocess("local", 2, corpus, tmp),
            }
            if not args.no_dask:
                results["dask, 2 workers"] = run_in_subprocess("dask", 2, corpus, tmp)
            if not args.no_extract:
                results["extract, 1 process"] = run_in_subprocess("extract", 1, corpus, tmp)
                results["extract, 2 workers"] = run_in_subprocess("extract", 2, corpus, tmp)
            rounds.append(results)
    print(
        f"corpus: {args.articles} articles, store batch 32, units of 8 to the workers, "
        "fresh SQLite store per run"
    )
    for i, results in enumerate(rounds, 1):
        if len(rounds) > 1:
            print(f"round {i}")
        for name, r in results.items():
            print(
                f"{name:18} {r['articles']:5.0f} articles {r['seconds']:7.1f} s "
                f"{r['articles_per_s']:6.2f} articles/s  "
                f"peak worker RSS {r['peak_worker_rss_mib']:.0f} MiB  "
                f"parent CPU {r['parent_cpu_ms_per_article']:.1f} ms/article"
            )
    each = [ratios(results) for results in rounds]
    for name, target in RATIOS.items():
        values = [r[name] for r in each if name in r]
        if not values:
            continue
        shown = f"{statistics.median(values):.2f}x"
        if len(values) > 1:
            listed = ", ".join(f"{v:.2f}" for v in values)
            shown = f"median {shown} of {len(values)} rounds ({listed})"
        print(f"{name}: {shown} ({target})")
    one = statistics.median(r["local, 1 worker"]["articles_per_s"] for r in rounds)
    for machines in (1, 10, 50):
        print("10M articles, " + projection(one, machines, args.cores, args.price))


RATIOS = {
    "ingest speed-up with 2 workers": "target >= 1.7x",
    "extract speed-up with 2 workers": "target >= 1.7x",
    "dask wall time / local 2 workers": "target <= 1.2x",
    "dask wall time without its cluster start / local 2 workers": "target <= 1.2x",
}


def ratios(results: dict[str, dict[str, float]]) -> dict[str, float]:
    """The ratios of one round, measured in the same minutes (names: RATIOS)."""
    out = {
        "ingest speed-up with 2 workers": results["local, 2 workers"]["articles_per_s"]
        / results["local, 1 worker"]["articles_per_s"]
    }
    if "extract, 2 workers" in results:
        out["extract speed-up with 2 workers"] = (
            results["extract, 2 workers"]["articles_per_s"]
            / results["extract, 1 process"]["articles_per_s"]
        )
    if "dask, 2 workers" in results:
        dask, local = results["dask, 2 workers"], results["local, 2 workers"]
        out["dask wall time / local 2 workers"] = dask["seconds"] / local["seconds"]
        out["dask wall time without its cluster start / local 2 workers"] = (
            dask["seconds_without_cluster_start"] / local["seconds"]
        )
    return out


if __name__ == "__main__":
    main()
