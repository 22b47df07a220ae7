"""Human judgements: merge, split, reject a claim, set a quote's speaker, edit a fact.

Appended with author and time, never overwritten or deleted; the newest judgement on the
same thing wins, so an undo is a newer judgement (split undoes merge, accept undoes reject,
set_speaker with no entity restores the extracted speaker, an edit with no value restores
the extracted one; `undo(id)` appends the right one). Judgements name stable ids (entity
ids, claim ids), so they survive re-ingest and re-extraction. A judgement that would change
nothing (merging an entity with itself, accepting a claim that is not rejected) is refused.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, delete, select

from sectorwatch import dates
from sectorwatch.errors import StoreError
from sectorwatch.store.schema import (
    aliases,
    articles,
    claims,
    entities,
    judgements,
    mentions,
    referents,
)

ROLE_STATUSES = ("current", "former", "incoming", "interim", "acting", "leaving")
EVENT_STATUSES = ("announced", "completed", "proposed", "requested")
EDITABLE = {
    # claim property -> the fields an edit may set
    "occupancy": ("status", "valid_from", "valid_to"),
    "event": ("status", "date", "announced", "effective"),
    "reporting_line": ("valid_from", "valid_to"),
}


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


def _claim(conn: Connection, claim_id: str) -> str:
    """The claim's property (occupancy, event, quote, ...); StoreError when there is none."""
    row = conn.execute(select(claims.c.property).where(claims.c.id == claim_id)).first()
    if row is None:
        raise StoreError(f"no claim with id {claim_id!r}; query output with --json lists claim ids")
    return str(row[0])


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
        if a == b:
            raise StoreError(f"cannot merge {a} with itself: give two different ids")
        if canonical_id(conn, a) == canonical_id(conn, b):
            raise StoreError(f"{a} and {b} are already merged (as {canonical_id(conn, a)})")
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
            found = conn.execute(select(articles.c.id).where(articles.c.id == article_id))
            if found.first() is None:
                raise StoreError(
                    f"no article with id {article_id!r}; any --json answer lists article ids"
                )
            new_id = _split_off(conn, a, kind, name, article_id)
            _append(conn, "split", a, new_id, author, article_id=article_id, note=note)
            _append(conn, "split", a, new_id, author, note=note)
            rebuild_referents(conn)
            return new_id
        if b is None:
            raise StoreError("split needs two entity ids, or one entity id and --article")
        if a == b:
            raise StoreError(f"cannot split {a} from itself: give two different ids")
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
    """Judge a claim wrong (or, with undo, right again). Rejecting a rejected claim, or
    accepting one that is not rejected, is refused."""
    with engine.begin() as conn:
        _claim(conn, claim_id)
        rejected = claim_id in rejected_claims(conn)
        if undo and not rejected:
            raise StoreError(f"claim {claim_id} is not rejected: there is nothing to undo")
        if not undo and rejected:
            raise StoreError(f"claim {claim_id} is already rejected")
        _append(conn, "accept" if undo else "reject", claim_id, None, author, note=note)


def set_speaker(
    engine: Engine, quote_claim_id: str, entity_id: str | None, author: str, note: str | None = None
) -> None:
    """Judge who said a quote; `entity_id=None` restores the extracted speaker."""
    with engine.begin() as conn:
        if _claim(conn, quote_claim_id) != "quote":
            raise StoreError(f"claim {quote_claim_id} is not a quote")
        if entity_id is not None:
            _entity(conn, entity_id)
        current = speaker_overrides(conn).get(quote_claim_id)
        if entity_id is None and current is None:
            raise StoreError(
                f"quote {quote_claim_id} has its extracted speaker: there is nothing to restore"
            )
        if entity_id is not None and entity_id == current:
            raise StoreError(f"quote {quote_claim_id} already has the speaker {entity_id}")
        _append(conn, "set_speaker", quote_claim_id, entity_id, author, note=note)


def require_quote(engine: Engine, claim_id: str) -> None:
    """StoreError unless `claim_id` is a quote's claim."""
    with engine.connect() as conn:
        if _claim(conn, claim_id) != "quote":
            raise StoreError(f"claim {claim_id} is not a quote")


def create_person(engine: Engine, name: str, author: str) -> str:
    """A new person called `name` (for a speaker the extractor missed); returns the id."""
    from sectorwatch.store import keys

    name = " ".join(name.split())
    norm = keys.person_norm(name)
    if not norm:
        raise StoreError("a person needs a name")
    with engine.begin() as conn:
        base, n = "p-" + keys.slug(norm), 1
        new_id = base
        while conn.execute(select(entities.c.id).where(entities.c.id == new_id)).first():
            n += 1
            new_id = f"{base}-{n}"
        conn.execute(entities.insert().values(id=new_id, kind="person", name=name))
        conn.execute(
            aliases.insert().values(
                entity_id=new_id,
                alias=name,
                norm=norm,
                block=keys.block_key("person", norm),
                kind="person",
            )
        )
        _append(conn, "create", new_id, name, author)
        return new_id


def edit(
    engine: Engine,
    claim_id: str,
    field: str,
    value: str | None,
    author: str,
    note: str | None = None,
) -> None:
    """Judge a fact's date or status to be `value` (None restores what was extracted)."""
    with engine.begin() as conn:
        prop = _claim(conn, claim_id)
        allowed = EDITABLE.get(prop, ())
        if field not in allowed:
            what = ", ".join(allowed) or "nothing"
            raise StoreError(f"a {prop} claim's {field!r} cannot be edited (only: {what})")
        if value is not None:
            value = value.strip()
            if field == "status":
                statuses = EVENT_STATUSES if prop == "event" else ROLE_STATUSES
                if value not in statuses:
                    raise StoreError(f"status {value!r} is not one of {', '.join(statuses)}")
            elif not dates.is_partial_date(value):
                raise StoreError(
                    f"{field} {value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
                )
        current = fact_edits(conn).get(claim_id, {})
        if value is None and field not in current:
            raise StoreError(f"the {field} of {claim_id} was never edited: nothing to restore")
        if value is not None and current.get(field) == value:
            raise StoreError(f"the {field} of {claim_id} is already {value}")
        payload = json.dumps({"field": field, "value": value})
        _append(conn, "edit", claim_id, payload, author, note=note)


def fact_edits(conn: Connection) -> dict[str, dict[str, str]]:
    """The edits in force: claim id -> {field: value} (the newest per field wins)."""
    out: dict[str, dict[str, str]] = {}
    rows = conn.execute(
        select(judgements.c.subject, judgements.c.object)
        .where(judgements.c.kind == "edit")
        .order_by(judgements.c.id)
    )
    for subject, obj in rows:
        change = json.loads(obj or "{}")
        fields = out.setdefault(subject, {})
        if change.get("value") is None:
            fields.pop(change.get("field"), None)
        else:
            fields[change["field"]] = change["value"]
    return {k: v for k, v in out.items() if v}


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
    """Every judgement, oldest first."""
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
