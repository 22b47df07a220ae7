"""Read questions of the web pages' first views (issue 16 item 5), asked by
`query.consolidate` (the changes of an organisation or a person) and `query.reactions`
(the quotes of the articles that report an event). Each gives the rows of the question it
replaces in `store.reads` (the same rows; only how the database finds them differs), built
once with bound parameters, so that its cost follows the answer, not the store:

- `events_involving`: the events whose person or organisation is one of the ids, or that
  name one of them among their `organisations`, found by the indexes on `person_id` and
  `organisation_id` and, for the names, by `named_parties` (migration 11), instead of a
  `LIKE` over every event of the store;
- `events_of_people`, `event_by_claim`: the rows of the `store.reads` questions of those
  names, with their evidence (one statement, not two);
- `stored_terms_of`: the stored terms (`store.term_rows`) of some people only, each post's
  row searched for their terms rather than parsed whole (a person's page needs theirs,
  and a post's row holds every holder's);
- `quotes_of_canonical`: the quotes of these articles that are canonical ones, the
  article's own `duplicate_of` read in the join, instead of a list of every
  near-duplicate (which SQLite, without statistics, built by reading every article);
- `claims_with_evidence`: where claims were read (`reads.SOURCE_COLUMNS`) and their
  sentence and article, in one statement, where `reads.claim_sources`,
  `article_reads.sentences` and `article_reads.articles_about` were three.

Both are portable SQLAlchemy Core, like `store.reads`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from typing import Any

from sqlalchemy import Connection, Select, bindparam, case, select, union_all

from sectorwatch.store import term_rows
from sectorwatch.store.quote_reads import quote_select
from sectorwatch.store.reads import ARTICLE_TITLE, SOURCE_COLUMNS, Asked
from sectorwatch.store.schema import (
    articles,
    claims,
    events,
    evidence,
    named_parties,
    post_terms,
    posts,
    quotes,
)

EVIDENCE_COLUMNS = (
    claims.c.id.label("ev_claim_id"),
    evidence.c.id.label("ev_evidence_id"),
    articles.c.id.label("ev_article_row_id"),
    claims.c.article_id.label("ev_article_id"),
    ARTICLE_TITLE.label("ev_title"),
    articles.c.published.label("ev_published"),
    articles.c.source.label("ev_source"),
    evidence.c.sentence.label("ev_sentence"),
    evidence.c.start.label("ev_start"),
    evidence.c.end.label("ev_end"),
    claims.c.extractor.label("ev_extractor"),
    claims.c.extractor_version.label("ev_extractor_version"),
    claims.c.origin.label("ev_origin"),
    claims.c.confidence.label("ev_confidence"),
)
"""An event's evidence, read with it: the columns `article_reads.claim_evidence` gives
(its claim's sentence and article; `query.events.load_events` takes them from the row),
by outer joins, so an event whose claim lacks either has its ids None and no evidence."""

POST_ROLE = posts.c.role.label("post_role")
"""An event's post's role, read with it (by the outer join of `_WITH_EVIDENCE`), so that
`query.events.load_events` need not read the posts again."""

_WITH_EVIDENCE = (
    events.outerjoin(claims, claims.c.id == events.c.claim_id)
    .outerjoin(evidence, evidence.c.id == claims.c.evidence_id)
    .outerjoin(articles, articles.c.id == claims.c.article_id)
    .outerjoin(posts, posts.c.id == events.c.post_id)
)


@cache
def _involving(with_evidence: bool = True) -> Select[Any]:
    """The statement. No other condition is added to it: SQLite, without statistics, would
    then read every event of a type by the index on (type, organisation_id) rather than
    look up the few found by id; the caller tests a type on the rows
    (`query.consolidate.load_changes`)."""
    ids: Any = bindparam("ids", expanding=True)
    found = union_all(
        select(events.c.claim_id).where(events.c.person_id.in_(ids)),
        select(events.c.claim_id).where(events.c.organisation_id.in_(ids)),
        select(named_parties.c.claim_id).where(
            named_parties.c.source == "events", named_parties.c.organisation_id.in_(ids)
        ),
    )
    if not with_evidence:
        return select(events).where(events.c.claim_id.in_(found.scalar_subquery()))
    return (
        select(events, *EVIDENCE_COLUMNS, POST_ROLE)
        .select_from(_WITH_EVIDENCE)
        .where(events.c.claim_id.in_(found.scalar_subquery()))
    )


def events_involving(ids: Iterable[str], evidence: bool = True) -> Asked:
    """The stored events whose person or organisation is one of `ids`, or that name one of
    them among their organisations (`named_parties`; for `query.events.load_events`), each
    once, in no particular order, with their evidence (`EVIDENCE_COLUMNS`) and their post's
    role (`POST_ROLE`; without `evidence`, the events' own rows only)."""
    given = list(ids)
    if not given:
        return Asked(_NONE, {})
    return Asked(_involving(evidence), {"ids": given})


_OF_PEOPLE = (
    select(events, *EVIDENCE_COLUMNS, POST_ROLE)
    .select_from(_WITH_EVIDENCE)
    .where(events.c.person_id.in_(bindparam("ids", expanding=True)))
)
_BY_CLAIM = (
    select(events, *EVIDENCE_COLUMNS, POST_ROLE)
    .select_from(_WITH_EVIDENCE)
    .where(events.c.claim_id == bindparam("id"))
)


def events_of_people(people: Iterable[str]) -> Asked:
    """The rows of `store.reads.events_of_people` (the events whose person is one of
    `people`), with their evidence (`EVIDENCE_COLUMNS`) and their post's role (`POST_ROLE`)."""
    return Asked(_OF_PEOPLE, {"ids": list(people)})


def event_by_claim(claim_id: str) -> Asked:
    """The row of `store.reads.event_by_claim`, with its evidence (`EVIDENCE_COLUMNS`) and
    its post's role (`POST_ROLE`)."""
    return Asked(_BY_CLAIM, {"id": claim_id})


_NONE = select(events).where(events.c.claim_id.in_(bindparam("none", [], expanding=True)))

_CANONICAL = case((articles.c.duplicate_of.is_(None), 1), else_=0) == 1
"""`duplicate_of IS NULL` in a form no index answers: SQLite, without statistics, would
otherwise read every canonical article by the index on `duplicate_of` first."""
_QUOTES_OF_CANONICAL = quote_select().where(
    quotes.c.article_id.in_(bindparam("ids", expanding=True)), _CANONICAL
)


def quotes_of_canonical(article_ids: Iterable[str]) -> Asked:
    """`quote_select` of the quotes of these articles that are canonical (not a
    near-duplicate: a syndicated copy counts once)."""
    return Asked(_QUOTES_OF_CANONICAL, {"ids": list(article_ids)})


_STORED_TERMS = select(post_terms.c.post_id, post_terms.c.version, post_terms.c.terms).where(
    post_terms.c.post_id.in_(bindparam("ids", expanding=True))
)
_DECODE = json.JSONDecoder()


def stored_terms_of(
    conn: Connection, post_ids: Iterable[str], people: set[str]
) -> dict[str, dict[str, Any]]:
    """`term_rows.stored(conn, post_ids)` with, in each post's form, only the terms of
    `people` (in their order), every other field as stored. A term is the one array of a
    row that opens with its person's id (`term_rows`' layout `FORMAT` "1": claims open with
    a claim id, ids never with the same prefix), decoded alone."""
    if term_rows.FORMAT != "1":  # another layout: read whole
        stored = term_rows.stored(conn, post_ids)
        return {p: {**f, "t": [t for t in f["t"] if t[0] in people]} for p, f in stored.items()}
    wanted = sorted(set(post_ids))
    version = term_rows.rules_version()
    starts = [f"[{json.dumps(p, ensure_ascii=False)}," for p in sorted(people)]
    out: dict[str, dict[str, Any]] = {}
    for at in range(0, len(wanted), term_rows.CHUNK):
        found = conn.execute(_STORED_TERMS, {"ids": wanted[at : at + term_rows.CHUNK]})
        for post, v, text in found:
            if v == version:
                out[post] = _form_of(text, starts)
    return out


def _form_of(text: str, starts: list[str]) -> dict[str, Any]:
    """A stored row (`{"o":...,"n":...,"t":[...]}`, compact) with the terms that open with
    one of `starts` only."""
    if not text.startswith('{"o":'):
        form = json.loads(text)
        return {**form, "t": [t for t in form["t"] if any(_opens(t, s) for s in starts)]}
    organisation, end = _DECODE.raw_decode(text, 5)
    if not text.startswith(',"n":', end):
        form = json.loads(text)
        return {**form, "t": [t for t in form["t"] if any(_opens(t, s) for s in starts)]}
    occupancy, end = _DECODE.raw_decode(text, end + 5)
    found: list[tuple[int, Any]] = []
    for start in starts:
        at = text.find(start, end)
        while at != -1:
            term, after = _DECODE.raw_decode(text, at)
            found.append((at, term))
            at = text.find(start, after)
    return {"o": organisation, "n": occupancy, "t": [t for _, t in sorted(found)]}


def _opens(term: list[Any], start: str) -> bool:
    return f"[{json.dumps(term[0], ensure_ascii=False)}," == start


_CLAIMS_WITH_EVIDENCE = (
    select(
        claims.c.id,
        *SOURCE_COLUMNS,
        evidence.c.id,
        evidence.c.sentence,
        evidence.c.start,
        evidence.c.end,
        articles.c.id,
        ARTICLE_TITLE,
        articles.c.published,
        articles.c.source,
    )
    .select_from(
        claims.outerjoin(evidence, evidence.c.id == claims.c.evidence_id).outerjoin(
            articles, articles.c.id == claims.c.article_id
        )
    )
    .where(claims.c.id.in_(bindparam("ids", expanding=True)))
)


def claims_with_evidence(conn: Connection, claim_ids: Iterable[str]) -> dict[str, Any]:
    """{claim id: its row} for the stored claims among `claim_ids`: the claim id and its
    `SOURCE_COLUMNS` (the row of `reads.claim_sources`), then its evidence row's id,
    sentence, start and end, then its article's id, `ARTICLE_TITLE`, published and source
    (None where the claim has no such evidence row or article), 500 claims a statement."""
    wanted = sorted(set(claim_ids))
    out: dict[str, Any] = {}
    for at in range(0, len(wanted), term_rows.CHUNK):
        found = conn.execute(_CLAIMS_WITH_EVIDENCE, {"ids": wanted[at : at + term_rows.CHUNK]})
        out.update((row[0], row) for row in found)
    return out
