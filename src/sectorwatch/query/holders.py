"""Who holds a post on a date, from the terms of office built from every claim about it.

For each (post, person) the claims are occupancies read in articles and leadership events
(a departure ends a term, an appointment starts one); `query.terms` turns them into terms
(interim and acting apart), links successions, and says each term's status on the date
with its basis in words ("in post from 2021-08-01, per ...", "reported in post on
2021-06-03, start unknown", "announced to leave on 2024-07-31"). Candidates are ranked: in
post by the evidence, then presumed after the last report, then undated; then the more
recent report.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection

from sectorwatch.query.common import (
    ClaimSource,
    EvidenceRef,
    Judged,
    date_interval,
    evidence_of,
    names_of,
    question_memo,
    sources_with_evidence,
)
from sectorwatch.query.terms import NOT_HOLDING, HolderClaim, Standing, Term, standing
from sectorwatch.store import page_reads, reads, term_rows
from sectorwatch.store.tenure import build_terms, event_claim, occupancy_claim

__all__ = [
    "NOT_HOLDING", "HeldRole", "Holder", "HolderClaim", "Post", "Ranked", "holders", "holders_for",
    "holders_of", "in_order", "ranked_terms", "roles_on",
]  # fmt: skip


@dataclass
class Holder:
    person_id: str
    name: str
    post_id: str
    status: str
    valid_from: str | None  # the term's start (None: unknown)
    valid_to: str | None  # the term's end (None: unknown or still in post)
    evidence: EvidenceRef | None
    alternatives: list[HolderClaim] = field(default_factory=list)
    basis: str = ""  # why: "in post from 2021-08-01, per ..."
    kind: str = "substantive"  # substantive | interim | acting
    rank: int = 0  # 0 by the evidence, 1 presumed after the last report, 2 undated, 3 former
    first_reported: str | None = None
    last_reported: str | None = None
    ended_by: str | None = None  # ended on or before this date (a "former" report)
    end_cause: str | None = None
    replaces: str | None = None  # person id
    replaced_by: str | None = None  # person id
    undated: bool = False  # the answer rests on an undated article


def same_posts(conn: Connection, post_ids: list[str], judged: Judged) -> dict[str, str]:
    """{post id: the post it is}: posts of one role at organisations joined as one (a merge,
    a stated alias) are one post, the first of `post_ids`, so its terms are one history."""
    first: dict[tuple[str | None, str], str] = {}
    out: dict[str, str] = {}
    rows = {r.id: r for r in reads.posts_by_id(conn, post_ids)}
    for post_id in post_ids:
        row = rows.get(post_id)
        if row is None:
            continue
        org = judged.canon(row.organisation_id) or row.organisation_id
        out[post_id] = first.setdefault((org, row.role), post_id)
    return out


def claims_for_posts(
    conn: Connection,
    post_ids: list[str],
    judged: Judged,
    people: list[str] | None = None,
    sources_of: set[str] | None = None,
) -> tuple[dict[tuple[str, str], list[HolderClaim]], dict[str, ClaimSource]]:
    """The claims about each (post, canonical person), and where each claim was read;
    with `people` (entity ids, every member of their clusters), only claims naming them;
    with `sources_of` (canonical person ids), where only their claims were read: the
    claims' own rows are then read only for those and for the claims that share a term
    with another (whose origin orders them), not for every claim of the posts."""
    grouped: dict[tuple[str, str], list[HolderClaim]] = defaultdict(list)
    sources: dict[str, ClaimSource] = {}
    if not post_ids:
        return grouped, sources
    same = same_posts(conn, post_ids, judged)
    if sources_of is not None and people is None:
        occupancy_rows, event_rows = _rows_read_lightly(conn, post_ids, judged, same, sources_of)
    else:
        occupancy_rows = [
            (row[:7], row[8], row[7], ClaimSource.of(row[0], row, 9))
            for row in reads.holding_claims(conn, post_ids, people)
        ]
        event_rows = [
            (row[:9], ClaimSource.of(row[0], row, 9))
            for row in reads.holding_events(conn, post_ids, people)
        ]
    for (cid, post, person, status, vf, vt, observed), article, origin, source in occupancy_rows:
        if cid in judged.rejected:
            continue
        if source is not None:
            sources[cid] = source
        key = (same.get(post, post), judged.canon(person) or person)
        if cid in judged.edits:  # a judged date or status (store.judgements.edit)
            fixed = judged.edited(cid, status=status, valid_from=vf, valid_to=vt)
            status, vf, vt = fixed["status"] or status, fixed["valid_from"], fixed["valid_to"]
            origin = "curated"
        grouped[key].append(occupancy_claim(cid, status, vf, vt, observed, origin, article))
    for (cid, post, person, kind, status, effective, observed, article, when), source in event_rows:
        if cid in judged.rejected:
            continue
        if source is not None:
            sources[cid] = source
        key = (same.get(post, post), judged.canon(person) or person)
        if cid in judged.edits:  # a judged date or status (store.judgements.edit)
            fixed = judged.edited(cid, status=status, effective=effective)
            status, effective = fixed["status"], fixed["effective"]
        grouped[key].append(event_claim(cid, kind, status, effective, observed, article, when))
    return grouped, sources


UNREAD_ORIGIN = ""
"""The origin of a claim whose row was not read: it is alone in its term, where nothing
compares it (`HolderClaim.key` orders the claims of one term)."""


def _rows_read_lightly(
    conn: Connection,
    post_ids: list[str],
    judged: Judged,
    same: dict[str, str],
    sources_of: set[str],
) -> tuple[list[tuple], list[tuple]]:
    """The rows `claims_for_posts` reads, each claim's own row (its origin and source)
    read only where it is needed: for the claims of `sources_of` and for claims that share
    a term (post, person) with another."""
    occupancy = reads.holding_claim_dates(conn, post_ids)
    told = reads.holding_event_dates(conn, post_ids)
    canon = judged.canon
    terms_of = [(same.get(r[1], r[1]), canon(r[2]) or r[2]) for r in occupancy]
    event_terms = [(same.get(r[1], r[1]), canon(r[2]) or r[2]) for r in told]
    rejected = judged.rejected
    reports = Counter(k for r, k in zip(occupancy, terms_of, strict=True) if r[0] not in rejected)
    reports.update(k for r, k in zip(told, event_terms, strict=True) if r[0] not in rejected)
    wanted = {r[0] for r, k in zip(told, event_terms, strict=True) if k[1] in sources_of}
    wanted.update(
        r[0]
        for r, k in zip(occupancy, terms_of, strict=True)
        if k[1] in sources_of or reports[k] > 1
    )
    found = reads.claim_sources(conn, wanted)

    def source(cid: str) -> ClaimSource:
        row = found.get(cid)  # an event's claim may have no row (its outer join's Nones)
        return ClaimSource.of(cid, row, 1) if row else ClaimSource(cid, *(None,) * 6)  # type: ignore[arg-type]

    occupancy_rows = [
        (
            tuple(r[:7]),
            r[7],
            found[r[0]][5] if r[0] in found else UNREAD_ORIGIN,
            source(r[0]) if k[1] in sources_of else None,
        )
        for r, k in zip(occupancy, terms_of, strict=True)
    ]
    event_rows = [
        (tuple(r[:9]), source(r[0]) if k[1] in sources_of else None)
        for r, k in zip(told, event_terms, strict=True)
    ]
    return occupancy_rows, event_rows


def post_terms(
    conn: Connection, post_ids: list[str], judged: Judged, sources_of: set[str] | None = None
) -> tuple[dict[str, list[Term]], dict[str, ClaimSource]]:
    """Every term of each post, successions linked, and where each claim was read (with
    `sources_of`, canonical person ids, only for the claims of their terms). A post whose
    terms the store keeps (`store.term_rows`) and no judgement touches is read, not built."""
    by_post, sources, unread = _post_terms(conn, post_ids, judged, sources_of)
    _read_sources(conn, sources, unread)
    return by_post, sources


def _post_terms(
    conn: Connection,
    post_ids: list[str],
    judged: Judged,
    sources_of: set[str] | None,
    only: set[str] | None = None,
) -> tuple[dict[str, list[Term]], dict[str, ClaimSource], set[str]]:
    """`post_terms`, and the claims of stored terms whose source is not read yet (those
    `sources_of` asks for; every claim of a stored term without it); with `only` (canonical
    person ids), a stored post gives only their terms (a built one gives every term)."""
    judgements = bool(judged.canonical or judged.rejected or judged.edits)
    if only is not None and not judgements:  # only their terms: read only those
        kept = page_reads.stored_terms_of(conn, post_ids, only)
    else:
        kept = _stored(conn, post_ids)
    if judgements:
        merged = judged.canonical.keys() | set(judged.canonical.values())
        kept = {p: form for p, form in kept.items() if _unjudged(form, judged, merged)}
    built = [p for p in post_ids if p not in kept]
    grouped, sources = claims_for_posts(conn, built, judged, sources_of=sources_of)
    roles = reads.post_roles(conn, list({p for p, _ in grouped})) if grouped else {}
    by_post = build_terms(grouped, roles)
    unread: set[str] = set()
    made = question_memo(conn, "stored_term_objects")
    for post, form in kept.items():
        if made is not None and post in made:  # a question of the page built them
            terms = made[post] if only is None else [t for t in made[post] if t.person_id in only]
        else:
            rows = form["t"] if only is None else [r for r in form["t"] if r[0] in only]
            terms = [term_rows.term_of(post, row) for row in rows]
            if made is not None and only is None:  # shared (`holders` only adds evidence)
                made[post] = terms
        if terms:
            by_post[post] = terms
        unread.update(
            c.claim_id
            for t in terms
            if sources_of is None or t.person_id in sources_of
            for c in t.claims
        )
    if kept:  # posts in the order the store gives their reports: occupancies first, by id
        has_occupancy = {p: form["n"] for p, form in kept.items()}
        for post, terms in by_post.items():
            if post not in has_occupancy:
                has_occupancy[post] = int(
                    any(c.source == "occupancy" for t in terms for c in t.claims)
                )
        by_post = {p: by_post[p] for p in sorted(by_post, key=lambda p: (-has_occupancy[p], p))}
    return by_post, sources, unread


def _stored(conn: Connection, post_ids: list[str]) -> dict[str, dict]:  # type: ignore[type-arg]
    """`term_rows.stored`, each post's row read once a question (`question_memo`)."""
    memo = question_memo(conn, "stored_terms")
    if memo is None:
        return term_rows.stored(conn, post_ids)
    missing = [p for p in post_ids if p not in memo]
    if missing:
        found = term_rows.stored(conn, missing)
        memo.update((p, found.get(p)) for p in missing)
    return {p: form for p in post_ids if (form := memo[p]) is not None}


