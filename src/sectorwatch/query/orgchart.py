"""`orgchart ORG --on DATE`: an organisation's posts, their holders and reporting lines,
each line a term of its own, valid on the date by its evidence (`query.terms.line_on`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine

from sectorwatch.query.common import (
    EvidenceRef,
    Judged,
    check_date,
    connected,
    evidence_for,
    names_of,
    require_entity,
    today,
)
from sectorwatch.query.holders import Holder, holders, same_posts
from sectorwatch.query.terms import line_on, line_spans
from sectorwatch.store import reads


@dataclass
class Node:
    """A post (with its holders) or a person named as a superior."""

    id: str
    kind: str  # post | person
    label: str
    organisation: str | None = None
    holders: list[Holder] = field(default_factory=list)


@dataclass
class Line:
    subordinate: str  # node id
    superior: str  # node id
    evidence: EvidenceRef | None = None


@dataclass
class OrgChart:
    organisation: str
    organisation_id: str
    on: str
    nodes: list[Node] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)


def _ends(row: Any, judged: Judged) -> tuple[str, str]:
    """A reporting line's (subordinate, superior): a post, else a person (canonical)."""
    sub = row.subordinate_post_id or judged.canon(row.subordinate_person_id) or ""
    sup = row.superior_post_id or judged.canon(row.superior_person_id) or ""
    return sub, sup


def orgchart(engine: Engine | Connection, organisation: str, on: str | None = None) -> OrgChart:
    on = check_date(on, "--on") or today()
    with connected(engine) as conn:
        judged = Judged.load(conn)
        org_id = require_entity(conn, organisation, "organisation")[0]
        org_ids = judged.cluster(org_id)
        org_names = names_of(conn, {org_id})
        own = list(reads.posts_of(conn, org_ids))
        same = same_posts(conn, [p.id for p in own], judged)  # a role once per joined body
        own = [p for p in own if same.get(p.id, p.id) == p.id]
        post_ids = {p.id for p in own}
        line_rows = reads.reporting_lines_touching(conn, org_ids, post_ids)
        line_rows = [r for r in line_rows if r.claim_id not in judged.rejected]
        spans = line_spans([(_ends(r, judged), r.valid_from, r.valid_to, r.observed)
                            for r in line_rows])  # fmt: skip
        line_rows = [r for r in line_rows if line_on(_ends(r, judged), spans, on)]
        other_posts = {
            p
            for r in line_rows
            for p in (r.subordinate_post_id, r.superior_post_id)
            if p and p not in post_ids
        }
        if other_posts:
            own += reads.posts_by_id(conn, other_posts)
        by_post = holders(conn, [p.id for p in own], on, judged)
        people = {
            judged.canon(p) or p
            for r in line_rows
            for p in (r.subordinate_person_id, r.superior_person_id)
            if p
        }
        names = names_of(conn, people | {p.organisation_id for p in own if p.organisation_id})
        chart = OrgChart(org_names.get(org_id, organisation), org_id, on)
        for p in sorted(own, key=lambda p: (p.organisation_id not in org_ids, p.role)):
            chart.nodes.append(
                Node(p.id, "post", p.role, names.get(p.organisation_id), by_post.get(p.id, []))
            )
        for person in sorted(people):
            chart.nodes.append(Node(person, "person", names.get(person, person)))
        first: dict[tuple[str, str], str] = {}  # each line once, from its first claim
        for r in line_rows:
            sub = r.subordinate_post_id or judged.canon(r.subordinate_person_id)
            sup = r.superior_post_id or judged.canon(r.superior_person_id)
            if sub and sup and (sub, sup) not in first:
                first[(sub, sup)] = r.claim_id
        ev = evidence_for(conn, list(first.values()))
        for (sub, sup), claim_id in first.items():
            chart.lines.append(Line(sub, sup, ev.get(claim_id)))
        _drop_people_who_hold_posts(chart)
        _name_their_posts(conn, chart, on, judged)
        return chart


def _name_their_posts(conn: Connection, chart: OrgChart, on: str, judged: Judged) -> None:
    """A person node says the post they held on the date: "Tobias Wren, chair, Fernleigh
    Health Board", not a bare name."""
    from sectorwatch.query.holders import roles_on

    people = {n.id for n in chart.nodes if n.kind == "person"}
    held = roles_on(conn, people, on, judged)
    for node in chart.nodes:
        role = held.get(node.id)
        if node.kind == "person" and role is not None:
            node.label = ", ".join(p for p in (node.label, role.role, role.organisation) if p)


def _drop_people_who_hold_posts(chart: OrgChart) -> None:
    """A superior named as a person who holds a post in the chart becomes that post."""
    held = {h.person_id: n.id for n in chart.nodes if n.kind == "post" for h in n.holders}
    for line in chart.lines:
        line.subordinate = held.get(line.subordinate, line.subordinate)
        line.superior = held.get(line.superior, line.superior)
    used = {x for line in chart.lines for x in (line.subordinate, line.superior)}
    chart.nodes = [n for n in chart.nodes if n.kind == "post" or n.id in used]
