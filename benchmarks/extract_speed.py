"""Extraction speed and memory: the full Sectorwatch extractor against textacy's
`direct_quotations` on the same spaCy pipeline, each in a fresh subprocess.

    python -m benchmarks.extract_speed [--articles 500]

The corpus is samples/articles (text and HTML, read by `sectorwatch.ingest`) plus the
seeds in ../shared/seeds, repeated until it holds at least --articles articles. Both
engines see the same body text. Throughput counts extraction only (model loading is
reported apart); peak memory is the subprocess's maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "samples" / "articles", ROOT.parent / "shared" / "seeds"]


def build_corpus(size: int):  # type: ignore[no-untyped-def]
    from sectorwatch.ingest import read_paths
    from sectorwatch.model import Article

    paths = [str(p) for p in SOURCES if p.is_dir()]
    base = [a for a in read_paths(paths) if isinstance(a, Article)]
    if not base:
        raise SystemExit("no articles found under samples/articles or ../shared/seeds")
    return [base[i % len(base)] for i in range(max(size, len(base)))]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_sectorwatch(size: int) -> dict[str, float]:
    from sectorwatch.extract import Extractor

    corpus = build_corpus(size)
    t0 = time.perf_counter()
    extractor = Extractor()
    loaded = time.perf_counter()
    quotes = sum(len(e.quotes) for e in extractor.extract_many(corpus))
    done = time.perf_counter()
    return {
        "articles": len(corpus),
        "quotes": quotes,
        "load_s": loaded - t0,
        "seconds": done - loaded,
        "peak_mb": peak_mb(),
        "components": ",".join(extractor.nlp.pipe_names),
    }  # type: ignore[dict-item]


def run_textacy(size: int) -> dict[str, float]:
    from textacy.extract.triples import direct_quotations

    from sectorwatch.nlp import load_pipeline

    corpus = build_corpus(size)
    t0 = time.perf_counter()
    nlp = load_pipeline("en_core_web_sm")  # the full pipeline: textacy needs the parse
    loaded = time.perf_counter()
    quotes = bailed = 0
    for doc in nlp.pipe((a.body_text() for a in corpus), batch_size=64):
        try:
            quotes += sum(1 for _ in direct_quotations(doc))
        except ValueError:  # textacy gives up on an odd number of quote marks
            bailed += 1
    done = time.perf_counter()
    return {
        "articles": len(corpus),
        "quotes": quotes,
        "load_s": loaded - t0,
        "seconds": done - loaded,
        "peak_mb": peak_mb(),
        "components": ",".join(nlp.pipe_names),
        "bailed": bailed,
    }  # type: ignore[dict-item]


def in_subprocess(engine: str, size: int) -> dict[str, float]:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.extract_speed",
            "--engine",
            engine,
            "--articles",
            str(size),
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--engine", choices=["sectorwatch", "textacy"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.engine:
        run = run_sectorwatch if args.engine == "sectorwatch" else run_textacy
        print(json.dumps(run(args.articles)))
        return
    results = {
        engine: in_subprocess(engine, args.articles) for engine in ("sectorwatch", "textacy")
    }
    print(
        f"python {platform.python_version()}, {platform.machine()}, "
        f"corpus {args.articles}+ articles"
    )
    for engine, r in results.items():
        rate = r["articles"] / r["seconds"]
        print(
            f"{engine:12} {r['articles']} articles in {r['seconds']:.1f}s = {rate:.1f} articles/s, "
            f"{r['quotes']} quotes, peak {r['peak_mb']:.0f} MB (model load {r['load_s']:.1f}s; "
            f"{r['components']})"
        )
    sw, tx = results["sectorwatch"], results["textacy"]
    ratio = (sw["articles"] / sw["seconds"]) / (tx["articles"] / tx["seconds"])
    print(f"throughput ratio sectorwatch/textacy: {ratio:.2f}")


if __name__ == "__main__":
    main()