def _unjudged(form: dict, judged: Judged, merged: set[str]) -> bool:  # type: ignore[type-arg]
    """Whether no judgement touches a post's stored terms: none of its claims rejected or
    edited, neither its organisation nor any of its holders merged with another (`merged`:
    every id of a merge, merged or merged into)."""
    if form["o"] in merged:
        return False
    touched = judged.rejected or judged.edits
    for term in form["t"]:
        if term[0] in merged:
            return False
        if touched and any(c[0] in judged.rejected or c[0] in judged.edits for c in term[-1]):
            return False
    return True


def _read_sources(conn: Connection, sources: dict[str, ClaimSource], claim_ids: set[str]) -> None:
    """Where each of `claim_ids` was read, added to `sources` (an event's claim may have no
    row: its source is then empty, as the outer joins of `claims_for_posts` give)."""
    wanted = claim_ids - sources.keys()
    if not wanted:
        return
    memo = question_memo(conn, "claim_sources")
    if memo is not None:
        sources.update((cid, memo[cid]) for cid in wanted if cid in memo)
        wanted = wanted - memo.keys()
        if not wanted:
            return
    found = reads.claim_sources(conn, wanted)
    for cid in wanted:
        row = found.get(cid)
        sources[cid] = ClaimSource.of(cid, row, 1) if row else ClaimSource(cid, *(None,) * 6)  # type: ignore[arg-type]
        if memo is not None:
            memo[cid] = sources[cid]


