"""How extraction time and memory grow with one article's size (issue 14).

    python -m benchmarks.extract_growth [--sizes 60,125,250,500,1000] [--unterminated]

Each size (in kB of text) is a generated FICTIONAL article: paragraphs of quoted
reactions by invented people at invented trusts and boards, role sentences, bare "the
Trust" / "the Board" references and appointments, repeated with varied names (and with
`--unterminated`, an opening quote mark that is never closed). Each article is extracted
in a fresh subprocess with the per-article budget lifted, so the numbers are the
extractor's, not the budget's. Printed per size: characters, wall-clock and CPU seconds
(CPU time is what to compare on a shared machine), peak memory (the subprocess's maximum
resident set size) and, from the second size on, the growth ratio per doubling of size of
each (2.0 = linear: twice the text, twice the time; memory is counted above the loaded
model).
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import random
import resource
import subprocess
import sys
import time

FIRST = ("Oona", "Rafe", "Tamsin", "Idris", "Marigold", "Casimir", "Wenna", "Lorcan", "Ysolde")
LAST = ("Brightwell", "Ollerton", "Pennycress", "Stanhope", "Quarrie", "Fenwick", "Tallis")
PLACES = ("Saltmarsh", "Eelbrook", "Tidewell", "Harrowfield", "Copperdene", "Wrenford")
KINDS = (
    "Community Health NHS Trust",
    "Integrated Care Board",
    "Hospitals NHS Foundation Trust",
    "Care Partnership",
)
ROLES = ("chief executive", "chair", "medical director", "director of nursing")


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _org(rng: random.Random) -> str:
    return f"{rng.choice(PLACES)} {rng.choice(KINDS)}"


def paragraph(rng: random.Random) -> str:
    """One paragraph of an invented health news story."""
    who, org, role = _name(rng), _org(rng), rng.choice(ROLES)
    shapes = (
        f'{who}, {role} of {org}, said: "The Trust has worked hard with partners this year '
        f'and we are proud of what our staff have done for patients."',
        f'"We welcome the decision," said {who}, {role} at {org}. "The Board will set out '
        f'its plans in the spring."',
        f"{org} has appointed {who} as its new {role}. {who.split()[0]} joins from "
        f"{_org(rng)} and takes up the post in October.",
        f"The Board of {org} met on Tuesday. The Trust said waiting lists had fallen, and "
        f"the ICB confirmed its funding for the next two years.",
        f"{who} said the Trust was concerned about staffing, adding that the Board would "
        f"review the figures before the next meeting.",
    )
    return rng.choice(shapes)


def make_article(kilobytes: int, unterminated: bool = False, seed: int = 14) -> str:
    """A fictional article of about `kilobytes` kB of text."""
    rng = random.Random(seed)
    parts = ["Saltmarsh trust names new chief executive", "By Staff Reporter"]
    if unterminated:
        parts.append('Ysolde Quarrie, chair of Wrenford Care Partnership, said: "We begin')
    size = sum(len(p) + 2 for p in parts)
    while size < kilobytes * 1000:
        p = paragraph(rng)
        parts.append(p)
        size += len(p) + 2
    return "\n\n".join(parts) + "\n"


def measure(kilobytes: int, unterminated: bool) -> dict[str, float]:
    """Extract one generated article in this process (called in a fresh subprocess)."""
    import os

    os.environ["SECTORWATCH_EXTRACT_MAX_CHARS"] = str(4_000_000)
    os.environ["SECTORWATCH_EXTRACT_MAX_SECONDS"] = str(3600)
    from sectorwatch.extract import Extractor
    from sectorwatch.ingest.text import read_text

    article = read_text(make_article(kilobytes, unterminated), f"generated-{kilobytes}kB.txt")
    extractor = Extractor()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), time.process_time()
    extraction = extractor.extract(article)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "kb": kilobytes,
        "chars": len(article.text),
        "seconds": seconds,
        "cpu": cpu,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "loaded_mb": before,
        "quotes": len(extraction.quotes),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="60,125,250,500,1000", help="kB, comma-separated")
    parser.add_argument("--unterminated", action="store_true", help="open a quote, never close")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure(args.one, args.unterminated)))
        return
    print(f"# {platform.platform()}, Python {platform.python_version()}")
    print(
        "| kB | characters | quotes | wall s | CPU s | peak MB "
        "| per doubling: wall | CPU | memory over the loaded model |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    rows: list[dict[str, float]] = []
    for kb in (int(s) for s in args.sizes.split(",")):
        command = [sys.executable, "-m", "benchmarks.extract_growth", "--one", str(kb)]
        if args.unterminated:
            command.append("--unterminated")
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        row = json.loads(out.strip().splitlines()[-1])
        ratios = ["", "", ""]
        if rows:
            prev = rows[-1]
            doublings = math.log2(row["chars"] / prev["chars"])
            growth = [
                row["seconds"] / prev["seconds"],
                row["cpu"] / prev["cpu"],
                (row["peak_mb"] - row["loaded_mb"]) / max(prev["peak_mb"] - prev["loaded_mb"], 1),
            ]
            ratios = [f"{g ** (1 / doublings):.2f}" for g in growth]
        rows.append(row)
        print(
            f"| {kb} | {row['chars']:,} | {row['quotes']} | {row['seconds']:.1f} | "
            f"{row['cpu']:.1f} | {row['peak_mb']:.0f} | {' | '.join(ratios)} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
