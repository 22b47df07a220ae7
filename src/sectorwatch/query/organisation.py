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
from sectorwatch.query.common import Judged, aliases_of, connected, names_of, require_entity, today
from sectorwatch.query.consolidate import load_changes
from sectorwatch.query.events import EventAnswer
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
    events: list[EventAnswer] = field(default_factory=list)
    predecessors: list[Change] = field(default_factory=list)  # what it was
    successors: list[Change] = field(default_factory=list)  # what it became


def _start(value: str | None) -> str:
    return value if value and dates.is_partial_date(value) else "9999"


def organisation(
    engine: Engine | Connection,
    name: str,
    on: str | None = None,
    leaders_shown: int | None = None,
) -> OrganisationAnswer:
    """`name` is an entity id, a name the organisation was read as, or a close spelling;
    the leaders' statuses are those on `on` (default today). With `leaders_shown`, only
    the first that many leaders of the page order (`leaders`) are given, and their
    evidence only read; `leaders_total` counts them all."""
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
        answer.events = _events(conn, ids, changes.predecessors, judged)
        return answer


def _events(
    conn: Connection, ids: list[str], predecessors: list[Change], judged: Judged
) -> list[EventAnswer]:
    """The events involving the organisation `ids` and its `predecessors`, one per
    real-world change, in the order of `when`."""
    before = [i for c in predecessors for i in judged.cluster(c.organisation_id)]
    return load_changes(conn, judged, [*ids, *before])


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
    """Every event of an organisation's page (its `events`), and whose they are."""

    id: str
    name: str
    events: list[EventAnswer]


def event_list(engine: Engine | Connection, name: str) -> EventList:
    """The events of the organisation `name` (as `organisation` finds it) and of what it
    was before a rename or merger, one per real-world change, as `organisation` gives
    them."""
    with connected(engine) as conn:
        judged = Judged.load(conn)
        oid = require_entity(conn, name, "organisation")[0]
        changes = lineage(conn, oid, judged)
        events = _events(conn, judged.cluster(oid), changes.predecessors, judged)
        return EventList(oid, names_of(conn, {oid}).get(oid, name), events)


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
