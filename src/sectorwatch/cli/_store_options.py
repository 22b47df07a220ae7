"""Options shared by the store commands, and how they print."""

from __future__ import annotations

import json
from typing import Any

import typer

DB = typer.Option(None, "--db", help="Database URL (default: SECTORWATCH_DB or ./sectorwatch.db).")
JSON = typer.Option(False, "--json", help="Print JSON instead of text.")
ALL = typer.Option(False, "--all", help="Show every claim: the alternatives and their evidence.")


def engine_for(db: str | None):  # type: ignore[no-untyped-def]
    from sectorwatch.settings import Settings
    from sectorwatch.store import open_store

    return open_store(db or Settings.from_env().db)


def print_json(value: Any) -> None:
    from sectorwatch.model import to_plain

    typer.echo(json.dumps(to_plain(value), indent=2, ensure_ascii=False, default=str))


def evidence_line(ev: Any, indent: str = "    ") -> str:
    if ev is None:
        return f"{indent}(no evidence)"
    title = ev.title or ev.article_id
    head = f"{indent}{ev.published or 'undated'} · {title} [{ev.article_id}]"
    return f"{head}\n{indent}  “{ev.sentence}”"


def fail(exc: Exception) -> None:
    typer.echo(str(exc), err=True)
    raise typer.Exit(1)
