"""A post the text leaves to context belongs to the body the article is about (fictional)."""

from __future__ import annotations

from quote_articles import role_triples as roles_of


def test_unowned_title_after_another_body_is_the_main_bodys(extractor):
    trust = "Fernhurst Health NHS Trust"
    got = roles_of(
        extractor,
        "Fernhurst Health NHS Trust has appointed Ann Lowe as its chief executive.",
        "Fernhurst Health NHS Trust said the appointment followed a national search.",
        "Patients from Kestrel Vale NHS Trust were moved to its wards last winter.",
        "Deputy chief executive Tom Arlo had served as an interim replacement since May.",
        "Fernhurst Health NHS Trust will confirm her start date next week.",
    )
    assert got == {
        ("Ann Lowe", "chief executive", trust),
        ("Tom Arlo", "deputy chief executive", trust),
    }


def test_a_bare_head_is_the_articles_body_so_named_or_none(extractor):
    got = roles_of(
        extractor,
        "Westmoor ICB has a new chair.",
        "Cathy Orr, chair of the ICB, said it was good.",
        "Tom Reed was appointed chair of the CCG.",
    )
    assert got == {("Cathy Orr", "chair", "Westmoor ICB"), ("Tom Reed", "chair", None)}


def test_a_title_with_no_body_is_the_main_bodys_but_a_ministers_is_nobodys(extractor):
    trust = "Fernhurst Health NHS Trust"
    got = roles_of(
        extractor,
        "Ann Lowe, who has been chief executive for the past three years, is to retire in "
        "the spring.",
        "Fernhurst Health NHS Trust is looking for a new leader.",
        "Fernhurst Health NHS Trust said the search would begin next month.",
        "Health Secretary Omar Pike said Fernhurst Health NHS Trust had improved.",
    )
    assert got == {
        ("Ann Lowe", "chief executive", trust),
        ("Omar Pike", "health secretary", None),
    }
