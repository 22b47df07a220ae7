"""Who holds a post on a date, from every claim about it.

For each (post, person) the claims are: occupancies read in articles, and occupancies
inferred from leadership events (a departure ends one, an appointment starts one). The
preferred claim comes first (origin, date precision, recency). The person's interval is the
earliest stated start and the best-known end (a stated `valid_to`, else the date a report
called them former, else a departure's effective date); the status on the date follows:
former after the end, incoming before the start, else the preferred status of the reports
made by then -- "current" becomes "leaving" once a departure has been reported.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import Connection, select

from sectorwatch.query.common import (
    SOURCE_COLUMNS,
    ClaimSource,
    EvidenceRef,
    Judged,
    date_interval,
    date_precision,
    evidence_of,
    names_of,
    preference_key,
)
from sectorwatch.store.schema import claims, events, occupancies, posts

NOT_HOLDING = ("former", "incoming")


@dataclass
class HolderClaim:
    claim_id: str
    status: str
    valid_from: str | None
    valid_to: str | None
    observed: str | None
    origin: str
    evidence: EvidenceRef | None = None

    def key(self) -> tuple:
        return _preference(self.origin, self.valid_from, self.valid_to, self.observed)


@lru_cache(maxsize=16_384)
def _preference(
    origin: str, valid_from: str | None, valid_to: str | None, observed: str | None
) -> tuple:
    return preference_key(origin, date_precision(valid_from, valid_to), observed)


@dataclass
class Holder:
    person_id: str
    name: str
    post_id: str
    status: str
    valid_from: str | None
    valid_to: str | None
    evidence: EvidenceRef | None
    alternatives: list[HolderClaim] = field(default_factory=list)


def _claims_for_posts(
    conn: Connection, post_ids: list[str], judged: Judged
) -> tuple[dict[tuple[str, str], list[HolderClaim]], dict[str, ClaimSource]]:
    """The claims about each (post, canonical person), and where each claim was read."""
    grouped: dict[tuple[str, str], list[HolderClaim]] = defaultdict(list)
    sources: dict[str, ClaimSource] = {}
    if not post_ids:
        return grouped, sources
    rows = conn.execute(
        select(
            occupancies.c.claim_id,
            occupancies.c.post_id,
            occupancies.c.person_id,
            occupancies.c.status,
            occupancies.c.valid_from,
            occupancies.c.valid_to,
            occupancies.c.observed,
            claims.c.origin,
            *SOURCE_COLUMNS,
        )
        .join(claims, claims.c.id == occupancies.c.claim_id)
        .where(occupancies.c.post_id.in_(post_ids))
    ).all()
    for row in rows:
        cid, post, person, status, vf, vt, observed, origin = row[:8]
        if cid in judged.rejected:
            continue
        sources[cid] = ClaimSource.of(cid, row, 8)
        key = (post, judged.canon(person) or person)
        if cid in judged.edits:  # a judged date or status (store.judgements.edit)
            fixed = judged.edited(cid, status=status, valid_from=vf, valid_to=vt)
            status, vf, vt = fixed["status"] or status, fixed["valid_from"], fixed["valid_to"]
            origin = "curated"
        grouped[key].append(HolderClaim(cid, status, vf, vt, observed, origin))
    event_rows = conn.execute(
        select(
            events.c.claim_id,
            events.c.post_id,
            events.c.person_id,
            events.c.type,
            events.c.status,
            events.c.effective,
            events.c.observed,
            *SOURCE_COLUMNS,
        )
        .outerjoin(claims, claims.c.id == events.c.claim_id)
        .where(
            events.c.post_id.in_(post_ids),
            events.c.type.in_(["departure", "appointment"]),
            events.c.person_id.is_not(None),
        )
    ).all()
    for row in event_rows:
        cid, post, person, kind, status, effective, observed = row[:7]
        if cid in judged.rejected:
            continue
        sources[cid] = ClaimSource.of(cid, row, 7)
        key = (post, judged.canon(person) or person)
        if cid in judged.edits:  # a judged date or status (store.judgements.edit)
            fixed = judged.edited(cid, status=status, effective=effective)
            status, effective = fixed["status"], fixed["effective"]
        if kind == "departure":
            done = status == "completed"
            grouped[key].append(
                HolderClaim(
                    cid,
                    "former" if done else "leaving",
                    None,
                    effective or (observed if done else None),
                    observed,
                    "inferred",
                )
            )
        else:
            grouped[key].append(
                HolderClaim(
                    cid,
                    "current" if status == "completed" else "incoming",
                    effective,
                    None,
                    observed,
                    "inferred",
                )
            )
    return grouped, sources


def _interval(items: list[HolderClaim]) -> tuple[str | None, str | None]:
    starts = [c.valid_from for c in items if c.valid_from]
    start = min(starts, key=lambda d: date_interval(d)[0]) if starts else None
    if start is None and items and all(c.status == "incoming" for c in items):
        start = min((c.observed for c in items if c.observed), default=None)
    ends = [c.valid_to for c in items if c.valid_to]
    if not ends:
        ends = [c.observed for c in items if c.status == "former" and c.observed]
    end = min(ends, key=lambda d: date_interval(d)[1]) if ends else None
    return start, end


def status_on(items: list[HolderClaim], on: str) -> tuple[str, HolderClaim]:
    """The status on `on` and the claim that says so (items sorted by preference)."""
    return _status(items, on, _interval(items))


def _status(
    items: list[HolderClaim], on: str, span: tuple[str | None, str | None]
) -> tuple[str, HolderClaim]:
    """`status_on`, given the interval of `items`."""
    start, end = span
    first, last = date_interval(on)
    if end and date_interval(end)[1] < first:
        return "former", next((c for c in items if c.valid_to or c.status == "former"), items[0])
    if start and date_interval(start)[0] > last:
        return "incoming", items[0]
    known = [c for c in items if not c.observed or date_interval(c.observed)[0] <= last]
    known = known or items
    chosen = known[0]
    status = chosen.status
    if status == "incoming":
        status = "current"
    if status == "former":
        status = "current" if end and date_interval(end)[0] >= first else "former"
    if status == "current" and any(c.status == "leaving" for c in known):
        status = "leaving"
    return status, chosen


def holders(
    conn: Connection, post_ids: list[str], on: str, judged: Judged, include_all: bool = False
) -> dict[str, list[Holder]]:
    """Holders of each post on `on`, preferred claim first; `include_all` keeps former and
    incoming holders too."""
    grouped, sources = _claims_for_posts(conn, post_ids, judged)
    kept = []
    for (post, person), items in grouped.items():
        items.sort(key=HolderClaim.key)
        span = _interval(items)
        status, chosen = _status(items, on, span)
        if status in NOT_HOLDING and not include_all:
            continue
        kept.append((post, person, items, status, chosen, span))
    # evidence and names only for the holders answered, not for every claim read
    ev = evidence_of(conn, [sources[c.claim_id] for k in kept for c in k[2]])
    names = names_of(conn, {k[1] for k in kept})
    out: dict[str, list[Holder]] = defaultdict(list)
    for post, person, items, status, chosen, (start, end) in kept:
        for c in items:
            c.evidence = ev.get(c.claim_id)
        out[post].append(
            Holder(
                person_id=person,
                name=names.get(person, person),
                post_id=post,
                status=status,
                valid_from=start,
                valid_to=end,
                evidence=chosen.evidence,
                alternatives=[c for c in items if c is not chosen],
            )
        )
    for post in out:
        out[post].sort(key=lambda h: (h.status in NOT_HOLDING, h.name))
    return out


@dataclass
class Post:
    id: str
    role: str
    organisation_id: str | None
    organisation: str | None  # the organisation's name


def load_posts(conn: Connection, post_ids: list[str]) -> dict[str, Post]:
    """Posts by id, each with its role and its organisation's name."""
    rows = conn.execute(
        select(posts.c.id, posts.c.role, posts.c.organisation_id).where(posts.c.id.in_(post_ids))
    ).all()
    names = names_of(conn, {r.organisation_id for r in rows})
    return {r.id: Post(r.id, r.role, r.organisation_id, names.get(r.organisation_id)) for r in rows}


@dataclass
class HeldRole:
    """A post a person held on a date."""

    post_id: str
    role: str
    organisation_id: str | None
    organisation: str | None
    status: str


def roles_on(conn: Connection, people: set[str], on: str, judged: Judged) -> dict[str, HeldRole]:
    """The post each of `people` (canonical ids) held on `on`, if any; a person holding
    several gets the first by holder order."""
    if not people:
        return {}
    every = [m for p in sorted(people) for m in judged.cluster(p)]
    post_ids = sorted(
        set(
            conn.execute(
                select(occupancies.c.post_id).where(occupancies.c.person_id.in_(every))
            ).scalars()
        )
    )
    rows = load_posts(conn, post_ids)
    out: dict[str, HeldRole] = {}
    for post_id, found in holders(conn, post_ids, on, judged).items():
        post = rows[post_id]
        for h in found:
            if h.person_id in people and h.person_id not in out:
                out[h.person_id] = HeldRole(
                    post_id, post.role, post.organisation_id, post.organisation, h.status
                )
    return out
