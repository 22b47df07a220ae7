"""Organisation spans that are not organisations: a title, a sentence adverb or a lower-case
word taken with the name is trimmed off it; a possessive that is part of a name stays."""

from __future__ import annotations

from quote_articles import make_article
from quote_articles import role_triples as roles_of


def test_title_possessive_place_and_lower_case_words_are_not_part_of_the_name(extractor):
    extraction = extractor.extract(
        make_article(
            "Meanwhile Westshire's ICS named Tom Reed as its chair.",
            "Rita Moss, chief executive of the Brindle Care board, said the plan was good.",
            "Jo Lee, chief executive at King’s College Hospital NHS Foundation Trust, agreed.",
            "The former CEO of Marlow Trust was not asked.",
        )
    )
    assert sorted(extraction.organisation_aliases) == [
        "Brindle Care",
        "King’s College Hospital NHS Foundation Trust",
        "Marlow Trust",
        "Westshire ICS",
    ]
    assert [(r.person, r.role, r.organisation) for r in extraction.roles] == [
        ("Tom Reed", "chair", "Westshire ICS"),
        ("Rita Moss", "chief executive", "Brindle Care"),
        ("Jo Lee", "chief executive", "King’s College Hospital NHS Foundation Trust"),
    ]


def test_a_board_of_a_possessive_is_no_organisation_name(extractor):
    extraction = extractor.extract(
        make_article("Ken Ash, Chair of the Institute's Board, was absent.")
    )
    assert extraction.organisation_aliases == {}


def test_a_team_and_a_name_opened_by_an_honorific_are_no_organisations(extractor):
    extraction = extractor.extract(
        make_article(
            "Greyhurst Hospitals NHS Trust has a new board.",
            "Ann Pike will join the Transformation Executive Team as chief strategy officer.",
            "The team was chosen by Dr Tom Reed and Greyhurst Hospitals NHS Trust's Board.",
        )
    )
    assert sorted(extraction.organisation_aliases) == ["Greyhurst Hospitals NHS Trust"]
    assert [(r.person, r.role, r.organisation) for r in extraction.roles] == [
        ("Ann Pike", "chief strategy officer", "Greyhurst Hospitals NHS Trust")
    ]


def test_the_trust_capitalised_is_the_articles_trust_not_a_body_called_trust(extractor):
    extraction = extractor.extract(
        make_article(
            "Greyhurst Hospitals NHS Trust has a new board.",
            "Owen Hale, chief executive of the Trust, spoke.",
        )
    )
    assert sorted(extraction.organisation_aliases) == ["Greyhurst Hospitals NHS Trust"]
    assert [(r.person, r.role, r.organisation) for r in extraction.roles] == [
        ("Owen Hale", "chief executive", "Greyhurst Hospitals NHS Trust")
    ]


def test_a_plurals_possessive_before_a_generic_head_is_part_of_the_name(extractor):
    got = roles_of(
        extractor,
        "Fenland Valley Hospitals NHS Trust has named Tom Reed as its chair.",
        "Mr Reed was chief executive of Westshire Children’s Hospital.",
    )
    assert got == {
        ("Tom Reed", "chair", "Fenland Valley Hospitals NHS Trust"),
        ("Tom Reed", "chief executive", "Westshire Children’s Hospital"),
    }
