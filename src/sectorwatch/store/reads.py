"""Read questions the query layer asks of the store by name, so that a query module needs
no table objects (`store.schema`) of its own. Each is one portable SQLAlchemy Core
statement; what differs between databases is the backend's (`store.backends`).

The query modules that still build their own statements on `store.schema` are listed in
`tests/test_import_cycles.py` (QUERY_MODULES_ON_TABLES); move one by adding its questions
here and taking it off that list.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from sqlalchemy import (
    Connection,
    CursorResult,
    Integer,
    Row,
    RowMapping,
    Select,
    bindparam,
    func,
    or_,
    select,
    union,
)

from sectorwatch.store.backends import backend_of
from sectorwatch.store.schema import (
    aliases,
    articles,
    claims,
    entities,
    events,
    evidence,
    judgements,
    mentions,
    named_parties,
    occupancies,
    org_changes,
    posts,
    quotes,
    referents,
    reporting_lines,
)

SOURCE_COLUMNS = (
    claims.c.article_id.label("source_article_id"),
    claims.c.evidence_id.label("source_evidence_id"),
    claims.c.extractor.label("source_extractor"),
    claims.c.extractor_version.label("source_extractor_version"),
    claims.c.origin.label("source_origin"),
    claims.c.confidence.label("source_confidence"),
)
"""A claim's columns that `query.common.evidence_of` needs: selected with the rows that
join `claims` (outer joins give None, and no evidence), so the claims are not read a second
time."""

CLAIMS_WITH_EVIDENCE = claims.join(evidence, evidence.c.id == claims.c.evidence_id).join(
    articles, articles.c.id == claims.c.article_id
)
"""Claims joined to their sentence and their article (a claim lacking either left out)."""

ARTICLE_TITLE = func.coalesce(articles.c.title, func.substr(articles.c.text, 1, 200))
"""An article's title, else the start of its text (`query.common.first_line` makes it a
name)."""


# Statements are built once, here, with bound parameters (`_IDS`, an expanding IN of a list
# of any length), rather than on every call: a statement object that is used again keeps
# its cache key, so SQLAlchemy's compiled cache is hit with no statement building, no
# cache-key walk and no adapting of the cached result columns (about a third of the CPU of
# a small read).


def _ids(name: str = "ids") -> Any:
    """An expanding bound parameter: `column.in_(_ids())` takes a list of any length."""
    return bindparam(name, expanding=True)


def _in(values: Iterable[str]) -> list[str]:
    return values if isinstance(values, list) else list(values)


class Asked(NamedTuple):
    """A statement built once and the values of its bound parameters: what the read
    questions that return a statement (for `query.events.load_events`,
    `query.quotes.load_quotes`) give; run it with `execute`."""

    statement: Select[Any]
    params: dict[str, Any]


def execute(conn: Connection, query: Select[Any] | Asked) -> CursorResult[Any]:
    """Run a statement, or an `Asked` statement with its parameters."""
    if isinstance(query, Asked):
        return conn.execute(query.statement, query.params)
    return conn.execute(query)


_POSTS_OF = select(posts.c.id, posts.c.role, posts.c.organisation_id).where(
    posts.c.organisation_id.in_(_ids())
)
_POSTS_BY_ID = select(posts.c.id, posts.c.role, posts.c.organisation_id).where(
    posts.c.id.in_(_ids())
)
_NAMED_POSTS_BY_ID = _POSTS_BY_ID.add_columns(entities.c.name.label("organisation")).outerjoin(
    entities, entities.c.id == posts.c.organisation_id
)
_POST_ROLES = select(posts.c.id, posts.c.role).where(posts.c.id.in_(_ids()))
_ORGANISATION_POST_ROLES = select(posts.c.id, posts.c.role).where(
    posts.c.organisation_id.in_(_ids())
)
_REPORTING_LINES_TOUCHING = select(reporting_lines).where(
    or_(
        reporting_lines.c.organisation_id.in_(_ids("organisations")),
        reporting_lines.c.subordinate_post_id.in_(_ids("posts")),
        reporting_lines.c.superior_post_id.in_(_ids("posts")),
    )
)
_POSTS_WITH_TERMS = {
    of_person: select(posts.c.id)
    .join(occupancies, occupancies.c.post_id == posts.c.id)
    .where((occupancies.c.person_id if of_person else posts.c.organisation_id).in_(_ids()))
    for of_person in (True, False)
}


def posts_of(conn: Connection, organisation_ids: Iterable[str]) -> Sequence[Row]:
    """(id, role, organisation_id) of every post of these organisations."""
    return conn.execute(_POSTS_OF, {"ids": _in(organisation_ids)}).all()


def posts_by_id(conn: Connection, post_ids: Iterable[str]) -> Sequence[Row]:
    """(id, role, organisation_id) of these posts."""
    return conn.execute(_POSTS_BY_ID, {"ids": _in(post_ids)}).all()


def named_posts_by_id(conn: Connection, post_ids: Iterable[str]) -> Sequence[Row]:
    """(id, role, organisation_id, organisation: its name, None if it has none) of these
    posts, in one statement."""
    return conn.execute(_NAMED_POSTS_BY_ID, {"ids": _in(post_ids)}).all()


def post_roles(conn: Connection, post_ids: Iterable[str]) -> dict[str, str]:
    """{post id: its role} of these posts."""
    return {row.id: row.role for row in conn.execute(_POST_ROLES, {"ids": _in(post_ids)})}


def organisation_post_roles(conn: Connection, organisation_ids: Iterable[str]) -> dict[str, str]:
    """{post id: its role} of every post of these organisations."""
    found = conn.execute(_ORGANISATION_POST_ROLES, {"ids": _in(organisation_ids)})
    return {row.id: row.role for row in found}


def reporting_lines_touching(
    conn: Connection, organisation_ids: Iterable[str], post_ids: Iterable[str]
) -> Sequence[Row]:
    """Every stored reporting line of these organisations, or with one of these posts at
    either end (all its columns)."""
    given = {"organisations": _in(organisation_ids), "posts": _in(post_ids)}
    return conn.execute(_REPORTING_LINES_TOUCHING, given).all()


def posts_with_terms(conn: Connection, ids: Iterable[str], *, of_person: bool) -> list[str]:
    """The ids, sorted, of the posts with a stored term of office of these people
    (`of_person`), or of these organisations' posts that have one."""
    found = conn.execute(_POSTS_WITH_TERMS[of_person], {"ids": _in(ids)})
    return sorted(set(found.scalars()))


