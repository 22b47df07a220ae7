"""`sectorwatch extract PATH...`: articles in, the extraction contract out (stdout);
skips, failures and notes on stderr, one line each, then "N read, N skipped, N failed".
Exit code 1 when any input failed."""

from __future__ import annotations

import json
from typing import Any

import typer

FORMATS = ("jsonl", "json", "text")


def extract(
    paths: list[str] = typer.Argument(
        ..., metavar="PATH...", help="Files, folders (walked recursively) or - for stdin."
    ),
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl, json or text."),
    max_bytes: int | None = typer.Option(
        None, "--max-bytes", help="Skip inputs larger than this (default SECTORWATCH_MAX_BYTES)."
    ),
    encoding: str | None = typer.Option(
        None, "--encoding", help="Decode every input with this codec instead of detecting it."
    ),
    model: str | None = typer.Option(None, "--model", help="spaCy pipeline to use."),
    workers: int | None = typer.Option(
        None,
        "--workers",
        "-w",
        min=1,
        help="Processes, each with its own pipeline (SECTORWATCH_WORKERS); output order kept.",
    ),
) -> None:
    """Extract quotes, roles and events from articles and print them."""
    if format not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    from sectorwatch.extract.batch import BatchCounts
    from sectorwatch.extract.output import to_contract
    from sectorwatch.ingest import ReadFailure, ReadOptions
    from sectorwatch.settings import Settings

    settings = Settings.from_env()
    options = ReadOptions(max_bytes=max_bytes or settings.max_bytes, encoding=encoding)
    counts = BatchCounts()
    first = True
    if format == "json":
        typer.echo("[", nl=False)
    for item in _extractions(paths, options, model or settings.model, workers or settings.workers):
        counts.count(item)
        if isinstance(item, ReadFailure):
            typer.echo(f"{item.outcome} {item.source}: {item.reason}", err=True)
            continue
        article = item.article
        for warning in article.warnings:
            typer.echo(f"warning {article.source}: {warning}", err=True)
        if article.encoding not in ("utf-8", "utf-8-sig", "ascii") and not options.encoding:
            typer.echo(f"read {article.source} as {article.encoding}", err=True)
        record = to_contract(item)
        if format == "jsonl":
            typer.echo(json.dumps(record, ensure_ascii=False))
        elif format == "json":
            prefix = "\n" if first else ",\n"
            typer.echo(prefix + json.dumps(record, ensure_ascii=False, indent=2), nl=False)
        else:
            typer.echo(render_text(record))
        first = False
    if format == "json":
        typer.echo("\n]" if not first else "]")
    typer.echo(counts.summary(), err=True)
    if counts.failed:
        raise typer.Exit(1)


def _extractions(paths: list[str], options: Any, model: str, workers: int) -> Any:
    """Extractions and failures in input order: in this process, or in `workers` processes
    fed small units of articles (sectorwatch.scale.workers.extract_in_workers)."""
    from sectorwatch.scale.workers import SPACY_BATCH

    if workers > 1:
        from sectorwatch.extract.batch import read_articles
        from sectorwatch.scale.workers import extract_in_workers

        return extract_in_workers(read_articles(paths, options), workers, model)
    from sectorwatch.extract import Extractor
    from sectorwatch.extract.batch import extract_paths

    return extract_paths(paths, Extractor(model=model, batch_size=SPACY_BATCH), options)


def render_text(record: dict[str, Any]) -> str:
    """A readable summary of one article's extraction."""
    lines = [f"== {record['title'] or '(no title)'}", f"   source: {record['source']}"]
    if record.get("published"):
        lines.append(f"   published: {record['published']}")
    if record.get("authors"):
        lines.append(f"   by: {', '.join(record['authors'])}")
    for q in record["quotes"]:
        speaker = q.get("speaker") or {}
        who = speaker.get("name") or "unknown speaker"
        extra = ", ".join(x for x in (speaker.get("role"), speaker.get("organisation")) if x)
        lines.append(f"   quote ({q['type']}) {who}{f' ({extra})' if extra else ''}: {q['text']}")
    for r in record["roles"]:
        org = f", {r['organisation']}" if r.get("organisation") else ""
        lines.append(f"   role: {r['person']}: {r['role']}{org} [{r['status']}]")
    for e in record["events"]:
        what = ", ".join(
            f"{k}={e[k]}" for k in ("person", "role", "organisation", "status", "date") if e.get(k)
        )
        lines.append(f"   event: {e['type']} {what}".rstrip())
    return "\n".join(lines) + "\n"


def register(app: typer.Typer) -> None:
    app.command()(extract)
