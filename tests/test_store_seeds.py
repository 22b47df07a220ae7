"""Issue item 6, end to end on the two seeds: the real extractor, the store, the questions."""

from __future__ import annotations

from sectorwatch.ingest import read_paths
from sectorwatch.query.orgchart import orgchart
from sectorwatch.query.reactions import reactions
from sectorwatch.query.who import who
from sectorwatch.store import open_store, write_batch


def test_seed_questions(seeds_dir, extractor, tmp_path):
    engine = open_store(f"sqlite:///{tmp_path / 'seeds.db'}")
    articles = [a for a in read_paths([str(seeds_dir)]) if hasattr(a, "text")]
    write_batch(engine, list(extractor.extract_many(articles)))

    answer = who(engine, "NHS Improvement", "chief executive", "2019-03-04")
    assert [(h.name, h.status) for h in answer.holders] == [("Ian Dalton", "leaving")]
    assert answer.holders[0].evidence.sentence

    chart = orgchart(engine, "NHS England and NHS Improvement", "2019-03-04")
    nodes = {n.id: n for n in chart.nodes}
    coo = "chief operating officer"
    lines = [(nodes[x.subordinate], nodes[x.superior]) for x in chart.lines]
    # a person node holding no post of the chart is labelled with the post held that day
    assert any(
        sub.label == coo and sup.label == "Simon Stevens, chief executive, NHS England"
        for sub, sup in lines
    )
    assert any(sub.label == "joint regional directors" and sup.label == coo for sub, sup in lines)

    r = reactions(engine, "Ian Dalton")
    speakers = {q.speaker for q in r.quotes}
    assert {
        "Niall Dickson",
        "Chris Hopson",
        "Julie Wood",
        "Helen Buckingham",
        "Rob Webster",
    } <= speakers
    assert all(q.stance in ("welcome", "concern", "mixed", "neutral") for q in r.quotes)
    assert {q.stance for q in r.quotes} <= {"welcome", "concern", "mixed", "neutral"}
    assert "welcome" in {q.stance for q in r.quotes if q.speaker == "Rob Webster"}
