"""`person` loads claims and evidence only for what it returns (issue 16): the other holders
of the posts a person held are neither read nor given evidence, and the answer is the same."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from store_factory import APPOINTED, LEAVES, build

from sectorwatch.query import holders as holders_module
from sectorwatch.query.common import Judged, require_entity
from sectorwatch.query.holders import holders
from sectorwatch.query.person import person
from sectorwatch.store import write_batch
from sectorwatch.store.schema import posts


@pytest.fixture()
def store(engine):
    write_batch(engine, [build(LEAVES), build(APPOINTED)])
    return engine


def _post_ids(conn) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(conn.execute(posts.select().with_only_columns(posts.c.id)).scalars())


def test_holders_of_chosen_people_are_their_part_of_every_holder(store):
    with store.connect() as conn:
        judged = Judged.load(conn)
        quist = judged.cluster(require_entity(conn, "Amara Quist", "person")[0])
        post_ids = _post_ids(conn)
        everyone = holders(conn, post_ids, "2024-08-01", judged, True)
        theirs = holders(conn, post_ids, "2024-08-01", judged, True, people=quist)
    expected = {
        post: [asdict(h) for h in found if h.person_id in quist]
        for post, found in everyone.items()
        if any(h.person_id in quist for h in found)
    }
    assert {post: [asdict(h) for h in found] for post, found in theirs.items()} == expected
    assert [(h.name, h.status) for found in theirs.values() for h in found] == [
        ("Amara Quist", "former")
    ]


def test_person_reads_nothing_of_the_other_holders_of_its_posts(store, monkeypatch):
    with store.connect() as conn:
        judged = Judged.load(conn)
        pike = require_entity(conn, "Jonah Pike", "person")[0]
        everyone = holders(conn, _post_ids(conn), "2024-08-01", judged, True)
    pike_claims = {
        c.claim_id
        for found in everyone.values()
        for h in found
        if h.person_id == pike
        for c in [*h.alternatives, h]
        if hasattr(c, "claim_id")
    } | {
        h.evidence.claim_id
        for found in everyone.values()
        for h in found
        if h.person_id == pike and h.evidence
    }
    assert pike_claims
    asked: list[str] = []

    def evidence_of(conn, sources):  # type: ignore[no-untyped-def]
        asked.extend(s.claim_id for s in sources)
        return real(conn, sources)

    real = holders_module.evidence_of
    monkeypatch.setattr(holders_module, "evidence_of", evidence_of)
    answer = person(store, "Amara Quist")
    assert [(r.role, r.organisation, r.status) for r in answer.roles] == [
        ("chief executive", "Fernleigh Health Board", "former")
    ]
    assert asked and [c for c in asked if c in pike_claims] == []
