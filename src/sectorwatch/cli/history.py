"""`history ORG --role ROLE`: the holders of a post in order, with who replaced whom."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from sectorwatch.cli._store_options import DB, JSON, evidence_line, run_query

if TYPE_CHECKING:
    from sectorwatch.query.history import HistoryAnswer


def history(
    organisation: str = typer.Argument(..., help="Organisation name, alias or id."),
    role: str = typer.Option(..., "--role", help='Role, e.g. "chief executive".'),
    db: str | None = DB,
    as_json: bool = JSON,
) -> None:
    """The holders of ROLE at ORGANISATION in order: dates, interim holders, successions."""
    from sectorwatch.query.history import history as ask

    run_query(db, lambda engine: ask(engine, organisation, role), _show_history, as_json=as_json)


def _show_history(answer: HistoryAnswer) -> None:
    from sectorwatch.query.lineage import describe_change

    typer.echo(f"{answer.role}, {answer.organisation}: history")
    for c in (*answer.predecessors, *answer.successors):
        typer.echo(f"  {describe_change(c)}")
    if not answer.terms:
        typer.echo("  nobody known")
    for t in answer.terms:
        kind = "" if t.kind == "substantive" else f" ({t.kind})"
        at = f" at {t.organisation}" if t.organisation_id != answer.organisation_id else ""
        typer.echo(f"  {t.name}{kind}{at}: {t.summary}")
        typer.echo(evidence_line(t.evidence[0] if t.evidence else None))
        if len(t.evidence) > 1:
            typer.echo(f"      and {len(t.evidence) - 1} more report(s)")


def register(app: typer.Typer) -> None:
    app.command()(history)
