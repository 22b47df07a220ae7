"""Quality floors: the least precision, recall and F1 (and the most false quotes) allowed on
a gold set, kept as a history in which floors only go up and ceilings only go down.

Floors of one set: {"direct": {"precision": 0.6, "recall": 0.5, "f1": 0.55}, ...,
"false_quotes_max": 10}. See tests/quality_floors.json.
"""

from __future__ import annotations

from typing import Any

from sectorwatch.eval.scoring import Evaluation

CEILING = "false_quotes_max"
Floors = dict[str, Any]


def below_floors(evaluation: Evaluation, floors: Floors) -> list[str]:
    """One line for each measure below its floor, or above its ceiling; empty when all pass."""
    failures = []
    totals = evaluation.totals
    for metric, measures in floors.items():
        if metric == CEILING:
            continue
        for measure, floor in measures.items():
            value = getattr(totals[metric], measure)
            if value < floor:
                failures.append(f"{metric} {measure} {value:.3f} is below its floor {floor}")
    ceiling = floors.get(CEILING)
    if ceiling is not None and evaluation.false_quote_count > ceiling:
        failures.append(f"{evaluation.false_quote_count} false quotes, more than {ceiling}")
    return failures


def _lowered(older: Floors, newer: Floors, where: str) -> list[str]:
    problems = []
    for metric, measures in older.items():
        if metric == CEILING:
            before, after = measures, newer.get(CEILING)
            if before is not None and (after is None or after > before):
                problems.append(f"{where}: {CEILING} went up from {before} to {after}")
            continue
        for measure, floor in measures.items():
            now = newer.get(metric, {}).get(measure)
            if now is None or now < floor:
                problems.append(f"{where}: {metric} {measure} went down from {floor} to {now}")
    return problems


def floors_going_down(history: list[dict[str, Any]]) -> list[str]:
    """Every floor lowered (or dropped) and every ceiling raised between consecutive entries
    of a floors history (each entry: {"date", "note", "floors": {set: Floors}})."""
    problems = []
    for older, newer in zip(history, history[1:], strict=False):
        for name, floors in older["floors"].items():
            where = f"{name} on {newer.get('date')}"
            if name not in newer["floors"]:
                problems.append(f"{where}: the set's floors were dropped")
                continue
            problems += _lowered(floors, newer["floors"][name], where)
    return problems
