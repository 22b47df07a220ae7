"""An organisation's lineage reads only the changes that concern it: the store keeps the
organisations each event and each change names among its parties (`named_parties`,
migration 11) as articles are written and replaced, and the lineage found through them is
the lineage found by reading every stored change, on both backends, with judgements. Small
fictional articles: two bodies merging into a third named after both, a rename of it, a
merger with its result named, and changes of other bodies."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict

import pytest
from sqlalchemy import select
from store_factory import ArticleSpec, build

from sectorwatch.query import lineage as lineages
from sectorwatch.query.common import Judged
from sectorwatch.store import judgements, open_store, reads, write_batch
from sectorwatch.store.schema import events, named_parties, org_changes

ASH, WOLD = "Ashby General NHS Trust", "Wold Community NHS Trust"
BOTH = "Ashby General NHS Trust and Wold Community NHS Trust"
BOTH_ID = "o-ashby-general-nhs-trust-and-wold-community-nhs-trust"
RENAMED = "Ashwold Health"
FEN, COAST, NORTH = "Fernleigh Health Board", "Coastal Care Alliance", "Northmoor Health"
ELM, OAK = "Elmbridge Care Trust", "Oakvale Care Trust"
COAST_ID, ELM_ID, OAK_ID = (
    "o-coastal-care-alliance",
    "o-elmbridge-care-trust",
    "o-oakvale-care-trust",
)


def merger(n: int, published: str, sentence: str, words: str, **event: object) -> ArticleSpec:
    return ArticleSpec(
        published=published,
        source=f"change-{n}.txt",
        text=f"Change {n}\n{sentence}\n",
        events=[dict(words=words, **event)],
    )


PROPOSED = merger(
    1, "2024-01-10", "Ashby General NHS Trust and Wold Community NHS Trust are to merge.",
    "are to merge", type="merger", organisations=[ASH, WOLD], status="proposed",
)  # fmt: skip
COMBINED = ArticleSpec(
    published="2024-06-01",
    source="combined.txt",
    text=(
        "Combined trust appoints chair\n"
        "Ivo Hart, chair of Ashby General NHS Trust and Wold Community NHS Trust, began.\n"
    ),
    roles=[
        dict(person="Ivo Hart", role="chair", organisation=BOTH, status="current",
             words="Ivo Hart, chair of Ashby General NHS Trust and Wold Community NHS Trust"),
    ],
)  # fmt: skip
COMPLETED = merger(
    2, "2024-04-01", "Wold Community NHS Trust completed its merger with its neighbour.",
    "completed its merger", type="merger", organisations=[WOLD, ASH], status="completed",
    effective="2024-04-01",
)  # fmt: skip
RENAME = merger(
    3, "2025-01-05", f"{BOTH} will become Ashwold Health in April.", "will become",
    type="rename", organisation=RENAMED, organisations=[BOTH], result=RENAMED,
    status="announced", effective="2025-04",
)  # fmt: skip
WITH_RESULT = merger(
    4, "2024-09-09", "Fernleigh Health Board and Coastal Care Alliance formed Northmoor Health.",
    "formed Northmoor Health", type="merger", organisations=[FEN, COAST], result=NORTH,
    status="completed", effective="2024-09",
)  # fmt: skip
COAST_AGAIN = merger(
    5, "2024-03-03", "Coastal Care Alliance and Elmbridge Care Trust may merge.", "may merge",
    type="merger", organisations=[COAST, ELM], status="proposed",
)  # fmt: skip
OTHERS = merger(
    6, "2024-02-02", "Oakvale Care Trust absorbed Elmbridge Care Trust into Oakvale Care Trust.",
    "absorbed", type="merger", organisations=[OAK, ELM], status="completed",
)  # fmt: skip
ARTICLES = [PROPOSED, COMBINED, COMPLETED, RENAME, WITH_RESULT, COAST_AGAIN, OTHERS]


@pytest.fixture()
def store(engine):  # type: ignore[no-untyped-def]
    write_batch(engine, [build(a) for a in ARTICLES])
    return engine


def every_change_read(conn, ids, judged):  # type: ignore[no-untyped-def]
    """The reference: every stored change (not rejected), in the order stored."""
    claims = conn.execute(select(org_changes.c.claim_id)).scalars()
    return reads.changes_by_claim(conn, [c for c in claims if c not in judged.rejected])


def same_lineages(engine, monkeypatch) -> dict[str, list[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    """Every organisation's lineage, through the index and by reading every change, is the
    same; (relation, other organisation) of each that names a change."""
    with engine.connect() as conn:
        judged = Judged.load(conn)
        orgs = conn.execute(select(named_parties.c.organisation_id)).scalars()
        ids = sorted({judged.canon(o) or o for o in orgs})
        found = {i: lineages.lineage(conn, i, judged) for i in ids}
        with monkeypatch.context() as m:
            m.setattr(lineages, "_stored_changes", every_change_read)
            every = {i: lineages.lineage(conn, i, judged) for i in ids}
    assert {i: asdict(f) for i, f in found.items()} == {i: asdict(f) for i, f in every.items()}
    return {
        i: [(c.relation, c.organisation) for c in f.predecessors + f.successors + f.changes]
        for i, f in found.items()
        if f.predecessors or f.successors or f.changes
    }


def parties(engine) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(organisation, table, type) of every party the store keeps."""
    with engine.connect() as conn:
        kinds = dict(conn.execute(select(events.c.claim_id, events.c.type)).all())
        kinds |= dict(conn.execute(select(org_changes.c.claim_id, org_changes.c.kind)).all())
        rows = conn.execute(select(named_parties)).all()
    return sorted((o, source, kinds[c]) for o, source, c in rows)


