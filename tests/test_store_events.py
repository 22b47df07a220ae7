"""One event per real-world change, reactions that are reactions, and organisations linked
to what they became, on small fictional article sets."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from store_factory import LEAVES, ArticleSpec, build

from sectorwatch.query.history import history
from sectorwatch.query.reactions import event_reactions, reactions
from sectorwatch.query.timeline import timeline
from sectorwatch.store import write_batch
from sectorwatch.store.schema import events

FHB = "Fernleigh Health Board"
CCA = "Coastal Care Alliance"

LEFT = ArticleSpec(
    title="Quist leaves as boards agree merger",
    published="2024-07-02",
    source="left.txt",
    text=(
        "Quist leaves as boards agree merger\n"
        "The Fernleigh Health Board and the Coastal Care Alliance agreed to merge next April.\n"
        'Rhian Moss, chair of the Patients First Network, said: "The merger is overdue."\n'
        "Amara Quist stepped down as chief executive of the Fernleigh Health Board in June. "
        'Colm Ferris, of the Wardle Institute, said: "Her departure is a real loss."\n'
        'The 2019 Fernleigh capability review said: "Leadership is stretched thin."\n'
        'Ms Quist said: "It was a privilege to lead the board."\n'
    ),
    events=[
        dict(type="merger", organisations=[FHB, CCA], status="announced", effective="2025-04",
             words="agreed to merge next April"),
        dict(type="departure", person="Amara Quist", role="chief executive", organisation=FHB,
             status="completed", effective="2024-06", words="Amara Quist stepped down"),
    ],
    quotes=[
        dict(text="The merger is overdue.", speaker="Rhian Moss", role="chair",
             organisation="Patients First Network", stance="welcome"),
        dict(text="Her departure is a real loss.", speaker="Colm Ferris",
             organisation="Wardle Institute", stance="concern"),
        dict(text="Leadership is stretched thin.", speaker="The 2019 Fernleigh capability review",
             kind="document"),
        dict(text="It was a privilege to lead the board.", speaker="Amara Quist"),
    ],
)  # fmt: skip

COMPLETED = ArticleSpec(
    title="Fernleigh and Coastal merger completes",
    published="2025-04-01",
    source="completed.txt",
    text=(
        "Fernleigh and Coastal merger completes\n"
        "The Coastal Care Alliance merged with its neighbour today.\n"
        "Odile Brack, chief executive of Fernleigh Health Board and Coastal Care Alliance, "
        "took up post today.\n"
    ),
    roles=[
        dict(person="Odile Brack", role="chief executive",
             organisation="Fernleigh Health Board and Coastal Care Alliance", status="current",
             valid_from="2025-04-01",
             words="Odile Brack, chief executive of Fernleigh Health Board and Coastal Care "
                   "Alliance"),
    ],
    events=[
        dict(type="merger", organisations=[CCA], status="completed", effective="2025-04-01",
             words="merged with its neighbour today"),
    ],
)  # fmt: skip


@pytest.fixture()
def store(engine):
    write_batch(engine, [build(LEAVES), build(LEFT), build(COMPLETED)])
    return engine


def test_one_event_per_change_with_every_report(store):
    t = timeline(store, FHB)
    got = [(e.kind, e.date, e.articles, e.first_reported, e.last_reported)
           for e in t.entries if e.kind in ("departure", "merger")]  # fmt: skip
    assert got == [
        ("departure", "2024-06", 2, "2024-03-04", "2024-07-02"),
        ("merger", "2025-04-01", 2, "2024-07-02", "2025-04-01"),
    ]
    merger = next(e for e in t.entries if e.kind == "merger")
    assert merger.summary == "merger (completed): Fernleigh Health Board and Coastal Care Alliance"


def test_reactions_are_other_peoples_words_about_the_event(store):
    with store.connect() as conn:
        departures = conn.execute(
            select(events.c.claim_id, events.c.article_id).where(events.c.type == "departure")
        ).all()
    later = next(c for c, a in departures if a == build(LEFT).article.id)
    r = event_reactions(store, later)
    # the merger's paragraph, the older document and the subject's own words are not reactions
    assert sorted((q.speaker, q.text) for q in r.quotes) == [
        ("Colm Ferris", "Her departure is a real loss."),
        ("Dev Okafor", "This is the right move for patients across the county."),
        ("Hattie Lowe", "We are worried that another reorganisation will distract from waiting "
                        "lists."),
    ]  # fmt: skip
    assert sorted(q.text for q in r.statements) == [
        "It was a privilege to lead the board.",
        "she was proud of what the team had achieved",
    ]
    assert len(r.events) == 1 and len(r.events[0].article_ids) == 2


def test_a_persons_reactions_follow_the_same_rules(store):
    r = reactions(store, "Amara Quist")
    assert sorted(q.speaker for q in r.quotes) == ["Colm Ferris", "Dev Okafor", "Hattie Lowe"]
    assert [q.speaker for q in r.statements] == ["Amara Quist", "Amara Quist"]


def test_a_merged_body_follows_its_predecessors(store):
    h = history(store, "Fernleigh Health Board and Coastal Care Alliance", "chief executive")
    assert sorted(c.organisation for c in h.predecessors) == [CCA, FHB]
    # the predecessors' chief executives come first, at their own organisations
    assert sorted((t.name, t.organisation, t.start, t.end) for t in h.terms) == [
        ("Amara Quist", FHB, None, "2024-06"),
        ("Dev Okafor", CCA, None, None),
        ("Odile Brack", "Fernleigh Health Board and Coastal Care Alliance", "2025-04-01", None),
    ]
    assert h.terms[-1].name == "Odile Brack"
    old = history(store, FHB, "chief executive")
    assert [c.organisation for c in old.successors] == [
        "Fernleigh Health Board and Coastal Care Alliance"
    ]


def test_a_persons_page_and_the_home_page_list_each_change_once(store):
    from sectorwatch.query.browse import recent_events
    from sectorwatch.query.person import person

    told = [(e.type, len(e.article_ids)) for e in person(store, "Amara Quist").events]
    assert told == [("departure", 2)]  # two articles report one departure
    recent = [(e.type, e.person, len(e.article_ids)) for e in recent_events(store, 10)]
    assert [r for r in recent if r[:2] == ("departure", "Amara Quist")] == [
        ("departure", "Amara Quist", 2)
    ]
