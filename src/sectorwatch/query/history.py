"""`history ORG --role ROLE`: the holders of a post in order, each term with its start and
end (and why), interim and acting holders as their own terms, who replaced whom, and
every report of it. Built from `query.terms`, like `who`; a renamed or merged
organisation's predecessors are followed (`query.lineage`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine

from sectorwatch.query.common import (
    EvidenceRef,
    Judged,
    connected,
    evidence_of,
    names_of,
    require_entity,
)
from sectorwatch.query.holders import load_posts, post_terms
from sectorwatch.query.lineage import Change, lineage
from sectorwatch.query.terms import Term, term_order
from sectorwatch.query.who import matching_posts
from sectorwatch.store import keys


@dataclass
class TermAnswer:
    person_id: str
    name: str
    organisation_id: str | None
    organisation: str | None
    kind: str  # substantive | interim | acting
    start: str | None
    start_basis: str | None
    end: str | None
    end_cause: str | None
    ended_by: str | None  # ended on or before this date
    first_reported: str | None
    last_reported: str | None
    announced: str | None
    leaving: str | None
    replaces: str | None  # person id
    replaces_name: str | None
    replaced_by: str | None
    replaced_by_name: str | None
    undated: bool
    summary: str  # the term in words
    evidence: list[EvidenceRef] = field(default_factory=list)  # preferred first


@dataclass
class HistoryAnswer:
    organisation: str
    organisation_id: str
    role: str
    terms: list[TermAnswer] = field(default_factory=list)
    predecessors: list[Change] = field(default_factory=list)  # what this organisation was
    successors: list[Change] = field(default_factory=list)  # what it became


def describe(term: Term, names: dict[str, str]) -> str:
    """A term in words: "from 2021-08-01 to 2024-07-31 (departure)"."""
    if term.start:
        begin = f"from {term.start}"
    elif term.first_reported:
        begin = f"start unknown (first reported {term.first_reported})"
    elif term.announced:
        begin = f"announced {term.announced}, start unknown"
    else:
        begin = "start unknown"
    if term.end:
        finish = f"to {term.end} ({term.end_cause})"
    elif term.ended_by:
        finish = f"ended by {term.ended_by} ({term.end_cause})"
    elif term.leaving_reported:
        finish = "to leave " + (f"on {term.leaving}" if term.leaving else "(date not given)")
    elif term.last_reported:
        finish = f"last reported {term.last_reported}"
    else:
        finish = "end unknown"
    text = f"{begin}, {finish}"
    if term.replaces:
        text += f"; replaced {names.get(term.replaces, term.replaces)}"
    if term.undated:
        text += "; undated articles only"
    return text


def history(engine: Engine, organisation: str, role: str) -> HistoryAnswer:
    """Every term of `role` at `organisation` (and at the bodies it was before), in order."""
    with connected(engine) as conn:
        judged = Judged.load(conn)
        org_id = require_entity(conn, organisation, "organisation")[0]
        changes = lineage(conn, org_id, judged)
        org_ids = list(judged.cluster(org_id))
        for c in changes.predecessors:
            org_ids += [o for o in judged.cluster(c.organisation_id) if o not in org_ids]
        found = matching_posts(conn, org_ids, role)
        by_post, sources = post_terms(conn, [p for p, _ in found], judged)
        post_rows = load_posts(conn, list(by_post))
        terms = [t for ts in by_post.values() for t in ts]
        names = names_of(
            conn,
            {t.person_id for t in terms}
            | {p for t in terms for p in (t.replaces, t.replaced_by) if p},
        )
        ev = evidence_of(conn, [sources[c.claim_id] for t in terms for c in t.claims])
        answer = HistoryAnswer(
            names_of(conn, {org_id}).get(org_id, organisation),
            org_id,
            keys.role_norm(role),
            predecessors=changes.predecessors,
            successors=changes.successors,
        )
        for t in sorted(terms, key=term_order):
            post = post_rows.get(t.post_id)
            answer.terms.append(
                TermAnswer(
                    person_id=t.person_id,
                    name=names.get(t.person_id, t.person_id),
                    organisation_id=post.organisation_id if post else None,
                    organisation=post.organisation if post else None,
                    kind=t.kind,
                    start=t.start,
                    start_basis=t.start_basis,
                    end=t.end,
                    end_cause=t.end_cause,
                    ended_by=t.ended_by,
                    first_reported=t.first_reported,
                    last_reported=t.last_reported,
                    announced=t.announced,
                    leaving=t.leaving,
                    replaces=t.replaces,
                    replaces_name=names.get(t.replaces) if t.replaces else None,
                    replaced_by=t.replaced_by,
                    replaced_by_name=names.get(t.replaced_by) if t.replaced_by else None,
                    undated=t.undated,
                    summary=describe(t, names),
                    evidence=[e for c in t.claims if (e := ev.get(c.claim_id))],
                )
            )
        return answer