def _read_sources_with_evidence(
    conn: Connection, sources: dict[str, ClaimSource], claim_ids: set[str]
) -> dict[str, EvidenceRef]:
    """`_read_sources`, and the evidence of the claims whose source it reads, in the same
    statement (`sources_with_evidence`)."""
    wanted = claim_ids - sources.keys()
    memo = question_memo(conn, "claim_sources")
    if memo is not None:
        sources.update((cid, memo[cid]) for cid in wanted if cid in memo)
        wanted = wanted - memo.keys()
    if not wanted:
        return {}
    found, ev = sources_with_evidence(conn, wanted)
    sources.update(found)
    if memo is not None:
        memo.update(found)
    return ev


def _standings(conn: Connection, on: str, names: dict[str, str]) -> Callable[[Term], Standing]:
    """`standing(term, on, names)`, each kept for the question (`question_memo`; the terms
    of stored posts are shared by its questions) while what it rests on is unchanged: the
    evidence of the claim it chose (its basis names that article) and the names of the
    people it names."""
    memo = question_memo(conn, "standings")
    if memo is None:
        return lambda term: standing(term, on, names)
    asked: dict[int, tuple[Term, Standing, EvidenceRef | None]] = {}  # with these names

    def stand(term: Term) -> Standing:
        seen = asked.get(id(term))
        if seen is not None and seen[0] is term and seen[1].claim.evidence is seen[2]:
            return seen[1]
        st = shared(term)
        asked[id(term)] = (term, st, st.claim.evidence)
        return st

    def shared(term: Term) -> Standing:
        key = (id(term), on)
        people = tuple(names.get(p) for p in (term.replaces, term.replaced_by) if p)
        got = memo.get(key)
        if got is not None and got[0] is term and got[2] == people:
            st = got[1]
            if st.claim.evidence is got[3]:
                return st  # type: ignore[no-any-return]
        st = standing(term, on, names)
        memo[key] = (term, st, people, st.claim.evidence)
        return st

    return stand


