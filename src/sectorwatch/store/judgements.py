"""Human judgements: merge, split, reject a claim, set a quote's speaker.

Appended with author and time, never overwritten or deleted; the newest judgement on the
same thing wins, so an undo is a newer judgement (split undoes merge, accept undoes reject,
set_speaker with no entity restores the extracted speaker). Judgements name stable ids
(entity ids, claim ids), so they survive re-ingest and re-extraction.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, delete, select

from sectorwatch.errors import StoreError
from sectorwatch.store.schema import claims, entities, judgements, mentions, referents


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _append(conn: Connection, kind: str, subject: str, obj: str | None, author: str, **kw) -> int:
    result = conn.execute(
        judgements.insert().values(
            kind=kind, subject=subject, object=obj, author=author, created_at=_now(), **kw
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def _entity(conn: Connection, entity_id: str) -> tuple[int, str, str]:
    row = conn.execute(
        select(entities.c.seq, entities.c.kind, entities.c.name).where(entities.c.id == entity_id)
    ).first()
    if row is None:
        raise StoreError(
            f"no entity with id {entity_id!r}; `sectorwatch person NAME --json` lists ids"
        )
    return row.seq, row.kind, row.name


def _claim(conn: Connection, claim_id: str) -> None:
    if conn.execute(select(claims.c.id).where(claims.c.id == claim_id)).first() is None:
        raise StoreError(f"no claim with id {claim_id!r}; query output with --json lists claim ids")


def _indefinite(noun: str) -> str:
    """The noun with its indefinite article: a person, an organisation."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def merge(engine: Engine, a: str, b: str, author: str, note: str | None = None) -> str:
    """Judge that `a` and `b` are the same entity; returns the canonical id (the older)."""
    with engine.begin() as conn:
        (_, kind_a, _), (_, kind_b, _) = _entity(conn, a), _entity(conn, b)
        if kind_a != kind_b:
            raise StoreError(
                f"cannot merge {_indefinite(kind_a)} ({a}) with {_indefinite(kind_b)} ({b})"
            )
        _append(conn, "merge", a, b, author, note=note)
        rebuild_referents(conn)
        return canonical_id(conn, a)


def split(
    engine: Engine,
    a: str,
    b: str | None = None,
    *,
    article_id: str | None = None,
    author: str,
    note: str | None = None,
) -> str:
    """Judge that `a` and `b` are different (undoing a merge), or -- with `article_id` --
    that `a` as named in that article is someone else: its mentions there move to a new
    entity, now and on every re-ingest. Returns the id that now stands apart."""
    with engine.begin() as conn:
        seq, kind, name = _entity(conn, a)
        if article_id is not None:
            new_id = _split_off(conn, a, kind, name, article_id)
            _append(conn, "split", a, new_id, author, article_id=article_id, note=note)
            _append(conn, "split", a, new_id, author, note=note)
            rebuild_referents(conn)
            return new_id
        if b is None:
            raise StoreError("split needs two entity ids, or one entity id and --article")
        _entity(conn, b)
        _append(conn, "split", a, b, author, note=note)
        rebuild_referents(conn)
        return b


def _split_off(conn: Connection, a: str, kind: str, name: str, article_id: str) -> str:
    from sectorwatch.store import keys
    from sectorwatch.store.schema import events, occupancies, quotes, reporting_lines

    base = ("p-" if kind == "person" else "o-") + keys.slug(keys.name_norm(kind, name))
    n = 2
    while conn.execute(select(entities.c.id).where(entities.c.id == f"{base}-{n}")).first():
        n += 1
    new_id = f"{base}-{n}"
    conn.execute(entities.insert().values(id=new_id, kind=kind, name=name))
    same = {a} | set(
        conn.execute(select(referents.c.referent_id).where(referents.c.entity_id == a)).scalars()
    )
    for table, column in (
        (mentions, mentions.c.entity_id),
        (occupancies, occupancies.c.person_id),
        (events, events.c.person_id),
        (quotes, quotes.c.speaker_id),
        (claims, claims.c.entity_id),
        (reporting_lines, reporting_lines.c.superior_person_id),
        (reporting_lines, reporting_lines.c.subordinate_person_id),
    ):
        conn.execute(
            table.update()
            .where(table.c.article_id == article_id, column.in_(same))
            .values({column.name: new_id})
        )
    return new_id


