"""Search over facts, not only text: events (by type, role, person, organisation, date)
and posts (by role and organisation), and names spelt nearly right (rapidfuzz).

A fact matches when every word of the query is in what describes it (plural `s` and case
aside): "merger" finds the merger events, "chief executive" the chief executive posts and
the appointments and departures in them.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from rapidfuzz import fuzz, process
from sqlalchemy import Connection

from sectorwatch.query.common import Judged, names_of, snapshot
from sectorwatch.store import entity_reads, keys, reads

FUZZY_CUTOFF = 85  # rapidfuzz WRatio out of 100: one or two letters wrong in a name
NAME_LONGEST = 80  # characters: a longer query is not a misspelt name
WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return [_stem(w) for w in WORD.findall(text.casefold())]


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _matches(wanted: list[str], described: str) -> bool:
    have = set(words(described))
    return bool(wanted) and all(w in have for w in wanted)


def _described_events(conn: Connection) -> list[tuple[dict[str, Any], frozenset[str]]]:
    """Each event's index row and the words describing it (kept with the connection)."""
    from sectorwatch.query.indexes import event_rows

    kept = snapshot(conn)
    if "search:events" not in kept:
        kept["search:events"] = [
            (row, frozenset(words(_describe(row)))) for row in event_rows(conn)
        ]
    return kept["search:events"]  # type: ignore[no-any-return]


def _describe(row: dict[str, Any]) -> str:
    parts = (
        row["type"].replace("_", " "),
        row["role"],
        row["person"],
        " ".join(row["organisation"]),
        row["status"],
        row["date"],
    )
    return " ".join(str(v) for v in parts if v)


def event_matches(conn: Connection, text: str, limit: int) -> list[dict[str, Any]]:
    """Index rows (`indexes.event_rows`) of the events the query describes, newest first."""
    wanted = set(words(text))
    if not wanted:
        return []
    found = (row for row, have in _described_events(conn) if wanted <= have)
    return [row for _, row in zip(range(limit), found, strict=False)]


def post_matches(conn: Connection, text: str, limit: int) -> list[dict[str, Any]]:
    """Posts (role and organisation) the query describes: {id, role, organisation, url}."""
    judged = Judged.load(conn)
    wanted = words(text)
    found = reads.every_post_role(conn)
    names = names_of(conn, {judged.canon(p.organisation_id) or "" for p in found})
    out, seen = [], set()
    for p in sorted(found, key=lambda p: (p.role, p.organisation_id or "")):
        org = names.get(judged.canon(p.organisation_id) or "")
        if (p.role, org) in seen or not _matches(wanted, f"{p.role} {org or ''}"):
            continue
        seen.add((p.role, org))
        query = urlencode({k: v for k, v in (("role", p.role), ("organisation", org)) if v})
        out.append({"id": p.id, "role": p.role, "organisation": org, "url": f"/posts?{query}"})
        if len(out) >= limit:
            break
    return out


def _alias_norms(conn: Connection) -> list[tuple[str, str, str]]:
    """(norm, entity id, kind) of every alias (kept with the connection: `snapshot`)."""
    kept = snapshot(conn)
    if "search:aliases" not in kept:
        kept["search:aliases"] = entity_reads.alias_norms(conn)
    return kept["search:aliases"]  # type: ignore[no-any-return]


def exact_names(conn: Connection, text: str) -> set[str]:
    """Canonical ids of the people and organisations with exactly this name (an alias)."""
    judged = Judged.load(conn)
    norms = {keys.person_norm(text), keys.organisation_norm(text)}
    return {judged.canon(e) or e for n, e, _ in _alias_norms(conn) if n in norms}


def close_names(conn: Connection, text: str, limit: int = 10) -> list[tuple[str, str]]:
    """(canonical id, kind) of the names spelt nearly like `text`, closest first."""
    judged = Judged.load(conn)
    rows = _alias_norms(conn)
    query = keys.person_norm(text)
    if not 4 <= len(query) <= NAME_LONGEST:
        return []  # too short to be told apart, or too long to be a name
    found = process.extract(
        query,
        [n for n, _, _ in rows],
        scorer=fuzz.WRatio,
        score_cutoff=FUZZY_CUTOFF,
        limit=limit * 3,
    )
    out: list[tuple[str, str]] = []
    for _, _, at in found:
        entity_id = judged.canon(rows[at][1]) or rows[at][1]
        if all(entity_id != e for e, _ in out):
            out.append((entity_id, rows[at][2]))
    return out[:limit]
