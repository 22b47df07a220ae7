"""A search costs about the same on a large store as on a small one (issue 16): events and
posts are looked up in a word index kept with the connection, exact names in the alias
index, and on a store of more than `FUZZY_ALL` names a misspelt name is compared only with
the names containing the first three letters of one of its words. Every answer on a small
store is what comparing every row gave."""

from __future__ import annotations

import pytest
from store_factory import APPOINTED, LEAVES, build

from sectorwatch.query import search_facts
from sectorwatch.query.search import search
from sectorwatch.query.search_facts import WordIndex, close_names, exact_names
from sectorwatch.store import write_batch


@pytest.fixture()
def store(engine):
    write_batch(engine, [build(LEAVES), build(APPOINTED)])
    return engine


def test_a_word_index_gives_the_first_rows_every_word_describes_in_order():
    rows = ["a", "b", "c", "d", "e"]
    index = WordIndex.of(rows, [{"x", "y"}, {"y"}, {"x", "y", "z"}, {"x"}, {"x", "y"}])
    assert index.find({"x", "y"}, 10) == ["a", "c", "e"]
    assert index.find({"y", "x"}, 2) == ["a", "c"]
    assert index.find({"z"}, 10) == ["c"]
    assert index.find({"x", "w"}, 10) == []
    assert index.find(set(), 10) == []


def _ids(store, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(h.type, h.title) for h in search(store, text).hits if h.type in ("post", "event")]


def test_posts_and_events_are_found_by_their_words(store):
    assert _ids(store, "chief executive Fernleigh") == [
        ("post", "chief executive, Fernleigh Health Board"),
        ("event", "appointment: Jonah Pike, chief executive, Fernleigh Health Board"),
        ("event", "departure: Amara Quist, chief executive, Fernleigh Health Board"),
    ]
    assert _ids(store, "departures Quist") == [
        ("event", "departure: Amara Quist, chief executive, Fernleigh Health Board"),
    ]
    assert _ids(store, "departure Pike") == []


def test_the_word_index_follows_the_store(engine):
    write_batch(engine, [build(LEAVES)])
    assert _ids(engine, "appointment Pike") == []
    write_batch(engine, [build(APPOINTED)])
    assert _ids(engine, "appointment Pike") == [
        ("event", "appointment: Jonah Pike, chief executive, Fernleigh Health Board"),
    ]


def test_exact_names_are_read_from_the_alias_index(store):
    with store.connect() as conn:
        assert len(exact_names(conn, "Jonah Pike")) == 1
        assert exact_names(conn, "jonah  PIKE") == exact_names(conn, "Jonah Pike")
        assert exact_names(conn, "Jonah") == set()


def _close(store, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    with store.connect() as conn:
        from sectorwatch.query.common import names_of

        found = close_names(conn, text)
        names = names_of(conn, {e for e, _ in found})
        return [names[e] for e, _ in found]


def test_a_misspelt_name_is_compared_with_every_name_on_a_small_store(store):
    assert _close(store, "Jnah Pike") == ["Jonah Pike"]
    assert _close(store, "Amra Qist") == ["Amara Quist"]


def test_on_a_large_store_only_names_sharing_a_words_first_letters_are_compared(store, monkeypatch):
    monkeypatch.setattr(search_facts, "FUZZY_ALL", 1)
    assert _close(store, "Jnah Pike") == ["Jonah Pike"]  # "pik"
    assert _close(store, "Amara Qist") == ["Amara Quist"]  # "ama"
    assert _close(store, "Amra Qist") == []  # neither "amr" nor "qis" is in the name
