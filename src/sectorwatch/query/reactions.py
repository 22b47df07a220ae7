"""`reactions EVENT|PERSON|ORG`: what the sector said about it, by stance and organisation.

The quotes of the articles reporting the events (an event's claim id, a person's events,
or an organisation's events), except the words of the person the events are about. When a
person has no events, the quotes of the articles that mention them are used instead.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Engine, or_, select

from sectorwatch.errors import QueryError
from sectorwatch.query.common import Judged, find_entities, names_of
from sectorwatch.query.events import EventAnswer, load_events
from sectorwatch.query.quotes import QuoteAnswer, load_quotes, quote_select
from sectorwatch.store.schema import events, mentions, quotes

STANCES = ("welcome", "concern", "mixed", "neutral")


@dataclass
class Reactions:
    target: str
    target_id: str
    events: list[EventAnswer] = field(default_factory=list)
    quotes: list[QuoteAnswer] = field(default_factory=list)
    by_stance: dict[str, list[str]] = field(default_factory=dict)  # stance -> claim ids
    by_organisation: dict[str, list[str]] = field(default_factory=dict)


def reactions(engine: Engine, target: str) -> Reactions:
    with engine.connect() as conn:
        judged = Judged.load(conn)
        excluded: set[str] = set()
        if conn.execute(select(events.c.claim_id).where(events.c.claim_id == target)).first():
            event_query = select(events).where(events.c.claim_id == target)
            target_id, label = target, target
        else:
            found = find_entities(conn, target)
            if not found:
                raise QueryError(f"no event, person or organisation called {target!r} in the store")
            target_id = found[0]
            ids = judged.cluster(target_id)
            label = names_of(conn, {target_id}).get(target_id, target)
            event_query = select(events).where(
                or_(events.c.person_id.in_(ids), events.c.organisation_id.in_(ids))
            )
            if target_id.startswith("p-"):
                excluded = set(ids)
        found_events = load_events(conn, event_query, judged)
        answer = Reactions(label, target_id, events=found_events)
        if found_events:
            articles = {e.article_id for e in found_events}
        else:
            articles = set(
                conn.execute(
                    select(mentions.c.article_id).where(
                        mentions.c.entity_id.in_(judged.cluster(target_id))
                    )
                ).scalars()
            )
        if not articles:
            return answer
        # near-duplicates (syndicated copies) count once: quotes of canonical articles only
        from sectorwatch.scale.dedup import canonical

        query = quote_select().where(
            quotes.c.article_id.in_(articles), canonical(quotes.c.article_id)
        )
        all_quotes = load_quotes(conn, query, judged)
        answer.quotes = [q for q in all_quotes if q.speaker_id not in excluded]
        answer.quotes.sort(
            key=lambda q: (q.published or "", q.article_id, q.evidence.start if q.evidence else 0)
        )
        stance: dict[str, list[str]] = defaultdict(list)
        orgs: dict[str, list[str]] = defaultdict(list)
        for q in answer.quotes:
            stance[q.stance].append(q.claim_id)
            orgs[q.speaker_organisation or "(organisation not stated)"].append(q.claim_id)
        answer.by_stance = {s: stance[s] for s in STANCES if s in stance}
        answer.by_organisation = dict(sorted(orgs.items()))
        return answer
