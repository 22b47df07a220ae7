"""The history of corrections: every judgement, newest first, for the whole store or about
one entity or claim, each marked with whether it is still in force (so it can be undone)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, or_, select

from sectorwatch.query.common import Judged, names_of
from sectorwatch.store.judgement_undo import same_thing
from sectorwatch.store.schema import claims, events, judgements, quotes


@dataclass(frozen=True)
class Logged:
    id: int
    kind: str
    subject: str
    subject_name: str | None  # an entity's name (None for a claim)
    object: str | None
    object_name: str | None
    article_id: str | None
    author: str
    created_at: str
    note: str | None
    in_force: bool  # no newer judgement on the same thing
    change: str | None = None  # an edit's change in words: "effective → 2024-06-30"


def _claims_about(conn: Connection, ids: list[str]) -> set[str]:
    """Claims about the entities `ids`: their own, their events' and their quotes'."""
    found = set(conn.execute(select(claims.c.id).where(claims.c.entity_id.in_(ids))).scalars())
    found |= set(
        conn.execute(
            select(events.c.claim_id).where(
                or_(events.c.person_id.in_(ids), events.c.organisation_id.in_(ids))
            )
        ).scalars()
    )
    found |= set(
        conn.execute(select(quotes.c.claim_id).where(quotes.c.speaker_id.in_(ids))).scalars()
    )
    return found


def _change(j: dict) -> str | None:
    if j["kind"] != "edit":
        return None
    edit = json.loads(j["object"] or "{}")
    return f"{edit.get('field')} → {edit.get('value') or 'as extracted'}"


def log(conn: Connection, about: str | None = None) -> list[Logged]:
    """Judgements newest first; with `about` (an entity or claim id) only those naming it,
    the ids merged with it, or a claim about it."""
    rows = [dict(r) for r in conn.execute(select(judgements).order_by(judgements.c.id)).mappings()]
    latest: dict[object, int] = {}
    for j in rows:
        latest[same_thing(j)] = j["id"]
    if about:
        judged = Judged.load(conn)
        ids = judged.cluster(about) if not about.startswith("c-") else [about]
        wanted = set(ids) | (_claims_about(conn, ids) if not about.startswith("c-") else set())
        rows = [j for j in rows if j["subject"] in wanted or j["object"] in wanted]
    names = names_of(conn, {j["subject"] for j in rows} | {j["object"] or "" for j in rows})
    return [
        Logged(
            j["id"],
            j["kind"],
            j["subject"],
            names.get(j["subject"]),
            j["object"],
            names.get(j["object"] or ""),
            j["article_id"],
            j["author"],
            j["created_at"],
            j["note"],
            latest[same_thing(j)] == j["id"] and j["kind"] != "create",
            _change(j),
        )
        for j in reversed(rows)
    ]
