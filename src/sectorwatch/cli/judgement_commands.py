"""`merge`, `split`, `reject`, `set-speaker`, `edit`, `undo`, `judgements`: human
judgements, appended with author."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from sectorwatch.cli._store_options import DB, ask_store

AUTHOR = typer.Option(None, "--author", help="Who judges (default: your user name).")
NOTE = typer.Option(None, "--note", help="Why.")

T = TypeVar("T")


def _judge(db: str | None, author: str | None, act: Callable[[Any, str], T]) -> T:
    """`act(engine, author)` on the store at `db`, the author your user name unless given;
    a judgement refused fails the command (`ask_store`)."""
    by = author or getpass.getuser()
    return ask_store(db, lambda engine: act(engine, by))


def merge(
    a: str, b: str, author: str | None = AUTHOR, note: str | None = NOTE, db: str | None = DB
) -> None:
    """Judge that entities A and B are the same; prints the canonical id."""
    from sectorwatch.store.judgements import merge as judge

    typer.echo(_judge(db, author, lambda engine, by: judge(engine, a, b, by, note)))


def split(
    a: str,
    b: str | None = typer.Argument(None),
    article: str | None = typer.Option(None, "--article", help="Split A as named in this article."),
    author: str | None = AUTHOR,
    note: str | None = NOTE,
    db: str | None = DB,
) -> None:
    """Judge that A and B are different (undoes a merge), or that A in ARTICLE is someone else."""
    from sectorwatch.store.judgements import split as judge

    def act(engine: Any, by: str) -> str:
        return judge(engine, a, b, article_id=article, author=by, note=note)

    typer.echo(_judge(db, author, act))


def reject(
    claim_id: str,
    undo: bool = typer.Option(False, "--undo", help="Accept the claim again."),
    author: str | None = AUTHOR,
    note: str | None = NOTE,
    db: str | None = DB,
) -> None:
    """Judge a claim wrong (its id is in every --json answer); --undo accepts it again."""
    from sectorwatch.store.judgements import reject as judge

    _judge(db, author, lambda engine, by: judge(engine, claim_id, by, undo=undo, note=note))
    typer.echo(("accepted " if undo else "rejected ") + claim_id)


def set_speaker(
    quote_id: str,
    entity_id: str | None = typer.Argument(None, help="Omit to restore the extracted speaker."),
    author: str | None = AUTHOR,
    note: str | None = NOTE,
    db: str | None = DB,
) -> None:
    """Judge who said a quote."""
    from sectorwatch.store.judgements import set_speaker as judge

    _judge(db, author, lambda engine, by: judge(engine, quote_id, entity_id, by, note))
    typer.echo(f"{quote_id}: speaker {entity_id or 'as extracted'}")


def edit(
    claim_id: str,
    field: str = typer.Argument(
        ..., help="status, valid_from, valid_to, date, announced, effective"
    ),
    value: str | None = typer.Argument(None, help="Omit to restore the extracted value."),
    author: str | None = AUTHOR,
    note: str | None = NOTE,
    db: str | None = DB,
) -> None:
    """Judge a fact's date or status (a role's, an event's or a reporting line's)."""
    from sectorwatch.store.judgements import edit as judge

    _judge(db, author, lambda engine, by: judge(engine, claim_id, field, value, by, note))
    typer.echo(f"{claim_id}: {field} {value or 'as extracted'}")


def undo(
    judgement_id: int,
    author: str | None = AUTHOR,
    note: str | None = NOTE,
    db: str | None = DB,
) -> None:
    """Reverse a judgement (its id is in `sectorwatch judgements`) with a newer one."""
    from sectorwatch.store.judgement_undo import undo as reverse

    kind = _judge(db, author, lambda engine, by: reverse(engine, judgement_id, by, note))
    typer.echo(f"undid judgement {judgement_id} (appended: {kind})")


def list_judgements(db: str | None = DB) -> None:
    """Every judgement, newest first: id, time, author, kind, subject, object, note."""
    from sectorwatch.store import judgements

    rows = ask_store(db, judgements.history)
    for j in reversed(rows):
        parts = [j["id"], j["created_at"], j["author"], j["kind"], j["subject"]]
        parts += [j["object"] or "", j["note"] or ""]
        typer.echo("\t".join(str(p) for p in parts))


def register(app: typer.Typer) -> None:
    app.command()(merge)
    app.command()(split)
    app.command()(reject)
    app.command(name="set-speaker")(set_speaker)
    app.command()(edit)
    app.command()(undo)
    app.command(name="judgements")(list_judgements)
