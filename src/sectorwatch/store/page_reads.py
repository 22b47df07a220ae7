"""Read questions of the web pages' first views (issue 16 item 5), asked by
`query.consolidate` (the changes of an organisation or a person) and `query.reactions`
(the quotes of the articles that report an event). Each gives the rows of the question it
replaces in `store.reads` (the same rows; only how the database finds them differs), built
once with bound parameters, so that its cost follows the answer, not the store:

- `events_involving`: the events whose person or organisation is one of the ids, or that
  name one of them among their `organisations`, found by the indexes on `person_id` and
  `organisation_id` and, for the names, the partial index of migration 20 over the events
  that name any organisation at all (`organisations <> '[]'`), instead of a `LIKE` over
  every event of the store;
- `quotes_of_canonical`: the quotes of these articles that are canonical ones, the
  article's own `duplicate_of` read in the join, instead of a list of every
  near-duplicate (which SQLite, without statistics, built by reading every article).

Both are portable SQLAlchemy Core, like `store.reads`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, case, or_, select, union_all

from sectorwatch.store.quote_reads import quote_select
from sectorwatch.store.reads import Asked
from sectorwatch.store.schema import articles, events, quotes

NAMES_NOTHING = "[]"
"""`events.organisations` of an event that names no organisation (`json.dumps([])`)."""

_ESCAPE = "/"


def _contains(value: str) -> str:
    """A `LIKE` pattern for `value` anywhere, its `%`, `_` and `/` escaped (as
    SQLAlchemy's `contains(..., autoescape=True)` escapes them)."""
    for ch in (_ESCAPE, "%", "_"):
        value = value.replace(ch, _ESCAPE + ch)
    return f"%{value}%"


@cache
def _involving(names: int) -> Select[Any]:
    """The statement for `names` ids (one `LIKE` each). No other condition is added to
    it: SQLite, without statistics, would then read every event of a type by the index
    on (type, organisation_id) rather than look up the few found by id; the caller
    tests a type on the rows (`query.consolidate.load_changes`)."""
    ids: Any = bindparam("ids", expanding=True)
    named = or_(
        *(events.c.organisations.like(bindparam(f"n{i}"), escape=_ESCAPE) for i in range(names))
    )
    found = union_all(
        select(events.c.claim_id).where(events.c.person_id.in_(ids)),
        select(events.c.claim_id).where(events.c.organisation_id.in_(ids)),
        select(events.c.claim_id).where(events.c.organisations != NAMES_NOTHING, named),
    )
    return select(events).where(events.c.claim_id.in_(found.scalar_subquery()))


def events_involving(ids: Iterable[str]) -> Asked:
    """The rows of `store.reads.events_involving(ids)` (for `query.events.load_events`),
    each once, in no particular order."""
    given = list(ids)
    if not given:
        return Asked(_NONE, {})
    params: dict[str, Any] = {"ids": given}
    params.update((f"n{i}", _contains(f'"{v}"')) for i, v in enumerate(given))
    return Asked(_involving(len(given)), params)


_NONE = select(events).where(events.c.claim_id.in_(bindparam("none", [], expanding=True)))

_CANONICAL = case((articles.c.duplicate_of.is_(None), 1), else_=0) == 1
"""`duplicate_of IS NULL` in a form no index answers: SQLite, without statistics, would
otherwise read every canonical article by the index on `duplicate_of` first."""
_QUOTES_OF_CANONICAL = quote_select().where(
    quotes.c.article_id.in_(bindparam("ids", expanding=True)), _CANONICAL
)


def quotes_of_canonical(article_ids: Iterable[str]) -> Asked:
    """`quote_select` of the quotes of these articles that are canonical (not a
    near-duplicate): the rows of `quote_select().where(reads.quotes_of_canonical(ids))`."""
    return Asked(_QUOTES_OF_CANONICAL, {"ids": list(article_ids)})
