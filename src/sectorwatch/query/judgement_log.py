"""The history of corrections: every judgement, newest first, for the whole store or about
one entity or claim, each marked with whether it is still in force (so it can be undone)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection

from sectorwatch.query.common import Judged, names_of
from sectorwatch.store import reads
from sectorwatch.store.judgement_undo import same_thing


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


def _change(j: dict) -> str | None:
    if j["kind"] != "edit":
        return None
    edit = json.loads(j["object"] or "{}")
    return f"{edit.get('field')} → {edit.get('value') or 'as extracted'}"


def log(conn: Connection, about: str | None = None) -> list[Logged]:
    """Judgements newest first; with `about` (an entity or claim id) only those naming it,
    the ids merged with it, or a claim about it."""
    rows = reads.every_judgement(conn)
    latest: dict[object, int] = {}
    for j in rows:
        latest[same_thing(j)] = j["id"]
    if about:
        judged = Judged.load(conn)
        ids = judged.cluster(about) if not about.startswith("c-") else [about]
        wanted = set(ids) | (reads.claims_about(conn, ids) if not about.startswith("c-") else set())
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
