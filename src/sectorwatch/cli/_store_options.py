"""Options shared by the store commands, and how they print."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import typer

DB = typer.Option(None, "--db", help="Database URL (default: SECTORWATCH_DB or ./sectorwatch.db).")
JSON = typer.Option(False, "--json", help="Print JSON instead of text.")
ALL = typer.Option(False, "--all", help="Show every claim: the alternatives and their evidence.")

T = TypeVar("T")


def engine_for(db: str | None, *, create: bool = False):  # type: ignore[no-untyped-def]
    """The store at `db` (else SECTORWATCH_DB). Only `ingest` and `demo` create one: for
    the other commands a missing SQLite file is an error (StoreError) naming it."""
    from sectorwatch.settings import Settings
    from sectorwatch.store import open_store

    return open_store(db or Settings.from_env().db, create=create)


def _check_date(param: typer.CallbackParam, value: str | None) -> str | None:
    """Option callback: a date that is not a date is a bad command line (exit 2)."""
    if value is None:
        return None
    from sectorwatch.errors import QueryError
    from sectorwatch.query.common import check_date

    try:
        return check_date(value, param.opts[0])
    except QueryError as exc:
        bad_usage(exc)


def date_option(flag: str, help: str) -> Any:
    return typer.Option(None, flag, help=help, callback=_check_date)


def date_range(date_from: str | None, date_to: str | None) -> None:
    """`--from` after `--to` is a bad command line (exit 2), not an empty answer. Partial
    dates compare from's first day with to's last: --from 2024-06 --to 2024-05-31 is
    refused, --from 2024 --to 2024-03 is not."""
    if date_from is None or date_to is None:
        return
    from sectorwatch.dates import interval

    if interval(date_from)[0] > interval(date_to)[1]:
        bad_usage(ValueError(f"--from {date_from} is after --to {date_to}"))


def choice(value: str | None, flag: str, allowed: tuple[str, ...]) -> None:
    """A value outside `allowed` is a bad command line (exit 2), checked before any work."""
    if value is not None and value not in allowed:
        bad_usage(ValueError(f"{flag} {value!r} is not one of: {', '.join(allowed)}"))


def print_json(value: Any) -> None:
    from sectorwatch.model import to_plain

    typer.echo(json.dumps(to_plain(value), indent=2, ensure_ascii=False, default=str))


def evidence_line(ev: Any, indent: str = "    ") -> str:
    if ev is None:
        return f"{indent}(no evidence)"
    title = ev.title or ev.article_id
    head = f"{indent}{ev.published or 'undated'} · {title} [{ev.article_id}]"
    return f"{head}\n{indent}  “{ev.sentence}”"


def fail(exc: Exception) -> NoReturn:
    """The command could not answer: one line on standard error, exit 1."""
    typer.echo(str(exc), err=True)
    raise typer.Exit(1)


def bad_usage(exc: Exception) -> NoReturn:
    """The command line is wrong (a bad date or --format): one line on standard error,
    exit 2 (docs/cli.md, Exit codes)."""
    from sectorwatch.errors import SectorwatchError

    typer.echo(str(exc) if isinstance(exc, SectorwatchError) else f"error: {exc}", err=True)
    raise typer.Exit(2)


def ask_store(db: str | None, ask: Callable[[Any], T]) -> T:
    """`ask(engine)` of the store at `db`: a store, query or judgement error fails the
    command (one line on standard error, exit 1). The shape of every command that asks or
    tells the store one thing."""
    from sectorwatch.errors import SectorwatchError

    try:
        return ask(engine_for(db))
    except SectorwatchError as exc:
        fail(exc)


def run_query(
    db: str | None, ask: Callable[[Any], T], show: Callable[[T], None], *, as_json: bool
) -> None:
    """The shape of every query command: `ask_store(db, ask)`, the answer printed as JSON
    with `as_json`, else by `show`."""
    result = ask_store(db, ask)
    if as_json:
        print_json(result)
    else:
        show(result)