def test_the_store_keeps_the_parties_each_event_and_change_names(store):
    assert parties(store) == [
        ("o-ashby-general-nhs-trust", "events", "merger"),
        ("o-ashby-general-nhs-trust", "events", "merger"),
        ("o-ashby-general-nhs-trust", "org_changes", "merger"),
        ("o-ashby-general-nhs-trust", "org_changes", "merger"),
        ("o-ashby-general-nhs-trust-and-wold-community-nhs-trust", "events", "rename"),
        ("o-ashby-general-nhs-trust-and-wold-community-nhs-trust", "org_changes", "rename"),
        ("o-ashwold-health", "events", "rename"),  # an event names the result as well
        ("o-coastal-care-alliance", "events", "merger"),
        ("o-coastal-care-alliance", "events", "merger"),
        ("o-coastal-care-alliance", "org_changes", "merger"),
        ("o-coastal-care-alliance", "org_changes", "merger"),
        ("o-elmbridge-care-trust", "events", "merger"),
        ("o-elmbridge-care-trust", "events", "merger"),
        ("o-elmbridge-care-trust", "org_changes", "merger"),
        ("o-elmbridge-care-trust", "org_changes", "merger"),
        ("o-fernleigh-health-board", "events", "merger"),
        ("o-fernleigh-health-board", "org_changes", "merger"),
        ("o-northmoor-health", "events", "merger"),
        ("o-oakvale-care-trust", "events", "merger"),
        ("o-oakvale-care-trust", "org_changes", "merger"),
        ("o-wold-community-nhs-trust", "events", "merger"),
        ("o-wold-community-nhs-trust", "events", "merger"),
        ("o-wold-community-nhs-trust", "org_changes", "merger"),
        ("o-wold-community-nhs-trust", "org_changes", "merger"),
    ]


def test_a_replaced_article_names_its_new_parties_only(store):
    again = merger(
        5, "2024-03-03", "Coastal Care Alliance and Elmbridge Care Trust may merge.",
        "may merge", type="merger", organisations=[COAST, OAK], status="proposed",
    )  # fmt: skip
    again.version = "1.1.0"  # read again by a newer extractor: another partner
    assert write_batch(store, [build(again)]).replaced
    named = Counter((o, s) for o, s, _ in parties(store) if o in (COAST_ID, ELM_ID, OAK_ID))
    assert named == {
        (COAST_ID, "events"): 2, (COAST_ID, "org_changes"): 2,  # its two mergers, as before
        (ELM_ID, "events"): 1, (ELM_ID, "org_changes"): 1,  # Oakvale's merger only
        (OAK_ID, "events"): 2, (OAK_ID, "org_changes"): 2,  # and now Coastal's
    }  # fmt: skip


ASHBY_AND_WOLD = {
    "o-ashby-general-nhs-trust": [("successor", BOTH), ("party", WOLD)],
    "o-wold-community-nhs-trust": [("successor", BOTH), ("party", ASH)],
    BOTH_ID: [("predecessor", ASH), ("predecessor", WOLD), ("successor", RENAMED), ("party", ASH)],
    "o-ashwold-health": [("predecessor", BOTH), ("party", BOTH)],
}
"""The lineages of the Ashby and Wold trusts' merger and the combined trust's rename."""


def test_each_lineage_is_the_one_read_from_every_change(store, monkeypatch):
    # reports sharing a party are one change: Fernleigh's merger is found through Coastal's
    # and Elmbridge's (two rounds), and the combined trust's through the names it joins
    assert same_lineages(store, monkeypatch) == {
        **ASHBY_AND_WOLD,
        "o-coastal-care-alliance": [("successor", OAK), ("party", OAK)],
        "o-elmbridge-care-trust": [("successor", OAK), ("party", OAK)],
        "o-fernleigh-health-board": [("successor", OAK), ("party", OAK)],
        "o-oakvale-care-trust": [("predecessor", ELM), ("predecessor", COAST),
                                 ("predecessor", FEN), ("party", ELM)],
    }  # fmt: skip


def test_rejected_reports_and_merged_bodies_give_the_same_lineages(store, monkeypatch):
    with store.connect() as conn:
        rows = conn.execute(
            select(org_changes.c.claim_id, org_changes.c.organisations, org_changes.c.result_id)
        ).all()
    rejected = next(c for c, o, r in rows if r == "o-northmoor-health")  # Fernleigh's merger
    judgements.reject(store, rejected, author="ed")
    judgements.merge(store, "o-northmoor-health", "o-elmbridge-care-trust", author="ed")
    assert same_lineages(store, monkeypatch) == {
        **ASHBY_AND_WOLD,
        "o-coastal-care-alliance": [("successor", OAK), ("party", OAK)],
        "o-northmoor-health": [("successor", OAK), ("party", OAK)],  # Elmbridge, merged
        "o-oakvale-care-trust": [("predecessor", NORTH), ("predecessor", COAST),
                                 ("party", NORTH)],
    }  # fmt: skip


def test_migration_11_keeps_the_parties_of_an_older_store(tmp_path):
    url = f"sqlite:///{tmp_path / 'sw.db'}"
    engine = open_store(url)
    write_batch(engine, [build(a) for a in ARTICLES[:3]])
    kept = parties(engine)
    with engine.begin() as conn:  # a store as migration 10 left it
        for table in ("events", "org_changes"):
            for name in ("insert", "delete", "update"):
                conn.exec_driver_sql(f"DROP TRIGGER tr_{table}_parties_{name}")
        conn.exec_driver_sql("DROP TABLE named_parties")
        conn.exec_driver_sql("DELETE FROM schema_version WHERE version = 11")
    engine.dispose()
    engine = open_store(url)
    assert parties(engine) == kept and len(kept) == 8
    write_batch(engine, [build(RENAME)])
    assert len(parties(engine)) == 11  # the triggers are back
