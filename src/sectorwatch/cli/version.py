"""`sectorwatch version`."""

from __future__ import annotations

import typer


def version() -> None:
    """Print the version of Sectorwatch and of its extractor."""
    from sectorwatch import __version__
    from sectorwatch.extract.pipeline import EXTRACTOR_VERSION

    typer.echo(f"sectorwatch {__version__} (extractor {EXTRACTOR_VERSION})")


def register(app: typer.Typer) -> None:
    app.command()(version)
