"""Undo a judgement by its id: append the judgement that reverses it (never delete one).

reject <-> accept, merge -> split, split -> merge, set_speaker -> the speaker in force
before it, edit -> the value in force before it. Only a judgement still in force can be
undone; one already reversed or overtaken by a newer judgement on the same thing is refused
with the id of the one that overtook it.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, select

from sectorwatch.errors import StoreError
from sectorwatch.store import judgements as J
from sectorwatch.store.schema import judgements


def _rows(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [
            dict(r) for r in conn.execute(select(judgements).order_by(judgements.c.id)).mappings()
        ]


def same_thing(j: dict[str, Any]) -> Any:
    """What a judgement is about: newer judgements on the same thing overtake it."""
    kind = j["kind"]
    if kind in ("reject", "accept"):
        return ("claim", j["subject"])
    if kind in ("merge", "split"):
        return ("pair", frozenset((j["subject"], j["object"])), j["article_id"])
    if kind == "set_speaker":
        return ("speaker", j["subject"])
    if kind == "edit":
        return ("edit", j["subject"], json.loads(j["object"] or "{}").get("field"))
    return ("other", j["id"])


def undo(engine: Engine, judgement_id: int, author: str, note: str | None = None) -> str:
    """Reverse judgement `judgement_id`; returns the kind of the judgement appended."""
    rows = _rows(engine)
    found = next((j for j in rows if j["id"] == judgement_id), None)
    if found is None:
        raise StoreError(f"no judgement with id {judgement_id}; the history page lists them")
    key = same_thing(found)
    later = [j for j in rows if j["id"] > judgement_id and same_thing(j) == key]
    if later:
        raise StoreError(
            f"judgement {judgement_id} ({found['kind']}) is no longer in force: "
            f"judgement {later[-1]['id']} ({later[-1]['kind']}) came after it"
        )
    earlier = [j for j in rows if j["id"] < judgement_id and same_thing(j) == key]
    kind, subject, obj = found["kind"], found["subject"], found["object"]
    note = note or f"undo of judgement {judgement_id}"
    if kind == "reject":
        J.reject(engine, subject, author, undo=True, note=note)
        return "accept"
    if kind == "accept":
        J.reject(engine, subject, author, note=note)
        return "reject"
    if kind == "merge":
        J.split(engine, subject, obj, author=author, note=note)
        return "split"
    if kind == "split" and found["article_id"] is None and obj:
        J.merge(engine, subject, obj, author, note)
        return "merge"
    if kind == "set_speaker":
        before = earlier[-1]["object"] if earlier else None
        J.set_speaker(engine, subject, before, author, note)
        return "set_speaker"
    if kind == "edit":
        field = json.loads(obj or "{}").get("field")
        before = json.loads(earlier[-1]["object"] or "{}").get("value") if earlier else None
        J.edit(engine, subject, field, before, author, note)
        return "edit"
    raise StoreError(
        f"judgement {judgement_id} ({kind}) cannot be undone: "
        + (
            "its mentions moved to a new entity; merge the two ids to join them again"
            if kind == "split"
            else "a created person stays; merge it with another to retire it"
        )
    )
