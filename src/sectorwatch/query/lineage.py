"""What an organisation was before and became after: merger and rename links (W3C ORG's
ChangeEvent: original organisations, resulting organisation, date).

The store writes each change with its result when the article gives it (a rename's new
name; a merger's combined body, `store.facts`). For a change stored without one (a
completed merger whose result another article names) the resulting organisation is the
organisation the store knows by the parties' names joined ("A and B", the combined body
an article names); else the party an evidence sentence says the others went "into"
("absorbed into B"). Every report of the same change (sharing a party, any stage) is one
`Change` naming every party, its stages and articles kept.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection

from sectorwatch import dates
from sectorwatch.query.common import EvidenceRef, Judged, evidence_for, names_of
from sectorwatch.store import entity_reads, keys, reads

STAGE_ORDER = ("proposed", "requested", "announced", "completed")


@dataclass
class Change:
    """One organisational change as seen from one organisation."""

    kind: str  # merger, rename, ...
    relation: str  # predecessor | successor | party
    organisation_id: str  # the other organisation
    organisation: str
    parties: list[str]  # names of the original organisations
    result: str | None  # name of the resulting organisation, when known
    stage: str | None  # the furthest stage reported
    date: str | None  # that stage's date
    first_reported: str | None
    last_reported: str | None
    evidence: list[EvidenceRef] = field(default_factory=list)


@dataclass
class Lineage:
    predecessors: list[Change] = field(default_factory=list)
    successors: list[Change] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)  # every change it was a party to


def describe_change(c: Change) -> str:
    """A change in words, as seen from the organisation asked about: "renamed Wold Health
    from 2025-04 (announced)", "formed from A (merger, completed 2025-04-01)"."""
    when = f" {c.date}" if c.date else ""
    if c.relation == "predecessor":
        head = (
            f"renamed from {c.organisation}"
            if c.kind == "rename"
            else (f"formed from {c.organisation} ({c.kind}")
        )
    elif c.relation == "successor":
        head = (
            f"renamed {c.organisation}"
            if c.kind == "rename"
            else (f"became part of {c.organisation} ({c.kind}")
        )
    else:
        head = f"{c.kind} with {c.organisation} ("
    stage = c.stage or "stage not stated"
    if head.endswith("("):
        return f"{head}{stage}{when})"
    if "(" in head:
        return f"{head}, {stage}{when})"
    return f"{head} ({stage}{when})"


def follows(change: Change, on: str) -> bool:
    """Whether the date `on` is before the change took effect (an undated change: never
    known to be)."""
    if not change.date or not dates.is_partial_date(change.date):
        return False
    return dates.interval(on)[0] < dates.interval(change.date)[0]


def _combined(conn: Connection, parties: list[str], names: dict[str, str]) -> str | None:
    """An organisation named as the parties joined ("A and B", in either order)."""
    if len(parties) < 2:
        return None
    wanted = set()
    plain = [keys.organisation_norm(names.get(p, p)) for p in parties]
    wanted.add(" and ".join(plain))
    wanted.add(" and ".join(reversed(plain)))
    return reads.organisation_by_alias_norm(conn, wanted)


def _into(sentence: str, parties: list[str], names: dict[str, str]) -> str | None:
    for p in parties:
        name = names.get(p)
        if name and re.search(rf"\binto (?:\w+ )?(?:the )?{re.escape(name)}", sentence):
            return p
    return None


def _related(
    every: list[tuple[Any, list[str]]], ids: set[str], judged: Judged
) -> list[tuple[Any, list[str]]]:
    """The reports that may concern `ids`: those naming them (as a party or the result),
    those whose result is still to be worked out (a completed merger stored without one),
    and the reports sharing a party with any of these (the same change); names and
    evidence are then read for these only."""

    def touches(r: Any, parties: list[str]) -> bool:
        result = judged.canon(r["result_id"]) or r["result_id"]
        unknown = r["kind"] == "merger" and r["stage"] == "completed" and not result
        return unknown or bool(ids & {*parties, result})

    kept = {i for i, m in enumerate(every) if touches(*m)}
    seen = {p for i in kept for p in every[i][1]}
    while more := {i for i, (_, ps) in enumerate(every) if i not in kept and seen & set(ps)}:
        kept |= more
        seen |= {p for i in more for p in every[i][1]}
    return [every[i] for i in sorted(kept)]


def _joined_parties(conn: Connection, ids: set[str]) -> set[str]:
    """The organisations whose names `ids`' names join ("A and B", "A and B and C"): the
    parties of a merger whose result the questions work out to be one of `ids` by name
    (`_combined`). Every run of the pieces of a name split at its "and"s is looked up (a
    party's own name may hold one), so that none is missed."""
    runs = set()
    for norm in entity_reads.organisation_norms_joining(conn, ids):
        pieces = norm.split(" and ")
        n = len(pieces)
        runs |= {
            " and ".join(pieces[i:j]) for i in range(n) for j in range(i + 1, n + 1) if j - i < n
        }
    return set(entity_reads.organisations_with_norms(conn, runs)) if runs else set()


