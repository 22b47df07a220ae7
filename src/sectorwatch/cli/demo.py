"""`sectorwatch demo PATH [--serve]`: ingest, summarise, suggest, and optionally serve."""

from __future__ import annotations

import importlib.util

import typer

from sectorwatch.cli._store_options import DB, engine_for, fail
from sectorwatch.errors import SectorwatchError


def demo(
    paths: list[str] = typer.Argument(..., help="Articles to ingest, e.g. samples/articles."),
    serve: bool = typer.Option(False, "--serve", help="Then start the web server."),
    db: str | None = DB,
) -> None:
    """Ingest PATH into the store, print what it holds and commands to try next."""
    from sectorwatch.ingest.options import ReadOptions
    from sectorwatch.query.summary import summarise
    from sectorwatch.scale import ScaleOptions, ingest_paths
    from sectorwatch.settings import Settings

    settings = Settings.from_env()
    url = db or settings.db
    options = ScaleOptions(
        workers=settings.workers, batch_size=settings.batch_size, model=settings.model
    )
    try:
        counts = ingest_paths(paths, url, ReadOptions(max_bytes=settings.max_bytes), options)
        summary = summarise(engine_for(url))
    except SectorwatchError as exc:
        fail(exc)
    for outcome, source, reason in counts.reasons:
        typer.echo(f"{outcome} {source}: {reason}", err=True)
    typer.echo(f"Store: {url}")
    typer.echo(counts.summary())
    typer.echo(
        f"The store holds {summary.articles} articles, {summary.quotes} quotes, "
        f"{summary.people} people, {summary.organisations} organisations, "
        f"{summary.events} events and {summary.roles} roles."
    )
    typer.echo("Try:")
    for command in summary.next_commands:
        typer.echo(f"  {command}")
    if not serve:
        return
    if importlib.util.find_spec("sectorwatch.serve.app") is None:
        fail(SectorwatchError("the web server (sectorwatch.serve) is not installed in this build"))
    from sectorwatch.serve.app import run

    typer.echo(f"Serving on http://{settings.host}:{settings.port}")
    run(url, settings.host, settings.port, settings.token)


def register(app: typer.Typer) -> None:
    app.command()(demo)
