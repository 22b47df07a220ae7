"""The quote stage reads the substrate's one person index and its one pronoun resolver
(entities/people.py, entities/coreference.py): no second index of names or genders."""

from __future__ import annotations

from quote_articles import direct_of, make_article


def test_a_pronoun_inside_a_quote_does_not_tell_the_speakers_gender(extractor):
    # Owen Pryce speaks about a woman; his "he said" still means him
    assert direct_of(
        extractor,
        "Ama Boateng has been named chair of Fenwick Vale NHS Trust.",
        "Owen Pryce, the trust's chief executive, said: “She will be a superb chair.”",
        "“She knows every ward in the county,” he added.",
    ) == [
        ("She will be a superb chair.", "Owen Pryce"),
        ("She knows every ward in the county,", "Owen Pryce"),
    ]


def test_the_person_index_knows_a_name_that_resigned_as_a_title(extractor):
    extraction = extractor.extract(
        make_article(
            "Gideon Fairclough resigned as chief executive of Dunmore Hospitals NHS Trust "
            "on Monday."
        )
    )
    assert [(m.canonical, m.text) for m in extraction.mentions if m.kind == "person"] == [
        ("Gideon Fairclough", "Gideon Fairclough")
    ]


def test_she_said_means_the_latest_speaker_of_her_gender(extractor):
    assert direct_of(
        extractor,
        "Priya Castell, chair of Lowmoor Care Partnership, said the plan was sound.",
        "Its finance director, Martin Hale, said: “We can afford it.”",
        "Mr Hale joined the partnership in May.",
        "“It is the right plan,” she said.",
    ) == [("We can afford it.", "Martin Hale"), ("It is the right plan,", "Priya Castell")]


def test_a_month_is_a_surname_after_a_first_name(extractor):
    article = make_article(
        "Rosa May and hospital staff have run a savings programme since March.",
        "Today she told staff she will be leaving Wrenby next month.",
        "The board next meets on Friday May 9.",
    )
    extraction = extractor.extract(article)
    assert sorted({m.canonical for m in extraction.mentions if m.kind == "person"}) == ["Rosa May"]
    assert [(q.text, q.speaker.name if q.speaker else None) for q in extraction.quotes] == [
        ("Today she told staff she will be leaving Wrenby next month.", "Rosa May")
    ]
