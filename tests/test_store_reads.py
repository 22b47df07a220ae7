"""The store interface's read questions answer the same on every backend: each test runs
on SQLite and on PostgreSQL (the `engine` fixture, tests/conftest_postgres.py) over the
two fictional articles of `store_factory`, and through the query modules that ask them."""

from __future__ import annotations

import pytest
from store_factory import APPOINTED, LEAVES, build

from sectorwatch.query import browse, indexes, judgement_log, search_facts
from sectorwatch.store import (
    article_reads,
    entity_reads,
    judgements,
    quote_reads,
    reads,
    write_batch,
)

FHB = "o-fernleigh-health-board"


@pytest.fixture()
def store(engine):
    write_batch(engine, [build(LEAVES), build(APPOINTED)])
    return engine


def test_names_and_titles_for_the_forms(store):
    with store.connect() as conn:
        assert reads.role_titles(conn, 3) == ["chair", "chief executive", "chief operating officer"]
        assert reads.organisation_names(conn, 10) == [
            "Coastal Care Alliance",
            "Fernleigh Health Board",
            "Patients First Network",
        ]
        assert sorted(entity_reads.entity_ids_of_kind(conn, "person")) == [
            "p-amara-quist",
            "p-dev-okafor",
            "p-hattie-lowe",
            "p-jonah-pike",
            "p-tobias-wren",
        ]


def test_names_containing_words_any_case(store):
    with store.connect() as conn:
        found = entity_reads.names_containing(conn, "quist", "quist", 10)
        assert [tuple(r) for r in found] == [("p-amara-quist", "person", "Amara Quist")]
        found = entity_reads.names_containing(conn, "FERNLEIGH", "fernleigh", 10)
        assert [tuple(r) for r in found] == [(FHB, "organisation", "Fernleigh Health Board")]
        assert search_facts.close_names(conn, "Amara Quisst") == [("p-amara-quist", "person")]


def test_the_index_rows(store):
    with store.connect() as conn:
        events = indexes.event_rows(conn)
        people = indexes.people_rows(conn)
        organisations = indexes.organisation_rows(conn)
        posts = indexes.post_rows(conn, "2024-08-01")
    assert sorted((e["type"], e["person"], e["role"], e["date"]) for e in events) == [
        ("appointment", "Jonah Pike", "chief executive", "2024-07-01"),
        ("departure", "Amara Quist", "chief executive", "2024-06"),
        ("reporting_line", None, None, "2024-03-04"),
        ("role_created", None, "chief operating officer", "2024-03-04"),
    ]
    assert sorted((p["name"], p["roles"], p["events"], p["quotes"]) for p in people) == [
        ("Amara Quist", 1, 1, 1),
        ("Dev Okafor", 1, 0, 1),
        ("Hattie Lowe", 1, 0, 1),
        ("Jonah Pike", 1, 1, 1),
        ("Tobias Wren", 1, 0, 0),
    ]
    assert sorted((o["name"], o["posts"], o["people"], o["events"]) for o in organisations) == [
        ("Coastal Care Alliance", 1, 1, 0),
        ("Fernleigh Health Board", 4, 3, 4),
        ("Patients First Network", 1, 1, 0),
    ]
    assert sorted((p["role"], p["organisation"], p["person"], p["status"]) for p in posts) == [
        ("chair", "Fernleigh Health Board", "Tobias Wren", "current"),
        ("chief executive", "Coastal Care Alliance", "Dev Okafor", "current"),
        ("chief executive", "Fernleigh Health Board", "Jonah Pike", "current"),
        ("director", "Patients First Network", "Hattie Lowe", "current"),
    ]


def test_posts_the_words_describe(store):
    with store.connect() as conn:
        found = search_facts.post_matches(conn, "chief executive", 5)
        assert [(p["role"], p["organisation"]) for p in found] == [
            ("chief executive", "Coastal Care Alliance"),
            ("chief executive", "Fernleigh Health Board"),
        ]
        assert [e["type"] for e in search_facts.event_matches(conn, "appointment", 5)] == [
            "appointment"
        ]


def test_an_article_page_has_every_span(store):
    with store.connect() as conn:
        appointed = build(APPOINTED).article.id
        [row] = article_reads.articles_for_hits(conn, [appointed])
        assert (row.title, row.published, row.source) == (
            APPOINTED.title,
            "2024-07-15",
            "appointed.txt",
        )
        assert reads.stored_sources(conn, ["appointed.txt", "elsewhere.txt"]) == {"appointed.txt"}
        spans = browse.article(conn, appointed).spans
    assert [(s.kind, s.label) for s in spans] == [
        ("mention", "Jonah Pike"),
        ("event", "appointment"),
        ("role", "chief executive"),
        ("role", "chief executive"),
        ("mention", "Amara Quist"),
        ("quote", "Jonah Pike"),
    ]


def test_judgements_change_what_is_read(store):
    with store.connect() as conn:
        by_amara = sorted(quote_reads.quote_claims_of_speakers(conn, ["p-amara-quist"]))
        assert quote_reads.person_quote_counts(conn, set(by_amara)) == [
            ("p-dev-okafor", 1),
            ("p-hattie-lowe", 1),
            ("p-jonah-pike", 1),
        ]
        assert reads.newest_judgement(conn) is None
    judgements.reject(store, by_amara[0], "tester", note="not said")
    judgements.merge(store, "p-jonah-pike", "p-dev-okafor", "tester", None)
    with store.connect() as conn:
        assert reads.newest_judgement(conn) == 2
        assert entity_reads.merged_ids(conn) == {"p-jonah-pike": "p-dev-okafor"}
        logged = judgement_log.log(conn)
        assert [(j.kind, j.subject, j.object_name, j.in_force) for j in logged] == [
            ("merge", "p-jonah-pike", "Dev Okafor", True),
            ("reject", by_amara[0], None, True),
        ]
        assert [(j.kind, j.subject) for j in judgement_log.log(conn, "p-dev-okafor")] == [
            ("merge", "p-jonah-pike")
        ]
        top = [(q.entity_id, q.quotes) for q in browse.most_quoted(conn, 5)]
        assert top == [("p-dev-okafor", 2), ("p-hattie-lowe", 1)]
        assert browse.entity(conn, "p-jonah-pike").referents == ["p-jonah-pike"]


def test_statements_are_built_once_for_lists_of_any_length(store):
    # the same statement object answers one id, three ids and none (an expanding bound
    # parameter), so SQLAlchemy's compiled cache is hit with no statement built per call
    assert (
        reads.events_of_people(["p-a"]).statement
        is reads.events_of_people(["p-a", "p-b"]).statement
    )
    assert quote_reads.quotes_by_claim([]).statement is quote_reads.quotes_by_claim(["q"]).statement
    with store.connect() as conn:
        assert reads.post_roles(conn, []) == {}
        roles = reads.organisation_post_roles(conn, [FHB])
        assert sorted(roles.values()) == [
            "chair",
            "chief executive",
            "chief operating officer",
            "regional director",
        ]
        assert reads.post_roles(conn, sorted(roles)[:1]) == {
            sorted(roles)[0]: roles[sorted(roles)[0]]
        }
        assert reads.post_roles(conn, iter(roles)) == roles
        latest = [r.claim_id for r in reads.execute(conn, reads.latest_events(set(), 5))]
        assert len(latest) == 4
        fewer = reads.execute(conn, reads.latest_events({latest[0]}, 5))
        assert [r.claim_id for r in fewer] == latest[1:]
        assert [r.claim_id for r in reads.execute(conn, reads.latest_events(set(), 1))] == latest[
            :1
        ]
