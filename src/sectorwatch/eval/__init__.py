"""Scoring extractions against gold files, as extraction-output.md "How it is scored" says.

golds = load_gold("samples/gold")
evaluation = evaluate(golds, predictions)   # contract dicts, one per article
evaluation.totals["direct"].f1
"""

from sectorwatch.eval.gold import Gold, load_gold, load_predictions
from sectorwatch.eval.scoring import METRICS, Counts, DocumentScore, Evaluation, evaluate

__all__ = [
    "METRICS",
    "Counts",
    "DocumentScore",
    "Evaluation",
    "Gold",
    "evaluate",
    "load_gold",
    "load_predictions",
]
