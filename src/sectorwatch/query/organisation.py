"""An organisation at a glance: its names, its kind, its leaders over time (everyone who
held one of its posts, with status today) and the leadership events that involve it (and
its predecessors': what it was before a rename or merger, `query.lineage`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine

from sectorwatch import dates
from sectorwatch.query.common import Judged, aliases_of, connected, names_of, require_entity, today
from sectorwatch.query.consolidate import load_changes
from sectorwatch.query.events import EventAnswer
from sectorwatch.query.holders import Holder, holders
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
    events: list[EventAnswer] = field(default_factory=list)
    predecessors: list[Change] = field(default_factory=list)  # what it was
    successors: list[Change] = field(default_factory=list)  # what it became


def _start(value: str | None) -> str:
    return value if value and dates.is_partial_date(value) else "9999"


def organisation(
    engine: Engine | Connection, name: str, on: str | None = None
) -> OrganisationAnswer:
    """`name` is an entity id, a name the organisation was read as, or a close spelling;
    the leaders' statuses are those on `on` (default today)."""
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
        roles = reads.organisation_post_roles(conn, ids)
        # the page shows each leader's own evidence, not the alternatives'
        led = holders(conn, list(roles), on or today(), judged, True, alternatives=False)
        for post_id, found in led.items():
            answer.leaders.extend(Leader(roles[post_id], h) for h in found)
        answer.leaders.sort(key=lambda x: (_start(x.holder.valid_from), x.role))
        changes = lineage(conn, oid, judged)
        answer.predecessors, answer.successors = changes.predecessors, changes.successors
        before = [i for c in changes.predecessors for i in judged.cluster(c.organisation_id)]
        # one per real-world change, its predecessors' included
        answer.events = load_changes(conn, judged, [*ids, *before])
        return answer
