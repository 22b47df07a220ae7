"""`sectorwatch eval GOLD PATH...`: score the extractor against gold files."""

from __future__ import annotations

import json
from pathlib import Path

import typer


def eval_command(
    gold: Path = typer.Argument(..., help="A gold folder (*.json) or one gold file."),
    paths: list[Path] = typer.Argument(
        None, help="Article files or folders to extract with the real pipeline."
    ),
    predictions: Path | None = typer.Option(
        None,
        "--predictions",
        help="Score this JSONL file of `sectorwatch extract` objects instead of extracting.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the numbers as JSON."),
    show_errors: bool = typer.Option(
        False, "--show-errors", help="List misses and false positives per document."
    ),
) -> None:
    """Score extraction against gold: precision, recall and F1 of direct quotes (and their
    speakers), indirect quotes, roles and events, and the count of false quotes."""
    from rich.console import Console

    from sectorwatch.errors import SectorwatchError
    from sectorwatch.eval import evaluate, load_gold, load_predictions, report

    if bool(paths) == bool(predictions):
        raise typer.BadParameter("give article PATHs to extract, or --predictions FILE")
    try:
        if predictions is not None:
            evaluation = evaluate(load_gold(gold), load_predictions(predictions))
        else:
            from sectorwatch.eval.predict import evaluate_paths

            evaluation = evaluate_paths(gold, paths)
    except SectorwatchError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc

    if as_json:
        typer.echo(json.dumps(report.to_json(evaluation, with_errors=show_errors), indent=2))
        return
    console = Console()
    console.print(report.totals_table(evaluation, title=f"sectorwatch eval {gold}"))
    console.print(report.documents_table(evaluation))
    for source, reason in evaluation.skipped:
        console.print(f"skipped {source}: {reason}", style="yellow")
    for source in evaluation.unmatched_sources:
        console.print(f"no gold for {source}", style="dim")
    if show_errors:
        for doc in evaluation.documents:
            lines = report.error_lines(doc)
            if lines:
                console.print()
                console.print(doc.document, style="bold", markup=False)
                for line in lines:
                    console.print(line)


def register(app: typer.Typer) -> None:
    app.command(name="eval")(eval_command)
