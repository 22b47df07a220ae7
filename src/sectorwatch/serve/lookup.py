"""Look-ups every page shares: an entity of a kind by id, or a 404 saying so."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi import HTTPException
from sqlalchemy import Connection

from sectorwatch.errors import QueryError
from sectorwatch.query import browse

T = TypeVar("T")


def found(kind: str, ident: str, ask: Callable[[], T]) -> T:
    """`ask()`'s answer, or a 404 when it names no such `kind`."""
    try:
        return ask()
    except QueryError as exc:
        raise HTTPException(404, f"no {kind} with id {ident!r}") from exc


def entity_of_kind(conn: Connection, kind: str, entity_id: str) -> str:
    """The canonical id of the `kind` with this id (a merged id gives its canonical one)."""
    entity = found(kind, entity_id, lambda: browse.entity(conn, entity_id))
    if entity.kind != kind:
        raise HTTPException(404, f"no {kind} with id {entity_id!r}")
    return entity.id
