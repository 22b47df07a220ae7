"""A short name the article states in brackets after an organisation's name is paired with
it in `organisation_aliases`, whether or not its letters are the initials."""

from __future__ import annotations

from quote_articles import make_article


def test_bracketed_short_names_are_the_organisations_aliases(extractor):
    extraction = extractor.extract(
        make_article(
            "Greyhurst Hospitals NHS Trust (GHT) named a chair.",
            "The Midshire Care Collaborative (the MCC) will open a new hub.",
            "GHT chair Ruth Orme said the hub would help.",
        )
    )
    assert extraction.organisation_aliases == {
        "Greyhurst Hospitals NHS Trust": ["GHT"],
        "Midshire Care Collaborative": ["MCC"],
    }
    assert [(r.person, r.role, r.organisation) for r in extraction.roles] == [
        ("Ruth Orme", "chair", "Greyhurst Hospitals NHS Trust")
    ]


def test_a_body_inside_an_organisation_stated_by_its_short_name_is_its_own(extractor):
    # "<union>'s consultants committee (the FCC)": one organisation, named two ways; never the
    # union itself, and never a second organisation "FCC"
    extraction = extractor.extract(
        make_article(
            "The Fenland Medical Association's consultants committee (the FCC) has backed "
            "the offer.",
            "Dr Ann Pike, chair of the FCC, said the offer was fair.",
        )
    )
    assert extraction.organisation_aliases == {
        "Fenland Medical Association's consultants committee": ["FCC"],
        "Fenland Medical Association": [],
    }
    assert [(r.person, r.role, r.organisation) for r in extraction.roles] == [
        ("Ann Pike", "chair", "Fenland Medical Association's consultants committee")
    ]
