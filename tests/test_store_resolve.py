"""Cross-article resolution and human judgements (merge, split, reject, set speaker)."""

from __future__ import annotations

from sqlalchemy import select
from store_factory import APPOINTED, LEAVES, ArticleSpec, build

from sectorwatch.query.person import person
from sectorwatch.query.who import who
from sectorwatch.store import judgements, write_batch
from sectorwatch.store.schema import entities, quotes

OTHER_QUIST = ArticleSpec(
    title="Ms Quist joins the Riverside Dance Trust",
    published="2024-05-01",
    text="Dr Amara Quist, director of the Riverside Dance Trust, opened the new studio.\n",
    roles=[
        dict(
            person="Dr Amara Quist",
            role="director",
            organisation="Riverside Dance Trust",
            status="current",
            words="Dr Amara Quist, director of the Riverside Dance Trust",
        ),
    ],
)


def _ids(engine, kind):
    with engine.connect() as conn:
        return sorted(conn.execute(select(entities.c.id).where(entities.c.kind == kind)).scalars())


def test_same_people_and_organisations_across_articles_and_aliases(engine):
    write_batch(engine, [build(LEAVES)])
    write_batch(engine, [build(APPOINTED)])
    assert _ids(engine, "organisation") == [
        "o-coastal-care-alliance",
        "o-fernleigh-health-board",
        "o-patients-first-network",
    ]
    assert "p-amara-quist" in _ids(engine, "person")
    assert len([i for i in _ids(engine, "person") if "quist" in i]) == 1


def test_honorific_and_same_full_name_resolve_to_one_person(engine):
    write_batch(engine, [build(LEAVES), build(OTHER_QUIST)])
    assert [i for i in _ids(engine, "person") if "quist" in i] == ["p-amara-quist"]


def test_split_in_one_article_survives_reingest_and_is_never_merged_back(engine):
    write_batch(engine, [build(LEAVES), build(OTHER_QUIST)])
    article = build(OTHER_QUIST).article.id
    new_id = judgements.split(engine, "p-amara-quist", article_id=article, author="editor")
    assert new_id == "p-amara-quist-2"
    assert [r.role for r in person(engine, "p-amara-quist-2").roles] == ["director"]
    from dataclasses import replace

    write_batch(engine, [build(replace(OTHER_QUIST, version="2.0.0"))])
    assert [r.role for r in person(engine, "p-amara-quist").roles] == ["chief executive"]
    assert [r.role for r in person(engine, "p-amara-quist-2").roles] == ["director"]


def test_merge_keeps_the_oldest_id_and_split_undoes_it(engine):
    write_batch(engine, [build(LEAVES)])
    assert (
        judgements.merge(engine, "p-hattie-lowe", "p-dev-okafor", author="editor") == "p-dev-okafor"
    )
    roles = {r.organisation for r in person(engine, "Hattie Lowe").roles}
    assert roles == {"Coastal Care Alliance", "Patients First Network"}
    judgements.split(engine, "p-hattie-lowe", "p-dev-okafor", author="editor")
    assert {r.organisation for r in person(engine, "Hattie Lowe").roles} == {
        "Patients First Network"
    }
    kinds = [j["kind"] for j in judgements.history(engine)]
    assert kinds == ["merge", "split"]


def test_reject_hides_a_claim_and_a_newer_judgement_undoes_it(engine):
    write_batch(engine, [build(LEAVES)])
    holder = who(engine, "FHB", "chief executive", "2024-03-04").holders[0]
    judgements.reject(engine, holder.evidence.claim_id, "editor")
    rest = who(engine, "FHB", "chief executive", "2024-03-04").holders
    assert [h.evidence.claim_id for h in rest] != [holder.evidence.claim_id]
    judgements.reject(engine, holder.evidence.claim_id, "editor", undo=True)
    again = who(engine, "FHB", "chief executive", "2024-03-04").holders
    assert again[0].evidence.claim_id == holder.evidence.claim_id


def test_set_speaker_moves_a_quote_to_another_person(engine):
    write_batch(engine, [build(LEAVES)])
    with engine.connect() as conn:
        quote_id = conn.execute(
            select(quotes.c.claim_id).where(quotes.c.speaker_id == "p-dev-okafor")
        ).scalar_one()
    judgements.set_speaker(engine, quote_id, "p-tobias-wren", "editor")
    assert [q.claim_id for q in person(engine, "Tobias Wren").quotes] == [quote_id]
    assert person(engine, "Dev Okafor").quotes == []
    judgements.set_speaker(engine, quote_id, None, "editor")
    assert [q.claim_id for q in person(engine, "Dev Okafor").quotes] == [quote_id]


