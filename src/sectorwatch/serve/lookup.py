"""Look-ups every page shares: an entity of a kind by id, or a 404 saying so."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi import HTTPException
from sqlalchemy import Connection

from sectorwatch.errors import QueryError
from sectorwatch.query.common import Judged, entity_kind

T = TypeVar("T")


def found(kind: str, ident: str, ask: Callable[[], T]) -> T:
    """`ask()`'s answer, or a 404 when it names no such `kind`."""
    try:
        return ask()
    except QueryError as exc:
        raise HTTPException(404, f"no {kind} with id {ident!r}") from exc


def entity_of_kind(conn: Connection, kind: str, entity_id: str) -> str:
    """The canonical id of the `kind` with this id (a merged id gives its canonical one),
    as `browse.entity` finds it (its row only: the page's questions read the rest)."""
    canonical = Judged.load(conn).canon(entity_id) or entity_id
    row = entity_kind(conn, canonical)
    if row is None or row.kind != kind:
        raise HTTPException(404, f"no {kind} with id {entity_id!r}")
    return canonical