def holders(
    conn: Connection,
    post_ids: list[str],
    on: str,
    judged: Judged,
    include_all: bool = False,
    people: list[str] | None = None,
    alternatives: bool = True,
) -> dict[str, list[Holder]]:
    """Holders of each post on `on`, ranked (the reason in each `basis`); `include_all`
    keeps every term: former, incoming and those the evidence does not reach. `people`
    (entity ids, whole clusters) answers only their terms: the terms are still built from
    every claim of the posts (a successor ends a predecessor's term), but evidence is loaded
    only for the terms returned (`query.person`). Without `alternatives`, evidence is
    loaded only for each holder's own `evidence` (the claim its status rests on), not for
    its alternatives (a page that shows only the one)."""
    ranked = ranked_terms(conn, post_ids, on, judged, include_all, people)
    return holders_of(conn, ranked, alternatives=alternatives)


@dataclass
class Ranked:
    """The terms `holders` answers, before any evidence is read (`terms`: each post's),
    with what `holders_of` needs to make them `Holder`s."""

    terms: dict[str, list[Term]]
    names: dict[str, str]
    stand: Callable[[Term], Standing]
    sources: dict[str, ClaimSource]
    unread: set[str]


def ranked_terms(
    conn: Connection,
    post_ids: list[str],
    on: str,
    judged: Judged,
    include_all: bool = False,
    people: list[str] | None = None,
) -> Ranked:
    """The terms `holders` answers (its arguments, the same), and no evidence read: a
    status and its rank never depend on it (`in_order` ranks them; a page showing some of
    the holders reads evidence for those only, `holders_of`). The questions of one page
    that ask for the same posts on the same date (an organisation's chart and its
    leaders) share the terms, their names and standings (`question_memo`)."""
    memo = question_memo(conn, "ranked_terms")
    key = (tuple(post_ids), on, None if people is None else tuple(people))
    if memo is not None and key in memo:
        kept, names, stand, sources, unread = memo[key]
    else:
        kept, names, stand, sources, unread = _kept_terms(conn, post_ids, on, judged, people)
        if memo is not None:
            memo[key] = (kept, names, stand, sources, unread)
    answered: dict[str, list[Term]] = {}
    for post, term in kept:
        if include_all or stand(term).status not in NOT_HOLDING:
            answered.setdefault(post, []).append(term)
    return Ranked(answered, names, stand, sources, unread)


