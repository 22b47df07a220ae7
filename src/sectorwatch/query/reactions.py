"""`reactions EVENT|PERSON|ORG`: what the sector said about it, by stance and organisation.

The quotes of the articles reporting the events (an event's claim id, a person's events,
or an organisation's events), except the words of the people the events are about. When a
person has no events, the quotes of the articles that mention them are used instead.
For an event, each speaker also gets the role they held on the event's date and each quote
the kind of its speaker's organisation (`query.kinds`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, select

from sectorwatch import dates
from sectorwatch.errors import QueryError
from sectorwatch.query.common import Judged, connected, find_entities, names_of, today
from sectorwatch.query.events import EventAnswer, involving, load_events
from sectorwatch.query.holders import HeldRole, roles_on
from sectorwatch.query.kinds import organisation_kind
from sectorwatch.query.quotes import QuoteAnswer, load_quotes, quote_select
from sectorwatch.store.schema import articles, events, mentions, quotes

STANCES = ("welcome", "concern", "mixed", "neutral")


@dataclass
class Reactions:
    target: str
    target_id: str
    events: list[EventAnswer] = field(default_factory=list)
    quotes: list[QuoteAnswer] = field(default_factory=list)
    by_stance: dict[str, list[str]] = field(default_factory=dict)  # stance -> claim ids
    by_organisation: dict[str, list[str]] = field(default_factory=dict)
    on: str | None = None  # an event's date, for the roles speakers held then
    speaker_roles: dict[str, HeldRole] = field(default_factory=dict)  # speaker id -> role
    organisation_kinds: dict[str, str] = field(default_factory=dict)  # claim id -> kind
    by_organisation_kind: dict[str, list[str]] = field(default_factory=dict)


def reactions(engine: Engine | Connection, target: str) -> Reactions:
    """Reactions to an event (its claim id), a person or an organisation (name or id)."""
    with connected(engine) as conn:
        judged = Judged.load(conn)
        if conn.execute(select(events.c.claim_id).where(events.c.claim_id == target)).first():
            return _event(conn, judged, target)
        found = find_entities(conn, target)
        if not found:
            raise QueryError(f"no event, person or organisation called {target!r} in the store")
        target_id = found[0]
        ids = judged.cluster(target_id)
        label = names_of(conn, {target_id}).get(target_id, target)
        found_events = load_events(conn, select(events).where(involving(ids)), judged)
        answer = Reactions(label, target_id, events=found_events)
        excluded = set(ids) if target_id.startswith("p-") else set()
        if found_events:
            reporting = {e.article_id for e in found_events}
        else:
            reporting = set(
                conn.execute(
                    select(mentions.c.article_id).where(mentions.c.entity_id.in_(ids))
                ).scalars()
            )
        _collect(conn, judged, answer, reporting, excluded)
        return answer


def event_reactions(engine: Engine | Connection, claim_id: str) -> Reactions:
    """Reactions to the event with this claim id; an error when there is none."""
    with connected(engine) as conn:
        return _event(conn, Judged.load(conn), claim_id)


def _event(conn: Connection, judged: Judged, claim_id: str) -> Reactions:
    found = load_events(conn, select(events).where(events.c.claim_id == claim_id), judged)
    if not found:
        raise QueryError(f"no event with id {claim_id!r} (or it was rejected)")
    ev = found[0]
    answer = Reactions(claim_id, claim_id, events=found)
    answer.on = next(
        (d for d in (ev.effective, ev.date, ev.observed) if d and dates.is_partial_date(d)),
        today(),
    )
    subject = set(judged.cluster(ev.person_id)) if ev.person_id else set()
    _collect(conn, judged, answer, {ev.article_id}, subject)
    speakers = {q.speaker_id for q in answer.quotes if q.speaker_id}
    answer.speaker_roles = roles_on(conn, speakers, answer.on, judged)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for q in answer.quotes:
        held = answer.speaker_roles.get(q.speaker_id or "")
        org = q.speaker_organisation_name or (held.organisation if held else None)
        if q.speaker_kind == "organisation":
            org = q.speaker
        answer.organisation_kinds[q.claim_id] = organisation_kind(org)
        by_kind[answer.organisation_kinds[q.claim_id]].append(q.claim_id)
    answer.by_organisation_kind = dict(sorted(by_kind.items()))
    return answer


def _collect(
    conn: Connection, judged: Judged, answer: Reactions, reporting: set[str], excluded: set[str]
) -> None:
    """The quotes of the `reporting` articles, except those of `excluded` speakers."""
    if not reporting:
        return
    # near-duplicates (syndicated copies) count once: quotes of canonical articles only
    from sectorwatch.scale.dedup import canonical

    originals = select(articles.c.duplicate_of).where(
        articles.c.id.in_(reporting), articles.c.duplicate_of.is_not(None)
    )
    reporting |= set(conn.execute(originals).scalars())
    query = quote_select().where(quotes.c.article_id.in_(reporting), canonical(quotes.c.article_id))
    answer.quotes = [q for q in load_quotes(conn, query, judged) if q.speaker_id not in excluded]
    answer.quotes.sort(key=lambda q: (q.published or "", q.article_id, q.start))
    stance: dict[str, list[str]] = defaultdict(list)
    orgs: dict[str, list[str]] = defaultdict(list)
    for q in answer.quotes:
        stance[q.stance].append(q.claim_id)
        orgs[q.speaker_organisation or "(organisation not stated)"].append(q.claim_id)
    order = [*STANCES, *sorted(set(stance) - set(STANCES))]
    answer.by_stance = {s: stance[s] for s in order if s in stance}
    answer.by_organisation = dict(sorted(orgs.items()))
