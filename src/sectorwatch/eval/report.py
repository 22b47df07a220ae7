"""An evaluation as JSON-ready data, as a Rich table, and as a list of errors per document."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from sectorwatch.eval.scoring import (
    METRICS,
    Counts,
    DocumentScore,
    Evaluation,
    Item,
    same_speaker,
)

SHORT_LABELS = {
    "direct": "direct",
    "direct_attributed": "dir+spk",
    "indirect_attributed": "ind+spk",
    "roles": "roles",
    "events": "events",
}
LABELS = {
    "direct": "direct quotes",
    "direct_attributed": "direct attributed",
    "indirect_attributed": "indirect attributed",
    "roles": "roles",
    "events": "events",
}


def counts_json(counts: Counts) -> dict[str, Any]:
    return {
        "gold": counts.gold,
        "predicted": counts.predicted,
        "matched": counts.matched,
        "precision": round(counts.precision, 4),
        "recall": round(counts.recall, 4),
        "f1": round(counts.f1, 4),
    }


def _document_json(doc: DocumentScore, with_errors: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "document": doc.document,
        "source": doc.source,
        "metrics": {name: counts_json(doc.metrics[name].counts) for name in METRICS},
        "false_quotes": len(doc.false_quotes),
        "not_quote_hits": [q.get("text") for q in doc.not_quote_hits],
    }
    if with_errors:
        out["errors"] = {
            name: {"missed": doc.metrics[name].missed, "extra": doc.metrics[name].extra}
            for name in METRICS
        }
    return out


def to_json(evaluation: Evaluation, with_errors: bool = False) -> dict[str, Any]:
    """The numbers of the table, per document and in total (micro-averaged)."""
    return {
        "totals": {name: counts_json(c) for name, c in evaluation.totals.items()},
        "false_quotes": evaluation.false_quote_count,
        "documents": [_document_json(d, with_errors) for d in evaluation.documents],
        "missing_predictions": evaluation.missing_documents,
        "predictions_without_gold": evaluation.unmatched_sources,
        "skipped": [{"source": s, "reason": r} for s, r in evaluation.skipped],
    }


def totals_table(evaluation: Evaluation, title: str | None = None) -> Table:
    table = Table(title=title)
    table.add_column("metric")
    for column in ("gold", "predicted", "matched", "P", "R", "F1"):
        table.add_column(column, justify="right")
    for name, counts in evaluation.totals.items():
        table.add_row(
            LABELS[name],
            str(counts.gold),
            str(counts.predicted),
            str(counts.matched),
            f"{counts.precision:.3f}",
            f"{counts.recall:.3f}",
            f"{counts.f1:.3f}",
        )
    table.caption = f"false quotes: {evaluation.false_quote_count}"
    return table


def _clip(text: str | None, width: int = 70) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _speaker(quote: Item) -> str:
    speaker = quote.get("speaker")
    if isinstance(speaker, dict):
        speaker = speaker.get("name")
    return speaker or "?"


def describe(metric: str, item: Item) -> str:
    """One line for a quote, role or event, as shown by `--show-errors`."""
    if metric in ("direct", "direct_attributed", "indirect_attributed"):
        return f"{_speaker(item)}: “{_clip(item.get('text'))}”"
    if metric == "roles":
        return f"{item.get('person')} | {item.get('role')} | {item.get('organisation')}"
    fields = ("person", "role", "subordinate", "superior", "organisation", "organisations")
    parts = [f"{f}={item[f]}" for f in fields if item.get(f)]
    return f"{item.get('type')}: " + ", ".join(parts)


def error_lines(doc: DocumentScore) -> list[Text]:
    """Misses and false positives of one document, grouped by metric."""
    lines: list[Text] = []
    wrong_speaker = [(p, g) for p, g in doc.metrics["direct"].pairs if not same_speaker(p, g)]
    for name in ("direct", "indirect_attributed", "roles", "events"):
        score = doc.metrics[name]
        for item in score.missed:
            lines.append(Text(f"  {name} missed  {describe(name, item)}", style="yellow"))
        for item in score.extra:
            lines.append(Text(f"  {name} extra   {describe(name, item)}", style="red"))
    for p, g in wrong_speaker:
        lines.append(
            Text(
                f"  speaker wrong  {_speaker(p)!r} for {_speaker(g)!r}: “{_clip(g.get('text'))}”",
                style="magenta",
            )
        )
    for q in doc.not_quote_hits:
        lines.append(Text(f"  not a quote    “{_clip(q.get('text'))}”", style="red"))
    return lines


def documents_table(evaluation: Evaluation) -> Table:
    """One row per gold document: matched/gold for each metric, and its false quotes."""
    table = Table(title="per document (matched/gold, predicted)")
    table.add_column("document", no_wrap=True)
    for name in METRICS:
        table.add_column(SHORT_LABELS[name], justify="right", no_wrap=True)
    table.add_column("false", justify="right")
    for doc in evaluation.documents:
        cells = [
            f"{c.matched}/{c.gold}, {c.predicted}"
            for c in (doc.metrics[name].counts for name in METRICS)
        ]
        name = doc.document if doc.source is not None else f"{doc.document} (not predicted)"
        table.add_row(name, *cells, str(len(doc.false_quotes)))
    return table