def _kept_terms(
    conn: Connection, post_ids: list[str], on: str, judged: Judged, people: list[str] | None
) -> tuple[
    list[tuple[str, Term]],
    dict[str, str],
    Callable[[Term], Standing],
    dict[str, ClaimSource],
    set[str],
]:
    """Every (post, term) `ranked_terms` weighs, and what it weighs them with."""
    wanted = set(people) if people is not None else None
    by_post, sources, unread = _post_terms(conn, post_ids, judged, wanted, only=wanted)
    kept = []
    for post, terms in by_post.items():
        for term in terms:
            if wanted is None or term.person_id in wanted:
                kept.append((post, term))
    named = {t.person_id for _, t in kept} | {
        p for _, t in kept for p in (t.replaces, t.replaced_by) if p
    }
    names = names_of(conn, named)
    return kept, names, _standings(conn, on, names), sources, unread


def in_order(ranked: Ranked) -> dict[str, list[Term]]:
    """Each post's terms in the order of its holders (`holders`): in post first, by rank,
    the more recent report, then name."""
    names, stand = ranked.names, ranked.stand

    def key(term: Term) -> tuple[bool, int, int, str]:
        st = stand(term)
        seen = term.last_reported or term.start
        recency = -date_interval(seen)[1].toordinal() if seen else 0
        return (
            st.status in NOT_HOLDING,
            st.rank,
            recency,
            names.get(term.person_id, term.person_id),
        )

    return {post: sorted(terms, key=key) for post, terms in ranked.terms.items()}


def holders_of(
    conn: Connection, ranked: Ranked, alternatives: bool = True
) -> dict[str, list[Holder]]:
    """`Holder`s of every ranked term, each post's in the order of `in_order`, with their
    evidence (with `alternatives`, their alternatives' too)."""
    answered = [(post, t) for post, found in ranked.terms.items() for t in found]
    out: dict[str, list[Holder]] = defaultdict(list)
    for h in holders_for(conn, ranked, answered, alternatives):
        out[h.post_id].append(h)
    for post in out:
        out[post].sort(key=lambda h: (h.status in NOT_HOLDING, h.rank, _recency(h), h.name))
    return out


