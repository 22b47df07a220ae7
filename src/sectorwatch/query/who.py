"""`who ORG --role ROLE --on DATE`: the holders of a post on a date, ranked, each with the
basis of the answer in words, or "nobody known" with the nearest evidence when the
evidence does not reach the date. A renamed or merged organisation's predecessors answer
for dates before the change took effect (`query.lineage.follows`), or when its own posts
give nobody; the answer names what the organisation was and what it became."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine

from sectorwatch.query.common import (
    Judged,
    check_date,
    connected,
    names_of,
    require_entity,
    today,
)
from sectorwatch.query.holders import NOT_HOLDING, Holder, holders, load_posts
from sectorwatch.query.lineage import Change, follows, lineage
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
    predecessors: list[Change] = field(default_factory=list)  # what this organisation was
    successors: list[Change] = field(default_factory=list)  # what it became


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
    with connected(engine) as conn:
        judged = Judged.load(conn)
        org_id = require_entity(conn, organisation, "organisation")[0]
        org_ids = judged.cluster(org_id)
        changes = lineage(conn, org_id, judged)
        answer = WhoAnswer(
            organisation=names_of(conn, {org_id}).get(org_id, organisation),
            organisation_id=org_id,
            role=keys.role_norm(role),
            on=on,
            predecessors=changes.predecessors,
            successors=changes.successors,
        )
        _answer(conn, answer, org_ids, role, judged, include_all)
        nobody = not any(h.status not in NOT_HOLDING for h in answer.holders)
        # before a dated change its predecessors answer too; when the organisation's own
        # posts give nobody, an undated change's predecessors and a renamed body's do
        earlier = [c for c in changes.predecessors if c.date and follows(c, on)]
        if nobody:
            earlier += [c for c in changes.predecessors
                        if c not in earlier and (not c.date or c.kind == "rename")]  # fmt: skip
        if earlier:
            before = WhoAnswer(answer.organisation, org_id, answer.role, on)
            ids = [i for c in earlier for i in judged.cluster(c.organisation_id)]
            _answer(conn, before, ids, role, judged, include_all)
            if any(h.status not in NOT_HOLDING for h in before.holders):
                by_org = {o: c for c in earlier for o in judged.cluster(c.organisation_id)}
                posts = load_posts(conn, [h.post_id for h in before.holders])
                for h in before.holders:
                    post = posts.get(h.post_id)
                    c = by_org.get(post.organisation_id or "") if post else None
                    if c is not None:
                        h.basis += f"; at {c.organisation}, before it was {_became(c)}"
                keep = [] if nobody else answer.holders
                answer.holders = sorted([*keep, *before.holders], key=_order)
                answer.note, answer.undated = None, before.undated or answer.undated
        return answer


def _became(c: Change) -> str:
    """What a predecessor became, said of its holders: "renamed X", "merged into X"."""
    return f"renamed {c.result}" if c.kind == "rename" else f"merged into {c.result}"


def _order(h: Holder):  # type: ignore[no-untyped-def]
    return (h.status in NOT_HOLDING, h.rank)


def _answer(conn, answer: WhoAnswer, org_ids: list[str], role: str, judged: Judged,  # type: ignore[no-untyped-def]
            include_all: bool) -> None:  # fmt: skip
    """Fill `answer` with the holders of `role` at `org_ids` on its date."""
    on = answer.on
    found = matching_posts(conn, org_ids, role)
    post_ids = [p for p, _ in found]
    by_post = holders(conn, post_ids, on, judged, include_all)
    for post_id in post_ids:
        answer.holders.extend(by_post.get(post_id, []))
    answer.holders.sort(
        key=lambda h: (h.status in NOT_HOLDING, h.rank, h.post_id not in post_ids[:1])
    )
    answer.undated = any(h.undated for h in answer.holders if h.status not in NOT_HOLDING)
    if not any(h.status not in NOT_HOLDING for h in answer.holders):
        answer.note = _nearest(by_post if include_all else holders(conn, post_ids, on,
                                                                    judged, True))  # fmt: skip


def _nearest(by_post: dict[str, list[Holder]]) -> str | None:
    """What the evidence says about the post when nobody is known on the date."""
    said = [f"{h.name}: {h.basis}" for found in by_post.values() for h in found if h.basis]
    return "; ".join(said) or None
