"""`who ORG --role ROLE --on DATE`: the holders of a post, with status and evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from sectorwatch.query.common import Judged, check_date, names_of, require_entity, today
from sectorwatch.query.holders import Holder, holders
from sectorwatch.store import keys
from sectorwatch.store.schema import posts


@dataclass
class WhoAnswer:
    organisation: str
    organisation_id: str
    role: str
    on: str
    holders: list[Holder] = field(default_factory=list)


def matching_posts(conn, org_ids: list[str], role: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(post id, role) of the organisations' posts whose role is `role`, else contains it."""
    wanted = keys.role_norm(role)
    rows = conn.execute(
        select(posts.c.id, posts.c.role).where(posts.c.organisation_id.in_(org_ids))
    ).all()
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
        by_post = holders(conn, [p for p, _ in found], on, judged, include_all)
        answer = WhoAnswer(
            organisation=names_of(conn, {org_id}).get(org_id, organisation),
            organisation_id=org_id,
            role=keys.role_norm(role),
            on=on,
        )
        for post_id, _ in found:
            answer.holders.extend(by_post.get(post_id, []))
        return answer