def _trust_article(name: str, person_name: str) -> ArticleSpec:
    text = f"{name} has appointed {person_name} as chief executive. The trust said so.\n"
    return ArticleSpec(
        title=f"{name} appoints",
        published="2024-05-01",
        text=text,
        roles=[
            dict(
                person=person_name,
                role="chief executive",
                organisation=name,
                status="current",
                words=f"{person_name} as chief executive",
            )
        ],
        aliases={name: ["trust", "Trust", "the service"]},
    )


def test_generic_words_never_join_two_organisations(engine):
    """'the trust' points back to each article's own trust: two trusts that both use it
    stay two organisations."""
    write_batch(engine, [build(_trust_article("Ashgrove Hospitals NHS Trust", "Nia Brooke"))])
    write_batch(engine, [build(_trust_article("Belford Community NHS Trust", "Owen Tait"))])
    assert _ids(engine, "organisation") == [
        "o-ashgrove-hospitals-nhs-trust",
        "o-belford-community-nhs-trust",
    ]


BACK_REFERENCES = ArticleSpec(
    title="Confederation and college respond",
    published="2024-04-02",
    source="backrefs.txt",
    text=(
        "Confederation and college respond\n"
        "Rhys Calder, chief executive of the Wessex Care Confederation, gave evidence.\n"
        'A spokesperson for the confederation said: "We need a plan."\n'
        "Dame Nia Hollis DBE, president of the Royal College of Rural Nursing, spoke.\n"
        'Nia Hollis, of the college, said: "Nurses are tired."\n'
        "The WCC's board met on Monday.\n"
    ),
    aliases={"Wessex Care Confederation": ["WCC"]},
    roles=[
        dict(person="Rhys Calder", role="chief executive",
             organisation="Wessex Care Confederation", status="current",
             words="Rhys Calder, chief executive of the Wessex Care Confederation"),
        dict(person="Dame Nia Hollis DBE", role="president",
             organisation="Royal College of Rural Nursing", status="current",
             words="Dame Nia Hollis DBE, president of the Royal College of Rural Nursing"),
        dict(person="Rhys Calder", role="chief executive",
             organisation="the WCC's", status="current", words="The WCC's board"),
    ],
    quotes=[
        dict(text="We need a plan.", speaker="the confederation", kind="organisation",
             organisation="the confederation"),
        dict(text="Nurses are tired.", speaker="Nia Hollis", organisation="the college"),
    ],
)  # fmt: skip


def test_back_references_possessives_and_post_nominals_join_the_named_entities(engine):
    write_batch(engine, [build(BACK_REFERENCES)])
    assert _ids(engine, "organisation") == [
        "o-royal-college-of-rural-nursing",
        "o-wessex-care-confederation",
    ]
    assert _ids(engine, "person") == ["p-nia-hollis", "p-rhys-calder"]
    with engine.connect() as conn:
        said = conn.execute(
            select(quotes.c.text, quotes.c.speaker_id, quotes.c.speaker_organisation_id)
        ).all()
    assert sorted(said) == [
        ("Nurses are tired.", "p-nia-hollis", "o-royal-college-of-rural-nursing"),
        ("We need a plan.", "o-wessex-care-confederation", "o-wessex-care-confederation"),
    ]


POST_NOMINALS_LATER = ArticleSpec(
    title="Hollis honoured",
    published="2024-06-15",
    source="honours.txt",
    text="Nia Hollis CBE, president of the Royal College of Rural Nursing, was honoured.\n",
    roles=[
        dict(person="Nia Hollis CBE", role="president",
             organisation="Royal College of Rural Nursing's", status="current",
             words="Nia Hollis CBE, president of the Royal College of Rural Nursing"),
    ],
)  # fmt: skip


def test_post_nominals_and_possessives_never_make_new_entities_across_articles(engine):
    write_batch(engine, [build(POST_NOMINALS_LATER)])
    write_batch(engine, [build(BACK_REFERENCES)])
    assert _ids(engine, "person") == ["p-nia-hollis", "p-rhys-calder"]
    with engine.connect() as conn:
        name = conn.execute(select(entities.c.name).where(entities.c.id == "p-nia-hollis"))
        assert name.scalar_one() == "Nia Hollis"  # the letters are not part of the name
    assert _ids(engine, "organisation") == [
        "o-royal-college-of-rural-nursing",
        "o-wessex-care-confederation",
    ]
