"""The rows of the index pages: every event, person, organisation and post holder, as flat
dicts with their facet values (`sectorwatch.query.tables` filters and pages them).

Judgements apply (rejected claims left out, merged entities counted once under their
canonical id, edited dates and statuses used). A SQLite connection keeps the rows until the
store changes (`common.snapshot`), so paging through an index reads the store once.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection

from sectorwatch import dates
from sectorwatch.query.common import (
    Judged,
    evidence_for,
    first_line,
    names_of,
    snapshot,
    today,
)
from sectorwatch.query.holders import NOT_HOLDING, holders
from sectorwatch.query.kinds import organisation_kind
from sectorwatch.query.tables import TableSpec
from sectorwatch.store import entity_reads, reads

EVENTS = TableSpec(
    "events",
    ("type", "status", "organisation", "organisation_kind", "role", "year", "month", "publisher"),
    ("-date", "date", "reported", "-reported", "type", "person", "organisation"),
    "-date",
    "date",
    "date",
)
PEOPLE = TableSpec(
    "people",
    ("role", "organisation", "organisation_kind"),
    ("name", "-quotes", "-events", "-roles", "-last_reported", "first_reported"),
    "name",
    "first_reported",
    "last_reported",
)
ORGANISATIONS = TableSpec(
    "organisations",
    ("organisation_kind",),
    ("name", "-events", "-people", "-posts", "-last_reported"),
    "name",
    "first_reported",
    "last_reported",
)
POSTS = TableSpec(
    "posts",
    ("role", "organisation", "organisation_kind", "status"),
    ("organisation", "role", "person", "-valid_from", "valid_from", "valid_to"),
    "organisation",
    "valid_from",
    "until",
)
SPECS = {s.name: s for s in (EVENTS, PEOPLE, ORGANISATIONS, POSTS)}
POST_DATES_KEPT = 8  # dates whose post holders a connection keeps at once


def _kept(conn: Connection, key: str, build: Any) -> list[dict[str, Any]]:
    kept = snapshot(conn)
    if key not in kept:
        kept[key] = build()
    return kept[key]  # type: ignore[no-any-return]


def _year(value: str | None) -> str | None:
    return value[:4] if value and dates.is_partial_date(value) else None


def _month(value: str | None) -> str | None:
    return value[:7] if value and dates.is_partial_date(value) and len(value) >= 7 else None


def event_rows(conn: Connection) -> list[dict[str, Any]]:
    """Every event not rejected, newest first (its sentence: `with_sentences`)."""
    return _kept(conn, "index:events", lambda: _event_rows(conn))


def _event_rows(conn: Connection) -> list[dict[str, Any]]:
    judged = Judged.load(conn)
    found = reads.events_with_posts(conn)
    rows = [r for r in found if r["claim_id"] not in judged.rejected]
    ids: set[str] = set()
    for r in rows:
        ids |= {i for i in (judged.canon(r["person_id"]), judged.canon(r["organisation_id"])) if i}
        ids |= {judged.canon(o) or o for o in json.loads(r["organisations"] or "[]")}
    names = names_of(conn, ids)
    out = []
    for r in rows:
        cid = r["claim_id"]
        fixed = judged.edited(
            cid,
            status=r["status"],
            date=r["date"],
            announced=r["announced"],
            effective=r["effective"],
        )
        when = fixed["effective"] or fixed["date"] or fixed["announced"] or r["observed"]
        person = judged.canon(r["person_id"])
        org = judged.canon(r["organisation_id"])
        bodies = [judged.canon(o) or o for o in json.loads(r["organisations"] or "[]")]
        org_names = [names.get(o, o) for o in ([org] if org else []) + bodies if o]
        out.append(
            {
                "id": cid,
                "type": r["type"],
                "person": names.get(person) if person else None,
                "person_id": person,
                "role": r["role"],
                "organisation": list(dict.fromkeys(org_names)),
                "organisation_id": org,
                "organisation_kind": sorted({organisation_kind(n) for n in org_names}),
                "status": fixed["status"],
                "date": when,
                "effective": fixed["effective"],
                "announced": fixed["announced"],
                "reported": r["observed"],
                "year": _year(when),
                "month": _month(when),
                "publisher": r["publisher"],
                "article_id": r["article_id"],
                "article_title": first_line(r["article_title"]),
            }
        )
    out.sort(key=lambda e: (e["date"] or "", e["id"]), reverse=True)
    return out


def with_sentences(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`rows` (of one page) each with the `sentence` it was read in."""
    ev = evidence_for(conn, [r["id"] for r in rows])
    return [{**r, "sentence": ev[r["id"]].sentence if r["id"] in ev else ""} for r in rows]


def _first_last(values: list[str | None]) -> tuple[str | None, str | None]:
    dated = sorted(v for v in values if v and dates.is_partial_date(v))
    return (dated[0], dated[-1]) if dated else (None, None)


def people_rows(conn: Connection) -> list[dict[str, Any]]:
    """Every person (canonical ids), with their role titles, organisations and counts."""
    return _kept(conn, "index:people", lambda: _people_rows(conn))


