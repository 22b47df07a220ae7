"""Extraction speed and memory, in one run: Sectorwatch's full extract, textacy's
`direct_quotations`, and the bare-spaCy floor (the same components as Sectorwatch's
pipeline, no stages of ours), each in a fresh subprocess on the same bodies.

    python -m benchmarks.extract_speed [--articles 500] [--corpus samples|realdev]
        [--batch-size 16] [--choices] [--parse-alone] [--rounds 1]

Corpus `samples` (default): samples/articles (text and HTML, read by `sectorwatch.ingest`)
plus the seeds in ../shared/seeds; `realdev`: the real article bodies of
../shared/realdev/articles, their header block removed, read in memory only (never copied).
Either is repeated until it holds at least --articles articles.

- The floor loads Sectorwatch's `Extractor` and times only `extractor.nlp.pipe` over the
  bodies, so its components are whatever the Extractor runs (read from its `nlp`, printed),
  whatever the extraction code chooses.
- Our own stages' share = (Sectorwatch's time - the floor's time) / Sectorwatch's time:
  everything the extract does beyond the one spaCy pass (the rules, and any extra parsing
  the stages do themselves).
- Throughput counts extraction only (model loading is reported apart); peak memory is each
  subprocess's maximum resident set size. Each engine's CPU seconds (user + system) are
  printed beside its wall-clock seconds, and the ratios are given on both: on a shared,
  busy machine the CPU ratio is the steadier one.
- `--choices` adds the spaCy component choices the extractor did not take (issue 10): the
  tok2vec and tagger over every article as well (the choice before this one), and the whole
  pipeline, parser included, over every article (the rules' on-demand parse still runs, so
  this bounds parsing everything from below).
- `--parse-alone` adds Sectorwatch with each on-demand sentence parse run alone, one
  article after another (before `extract/parse_batches.py`, which parses the sentences
  the stages of one spaCy batch ask for together): the same output, to measure the gain.
- textacy runs the full pipeline as spaCy loads it (thinc's BLIS for its matrices:
  `textacy`), and again with the BLAS choice Sectorwatch's pipeline makes (numpy's, one
  thread: `textacy-numpy`, `sectorwatch.nlp`), so the ratio to each is printed: how much
  of the gap is that choice, and how much the components and the rules.
- The batch size is the `nlp.pipe` batch of Sectorwatch and the floor (16, as `extract` and
  the workers use; textacy runs with the same).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "samples" / "articles", ROOT.parent / "shared" / "seeds"]
REALDEV = ROOT.parent / "shared" / "realdev" / "articles"
HEADERS = ("URL", "DATE", "PUBLISHER", "NOTE")
ENGINES = ("sectorwatch", "floor", "textacy", "textacy-numpy")
PARSE_ALONE = "parse-alone"
CHOICES = {
    "with-tagger": ["parser"],  # left out of the whole-article pass
    "parse-all": [],
}


def _realdev() -> list[Any]:
    """The realdev bodies, read by `sectorwatch.ingest` from a temporary folder (outside the
    repository, removed at once)."""
    import tempfile

    from sectorwatch.ingest import read_paths
    from sectorwatch.model import Article

    with tempfile.TemporaryDirectory() as folder:
        for path in sorted(REALDEV.glob("*.txt")):
            lines = path.read_text(encoding="utf-8").split("\n")
            i = 0
            while i < len(lines) and lines[i].split(":")[0] in HEADERS:
                i += 1
            body = "\n".join(lines[i:]).lstrip("\n")
            (Path(folder) / path.name).write_text(body, encoding="utf-8")
        return [a for a in read_paths([folder]) if isinstance(a, Article)]


def build_corpus(size: int, corpus: str = "samples") -> list[Any]:
    from sectorwatch.ingest import read_paths
    from sectorwatch.model import Article

    if corpus == "realdev":
        base = _realdev()
    else:
        paths = [str(p) for p in SOURCES if p.is_dir()]
        base = [a for a in read_paths(paths) if isinstance(a, Article)]
    if not base:
        raise SystemExit(f"no articles found for corpus {corpus!r}")
    return [base[i % len(base)] for i in range(max(size, len(base)))]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_sectorwatch(
    size: int, corpus_name: str, batch: int, stages: bool, choice: str | None = None
) -> dict[str, Any]:
    """The full extract (stages=True) or only its spaCy pass (stages=False, the floor);
    `choice` (a key of CHOICES) runs the full extract with other components over articles."""
    from sectorwatch.extract import Extractor

    corpus = build_corpus(size, corpus_name)
    t0 = time.perf_counter()
    extractor = Extractor(batch_size=batch)
    if choice == PARSE_ALONE:
        extractor.parse = getattr(extractor.parse, "parser", extractor.parse)
    elif choice is not None:
        extractor.on_demand = CHOICES[choice]
    loaded = time.perf_counter()
    cpu0 = cpu_s()
    if stages:
        quotes = sum(len(e.quotes) for e in extractor.extract_many(corpus))
    else:
        quotes = 0
        texts = (a.body_text() for a in corpus)  # the same pass: on-demand components left out
        for _ in extractor.nlp.pipe(texts, batch_size=batch, disable=extractor.on_demand):
            pass
    done = time.perf_counter()
    cpu = cpu_s() - cpu0
    whole = [n for n in extractor.nlp.pipe_names if n not in extractor.on_demand]
    later = f"; {','.join(extractor.on_demand)} on demand" if extractor.on_demand else ""
    return {
        "articles": len(corpus),
        "quotes": quotes,
        "load_s": loaded - t0,
        "seconds": done - loaded,
        "cpu_s": cpu,
        "peak_mb": peak_mb(),
        "components": ",".join(whole) + (f" over articles{later}" if stages else ""),
    }


def run_textacy(size: int, corpus_name: str, batch: int, numpy_blas: bool) -> dict[str, Any]:
    from textacy.extract.triples import direct_quotations

    from sectorwatch.nlp import load_pipeline

    corpus = build_corpus(size, corpus_name)
    t0 = time.perf_counter()
    # the full pipeline (textacy needs the parse), as spaCy loads it or with our BLAS choice
    nlp = load_pipeline("en_core_web_sm", numpy_blas=numpy_blas)
    loaded = time.perf_counter()
    cpu0 = cpu_s()
    quotes = bailed = 0
    for doc in nlp.pipe((a.body_text() for a in corpus), batch_size=batch):
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
        "cpu_s": cpu_s() - cpu0,
        "peak_mb": peak_mb(),
        "components": ",".join(nlp.pipe_names),
        "bailed": bailed,
    }


def in_subprocess(engine: str, args: argparse.Namespace) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.extract_speed", "--engine", engine]
        + ["--articles", str(args.articles), "--corpus", args.corpus]
        + ["--batch-size", str(args.batch_size)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--corpus", choices=["samples", "realdev"], default="samples")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument(
        "--choices", action="store_true", help="also time the component choices not taken"
    )
    parser.add_argument(
        "--parse-alone",
        action="store_true",
        help="also time the extract with each on-demand parse alone (no parse batches)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run every engine this many times, one round after another, with the medians",
    )
    parser.add_argument(
        "--engine", choices=ENGINES + tuple(CHOICES) + (PARSE_ALONE,), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.engine:
        if args.engine.startswith("textacy"):
            numpy_blas = args.engine == "textacy-numpy"
            found = run_textacy(args.articles, args.corpus, args.batch_size, numpy_blas)
        else:
            choice = args.engine if args.engine in (*CHOICES, PARSE_ALONE) else None
            stages = args.engine != "floor"
            found = run_sectorwatch(args.articles, args.corpus, args.batch_size, stages, choice)
        print(json.dumps(found))
        return
    engines = ENGINES + (tuple(CHOICES) if args.choices else ())
    engines += (PARSE_ALONE,) if args.parse_alone else ()
    summary = []
    for i in range(args.rounds):  # every engine once a round, in the same order
        if args.rounds > 1:
            print(f"round {i + 1} of {args.rounds}")
        summary.append(report({engine: in_subprocess(engine, args) for engine in engines}, args))
    if args.rounds > 1:
        for name, target, form in (
            ("ratio to textacy", ">= 1.6", "{:.2f}"),
            ("share", "<= 30%", "{:.0%}"),
        ):
            values = [r[name] for r in summary]
            listed = ", ".join(form.format(v) for v in values)
            median = form.format(statistics.median(values))
            print(f"CPU {name}: median {median} ({listed}; target {target})")


def report(results: dict[str, dict[str, Any]], args: argparse.Namespace) -> dict[str, float]:
    """Print one round; its CPU ratio to textacy and our stages' CPU share."""
    print(
        f"python {platform.python_version()}, {platform.machine()}, corpus {args.corpus} "
        f"{args.articles}+ articles, nlp.pipe batch {args.batch_size}, load average "
        + " ".join(f"{x:.1f}" for x in os.getloadavg())
    )
    for engine, r in results.items():
        rate = r["articles"] / r["seconds"]
        quotes = f"{r['quotes']} quotes, " if engine != "floor" else ""
        print(
            f"{engine:13} {r['articles']} articles in {r['seconds']:.1f}s "
            f"(CPU {r['cpu_s']:.1f}s) = {rate:.1f} articles/s, {quotes}peak "
            f"{r['peak_mb']:.0f} MB (model load {r['load_s']:.1f}s; {r['components']})"
        )
    sw, floor, tx = results["sectorwatch"], results["floor"], results["textacy"]
    txn = results["textacy-numpy"]
    measured: dict[str, float] = {}
    for clock, key in (("wall", "seconds"), ("CPU", "cpu_s")):
        ratio = (sw["articles"] / sw[key]) / (tx["articles"] / tx[key])
        ratio_numpy = (sw["articles"] / sw[key]) / (txn["articles"] / txn[key])
        own = (sw[key] - floor[key]) / sw[key]
        print(
            f"{clock:4}: throughput ratio sectorwatch/textacy {ratio:.2f} (target >= 1.6; "
            f"{ratio_numpy:.2f} to textacy-numpy); floor/sectorwatch time "
            f"{floor[key] / sw[key]:.2f}; share of time in our own stages {own:.0%} "
            "(target <= 30%)"
        )
        if clock == "CPU":
            measured = {"ratio to textacy": ratio, "share": own}
    for choice in CHOICES if args.choices else ():
        r = results[choice]
        print(
            f"{choice}: sectorwatch's throughput is {r['seconds'] / sw['seconds']:.2f}x "
            f"(CPU {r['cpu_s'] / sw['cpu_s']:.2f}x) this choice's; peak {r['peak_mb']:.0f} MB"
        )
    if args.parse_alone:
        r, floor_s, floor_cpu = results[PARSE_ALONE], floor["seconds"], floor["cpu_s"]
        print(
            f"{PARSE_ALONE}: sectorwatch's throughput is {r['seconds'] / sw['seconds']:.2f}x "
            f"(CPU {r['cpu_s'] / sw['cpu_s']:.2f}x) this one's; our own stages' time "
            f"{(sw['cpu_s'] - floor_cpu) / (r['cpu_s'] - floor_cpu):.2f}x (CPU; wall "
            f"{(sw['seconds'] - floor_s) / (r['seconds'] - floor_s):.2f}x); the same "
            f"{r['quotes']} quotes"
        )
    print(f"peak memory per process: sectorwatch {sw['peak_mb']:.0f} MB (target < 400 MB)")
    return measured


if __name__ == "__main__":
    main()
