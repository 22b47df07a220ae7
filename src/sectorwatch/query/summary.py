"""What a store holds, in numbers, and where to look next (`sectorwatch demo`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine

from sectorwatch.query.browse import most_quoted, recent_events
from sectorwatch.store import reads


@dataclass
class Summary:
    articles: int
    quotes: int
    people: int
    organisations: int
    events: int
    roles: int
    next_commands: list[str] = field(default_factory=list)


def summarise(engine: Engine) -> Summary:
    with engine.connect() as conn:
        counts = reads.store_counts(conn)
    summary = Summary(
        articles=counts["articles"],
        quotes=counts["quotes"],
        people=counts["people"],
        organisations=counts["organisations"],
        events=counts["events"],
        roles=counts["roles"],
    )
    summary.next_commands = suggestions(engine)
    return summary


def suggestions(engine: Engine) -> list[str]:
    """Example commands that will find something in this store."""
    out = []
    for e in recent_events(engine, 5):
        if e.person and e.role and e.organisation:
            on = e.when or e.observed
            out.append(
                f'sectorwatch who "{e.organisation}" --role "{e.role}"'
                + (f" --on {on}" if on else "")
            )
            out.append(f'sectorwatch reactions "{e.person}"')
            out.append(f'sectorwatch orgchart "{e.organisation}" --format text')
            break
    top = most_quoted(engine, 1)
    if top:
        out.append(f'sectorwatch person "{top[0].name}"')
        out.append(f'sectorwatch timeline "{top[0].name}"')
    out.append('sectorwatch search "integrated care"')
    out.append("sectorwatch export --format ftm > sectorwatch.ftm.jsonl")
    return out
