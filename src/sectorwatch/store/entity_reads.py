"""Read questions about people and organisations, asked by `query.common` and the pages:
an entity by id, its names and aliases, the merges in force, the aliases of one
blocking key, and the names that contain some words (through the backend's name index).
Portable SQLAlchemy Core over `store.schema`, like `store.reads`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    RowMapping,
    bindparam,
    func,
    literal_column,
    or_,
    select,
)

from sectorwatch.store import fts
from sectorwatch.store.schema import aliases, entities, referents

# built once with bound parameters, like `store.reads`' statements (the compiled cache hit
# with no statement building on each call)
_MERGED_IDS = select(referents.c.referent_id, referents.c.entity_id)
_ENTITY_KIND = select(entities.c.id, entities.c.kind).where(entities.c.id == bindparam("id"))
_ENTITY_ROW = select(entities).where(entities.c.id == bindparam("id"))
_IDS_OF_KIND = select(entities.c.id).where(entities.c.kind == bindparam("kind"))
_NAMES_BY_ID = select(entities.c.id, entities.c.name).where(
    entities.c.id.in_(bindparam("ids", expanding=True))
)
_ALIAS_NAMES = select(aliases.c.alias).where(
    aliases.c.entity_id.in_(bindparam("ids", expanding=True))
)
_NORMS_JOINING = (
    select(aliases.c.norm)
    .where(
        aliases.c.entity_id.in_(bindparam("ids", expanding=True)),
        aliases.c.kind == "organisation",
        aliases.c.norm.like("% and %"),
    )
    .distinct()
)
_ORGANISATIONS_WITH_NORMS = (
    select(aliases.c.entity_id)
    .where(aliases.c.kind == "organisation", aliases.c.norm.in_(bindparam("ids", expanding=True)))
    .distinct()
)
_ALIASES_IN_BLOCK = select(aliases.c.entity_id, aliases.c.norm).where(
    aliases.c.kind == bindparam("kind"), aliases.c.block == bindparam("block")
)
_ALIAS_NORMS = select(aliases.c.norm, aliases.c.entity_id, aliases.c.kind)
_ENTITIES_NAMED = select(aliases.c.entity_id).where(
    aliases.c.norm.in_(bindparam("ids", expanding=True))
)


def merged_ids(conn: Connection) -> dict[str, str]:
    """{merged id: the entity it was merged into} of every merge in force."""
    return dict(conn.execute(_MERGED_IDS).all())


def entity_kind(conn: Connection, entity_id: str) -> Row | None:
    """(id, kind) of the entity with this id, or None."""
    return conn.execute(_ENTITY_KIND, {"id": entity_id}).first()


def entity_row(conn: Connection, entity_id: str) -> RowMapping | None:
    """Every column of the entity with this id, or None."""
    return conn.execute(_ENTITY_ROW, {"id": entity_id}).mappings().first()


def entity_ids_of_kind(conn: Connection, kind: str) -> list[str]:
    """The ids of every stored entity of this kind (person, organisation)."""
    return list(conn.execute(_IDS_OF_KIND, {"kind": kind}).scalars())


def names_by_id(conn: Connection, ids: Iterable[str]) -> list[tuple[str, str]]:
    """(id, name) of those of these entities that exist."""
    return [(r[0], r[1]) for r in conn.execute(_NAMES_BY_ID, {"ids": list(ids)})]


def alias_names(conn: Connection, entity_ids: Iterable[str]) -> list[str]:
    """Every alias of these entities (with repeats, in the order the store gives)."""
    return list(conn.execute(_ALIAS_NAMES, {"ids": list(entity_ids)}).scalars())


def organisation_norms_joining(conn: Connection, entity_ids: Iterable[str]) -> list[str]:
    """The normal forms of these organisations' aliases that join names with "and" ("a
    and b": the name of a body that two others merged into)."""
    return list(conn.execute(_NORMS_JOINING, {"ids": list(entity_ids)}).scalars())


def organisations_with_norms(conn: Connection, norms: Iterable[str]) -> list[str]:
    """The ids of the organisations with an alias whose normal form is one of `norms`."""
    return list(conn.execute(_ORGANISATIONS_WITH_NORMS, {"ids": list(norms)}).scalars())


def aliases_in_block(conn: Connection, kind: str, block: str) -> list[tuple[str, str]]:
    """(entity id, norm) of the aliases of this kind with this blocking key."""
    found = conn.execute(_ALIASES_IN_BLOCK, {"kind": kind, "block": block})
    return [(r[0], r[1]) for r in found]


def alias_norms(conn: Connection) -> list[tuple[str, str, str]]:
    """(norm, entity id, kind) of every alias."""
    return [(r.norm, r.entity_id, r.kind) for r in conn.execute(_ALIAS_NORMS)]


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def names_containing(conn: Connection, words: str, norm: str, limit: int) -> Sequence[Row]:
    """(entity id, kind, first alias) of up to `limit` entities with an alias containing
    `words` (any case) or a normal form containing `norm`, found through the backend's
    name index where it has one (`fts.alias_match`)."""
    alike = [aliases.c.alias.ilike(_like(words), escape="\\")]
    if norm:  # an empty norm would be LIKE '%%', every name
        alike.append(aliases.c.norm.like(_like(norm), escape="\\"))
    contains = or_(*alike)
    indexed = fts.alias_match(conn, words, norm)
    if indexed is not None:  # the same names, without reading every alias
        contains = literal_column("aliases.rowid").in_(indexed) & contains
    return conn.execute(
        select(aliases.c.entity_id, aliases.c.kind, func.min(aliases.c.alias))
        .where(contains)
        .group_by(aliases.c.entity_id, aliases.c.kind)
        .limit(limit)
    ).all()


def entities_named(conn: Connection, norms: Iterable[str]) -> list[str]:
    """Entity ids with an alias whose normal form is one of `norms` (the alias index)."""
    found = conn.execute(_ENTITIES_NAMED, {"ids": list(norms)})
    return [e for (e,) in found]


def alias_count(conn: Connection, most: int) -> int:
    """How many aliases the store holds, counted no further than `most`."""
    some = select(aliases.c.norm).limit(most).subquery()
    return conn.execute(select(func.count()).select_from(some)).scalar_one()  # type: ignore[no-any-return]


def norms_containing(conn: Connection, piece: str, limit: int) -> Sequence[Row]:
    """(norm, entity_id, kind) of up to `limit` aliases whose normal form contains `piece`,
    found through the backend's name index where it has one (`fts.alias_match`)."""
    contains: ColumnElement[bool] = aliases.c.norm.like(_like(piece), escape="\\")
    indexed = fts.alias_match(conn, piece, piece)
    if indexed is not None:
        contains = literal_column("aliases.rowid").in_(indexed) & contains
    return conn.execute(
        select(aliases.c.norm, aliases.c.entity_id, aliases.c.kind).where(contains).limit(limit)
    ).all()
