"""How fast the commands answer, with the installed bytecode and without it.

    python -m benchmarks.command_speed [--runs 5] [--articles 5000]

Times, as a user starting each command from the shell would see them (wall time of a new
process, and its CPU time, which a busy machine does not inflate; median of --runs):

- `sectorwatch --help`;
- `sectorwatch who ORG --role chair --json` on a synthetic store of --articles articles
  (benchmarks.store_speed's generator, written once to a temporary folder);
- `sectorwatch extract ONE-ARTICLE` (model loading included).

Each runs twice: as installed (`make install` compiles the bytecode), and with
PYTHONPYCACHEPREFIX pointing at an empty folder, so that Python finds no bytecode and
compiles every module it imports in memory, as it did before the install compiled it. The
ratio of the two is printed. Warm disk: every command runs once before it is timed. Also
`python -X importtime` of the `who` command's imports, the ten heaviest. Not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "samples" / "articles" / "t01_oyelaran_leaves_nhia_reacts.txt"


def sectorwatch(*args: str) -> list[str]:
    return [sys.executable, "-c", "from sectorwatch.cli.main import main; main()", *args]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median (wall seconds, CPU seconds) of `runs` runs, after one untimed run. On a busy
    machine the CPU time is the figure to compare: the wall time waits for the cores."""
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), _children_cpu()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
        cpus.append(_children_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def heaviest_imports(cmd: list[str], env: dict[str, str], top: int = 10) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-X", "importtime", *cmd[1:]], env=env, capture_output=True, text=True
    )
    rows = []
    for line in out.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line.split("|")
            if cumulative.strip().isdigit():
                rows.append((int(cumulative), name.rstrip()))
    return [f"{us / 1000:7.1f} ms {name}" for us, name in sorted(rows, reverse=True)[:top]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--articles", type=int, default=5000)
    args = parser.parse_args()
    from benchmarks.store_speed import Universe, store
    from sectorwatch.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{Path(tmp) / 'store.db'}"
        engine = open_store(db)
        store(engine, args.articles, 500)
        engine.dispose()
        org = Universe.of(args.articles).orgs[0]
        commands = {
            "sectorwatch --help": sectorwatch("--help"),
            "sectorwatch who ... --json": sectorwatch(
                "who", org, "--role", "chair", "--json", "--db", db
            ),
            "sectorwatch extract ARTICLE": sectorwatch("extract", str(ARTICLE)),
        }
        installed = dict(os.environ)
        installed.pop("PYTHONPYCACHEPREFIX", None)
        empty = Path(tmp) / "no-bytecode"
        empty.mkdir()
        bare = {**installed, "PYTHONPYCACHEPREFIX": str(empty), "PYTHONDONTWRITEBYTECODE": "1"}
        print(f"median of {args.runs} runs, warm disk, store of {args.articles} articles")
        print(
            f"{'command':30} {'wall, bytecode':>15} {'CPU':>6} {'wall, none':>11} {'CPU':>6}"
            f" {'CPU ratio':>9}"
        )
        for name, cmd in commands.items():
            (wall, cpu), (bare_wall, bare_cpu) = (
                timed(cmd, installed, args.runs),
                timed(cmd, bare, args.runs),
            )
            print(
                f"{name:30} {wall:14.2f}s {cpu:5.2f}s {bare_wall:10.2f}s {bare_cpu:5.2f}s"
                f" {bare_cpu / cpu:8.1f}x"
            )
        print("heaviest imports of `who` (cumulative, with bytecode):")
        for row in heaviest_imports(commands["sectorwatch who ... --json"], installed):
            print("  " + row)


if __name__ == "__main__":
    main()
