"""`person NAME`: roles over time, events and quotes of one person."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from sectorwatch.query.common import (
    EvidenceRef,
    Judged,
    evidence_for,
    names_of,
    require_entity,
    today,
)
from sectorwatch.query.events import EventAnswer, load_events
from sectorwatch.query.holders import HolderClaim, _interval, status_on
from sectorwatch.query.quotes import QuoteAnswer, load_quotes, quote_select
from sectorwatch.store.schema import aliases, claims, events, occupancies, posts, quotes


@dataclass
class RoleAnswer:
    post_id: str
    role: str
    organisation_id: str | None
    organisation: str | None
    status: str  # today
    valid_from: str | None
    valid_to: str | None
    first_reported: str | None
    last_reported: str | None
    evidence: list[EvidenceRef] = field(default_factory=list)


@dataclass
class PersonAnswer:
    id: str
    name: str
    aliases: list[str]
    referents: list[str]
    roles: list[RoleAnswer] = field(default_factory=list)
    events: list[EventAnswer] = field(default_factory=list)
    quotes: list[QuoteAnswer] = field(default_factory=list)


def person(engine: Engine, name: str) -> PersonAnswer:
    with engine.connect() as conn:
        judged = Judged.load(conn)
        pid = require_entity(conn, name, "person")[0]
        ids = judged.cluster(pid)
        answer = PersonAnswer(
            id=pid,
            name=names_of(conn, {pid}).get(pid, name),
            aliases=sorted(
                set(
                    conn.execute(
                        select(aliases.c.alias).where(aliases.c.entity_id.in_(ids))
                    ).scalars()
                )
            ),
            referents=[i for i in ids if i != pid],
        )
        rows = conn.execute(
            select(
                occupancies.c.claim_id,
                occupancies.c.post_id,
                occupancies.c.status,
                occupancies.c.valid_from,
                occupancies.c.valid_to,
                occupancies.c.observed,
                claims.c.origin,
                posts.c.role,
                posts.c.organisation_id,
            )
            .join(claims, claims.c.id == occupancies.c.claim_id)
            .join(posts, posts.c.id == occupancies.c.post_id)
            .where(occupancies.c.person_id.in_(ids))
        ).all()
        by_post: dict[str, list] = defaultdict(list)
        for r in rows:
            if r.claim_id not in judged.rejected:
                by_post[r.post_id].append(r)
        orgs = names_of(conn, {r.organisation_id for r in rows if r.organisation_id})
        ev = evidence_for(conn, [r.claim_id for r in rows])
        for post_id, items in by_post.items():
            hc = [
                HolderClaim(r.claim_id, r.status, r.valid_from, r.valid_to, r.observed, r.origin)
                for r in items
            ]
            hc.sort(key=HolderClaim.key)
            status, _ = status_on(hc, today())
            start, end = _interval(hc)
            observed = sorted(r.observed for r in items if r.observed)
            answer.roles.append(
                RoleAnswer(
                    post_id=post_id,
                    role=items[0].role,
                    organisation_id=items[0].organisation_id,
                    organisation=orgs.get(items[0].organisation_id),
                    status=status,
                    valid_from=start,
                    valid_to=end,
                    first_reported=observed[0] if observed else None,
                    last_reported=observed[-1] if observed else None,
                    evidence=[ev[c.claim_id] for c in hc if c.claim_id in ev],
                )
            )
        answer.roles.sort(key=lambda r: (r.valid_from or r.first_reported or "", r.role))
        answer.events = load_events(conn, select(events).where(events.c.person_id.in_(ids)), judged)
        quoted = quote_select().where(quotes.c.speaker_id.in_(ids))
        answer.quotes = [q for q in load_quotes(conn, quoted, judged) if q.speaker_id in ids]
        overridden = [c for c, s in judged.speakers.items() if s in ids]
        if overridden:
            extra = load_quotes(
                conn, quote_select().where(quotes.c.claim_id.in_(overridden)), judged
            )
            answer.quotes += [
                q for q in extra if q.claim_id not in {x.claim_id for x in answer.quotes}
            ]
        answer.quotes.sort(key=lambda q: (q.published or "", q.claim_id))
        return answer
