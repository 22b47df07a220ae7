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

    def sources_with_evidence(conn, claim_ids):  # type: ignore[no-untyped-def]
        asked.extend(claim_ids)  # their evidence read with their sources, in one statement
        return real_with_sources(conn, claim_ids)

    real, real_with_sources = holders_module.evidence_of, holders_module.sources_with_evidence
    monkeypatch.setattr(holders_module, "evidence_of", evidence_of)
    monkeypatch.setattr(holders_module, "sources_with_evidence", sources_with_evidence)
    answer = person(store, "Amara Quist")
    assert [(r.role, r.organisation, r.status) for r in answer.roles] == [
        ("chief executive", "Fernleigh Health Board", "former")
    ]
    assert asked and [c for c in asked if c in pike_claims] == []


def test_claims_of_other_holders_are_read_without_their_claim_rows(store, monkeypatch):
    """For `person`, the other holders' claims come from the occupancy and event rows
    alone; a claim's own row (origin, source) is read only for the person's claims and
    for claims that share a term with another, whose origin orders them."""
    asked: list[str] = []

    def claim_sources(conn, claim_ids):  # type: ignore[no-untyped-def]
        asked.extend(claim_ids)
        return real(conn, claim_ids)

    real = holders_module.reads.claim_sources
    monkeypatch.setattr(holders_module.reads, "claim_sources", claim_sources)
    with store.connect() as conn:
        judged = Judged.load(conn)
        quist = set(judged.cluster(require_entity(conn, "Amara Quist", "person")[0]))
        post_ids = _post_ids(conn)
        every, every_source = holders_module.claims_for_posts(conn, post_ids, judged)
        light, light_source = holders_module.claims_for_posts(
            conn, post_ids, judged, sources_of=quist
        )
    shared = {c.claim_id for found in every.values() if len(found) > 1 for c in found}
    theirs = {c.claim_id for (_, who), found in every.items() if who in quist for c in found}
    lone = {c.claim_id for found in every.values() if len(found) == 1 for c in found}
    assert theirs and lone - theirs and shared - theirs  # the store has every kind
    assert set(asked) == theirs | {c for c in shared if c not in theirs} - _event_claims(every)
    assert light_source == {c: every_source[c] for c in theirs}
    for key, found in every.items():
        assert [
            asdict(c) | ({"origin": ""} if c.claim_id in lone - theirs and c.source == "occupancy"
                         else {})
            for c in found
        ] == [asdict(c) for c in light[key]]  # fmt: skip


def _event_claims(grouped) -> set[str]:  # type: ignore[no-untyped-def]
    """Claims of events: their origin is always "inferred", never read."""
    return {c.claim_id for found in grouped.values() for c in found if c.source != "occupancy"}
