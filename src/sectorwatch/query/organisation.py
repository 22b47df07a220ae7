"""An organisation at a glance: its names, its kind, its leaders over time (everyone who
held one of its posts, with status today) and the leadership events that involve it (and
its predecessors': what it was before a rename or merger, `query.lineage`).

A page shows some of the leaders (`leaders_shown`, `leaders`): how many there are, and
those of a window of the page order, in post on the date first; only those shown have
their evidence read."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine

from sectorwatch import dates
from sectorwatch.query.common import (
    Judged,
    aliases_of,
    connected,
    names_of,
    newest_first,
    require_entity,
    today,
)
from sectorwatch.query.consolidate import load_changes
from sectorwatch.query.events import EventAnswer, read_evidence
from sectorwatch.query.holders import (
    NOT_HOLDING,
    Holder,
    holders_for,
    in_order,
    ranked_terms,
)
from sectorwatch.query.kinds import organisation_kind
from sectorwatch.query.lineage import Change, lineage
from sectorwatch.store import reads


@dataclass
class Leader:
    role: str
    holder: Holder  # status today, interval, preferred evidence


@dataclass
class OrganisationAnswer:
    id: str
    name: str
    aliases: list[str]
    referents: list[str]
    kind_of_organisation: str
    leaders: list[Leader] = field(default_factory=list)  # by start date, then role
    leaders_total: int = 0  # how many leaders there are (more than shown: `leaders_shown`)
    events: list[EventAnswer] = field(default_factory=list)  # in the order of `when`
    events_total: int = 0  # how many events there are (more than shown: `events_shown`)
    predecessors: list[Change] = field(default_factory=list)  # what it was
    successors: list[Change] = field(default_factory=list)  # what it became


def _start(value: str | None) -> str:
    return value if value and dates.is_partial_date(value) else "9999"


def organisation(
    engine: Engine | Connection,
    name: str,
    on: str | None = None,
    leaders_shown: int | None = None,
    events_shown: int | None = None,
) -> OrganisationAnswer:
    """`name` is an entity id, a name the organisation was read as, or a close spelling;
    the leaders' statuses are those on `on` (default today). With `leaders_shown`, only
    the first that many leaders of the page order (`leaders`) are given, with `events_shown`
    the newest that many events; the evidence is read for those only, and `leaders_total`
    and `events_total` count them all."""
    with connected(engine) as conn:
        judged = Judged.load(conn)
        oid = require_entity(conn, name, "organisation")[0]
        ids = judged.cluster(oid)
        own_name = names_of(conn, {oid}).get(oid, name)
        answer = OrganisationAnswer(
            id=oid,
            name=own_name,
            aliases=aliases_of(conn, ids),
            referents=[i for i in ids if i != oid],
            kind_of_organisation=organisation_kind(own_name),
        )
        window = None if leaders_shown is None else slice(0, leaders_shown)
        answer.leaders_total, answer.leaders = leaders(conn, ids, on or today(), judged, window)
        changes = lineage(conn, oid, judged)
        answer.predecessors, answer.successors = changes.predecessors, changes.successors
        shown = None if events_shown is None else slice(0, events_shown)
        answer.events_total, events = _events(conn, ids, changes.predecessors, judged, shown)
        answer.events = sorted(events, key=lambda e: (e.when, e.claim_id))  # as every one
        return answer


def _events(
    conn: Connection,
    ids: list[str],
    predecessors: list[Change],
    judged: Judged,
    window: slice | None = None,
) -> tuple[int, list[EventAnswer]]:
    """How many events involve the organisation `ids` and its `predecessors` (one per
    real-world change), and which: every one in the order of `when`, or with `window`
    those of that window of them newest report first (`newest_first`), the evidence read
    for those only."""
    before = [i for c in predecessors for i in judged.cluster(c.organisation_id)]
    if window is None:
        every = load_changes(conn, judged, [*ids, *before])
        return len(every), every
    every = load_changes(conn, judged, [*ids, *before], evidence=False)
    chosen = newest_first(every, "claim_id")[window]
    read_evidence(conn, chosen)
    return len(every), chosen


@dataclass
class LeaderList:
    """Some of an organisation's leaders on a date (`leaders`), and how many there are."""

    id: str
    name: str
    on: str
    total: int
    leaders: list[Leader]


def leader_list(
    engine: Engine | Connection, name: str, on: str | None = None, window: slice | None = None
) -> LeaderList:
    """The leaders of the organisation `name` (as `organisation` finds it) on `on`
    (default today) in the page order of `leaders`: those of `window`, else every one."""
    with connected(engine) as conn:
        judged = Judged.load(conn)
        oid = require_entity(conn, name, "organisation")[0]
        on = on or today()
        total, shown = leaders(conn, judged.cluster(oid), on, judged, window or slice(None))
        return LeaderList(oid, names_of(conn, {oid}).get(oid, name), on, total, shown)


@dataclass
class EventList:
    """Some of the events of an organisation's page (`events`), and how many there are."""

    id: str
    name: str
    total: int
    events: list[EventAnswer]  # newest report first


def event_list(engine: Engine | Connection, name: str, window: slice | None = None) -> EventList:
    """The events of the organisation `name` (as `organisation` finds it) and of what it
    was before a rename or merger, one per real-world change, newest report first: those
    of `window`, else every one; the evidence is read for those only."""
    with connected(engine) as conn:
        judged = Judged.load(conn)
        oid = require_entity(conn, name, "organisation")[0]
        changes = lineage(conn, oid, judged)
        every = window or slice(None)
        total, events = _events(conn, judged.cluster(oid), changes.predecessors, judged, every)
        return EventList(oid, names_of(conn, {oid}).get(oid, name), total, events)


def leaders(
    conn: Connection, ids: list[str], on: str, judged: Judged, window: slice | None = None
) -> tuple[int, list[Leader]]:
    """How many people held one of the posts of the organisation `ids` (a merged cluster),
    each with their status on `on`, and who: every one by start date, then role (a post's
    holders in their order), or with `window` those of that window of the page order: in
    post on `on` first, then the others, each in the order of the answer. Each is given
    the evidence of its status alone (the page shows no alternatives), read only for
    those given."""
    roles = reads.organisation_post_roles(conn, ids)
    ranked = ranked_terms(conn, list(roles), on, judged, include_all=True)
    every = [(post, term) for post, terms in in_order(ranked).items() for term in terms]
    every.sort(key=lambda x: (_start(x[1].start), roles[x[0]]))
    if window is not None:
        every.sort(key=lambda x: ranked.stand(x[1]).status in NOT_HOLDING)
        chosen = every[window]
    else:
        chosen = every
    found = holders_for(conn, ranked, chosen, alternatives=False)
    return len(every), [Leader(roles[h.post_id], h) for h in found]
