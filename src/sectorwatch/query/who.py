"""`who ORG --role ROLE --on DATE`: the holders of a post on a date, ranked, each with the
basis of the answer in words, or "nobody known" with the nearest evidence when the
evidence does not reach the date."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine

from sectorwatch.query.common import Judged, check_date, names_of, require_entity, today
from sectorwatch.query.holders import NOT_HOLDING, Holder, holders
from sectorwatch.store import keys, reads


@dataclass
class WhoAnswer:
    organisation: str
    organisation_id: str
    role: str
    on: str
    holders: list[Holder] = field(default_factory=list)
    note: str | None = None  # when nobody is known: what the evidence does say
    undated: bool = False  # some holder's answer rests on an undated article


def matching_posts(conn, org_ids: list[str], role: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(post id, role) of the organisations' posts whose role is `role`, else contains it."""
    wanted = keys.role_norm(role)
    rows = [(row.id, row.role) for row in reads.posts_of(conn, org_ids)]
    exact = [(i, r) for i, r in rows if r == wanted]
    if exact:
        return exact
    words = wanted.split()
    return [(i, r) for i, r in rows if all(w in r.split() for w in words)]


def who(
    engine: Engine, organisation: str, role: str, on: str | None = None, include_all: bool = False
) -> WhoAnswer:
    """Who held `role` at `organisation` on `on` (default today)."""
    on = check_date(on, "--on") or today()
    with engine.connect() as conn:
        judged = Judged.load(conn)
        org_id = require_entity(conn, organisation, "organisation")[0]
        org_ids = judged.cluster(org_id)
        found = matching_posts(conn, org_ids, role)
        post_ids = [p for p, _ in found]
        by_post = holders(conn, post_ids, on, judged, include_all)
        answer = WhoAnswer(
            organisation=names_of(conn, {org_id}).get(org_id, organisation),
            organisation_id=org_id,
            role=keys.role_norm(role),
            on=on,
        )
        for post_id in post_ids:
            answer.holders.extend(by_post.get(post_id, []))
        answer.holders.sort(
            key=lambda h: (h.status in NOT_HOLDING, h.rank, h.post_id not in post_ids[:1])
        )
        answer.undated = any(h.undated for h in answer.holders if h.status not in NOT_HOLDING)
        if not any(h.status not in NOT_HOLDING for h in answer.holders):
            answer.note = _nearest(by_post if include_all else holders(conn, post_ids, on,
                                                                        judged, True))  # fmt: skip
        return answer


def _nearest(by_post: dict[str, list[Holder]]) -> str | None:
    """What the evidence says about the post when nobody is known on the date."""
    said = [f"{h.name}: {h.basis}" for found in by_post.values() for h in found if h.basis]
    return "; ".join(said) or None
