"""`person NAME`: roles over time, events and quotes of one person."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine

from sectorwatch.query.common import (
    EvidenceRef,
    Judged,
    aliases_of,
    connected,
    names_of,
    require_entity,
    today,
)
from sectorwatch.query.consolidate import consolidate
from sectorwatch.query.events import EventAnswer, load_events
from sectorwatch.query.holders import holders, load_posts
from sectorwatch.query.quotes import QuoteAnswer, load_quotes
from sectorwatch.store import page_reads, quote_reads, reads


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
    evidence: list[EvidenceRef] = field(default_factory=list)  # the preferred claim first
    alternatives: int = 0  # how many other claims there are about this role


@dataclass
class PersonAnswer:
    id: str
    name: str
    aliases: list[str]
    referents: list[str]
    roles: list[RoleAnswer] = field(default_factory=list)
    events: list[EventAnswer] = field(default_factory=list)
    quotes: list[QuoteAnswer] = field(default_factory=list)


def person(engine: Engine | Connection, name: str) -> PersonAnswer:
    """`name` is an entity id, a name the person was read as, or a close spelling."""
    with connected(engine) as conn:
        judged = Judged.load(conn)
        pid = require_entity(conn, name, "person")[0]
        ids = judged.cluster(pid)
        answer = PersonAnswer(
            id=pid,
            name=names_of(conn, {pid}).get(pid, name),
            aliases=aliases_of(conn, ids),
            referents=[i for i in ids if i != pid],
        )
        post_ids = reads.posts_of_people(conn, ids)
        post_rows = load_posts(conn, post_ids)
        # only this person's claims: their status on each post depends on them alone
        held_posts = holders(conn, post_ids, today(), judged, True, people=sorted(ids))
        for post_id, found in held_posts.items():
            post = post_rows[post_id]
            for h in found:
                if h.person_id not in ids:
                    continue
                every = [h.evidence, *(a.evidence for a in h.alternatives)]
                observed = sorted({e.published for e in every if e and e.published})
                answer.roles.append(
                    RoleAnswer(
                        post_id=post_id,
                        role=post.role,
                        organisation_id=post.organisation_id,
                        organisation=post.organisation,
                        status=h.status,
                        valid_from=h.valid_from,
                        valid_to=h.valid_to,
                        first_reported=observed[0] if observed else None,
                        last_reported=observed[-1] if observed else None,
                        evidence=[e for e in every if e is not None],
                        alternatives=len(h.alternatives),
                    )
                )
        answer.roles.sort(
            key=lambda r: (
                (r.valid_from or r.first_reported or "", r.role, r.organisation or "")
                + (r.post_id,)
            )
        )
        told = load_events(conn, page_reads.events_of_people(ids), judged)  # with evidence
        answer.events = consolidate(told)  # one per real-world change, every report kept
        quoted = quote_reads.quotes_by_speaker(ids)
        answer.quotes = [q for q in load_quotes(conn, quoted, judged) if q.speaker_id in ids]
        overridden = [c for c, s in judged.speakers.items() if s in ids]
        if overridden:
            extra = load_quotes(conn, quote_reads.quotes_by_claim(overridden), judged)
            answer.quotes += [
                q for q in extra if q.claim_id not in {x.claim_id for x in answer.quotes}
            ]
        answer.quotes.sort(key=lambda q: (q.published or "", q.claim_id))
        return answer
