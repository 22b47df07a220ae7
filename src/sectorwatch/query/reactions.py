"""`reactions EVENT|PERSON|ORG`: what the sector said about it, by stance and organisation.

Reactions to an event (`query.consolidate`: one event per real-world change, however many
articles report it) are the quotes that are reactions:
- said by someone other than the event's subject: the subject's own words are kept apart,
  as `statements` ("statement by");
- in an article that reports the event, dated no earlier than the event was first
  reported (a document older than the event never reacts to it, nor does a document
  speaker that names only earlier years, "the 2015 review");
- about it: the article's main event is this event, or the quote shares a paragraph with
  the event's sentence.
A person's or an organisation's reactions are those to each of their events; a person with
no events gets the quotes of the articles that mention them instead. For an event, each
speaker also gets the role they held on the event's date and each quote the kind of its
speaker's organisation (`query.kinds`).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine

from sectorwatch import dates
from sectorwatch.errors import QueryError
from sectorwatch.query.common import Judged, connected, find_entities, names_of, today
from sectorwatch.query.consolidate import load_changes
from sectorwatch.query.events import EventAnswer, load_events, read_evidence
from sectorwatch.query.holders import HeldRole, roles_on
from sectorwatch.query.kinds import organisation_kind
from sectorwatch.query.quotes import QuoteAnswer, load_quotes
from sectorwatch.store import page_reads, reads

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")

STANCES = ("welcome", "concern", "mixed", "neutral")


@dataclass
class Reactions:
    target: str
    target_id: str
    events: list[EventAnswer] = field(default_factory=list)
    quotes: list[QuoteAnswer] = field(default_factory=list)
    statements: list[QuoteAnswer] = field(default_factory=list)  # the subject's own words
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
        if reads.is_event(conn, target):
            return _event(conn, judged, target)
        found = find_entities(conn, target)
        if not found:
            raise QueryError(f"no event, person or organisation called {target!r} in the store")
        target_id = found[0]
        ids = judged.cluster(target_id)
        label = names_of(conn, {target_id}).get(target_id, target)
        found_events = load_changes(conn, judged, ids)
        answer = Reactions(label, target_id, events=found_events)
        if found_events:
            kept: dict[str, QuoteAnswer] = {}
            said: dict[str, QuoteAnswer] = {}
            for ev in found_events:
                subject = set(judged.cluster(ev.person_id)) if ev.person_id else set()
                if target_id.startswith("p-"):
                    subject |= set(ids)
                reacting, own = _reactions_to(conn, judged, ev, subject)
                kept.update((q.claim_id, q) for q in reacting)
                said.update((q.claim_id, q) for q in own)
            _group(answer, list(kept.values()), list(said.values()))
        else:
            reporting = reads.articles_mentioning(conn, ids)
            every = _quotes_of(conn, judged, reporting)
            excluded = set(ids) if target_id.startswith("p-") else set()
            _group(
                answer,
                [q for q in every if q.speaker_id not in excluded],
                [q for q in every if q.speaker_id in excluded],
            )
        return answer


def event_reactions(engine: Engine | Connection, claim_id: str) -> Reactions:
    """Reactions to the event with this claim id; an error when there is none."""
    with connected(engine) as conn:
        return _event(conn, Judged.load(conn), claim_id)


def _the_change(conn: Connection, judged: Judged, claim_id: str) -> EventAnswer | None:
    """The event with this claim id, joined with every other report of the same change
    (the evidence read for that change's reports only, not for the subject's others)."""
    found = load_events(conn, page_reads.event_by_claim(claim_id), judged)
    if not found:
        return None
    ev = found[0]
    ids = [i for i in (ev.person_id, ev.organisation_id, *ev.organisation_ids) if i]
    keep = _same_subject(ev, judged)
    related = load_changes(conn, judged, ids, of_type=ev.type, keep=keep, evidence=False)
    change = next((e for e in related if claim_id in e.claim_ids), None)
    if change is None:
        return ev
    read_evidence(conn, [change])
    return change


def _same_subject(ev: EventAnswer, judged: Judged) -> Callable[[Any], bool] | None:
    """A test of a stored event's row that keeps every report that can be the same change
    as `ev` (`consolidate.same_change`: the same person for an appointment or departure,
    else the same organisation; a merger or renaming by its parties, so every one)."""
    if ev.type in ("merger", "rename"):
        return None
    if ev.type in ("appointment", "departure"):
        if ev.person_id is None:  # the same change as no other report
            return lambda r: r["claim_id"] == ev.claim_id
        return lambda r: judged.canon(r["person_id"]) == ev.person_id
    return lambda r: judged.canon(r["organisation_id"]) == ev.organisation_id


def _event(conn: Connection, judged: Judged, claim_id: str) -> Reactions:
    ev = _the_change(conn, judged, claim_id)
    if ev is None:
        raise QueryError(f"no event with id {claim_id!r} (or it was rejected)")
    answer = Reactions(claim_id, claim_id, events=[ev])
    answer.on = next(
        (d for d in (ev.effective, ev.date, ev.observed) if d and dates.is_partial_date(d)),
        today(),
    )
    subject = set(judged.cluster(ev.person_id)) if ev.person_id else set()
    reacting, own = _reactions_to(conn, judged, ev, subject)
    _group(answer, reacting, own)
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


def _quotes_of(conn: Connection, judged: Judged, reporting: set[str]) -> list[QuoteAnswer]:
    """The quotes of the `reporting` articles; near-duplicates (syndicated copies) count
    once: the quotes of canonical articles only."""
    if not reporting:
        return []
    reporting = reporting | reads.originals_of(conn, reporting)
    return load_quotes(conn, page_reads.quotes_of_canonical(reporting), judged)


def _paragraphs(conn: Connection, article_ids: set[str]) -> dict[str, list[tuple[int, int]]]:
    rows = reads.article_paragraphs(conn, article_ids)
    return {i: [(p[0], p[1]) for p in json.loads(stored or "[]")] for i, stored in rows.items()}


def _paragraph_of(paragraphs: list[tuple[int, int]], offset: int) -> int | None:
    return next((i for i, (s, e) in enumerate(paragraphs) if s <= offset < e), None)


def _older(value: str | None, than: str | None) -> bool:
    """`value` (a date) lies wholly before `than`."""
    if not value or not than or not dates.is_partial_date(value):
        return False
    if not dates.is_partial_date(than):
        return False
    return dates.interval(value)[1] < dates.interval(than)[0]


def _older_document(q: QuoteAnswer, first_reported: str | None) -> bool:
    """A document speaker that names only years before the event ("the 2015 review")."""
    if q.speaker_kind != "document" or not first_reported:
        return False
    years = [int(y) for y in _YEAR.findall(f"{q.speaker or ''} {q.speaker_role or ''}")]
    return bool(years) and max(years) < dates.interval(first_reported)[0].year


def _reactions_to(
    conn: Connection, judged: Judged, ev: EventAnswer, subject: set[str]
) -> tuple[list[QuoteAnswer], list[QuoteAnswer]]:
    """(reactions, the subject's own statements) to one (consolidated) event."""
    reporting = set(ev.article_ids or [ev.article_id])
    claims = set(ev.claim_ids or [ev.claim_id])
    paragraphs = _paragraphs(conn, reporting)
    where: dict[str, set[int]] = defaultdict(set)  # article -> paragraphs of the event
    for report in ev.reports or ([ev.evidence] if ev.evidence else []):
        i = _paragraph_of(paragraphs.get(report.article_id, []), report.start)
        if i is not None:
            where[report.article_id].add(i)
    reacting: list[QuoteAnswer] = []
    own: list[QuoteAnswer] = []
    for q in _quotes_of(conn, judged, reporting):
        if _older(q.published, ev.first_reported):
            continue
        if q.speaker_id in subject:  # a statement by the subject, in a reporting article
            own.append(q)
            continue
        about = q.event_id in claims or (
            _paragraph_of(paragraphs.get(q.article_id, []), q.start) in where[q.article_id]
        )
        if about and not _older_document(q, ev.first_reported):
            reacting.append(q)
    return reacting, own


def _group(answer: Reactions, reacting: list[QuoteAnswer], own: list[QuoteAnswer]) -> None:
    """Set the answer's quotes, statements and groups (by stance, by organisation)."""
    answer.quotes = sorted(reacting, key=lambda q: (q.published or "", q.article_id, q.start))
    answer.statements = sorted(own, key=lambda q: (q.published or "", q.article_id, q.start))
    stance: dict[str, list[str]] = defaultdict(list)
    orgs: dict[str, list[str]] = defaultdict(list)
    for q in answer.quotes:
        stance[q.stance].append(q.claim_id)
        orgs[q.speaker_organisation or "(organisation not stated)"].append(q.claim_id)
    order = [*STANCES, *sorted(set(stance) - set(STANCES))]
    answer.by_stance = {s: stance[s] for s in order if s in stance}
    answer.by_organisation = dict(sorted(orgs.items()))