def _stored_changes(conn: Connection, ids: set[str], judged: Judged) -> list[Any]:
    """The stored changes (not rejected) that may concern `ids`, in the order stored: those
    naming them (as a party or the result), those naming the parties of a body they are
    named as the merger of (`_joined_parties`), and every change sharing a party with any
    of these, and so on (`_related` keeps those of `ids` among them). Read by the parties'
    and results' indexes (`named_parties`, migration 11), never every change of the store:
    the changes left out concern other organisations only, so the lineage is that of
    reading them all."""
    rejected, found = judged.rejected, set[str]()
    asked = set(ids)
    touching = reads.changes_touching(conn, asked | _joined_parties(conn, ids), asked)
    while touching:
        new = [(c, o) for c, o in touching if c not in found and c not in rejected]
        found.update(c for c, _ in new)
        parties = {judged.canon(p) or p for _, o in new for p in json.loads(o or "[]")}
        wanted = {i for p in parties for i in judged.cluster(p)} - asked
        asked |= wanted
        touching = reads.changes_touching(conn, wanted) if wanted else []
    return reads.changes_by_claim(conn, found) if found else []


def lineage(conn: Connection, org_id: str, judged: Judged) -> Lineage:
    """The changes `org_id` (and its merged ids) took part in or resulted from."""
    ids = set(judged.cluster(org_id))
    rows = _stored_changes(conn, ids, judged)
    every = []
    for r in rows:
        parties = [judged.canon(o) or o for o in json.loads(r["organisations"] or "[]")]
        every.append((r, parties))
    mine = _related(every, ids, judged)
    everyone = {p for _, ps in mine for p in ps}
    everyone |= {r["result_id"] for r, _ in mine if r["result_id"]}
    names = names_of(conn, everyone | ids)
    ev = evidence_for(conn, [r["claim_id"] for r, _ in mine])
    # reports sharing a party are one change (every stage; one report may name one party)
    groups: list[tuple[str, set[str], list[tuple[Any, list[str]]]]] = []
    for r, parties in sorted(mine, key=lambda m: m[0]["observed"] or "9999"):
        home = next((g for g in groups if g[0] == r["kind"] and g[1] & set(parties)), None)
        if home is None:
            groups.append((r["kind"], set(parties), [(r, parties)]))
        else:
            home[1].update(parties)
            home[2].append((r, parties))
    out = Lineage()
    for kind, party_set, reports in groups:
        parties = list(dict.fromkeys(p for _, ps in reports for p in ps))
        result = _result(conn, reports, parties, names, ev, judged)
        if not (ids & party_set or (result and result in ids)):
            continue
        reports.sort(key=lambda x: _stage_rank(x[0]["stage"]))
        furthest = reports[-1][0]
        seen = sorted(r["observed"] for r, _ in reports if r["observed"])
        if result:
            names.update(names_of(conn, {result}))
        base = Change(
            kind=kind,
            relation="party",
            organisation_id="",
            organisation="",
            parties=[names.get(p, p) for p in parties],
            result=names.get(result, result) if result else None,
            stage=furthest["stage"],
            # the furthest stage's date, else the date an earlier stage gave it ("will
            # become X from 1 April", then "X, formerly Y")
            date=next((r["date"] for r, _ in reversed(reports) if r["date"]), None),
            first_reported=seen[0] if seen else None,
            last_reported=seen[-1] if seen else None,
            evidence=[e for r, _ in reports if (e := ev.get(r["claim_id"]))],
        )

        def change(relation: str, other: str, base: Change = base) -> Change:
            return replace(
                base, relation=relation, organisation_id=other, organisation=names.get(other, other)
            )

        if result and result in ids:
            out.predecessors += [change("predecessor", p) for p in parties if p not in ids]
        elif result:
            out.successors.append(change("successor", result))
        out.changes += [change("party", p) for p in parties if p not in ids][:1]
    return out


def _stage_rank(stage: str | None) -> int:
    return STAGE_ORDER.index(stage) if stage in STAGE_ORDER else -1


def _result(
    conn: Connection,
    reports: list[tuple[Any, list[str]]],
    parties: list[str],
    names: dict[str, str],
    ev: dict[str, EvidenceRef],
    judged: Judged,
) -> str | None:
    """The resulting organisation of a change, when it is known (module docstring)."""
    result = next((r["result_id"] for r, _ in reports if r["result_id"]), None)
    if result is None and any(r["stage"] == "completed" for r, _ in reports):
        result = _combined(conn, parties, names)
        for r, _ in reports:
            if result is not None:
                break
            said = ev.get(r["claim_id"])
            result = _into(said.sentence, parties, names) if said else None
    return (judged.canon(result) or result) if result else None
