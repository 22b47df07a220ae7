"""who, orgchart, person, reactions, timeline, search, export on two fictional articles."""

from __future__ import annotations

import json

import pytest
from store_factory import APPOINTED, LEAVES, build

from sectorwatch import render
from sectorwatch.errors import QueryError
from sectorwatch.query.browse import article, most_quoted, recent_events
from sectorwatch.query.export import export
from sectorwatch.query.orgchart import orgchart
from sectorwatch.query.person import person
from sectorwatch.query.reactions import reactions
from sectorwatch.query.search import search
from sectorwatch.query.summary import summarise
from sectorwatch.query.timeline import timeline
from sectorwatch.query.who import who
from sectorwatch.store import write_batch


@pytest.fixture()
def store(engine):
    write_batch(engine, [build(LEAVES), build(APPOINTED)])
    return engine


def test_who_answers_with_status_and_sentence(store):
    answer = who(store, "Fernleigh Health Board", "chief executive", "2024-03-04")
    assert [(h.name, h.status) for h in answer.holders] == [("Amara Quist", "leaving")]
    assert answer.holders[0].evidence.sentence.startswith("Amara Quist, chief executive")
    assert answer.holders[0].evidence.published == "2024-03-04"


def test_who_follows_the_dates_and_aliases(store):
    assert [h.name for h in who(store, "FHB", "CEO", "2024-08-01").holders] == ["Jonah Pike"]
    everyone = who(store, "FHB", "chief executive", "2024-08-01", include_all=True).holders
    assert {(h.name, h.status) for h in everyone} == {
        ("Jonah Pike", "current"),
        ("Amara Quist", "former"),
    }
    quist = next(h for h in everyone if h.name == "Amara Quist")
    assert quist.valid_to == "2024-06" and len(quist.alternatives) >= 2


def test_who_rejects_a_bad_date_and_an_unknown_organisation(store):
    with pytest.raises(QueryError):
        who(store, "FHB", "chief executive", "4 March")
    with pytest.raises(QueryError):
        who(store, "Nowhere Trust", "chief executive")


def test_orgchart_has_posts_holders_and_reporting_lines(store):
    chart = orgchart(store, "Fernleigh Health Board", "2024-03-04")
    labels = {n.id: n.label for n in chart.nodes}
    lines = {(labels[x.subordinate], labels[x.superior]) for x in chart.lines}
    assert lines == {
        ("chief operating officer", "chair"),
        ("regional director", "chief operating officer"),
    }
    text = render.to_text(chart)
    assert "chair, Fernleigh Health Board: Tobias Wren" in text
    assert "    └ regional director" in text
    assert render.to_dot(chart).startswith("digraph orgchart {")
    assert render.to_svg(chart).startswith("<svg") and "Tobias Wren" in render.to_svg(chart)


def test_person_roles_events_quotes(store):
    p = person(store, "Ms Amara Quist")
    assert [(r.role, r.organisation, r.status, r.valid_to) for r in p.roles] == [
        ("chief executive", "Fernleigh Health Board", "former", "2024-06")
    ]
    assert [e.type for e in p.events] == ["departure"]
    assert [q.text for q in p.quotes] == ["she was proud of what the team had achieved"]


def test_reactions_group_by_stance_and_organisation_without_the_subject(store):
    r = reactions(store, "Amara Quist")
    speakers = {q.speaker for q in r.quotes}
    assert speakers == {"Dev Okafor", "Hattie Lowe"}
    assert list(r.by_stance) == ["welcome", "concern"]
    assert list(r.by_organisation) == ["Coastal Care Alliance", "Patients First Network"]


def test_timeline_is_dated_and_bounded(store):
    t = timeline(store, "FHB", date_from="2024-06-01", date_to="2024-07-31")
    assert [e.kind for e in t.entries][:2] == ["departure", "appointment"]
    assert all(e.date >= "2024-06" for e in t.entries)


def test_search_quotes_and_articles_with_facets(store):
    result = search(store, "waiting lists")
    assert [q.speaker for q in result.quotes] == ["Hattie Lowe"]
    assert result.facets["stance"] == {"concern": 1}
    assert result.articles[0].title == "Amara Quist to leave the Fernleigh Health Board"
    assert search(store, "waiting lists", stance="welcome").quotes == []
    assert (
        search(store, '"first priority"', kind="article")
        .articles[0]
        .title.startswith("Board names")
    )


def test_browse_article_events_and_most_quoted(store):
    a = article(store, build(LEAVES).article.id)
    kinds = {s.kind for s in a.spans}
    assert {"quote", "role", "event", "mention"} <= kinds
    assert recent_events(store, 1)[0].type == "appointment"
    assert {q.name for q in most_quoted(store, 10)} >= {"Dev Okafor", "Hattie Lowe"}
    s = summarise(store)
    assert (s.articles, s.quotes, s.events) == (2, 4, 4)


