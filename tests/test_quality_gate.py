"""The evaluation gate: the real pipeline on each gold set must stay at or above the floors
in tests/quality_floors.json (the last entry of its history), and floors never go down.
A set marked `"report_only": true` (the held-out samples) is scored and printed, never
floored: tuning to it would spoil it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from sectorwatch.eval import report
from sectorwatch.eval.floors import below_floors, floors_going_down

ROOT = Path(__file__).resolve().parents[1]
FLOORS_FILE = Path(__file__).with_name("quality_floors.json")
FLOORS = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
FLOORED = sorted(name for name, paths in FLOORS["sets"].items() if not paths.get("report_only"))


def test_floors_only_ever_go_up():
    assert floors_going_down(FLOORS["history"]) == []


def test_every_gold_set_has_floors_for_every_metric():
    from sectorwatch.eval import METRICS

    current = FLOORS["history"][-1]["floors"]
    assert set(current) == set(FLOORED)
    for floors in current.values():
        assert set(floors) == {*METRICS, "false_quotes_max"}


def _table(evaluation, title: str) -> str:
    out = io.StringIO()
    console = Console(file=out, width=120, color_system=None)
    console.print(report.totals_table(evaluation, title=title))
    console.print(report.documents_table(evaluation))
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(FLOORS["sets"]))
def test_quality_is_at_or_above_the_floors(name, extractor):
    paths = FLOORS["sets"][name]
    gold_dir, articles = ROOT / paths["gold"], ROOT / paths["articles"]
    if not gold_dir.is_dir() or not any(gold_dir.glob("*.json")):
        pytest.skip(f"no gold files in {paths['gold']}")
    if not articles.is_dir():
        pytest.skip(f"{paths['articles']} is not here")
    from sectorwatch.eval.predict import evaluate_paths

    evaluation = evaluate_paths(gold_dir, [articles], extractor)
    table = _table(evaluation, f"{name}: {paths['gold']} on {paths['articles']}")
    print(table)
    if paths.get("report_only"):
        assert name not in FLOORS["history"][-1]["floors"]
        return
    failures = below_floors(evaluation, FLOORS["history"][-1]["floors"][name])
    assert not failures, "\n".join([*failures, table])