_ORGANISATION_BY_ALIAS_NORM = select(aliases.c.entity_id).where(
    aliases.c.kind == "organisation", aliases.c.norm.in_(_ids())
)


def organisation_by_alias_norm(conn: Connection, norms: Iterable[str]) -> str | None:
    """The id of an organisation with an alias whose normal form is one of `norms`."""
    row = conn.execute(_ORGANISATION_BY_ALIAS_NORM, {"ids": sorted(norms)}).first()
    return row[0] if row else None


_CHANGES_TOUCHING = select(org_changes.c.claim_id, org_changes.c.organisations).where(
    org_changes.c.claim_id.in_(
        union(
            select(named_parties.c.claim_id).where(
                named_parties.c.source == "org_changes",
                named_parties.c.organisation_id.in_(_ids("parties")),
            ),
            select(org_changes.c.claim_id).where(org_changes.c.result_id.in_(_ids("results"))),
        ).scalar_subquery()
    )
)


def changes_touching(
    conn: Connection, parties: Iterable[str], results: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """(claim id, organisations as stored) of the stored organisation changes (mergers,
    renamings ...) that name one of `parties` among their organisations
    (`named_parties`) or whose result is one of `results`, in no particular order."""
    given = {"parties": _in(parties), "results": _in(results)}
    return [(r[0], r[1]) for r in conn.execute(_CHANGES_TOUCHING, given)]


_CHANGES_BY_CLAIM: dict[str, Select[Any]] = {}


def changes_by_claim(conn: Connection, claim_ids: Iterable[str]) -> list[RowMapping]:
    """These stored organisation changes, all their columns, in the order a scan of the
    table reads them (the backend's `stored_order`: the order they were stored in)."""
    backend = backend_of(conn)
    statement = _CHANGES_BY_CLAIM.get(backend.name)
    if statement is None:
        statement = _CHANGES_BY_CLAIM[backend.name] = (
            select(org_changes)
            .where(org_changes.c.claim_id.in_(_ids()))
            .order_by(backend.stored_order(org_changes))
        )
    return list(conn.execute(statement, {"ids": _in(claim_ids)}).mappings())


def _count(table: Any, *where: Any) -> Select[Any]:
    return select(func.count()).select_from(table).where(*where)


_MERGED = select(referents.c.referent_id)
_STORE_COUNTS = {
    "articles": _count(articles),
    "quotes": _count(quotes),
    "people": _count(entities, entities.c.kind == "person", entities.c.id.not_in(_MERGED)),
    "organisations": _count(
        entities, entities.c.kind == "organisation", entities.c.id.not_in(_MERGED)
    ),
    "events": _count(events),
    "roles": _count(occupancies),
}


def store_counts(conn: Connection) -> dict[str, int]:
    """How many articles, quotes, people and organisations (merged ids not counted),
    events and terms of office the store holds."""
    return {name: int(conn.execute(query).scalar_one()) for name, query in _STORE_COUNTS.items()}


_IS_EVENT = select(events.c.claim_id).where(events.c.claim_id == bindparam("id"))


def is_event(conn: Connection, claim_id: str) -> bool:
    """Whether a stored event has this claim id."""
    return conn.execute(_IS_EVENT, {"id": claim_id}).first() is not None


_EVENT_BY_CLAIM = select(events).where(events.c.claim_id == bindparam("id"))


def event_by_claim(claim_id: str) -> Asked:
    """A statement for the stored event with this claim id (for `load_events`)."""
    return Asked(_EVENT_BY_CLAIM, {"id": claim_id})


_ARTICLES_MENTIONING = select(mentions.c.article_id).where(mentions.c.entity_id.in_(_ids()))
_ORIGINALS_OF = select(articles.c.duplicate_of).where(
    articles.c.id.in_(_ids()), articles.c.duplicate_of.is_not(None)
)


def articles_mentioning(conn: Connection, entity_ids: Iterable[str]) -> set[str]:
    """The ids of the articles that mention one of these entities."""
    return set(conn.execute(_ARTICLES_MENTIONING, {"ids": _in(entity_ids)}).scalars())


def originals_of(conn: Connection, article_ids: Iterable[str]) -> set[str]:
    """The canonical articles these near-duplicates copy (`articles.duplicate_of`)."""
    return set(conn.execute(_ORIGINALS_OF, {"ids": _in(article_ids)}).scalars())


_ARTICLE_PARAGRAPHS = select(articles.c.id, articles.c.paragraphs).where(articles.c.id.in_(_ids()))


def article_paragraphs(conn: Connection, article_ids: Iterable[str]) -> dict[str, str]:
    """{article id: its stored paragraphs, as JSON} of these articles."""
    found = conn.execute(_ARTICLE_PARAGRAPHS, {"ids": _in(article_ids)})
    return {row.id: row.paragraphs for row in found}


_TERM_COLUMNS = (
    occupancies.c.claim_id,
    occupancies.c.post_id,
    occupancies.c.person_id,
    occupancies.c.status,
    occupancies.c.valid_from,
    occupancies.c.valid_to,
    occupancies.c.observed,
)
_EVENT_COLUMNS = (
    events.c.claim_id,
    events.c.post_id,
    events.c.person_id,
    events.c.type,
    events.c.status,
    events.c.effective,
    events.c.observed,
    events.c.article_id,
    events.c.date,
)


_HOLDING_EVENT = (
    events.c.post_id.in_(_ids("posts")),
    events.c.type.in_(["departure", "appointment"]),
    events.c.person_id.is_not(None),
)
"""An appointment or departure of a named person to one of the posts `posts`."""

_HOLDING_CLAIMS = (
    select(*_TERM_COLUMNS, claims.c.origin, occupancies.c.article_id, *SOURCE_COLUMNS)
    .join(claims, claims.c.id == occupancies.c.claim_id)
    .where(occupancies.c.post_id.in_(_ids("posts")))
)
_HOLDING_CLAIMS_OF = _HOLDING_CLAIMS.where(occupancies.c.person_id.in_(_ids("people")))
_HOLDING_EVENTS = (
    select(*_EVENT_COLUMNS, *SOURCE_COLUMNS)
    .outerjoin(claims, claims.c.id == events.c.claim_id)
    .where(*_HOLDING_EVENT)
)
_HOLDING_EVENTS_OF = _HOLDING_EVENTS.where(events.c.person_id.in_(_ids("people")))
_HOLDING_CLAIM_DATES = select(*_TERM_COLUMNS, occupancies.c.article_id).where(
    occupancies.c.post_id.in_(_ids("posts"))
)
_HOLDING_EVENT_DATES = select(*_EVENT_COLUMNS).where(*_HOLDING_EVENT)
_CLAIM_SOURCES = select(claims.c.id, *SOURCE_COLUMNS).where(claims.c.id.in_(_ids()))
_POSTS_HELD_BY = select(occupancies.c.post_id).where(occupancies.c.person_id.in_(_ids()))


def holding_claims(
    conn: Connection, post_ids: list[str], people: list[str] | None = None
) -> Sequence[Row]:
    """The stored terms of office of these posts (of `people` only, when given): claim id,
    post, person, status, valid from, valid to, observed, origin, article, then
    `SOURCE_COLUMNS`."""
    if people is None:
        return conn.execute(_HOLDING_CLAIMS, {"posts": _in(post_ids)}).all()
    given = {"posts": _in(post_ids), "people": _in(people)}
    return conn.execute(_HOLDING_CLAIMS_OF, given).all()


def holding_events(
    conn: Connection, post_ids: list[str], people: list[str] | None = None
) -> Sequence[Row]:
    """The stored appointments and departures of a named person to these posts (of
    `people` only, when given): claim id, post, person, type, status, effective,
    observed, article, date, then `SOURCE_COLUMNS`."""
    if people is None:
        return conn.execute(_HOLDING_EVENTS, {"posts": _in(post_ids)}).all()
    given = {"posts": _in(post_ids), "people": _in(people)}
    return conn.execute(_HOLDING_EVENTS_OF, given).all()


def holding_claim_dates(conn: Connection, post_ids: list[str]) -> Sequence[Row]:
    """`holding_claims` without their claims' columns (origin, sources: `claim_sources`),
    which would read each claim's row too: claim id, post, person, status, valid from,
    valid to, observed, article."""
    return conn.execute(_HOLDING_CLAIM_DATES, {"posts": _in(post_ids)}).all()


def holding_event_dates(conn: Connection, post_ids: list[str]) -> Sequence[Row]:
    """`holding_events` without their claims' columns (`claim_sources`): claim id, post,
    person, type, status, effective, observed, article, date."""
    return conn.execute(_HOLDING_EVENT_DATES, {"posts": _in(post_ids)}).all()


def claim_sources(conn: Connection, claim_ids: Iterable[str]) -> dict[str, Row]:
    """{claim id: its `SOURCE_COLUMNS`} for the stored claims among `claim_ids`."""
    wanted = sorted(set(claim_ids))
    out: dict[str, Row] = {}
    for at in range(0, len(wanted), 500):
        found = conn.execute(_CLAIM_SOURCES, {"ids": wanted[at : at + 500]})
        out.update((row[0], row) for row in found)
    return out


def posts_held_by(conn: Connection, people: Iterable[str]) -> list[str]:
    """The ids, sorted, of the posts with a stored term of office of these people."""
    return sorted(set(conn.execute(_POSTS_HELD_BY, {"ids": _in(people)}).scalars()))


# ---------------------------------------------------------------- the whole store, in order
# (for `query.export`: each streams its rows; read them inside the connection)


def entity_names(conn: Connection) -> dict[str, str]:
    """{entity id: its name} of every entity."""
    return dict(conn.execute(select(entities.c.id, entities.c.name)).all())


def claims_with_evidence(conn: Connection) -> Iterator[RowMapping]:
    """Every claim that has evidence, with its sentence, offsets and article's published
    date and source, by article, offset, claim id."""
    query = (
        select(claims, evidence.c.sentence, evidence.c.start, evidence.c.end)
        .add_columns(articles.c.published, articles.c.source)
        .select_from(CLAIMS_WITH_EVIDENCE)
        .order_by(claims.c.article_id, evidence.c.start, claims.c.id)
    )
    return iter(conn.execute(query).mappings())


def every_alias(conn: Connection) -> Iterator[Row]:
    """(entity id, alias) of every alias."""
    return iter(conn.execute(select(aliases.c.entity_id, aliases.c.alias)))


def every_entity(conn: Connection) -> Iterator[RowMapping]:
    """Every entity, all its columns, in the order they were first stored."""
    return iter(conn.execute(select(entities).order_by(entities.c.seq)).mappings())


def every_post(conn: Connection) -> list[RowMapping]:
    """Every post, all its columns, by id."""
    return list(conn.execute(select(posts).order_by(posts.c.id)).mappings())


def every_term(conn: Connection, *, with_source: bool = False) -> Iterator[RowMapping]:
    """Every stored term of office, all its columns (and its article's `source`, with
    `with_source`), by claim id."""
    query = select(occupancies)
    if with_source:
        query = select(occupancies, articles.c.source).join(
            articles, articles.c.id == occupancies.c.article_id
        )
    return iter(conn.execute(query.order_by(occupancies.c.claim_id)).mappings())


def every_reporting_line(conn: Connection) -> Iterator[RowMapping]:
    """Every stored reporting line, all its columns, by claim id."""
    query = select(reporting_lines).order_by(reporting_lines.c.claim_id)
    return iter(conn.execute(query).mappings())


# ---------------------------------------------------------------- one claim


_CLAIM = select(claims).where(claims.c.id == bindparam("id"))
_POST_OF_TERM = select(occupancies.c.post_id).where(occupancies.c.claim_id == bindparam("id"))
_LAST_REJECTION = (
    select(judgements.c.author, judgements.c.created_at, judgements.c.note)
    .where(judgements.c.subject == bindparam("id"), judgements.c.kind == "reject")
    .order_by(judgements.c.id.desc())
)


def claim(conn: Connection, claim_id: str) -> RowMapping | None:
    """The stored claim with this id, all its columns, or None."""
    return conn.execute(_CLAIM, {"id": claim_id}).mappings().first()


def post_of_term(conn: Connection, claim_id: str) -> str | None:
    """The post of the term of office with this claim id."""
    row = conn.execute(_POST_OF_TERM, {"id": claim_id}).first()
    return row[0] if row else None


def last_rejection(conn: Connection, claim_id: str) -> dict[str, Any] | None:
    """Author, created_at and note of the newest judgement rejecting this claim."""
    last = conn.execute(_LAST_REJECTION, {"id": claim_id}).first()
    return dict(last._mapping) if last else None


def other_reports(
    conn: Connection,
    claim_id: str,
    prop: str,
    entity_ids: list[str] | None,
    *,
    post_id: str | None = None,
    event_type: str | None = None,
    limit: int = 50,
) -> Sequence[Row]:
    """(id, value) of the other claims of `prop` about these entities (none without
    entities), newest first: with `post_id` only terms of that post, with `event_type`
    only events of that type."""
    same = select(claims.c.id, claims.c.value).where(
        claims.c.property == prop,
        claims.c.entity_id.in_(entity_ids) if entity_ids else claims.c.id == "",
        claims.c.id != claim_id,
    )
    if post_id is not None or prop == "occupancy":
        same = same.join(occupancies, occupancies.c.claim_id == claims.c.id).where(
            occupancies.c.post_id == post_id
        )
    if event_type is not None or prop == "event":
        same = same.where(claims.c.value.contains(f'"type": "{event_type}"'))
    return conn.execute(same.order_by(claims.c.observed.desc()).limit(limit)).all()


# ---------------------------------------------------------------- the pages and indexes
# (for `query.browse`, `query.person`, `query.indexes`, `query.search_facts` and
# `query.judgement_log`)


_EVENTS_OF_PEOPLE = select(events).where(events.c.person_id.in_(_ids()))
_LATEST_EVENTS = select(events).order_by(events.c.observed.desc(), events.c.claim_id)
_LATEST_EVENTS_BUT = _LATEST_EVENTS.where(events.c.claim_id.not_in(_ids("rejected")))


def events_of_people(people: Iterable[str]) -> Asked:
    """A statement for the stored events whose person is one of `people` (for
    `query.events.load_events`)."""
    return Asked(_EVENTS_OF_PEOPLE, {"ids": _in(people)})


_LATEST = {
    False: _LATEST_EVENTS.limit(bindparam("n", type_=Integer)),
    True: _LATEST_EVENTS_BUT.limit(bindparam("n", type_=Integer)),
}


def latest_events(rejected: set[str], n: int) -> Asked:
    """A statement for the `n` events reported most recently (newest report first, then
    by claim id), the claims in `rejected` left out (for `load_events`)."""
    if rejected:
        return Asked(_LATEST[True], {"rejected": list(rejected), "n": n})
    return Asked(_LATEST[False], {"n": n})


_POSTS_OF_PEOPLE = union(
    _POSTS_HELD_BY,
    select(events.c.post_id).where(events.c.person_id.in_(_ids()), events.c.post_id.is_not(None)),
)


def posts_of_people(conn: Connection, people: Iterable[str]) -> list[str]:
    """The ids, sorted, of the posts with a stored term of office of one of `people` or
    named in a stored event whose person is one of them, in one statement."""
    return sorted(set(conn.execute(_POSTS_OF_PEOPLE, {"ids": _in(people)}).scalars()))


def events_with_posts(conn: Connection) -> list[RowMapping]:
    """Every stored event, all its columns, with its post's `role`, its article's
    `article_title` (`ARTICLE_TITLE`), `publisher` and `published`."""
    query = (
        select(
            events,
            posts.c.role,
            ARTICLE_TITLE.label("article_title"),
            articles.c.publisher,
            articles.c.published,
        )
        .outerjoin(posts, posts.c.id == events.c.post_id)
        .outerjoin(articles, articles.c.id == events.c.article_id)
    )
    return list(conn.execute(query).mappings())


_TERM = (occupancies.c.claim_id, occupancies.c.person_id, occupancies.c.observed)


def terms_with_posts(conn: Connection) -> Sequence[Row]:
    """Rows of claim_id, person_id, observed, post_id, role and organisation_id: every
    stored term of office, with its post's role and organisation."""
    where = posts.c.id == occupancies.c.post_id
    query = select(*_TERM, occupancies.c.post_id, posts.c.role, posts.c.organisation_id)
    return conn.execute(query.join(posts, where)).all()


def posts_with_terms_of_office(conn: Connection) -> Sequence[Row]:
    """Rows of organisation_id, claim_id, person_id and observed: every post, once per
    stored term of office (the last three None for a post nobody is stored in)."""
    where = occupancies.c.post_id == posts.c.id
    return conn.execute(select(posts.c.organisation_id, *_TERM).outerjoin(occupancies, where)).all()


def post_counts(conn: Connection) -> list[tuple[str | None, int]]:
    """(organisation id, how many posts) of every organisation with posts (and of the posts
    with no organisation, under None)."""
    query = select(posts.c.organisation_id, func.count()).group_by(posts.c.organisation_id)
    return [(r[0], r[1]) for r in conn.execute(query)]


def every_post_role(conn: Connection) -> Sequence[Row]:
    """(id, role, organisation_id) of every post, in the order the store gives."""
    return conn.execute(select(posts.c.id, posts.c.role, posts.c.organisation_id)).all()


def every_judgement(conn: Connection) -> list[dict[str, Any]]:
    """Every judgement, all its columns, oldest first."""
    query = select(judgements).order_by(judgements.c.id)
    return [dict(r) for r in conn.execute(query).mappings()]


_CLAIMS_ABOUT = (
    select(claims.c.id).where(claims.c.entity_id.in_(_ids())),
    select(events.c.claim_id).where(
        or_(events.c.person_id.in_(_ids()), events.c.organisation_id.in_(_ids()))
    ),
    select(quotes.c.claim_id).where(quotes.c.speaker_id.in_(_ids())),
)
_NEWEST_JUDGEMENT = select(func.max(judgements.c.id))


def claims_about(conn: Connection, ids: list[str]) -> set[str]:
    """Claims about the entities `ids`: their own, their events' and their quotes'."""
    found: set[str] = set()
    for query in _CLAIMS_ABOUT:
        found |= set(conn.execute(query, {"ids": _in(ids)}).scalars())
    return found


def newest_judgement(conn: Connection) -> int | None:
    """The number of the judgement appended last, or None when there is none."""
    return conn.execute(_NEWEST_JUDGEMENT).scalar()  # type: ignore[no-any-return]


# ---------------------------------------------------------------- the forms, ingest and the CLI


def role_titles(conn: Connection, limit: int) -> list[str]:
    """Up to `limit` distinct role titles of the stored posts, in order."""
    query = select(posts.c.role).distinct().order_by(posts.c.role).limit(limit)
    return list(conn.execute(query).scalars())


def organisation_names(conn: Connection, limit: int) -> list[str]:
    """Up to `limit` distinct names of the stored organisations, in order."""
    query = (
        select(entities.c.name)
        .where(entities.c.kind == "organisation")
        .distinct()
        .order_by(entities.c.name)
        .limit(limit)
    )
    return list(conn.execute(query).scalars())


def stored_sources(conn: Connection, urls: list[str]) -> set[str]:
    """Which of `urls` are the source of a stored article (asked 500 at a time)."""
    found: set[str] = set()
    for start in range(0, len(urls), 500):
        chunk = urls[start : start + 500]
        query = select(articles.c.source).where(articles.c.source.in_(chunk))
        found.update(conn.execute(query).scalars())
    return found


def articles_extracted_by(
    conn: Connection, ids: list[str], extractor: str, version: str
) -> set[str]:
    """Which of these article ids are stored as read by this extractor version."""
    query = select(articles.c.id).where(
        articles.c.id.in_(ids),
        articles.c.extractor == extractor,
        articles.c.extractor_version == version,
    )
    return set(conn.execute(query).scalars())