def _people_rows(conn: Connection) -> list[dict[str, Any]]:
    judged = Judged.load(conn)
    people = [
        entity_id
        for entity_id in entity_reads.entity_ids_of_kind(conn, "person")
        if judged.canon(entity_id) == entity_id
    ]
    roles: dict[str, set[str]] = defaultdict(set)
    orgs: dict[str, set[str]] = defaultdict(set)
    posts_held: dict[str, set[str]] = defaultdict(set)
    seen: dict[str, list[str | None]] = defaultdict(list)
    held = reads.terms_with_posts(conn)
    org_ids = {judged.canon(r.organisation_id) for r in held if r.organisation_id}
    names = names_of(conn, {o for o in org_ids if o} | set(people))
    for r in held:
        if r.claim_id in judged.rejected:
            continue
        p = judged.canon(r.person_id) or r.person_id
        roles[p].add(r.role)
        posts_held[p].add(r.post_id)
        seen[p].append(r.observed)
        o = judged.canon(r.organisation_id)
        if o and o in names:
            orgs[p].add(names[o])
    from sectorwatch.query.browse import most_quoted

    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for e in event_rows(conn):
        if e["person_id"]:
            counts[e["person_id"]]["events"] += 1
            seen[e["person_id"]].append(e["reported"])
    for q in most_quoted(conn, len(people) + 1):
        counts[q.entity_id]["quotes"] = q.quotes
    out = []
    for p in people:
        first, last = _first_last(seen[p])
        org_names = sorted(orgs[p])
        out.append(
            {
                "id": p,
                "name": names.get(p, p),
                "role": sorted(roles[p]),
                "organisation": org_names,
                "organisation_kind": sorted({organisation_kind(o) for o in org_names}),
                "roles": len(posts_held[p]),
                "events": counts[p]["events"],
                "quotes": counts[p]["quotes"],
                "first_reported": first,
                "last_reported": last,
            }
        )
    return out


def organisation_rows(conn: Connection) -> list[dict[str, Any]]:
    """Every organisation (canonical ids), with its kind and counts."""
    return _kept(conn, "index:organisations", lambda: _organisation_rows(conn))


def _organisation_rows(conn: Connection) -> list[dict[str, Any]]:
    judged = Judged.load(conn)
    orgs = [
        entity_id
        for entity_id in entity_reads.entity_ids_of_kind(conn, "organisation")
        if judged.canon(entity_id) == entity_id
    ]
    names = names_of(conn, set(orgs))
    n_posts: dict[str, int] = defaultdict(int)
    people: dict[str, set[str]] = defaultdict(set)
    seen: dict[str, list[str | None]] = defaultdict(list)
    for r in reads.posts_with_terms_of_office(conn):
        o = judged.canon(r.organisation_id)
        if not o:
            continue
        if r.person_id and r.claim_id not in judged.rejected:
            people[o].add(judged.canon(r.person_id) or r.person_id)
            seen[o].append(r.observed)
    for org_id, n in reads.post_counts(conn):
        if org_id:
            n_posts[judged.canon(org_id) or org_id] += n
    n_events: dict[str, int] = defaultdict(int)
    for e in event_rows(conn):
        if e["organisation_id"]:
            n_events[e["organisation_id"]] += 1
            seen[e["organisation_id"]].append(e["reported"])
    out = []
    for o in orgs:
        first, last = _first_last(seen[o])
        name = names.get(o, o)
        out.append(
            {
                "id": o,
                "name": name,
                "organisation_kind": organisation_kind(name),
                "posts": n_posts[o],
                "people": len(people[o]),
                "events": n_events[o],
                "first_reported": first,
                "last_reported": last,
            }
        )
    return out


def post_rows(conn: Connection, on: str | None = None) -> list[dict[str, Any]]:
    """Every post's holders: with `on`, those holding it on that date (status on that date);
    without, everyone ever reported in it (status today)."""
    key = f"index:posts:{on or ''}"
    kept = snapshot(conn)
    dated = [k for k in kept if k.startswith("index:posts:")]
    if key not in kept and len(dated) >= POST_DATES_KEPT:
        for k in dated:  # a few dates at a time, not one copy per date ever asked
            del kept[k]
    return _kept(conn, key, lambda: _post_rows(conn, on))


def _post_rows(conn: Connection, on: str | None) -> list[dict[str, Any]]:
    judged = Judged.load(conn)
    found = reads.every_post_role(conn)
    by_post = holders(conn, [p.id for p in found], on or today(), judged, include_all=on is None)
    names = names_of(conn, {judged.canon(p.organisation_id) or "" for p in found})
    out = []
    for p in found:
        org = judged.canon(p.organisation_id)
        org_name = names.get(org) if org else None
        for h in by_post.get(p.id, []):
            holding = h.status not in NOT_HOLDING
            out.append(
                {
                    "post_id": p.id,
                    "role": p.role,
                    "organisation": org_name,
                    "organisation_id": org,
                    "organisation_kind": organisation_kind(org_name),
                    "person": h.name,
                    "person_id": h.person_id,
                    "status": h.status,
                    "valid_from": h.valid_from,
                    "valid_to": h.valid_to,
                    # the interval a date range is matched against: open roles run to today
                    "until": h.valid_to or (today() if holding else None),
                    "claim_id": h.evidence.claim_id if h.evidence else None,
                    "article_id": h.evidence.article_id if h.evidence else None,
                    "sentence": h.evidence.sentence if h.evidence else "",
                    "confidence": h.evidence.confidence if h.evidence else None,
                    "alternatives": len(h.alternatives),
                }
            )
    return out