def holders_for(
    conn: Connection,
    ranked: Ranked,
    chosen: list[tuple[str, Term]],
    alternatives: bool = True,
) -> list[Holder]:
    """`Holder`s of the (post, term) pairs `chosen` among the ranked terms, in their
    order, with evidence for those only (with `alternatives`, their alternatives' too)."""
    stand, sources, names = ranked.stand, ranked.sources, ranked.names
    if alternatives:
        shown = [c.claim_id for _, t in chosen for c in t.claims]
    else:  # the claim a term's standing rests on does not depend on any evidence
        shown = [stand(t).claim.claim_id for _, t in chosen]
    ev = _read_sources_with_evidence(conn, sources, set(shown) & ranked.unread)
    ev.update(evidence_of(conn, [sources[c] for c in shown if c not in ev]))
    out = []
    for post, term in chosen:
        for c in term.claims:
            if c.claim_id in ev:  # (a term a question's earlier one shares may have more)
                c.evidence = ev[c.claim_id]
        st = stand(term)  # now that the basis can name its article
        out.append(
            Holder(
                person_id=term.person_id,
                name=names.get(term.person_id, term.person_id),
                post_id=post,
                status=st.status,
                valid_from=term.start,
                valid_to=term.end,
                evidence=st.claim.evidence,
                alternatives=[c for c in term.claims if c is not st.claim],
                basis=st.basis,
                kind=term.kind,
                rank=st.rank,
                first_reported=term.first_reported,
                last_reported=term.last_reported,
                ended_by=term.ended_by,
                end_cause=term.end_cause,
                replaces=term.replaces,
                replaced_by=term.replaced_by,
                undated=st.claim.observed is None,
            )
        )
    return out


def _recency(h: Holder) -> int:
    seen = h.last_reported or h.valid_from
    return -date_interval(seen)[1].toordinal() if seen else 0


@dataclass
class Post:
    id: str
    role: str
    organisation_id: str | None
    organisation: str | None  # the organisation's name


def load_posts(conn: Connection, post_ids: list[str]) -> dict[str, Post]:
    """Posts by id, each with its role and its organisation's name."""
    rows = reads.named_posts_by_id(conn, post_ids)
    return {r.id: Post(r.id, r.role, r.organisation_id, r.organisation) for r in rows}


@dataclass
class HeldRole:
    """A post a person held on a date."""

    post_id: str
    role: str
    organisation_id: str | None
    organisation: str | None
    status: str


def roles_on(conn: Connection, people: set[str], on: str, judged: Judged) -> dict[str, HeldRole]:
    """The post each of `people` (canonical ids) held on `on`, if any; a person holding
    several gets the first by holder order."""
    if not people:
        return {}
    every = [m for p in sorted(people) for m in judged.cluster(p)]
    post_ids = reads.posts_held_by(conn, every)
    rows = load_posts(conn, post_ids)
    out: dict[str, HeldRole] = {}
    for post_id, found in _statuses(conn, post_ids, on, judged, people).items():
        post = rows[post_id]
        for person_id, status in found:
            if person_id not in out:
                out[person_id] = HeldRole(
                    post_id, post.role, post.organisation_id, post.organisation, status
                )
    return out


def _statuses(
    conn: Connection, post_ids: list[str], on: str, judged: Judged, people: set[str]
) -> dict[str, list[tuple[str, str]]]:
    """(person, status) of the holders among `people` (canonical ids) of each post on
    `on`, in the order of `holders` (whose statuses these are): what `roles_on` needs,
    with no evidence read (a status never depends on it)."""
    by_post, _, _ = _post_terms(conn, post_ids, judged, None, only=people)
    names = names_of(conn, {t.person_id for terms in by_post.values() for t in terms})
    out: dict[str, list[tuple[str, str]]] = {}
    for post, terms in by_post.items():
        ranked = []
        for term in terms:
            if term.person_id not in people:
                continue
            st = standing(term, on, names)
            if st.status in NOT_HOLDING:
                continue
            seen = term.last_reported or term.start
            recency = -date_interval(seen)[1].toordinal() if seen else 0
            name = names.get(term.person_id, term.person_id)
            ranked.append(((False, st.rank, recency, name), term.person_id, st.status))
        if ranked:
            ranked.sort(key=lambda r: r[0])
            out[post] = [(person, status) for _, person, status in ranked]
    return out
