"""`rebuild-terms`: the stored terms of office, built again where the queries cannot read
them (`store.term_rows`)."""

from __future__ import annotations

from typing import Any

import typer

from sectorwatch.cli._store_options import DB, JSON, ask_store, print_json


def rebuild_terms(db: str | None = DB, as_json: bool = JSON) -> None:
    """Build again the stored terms of office that an upgrade of the term rules, or a
    judgement, left unread; prints how many posts were built, of how many."""
    from sectorwatch.store.term_rows import Rebuilt, refresh_outdated

    def act(engine: Any) -> Rebuilt:
        with engine.begin() as conn:
            return refresh_outdated(conn)

    done = ask_store(db, act)
    if as_json:
        print_json({"rebuilt": done.built, "posts": done.posts})
    else:
        typer.echo(f"rebuilt the terms of {done.built} of {done.posts} posts")


def register(app: typer.Typer) -> None:
    app.command()(rebuild_terms)
