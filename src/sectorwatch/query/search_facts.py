"""Search over facts, not only text: events (by type, role, person, organisation, date)
and posts (by role and organisation), and names spelt nearly right (rapidfuzz).

A fact matches when every word of the query is in what describes it (plural `s` and case
aside): "merger" finds the merger events, "chief executive" the chief executive posts and
the appointments and departures in them.

So that a search costs about the same on a store of 200,000 articles as on one of 5,000
(BENCHMARKS.md, Store), the events and posts are looked up in a `WordIndex` kept with the
connection (built once per change of the store, `snapshot`) instead of being read and
compared one by one on every search; exact names are looked up in the alias index; and on
a store of more than `FUZZY_ALL` names the spelt-nearly-like comparison is made with the
names that contain the first three letters of a word of the query (found through the name
index of migration 6), not with every name.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from rapidfuzz import fuzz, process
from sqlalchemy import Connection

from sectorwatch.query.common import Judged, names_of, snapshot
from sectorwatch.store import entity_reads, keys, reads

FUZZY_CUTOFF = 85  # rapidfuzz WRatio out of 100: one or two letters wrong in a name
NAME_LONGEST = 80  # characters: a longer query is not a misspelt name
WORD = re.compile(r"\w+")
FUZZY_ALL = 5000  # names: up to this many, a misspelt name is compared with every one
FUZZY_PIECE = 3  # letters: on a larger store, a close name contains a word's first three
FUZZY_CANDIDATES = 5000  # names compared at most, for each piece of the query


def words(text: str) -> list[str]:
    return [_stem(w) for w in WORD.findall(text.casefold())]


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _matches(wanted: list[str], described: str) -> bool:
    have = set(words(described))
    return bool(wanted) and all(w in have for w in wanted)


@dataclass(frozen=True)
class WordIndex:
    """Rows in their order and, for each word, the positions of the rows it describes
    (ascending): the rows every wanted word describes, first `limit` of them, cost about
    as much on a large store as on a small one."""

    rows: Sequence[Any]
    at: dict[str, array]

    @staticmethod
    def of(rows: Sequence[Any], described: Iterable[Iterable[str]]) -> WordIndex:
        at: dict[str, array] = {}
        for i, have in enumerate(described):
            for w in set(have):
                at.setdefault(w, array("L")).append(i)
        return WordIndex(rows, at)

    def find(self, wanted: Iterable[str], limit: int) -> list[Any]:
        """The first `limit` rows described by every word of `wanted`, in order."""
        lists = sorted((self.at.get(w, array("L")) for w in set(wanted)), key=len)
        if not lists:
            return []
        out = []
        for i in lists[0]:
            if all(_holds(positions, i) for positions in lists[1:]):
                out.append(self.rows[i])
                if len(out) >= limit:
                    break
        return out


def _holds(positions: array, i: int) -> bool:
    at = bisect_left(positions, i)
    return at < len(positions) and positions[at] == i


def _described_events(conn: Connection) -> WordIndex:
    """Each event's index row, newest first, indexed by the words describing it (kept
    with the connection)."""
    from sectorwatch.query.indexes import event_rows

    kept = snapshot(conn)
    if "search:events" not in kept:
        rows = event_rows(conn)
        kept["search:events"] = WordIndex.of(rows, (words(_describe(r)) for r in rows))
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
    return _described_events(conn).find(wanted, limit)  # type: ignore[no-any-return]


def post_matches(conn: Connection, text: str, limit: int) -> list[dict[str, Any]]:
    """Posts (role and organisation) the query describes: {id, role, organisation, url}."""
    wanted = words(text)
    if not wanted:
        return []
    return _described_posts(conn).find(wanted, limit)  # type: ignore[no-any-return]


def _described_posts(conn: Connection) -> WordIndex:
    """Every post, one per role and organisation name, by role and organisation, indexed
    by the words of both (kept with the connection)."""
    kept = snapshot(conn)
    if "search:posts" not in kept:
        judged = Judged.load(conn)
        found = reads.every_post_role(conn)
        names = names_of(conn, {judged.canon(p.organisation_id) or "" for p in found})
        out, seen = [], set()
        for p in sorted(found, key=lambda p: (p.role, p.organisation_id or "")):
            org = names.get(judged.canon(p.organisation_id) or "")
            if (p.role, org) in seen:
                continue
            seen.add((p.role, org))
            query = urlencode({k: v for k, v in (("role", p.role), ("organisation", org)) if v})
            out.append({"id": p.id, "role": p.role, "organisation": org, "url": f"/posts?{query}"})
        described = (words(f"{p['role']} {p['organisation'] or ''}") for p in out)
        kept["search:posts"] = WordIndex.of(out, described)
    return kept["search:posts"]  # type: ignore[no-any-return]


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
    return {judged.canon(e) or e for e in entity_reads.entities_named(conn, norms)}


def _many_names(conn: Connection) -> bool:
    """More than `FUZZY_ALL` names in the store (counted no further; kept with the
    connection)."""
    kept = snapshot(conn)
    if "search:many" not in kept:
        kept["search:many"] = entity_reads.alias_count(conn, FUZZY_ALL + 1)
    return kept["search:many"] > FUZZY_ALL  # type: ignore[no-any-return]


def _fuzzy_candidates(conn: Connection, query: str) -> list[tuple[str, str, str]]:
    """(norm, entity id, kind) of the names to compare with `query`: every name on a store
    of up to `FUZZY_ALL`; else those containing the first `FUZZY_PIECE` letters of a word
    of it, through the name index (migration 6)."""
    if not _many_names(conn):
        return _alias_norms(conn)
    out: dict[tuple[str, str, str], None] = {}
    for piece in dict.fromkeys(w[:FUZZY_PIECE] for w in query.split()):
        if len(piece) < FUZZY_PIECE:
            continue
        found = entity_reads.norms_containing(conn, piece, FUZZY_CANDIDATES)
        out.update(dict.fromkeys((r.norm, r.entity_id, r.kind) for r in found))
    return list(out)


def close_names(conn: Connection, text: str, limit: int = 10) -> list[tuple[str, str]]:
    """(canonical id, kind) of the names spelt nearly like `text`, closest first."""
    judged = Judged.load(conn)
    query = keys.person_norm(text)
    if not 4 <= len(query) <= NAME_LONGEST:
        return []  # too short to be told apart, or too long to be a name
    rows = _fuzzy_candidates(conn, query)
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
