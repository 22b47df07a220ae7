"""One question asks the store's change stamp once, whichever the database (PostgreSQL's
`pg_current_snapshot()` is a statement of its own; SQLite's pragma was read 11 times for one
organisation's page)."""

from __future__ import annotations

import pytest
from store_factory import build
from test_store_terms import FIRST, LEAVING, ORG, SUCCESSOR

from sectorwatch.query.person import person
from sectorwatch.query.who import who
from sectorwatch.store import write_batch
from sectorwatch.store.backends import backend_of


def count_stamps(engine, monkeypatch) -> tuple[type, list[int]]:  # type: ignore[no-untyped-def]
    """The store's backend class, and a list that grows by one each time a change stamp is
    asked of it."""
    backend = type(backend_of(engine))
    asked: list[int] = []
    real = backend.change_stamp

    def counted(self, conn):  # type: ignore[no-untyped-def]
        asked.append(1)
        return real(self, conn)

    monkeypatch.setattr(backend, "change_stamp", counted)
    return backend, asked


@pytest.fixture()
def stamps(engine, monkeypatch):  # type: ignore[no-untyped-def]
    write_batch(engine, [build(FIRST), build(LEAVING), build(SUCCESSOR)])
    return count_stamps(engine, monkeypatch)


def test_who_and_person_ask_the_stores_change_stamp_once_a_question(engine, stamps):
    _backend, asked = stamps
    first = who(engine, ORG, "chief executive", "2024-06-01")
    once = len(asked)
    assert who(engine, ORG, "chief executive", "2024-06-01") == first
    person(engine, "Sunita Rao")
    assert (once, len(asked)) == (1, 3)