def test_exports(store):
    lines = [json.loads(x) for x in export(store, "jsonl")]
    assert all(x["sentence"] and x["article_id"] for x in lines)
    ftm = [json.loads(x) for x in export(store, "ftm")]
    schemas = {x["schema"] for x in ftm}
    assert schemas == {"Person", "Organization", "Position", "Occupancy"}
    occupancy = next(x for x in ftm if x["schema"] == "Occupancy")
    assert set(occupancy["properties"]) >= {"holder", "post", "status"}
    csv_text = "".join(export(store, "csv"))
    assert csv_text.splitlines()[0].startswith("claim_id,property")
    graph = "".join(export(store, "graphml"))
    assert graph.count("<edge") >= 6 and "reports_to" in graph


def test_organisation_has_kind_leaders_and_events(store):
    from sectorwatch.query.kinds import organisation_kind
    from sectorwatch.query.organisation import organisation

    org = organisation(store, "FHB", on="2025-01-01")  # a fixed date: terms are not for ever
    assert (org.id, org.name) == ("o-fernleigh-health-board", "Fernleigh Health Board")
    assert "FHB" in org.aliases
    assert org.kind_of_organisation == organisation_kind("Fernleigh Health Board") != "unknown"
    assert (organisation_kind("NHSI"), organisation_kind(None)) == ("national", "unknown")
    leaders = {(x.holder.name, x.role, x.holder.status) for x in org.leaders}
    assert ("Amara Quist", "chief executive", "former") in leaders
    assert ("Jonah Pike", "chief executive", "current") in leaders
    assert {"departure", "appointment"} <= {e.type for e in org.events}


def test_event_reactions_give_roles_on_the_date_and_kinds(store):
    from sectorwatch.query.reactions import event_reactions

    departure = next(e for e in recent_events(store, 10) if e.type == "departure")
    r = event_reactions(store, departure.claim_id)
    assert r.on == "2024-06"
    assert {q.speaker for q in r.quotes} == {"Dev Okafor", "Hattie Lowe"}  # not the subject
    okafor = r.speaker_roles["p-dev-okafor"]
    assert (okafor.role, okafor.organisation) == ("chief executive", "Coastal Care Alliance")
    assert sum(len(v) for v in r.by_organisation_kind.values()) == 2
    with pytest.raises(QueryError):
        event_reactions(store, "c-nonexistent")


def test_search_hits_every_type_with_facets_over_the_other_choices(store):
    result = search(store, "worried")
    assert [h.type for h in result.hits] == ["quote", "article"]
    counts = {f: {c.value: c.count for c in v} for f, v in result.facet_counts.items()}
    assert counts["type"] == {"quote": 1, "article": 1}
    assert counts["stance"] == {"concern": 1}
    narrowed = search(store, "worried", kind="quote")
    assert [h.type for h in narrowed.hits] == ["quote"]
    assert {c.value for c in narrowed.facet_counts["type"]} == {"quote", "article"}
    assert [h.id for h in search(store, "Fernleigh", kind="organisation").hits] == [
        "o-fernleigh-health-board"
    ]


def test_a_search_without_lists_is_its_hits_alone(store):
    for words, chosen in (("worried", {}), ("waiting lists", {}), ("worried", {"kind": "quote"})):
        full = search(store, words, **chosen)
        hits = search(store, words, lists=False, **chosen)
        assert (hits.quotes, hits.articles, hits.snippets, hits.facets) == ([], [], {}, {})
        assert (hits.hits, hits.facet_counts) == (full.hits, full.facet_counts)
        assert (hits.total, hits.quote_total, hits.article_total) == (
            full.total,
            full.quote_total,
            full.article_total,
        )
    assert [(h.type, h.title) for h in search(store, "worried", lists=False).hits] == [
        ("quote", "Hattie Lowe"),
        ("article", "Amara Quist to leave the Fernleigh Health Board"),
    ]


def test_most_quoted_follows_judgements(store):
    from sectorwatch.store import judgements

    quote = person(store, "Amara Quist").quotes[0].claim_id
    judgements.set_speaker(store, quote, "p-tobias-wren", "ed")
    counts = {q.name: q.quotes for q in most_quoted(store, 10)}
    assert counts.get("Tobias Wren") == 1 and "Amara Quist" not in counts
    judgements.reject(store, quote, "ed")
    assert "Tobias Wren" not in {q.name for q in most_quoted(store, 10)}