def reject(
    engine: Engine, claim_id: str, author: str, *, undo: bool = False, note: str | None = None
) -> None:
    """Judge a claim wrong (or, with undo, right again)."""
    with engine.begin() as conn:
        _claim(conn, claim_id)
        _append(conn, "accept" if undo else "reject", claim_id, None, author, note=note)


def set_speaker(
    engine: Engine, quote_claim_id: str, entity_id: str | None, author: str, note: str | None = None
) -> None:
    """Judge who said a quote; `entity_id=None` restores the extracted speaker."""
    with engine.begin() as conn:
        _claim(conn, quote_claim_id)
        if entity_id is not None:
            _entity(conn, entity_id)
        _append(conn, "set_speaker", quote_claim_id, entity_id, author, note=note)


def rejected_claims(conn: Connection) -> set[str]:
    latest: dict[str, str] = {}
    rows = conn.execute(
        select(judgements.c.kind, judgements.c.subject)
        .where(judgements.c.kind.in_(["reject", "accept"]))
        .order_by(judgements.c.id)
    )
    for kind, subject in rows:
        latest[subject] = kind
    return {s for s, k in latest.items() if k == "reject"}


def speaker_overrides(conn: Connection) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    rows = conn.execute(
        select(judgements.c.subject, judgements.c.object)
        .where(judgements.c.kind == "set_speaker")
        .order_by(judgements.c.id)
    )
    for subject, obj in rows:
        out[subject] = obj
    return out


def history(engine: Engine) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.execute(select(judgements).order_by(judgements.c.id)).mappings().all()
        return [dict(r) for r in rows]


def canonical_id(conn: Connection, entity_id: str) -> str:
    row = conn.execute(
        select(referents.c.entity_id).where(referents.c.referent_id == entity_id)
    ).first()
    return row[0] if row else entity_id


def rebuild_referents(conn: Connection) -> None:
    """Clusters from the latest merge/split judgement on each pair (article-free ones);
    each cluster's canonical id is its oldest entity; every other id becomes a referent."""
    latest: dict[frozenset[str], str] = {}
    rows = conn.execute(
        select(judgements.c.kind, judgements.c.subject, judgements.c.object)
        .where(judgements.c.kind.in_(["merge", "split"]), judgements.c.article_id.is_(None))
        .order_by(judgements.c.id)
    )
    for kind, subject, obj in rows:
        if obj:
            latest[frozenset((subject, obj))] = kind
    negative = {pair for pair, kind in latest.items() if kind == "split"}
    cluster_of: dict[str, set[str]] = {}
    for pair, kind in latest.items():
        if kind != "merge" or len(pair) != 2:
            continue
        x, y = tuple(pair)
        cx, cy = cluster_of.get(x, {x}), cluster_of.get(y, {y})
        if cx is cy:
            continue
        joined = cx | cy
        if any(frozenset((u, v)) in negative for u in cx for v in cy):
            continue  # never merge across a negative judgement
        for member in joined:
            cluster_of[member] = joined
    clusters = {id(c): c for c in cluster_of.values()}.values()
    seqs = dict(conn.execute(select(entities.c.id, entities.c.seq)).all())
    conn.execute(delete(referents))
    rows_out = []
    for members in clusters:
        if len(members) < 2:
            continue
        canonical = min(members, key=lambda m: seqs.get(m, 1 << 60))
        rows_out += [{"referent_id": m, "entity_id": canonical} for m in members if m != canonical]
    if rows_out:
        conn.execute(referents.insert(), rows_out)
