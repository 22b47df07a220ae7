"""`sectorwatch serve`: the web application and JSON API over the store."""

from __future__ import annotations

import typer


def serve(
    host: str | None = typer.Option(
        None, "--host", help="Address to bind (default SECTORWATCH_HOST or 127.0.0.1)."
    ),
    port: int | None = typer.Option(
        None, "--port", help="Port (default SECTORWATCH_PORT or 8000)."
    ),
    db: str | None = typer.Option(
        None, "--db", help="Database URL (default: SECTORWATCH_DB or ./sectorwatch.db)."
    ),
    token: str | None = typer.Option(
        None,
        "--token",
        help="Allow corrections from clients that give this token "
        "(default SECTORWATCH_TOKEN; without one the server is read-only).",
    ),
    workers: int = typer.Option(
        1,
        "--workers",
        min=1,
        help="Server processes answering on the one port, each with its own connections "
        "to the store (default 1; up to one per CPU core helps under many clients).",
    ),
) -> None:
    """Serve the pages and JSON API; binds to 127.0.0.1 unless --host says otherwise."""
    from sectorwatch.cli._store_options import engine_for
    from sectorwatch.errors import SectorwatchError
    from sectorwatch.serve.app import run

    try:
        engine_for(db).dispose()  # a missing store is an error, not a new empty one
        run(db, host, port, token, workers)
    except SectorwatchError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from exc


def register(app: typer.Typer) -> None:
    app.command()(serve)
