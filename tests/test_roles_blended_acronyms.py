"""Short names and joint posts: a mixed-case short name defined in brackets
("Westmoor Community Health NHS Trust (WestCom)", "The Greyhurst and Marlow Hospital NHS
Trust (GaMH)") names its body wherever the article uses it, as a capital acronym does; a
post "in common for both A and B" or "at both A and B" is a post at each body."""

from __future__ import annotations

from quote_articles import role_triples as roles_of

from sectorwatch.extract.entities.organisations import fits_blend


def test_a_blended_short_name_fits_the_name_it_shortens():
    assert fits_blend("Westmoor Community Health NHS Trust".split(), "WestCom")
    assert fits_blend("Greyhurst and Marlow Hospital NHS Trust".split(), "GaMH")
    assert not fits_blend("Westmoor Community Health NHS Trust".split(), "WCH")
    assert not fits_blend("Marlow Hospital".split(), "WestCom")


def test_a_post_before_a_blended_short_name_is_its_bodys_not_the_last_named(extractor):
    got = roles_of(
        extractor,
        "Westmoor Community Health NHS Trust (WestCom) will share a chief executive with a "
        "neighbour.",
        "Jo Pryce has been appointed chief executive in common for both Greyhurst Hospital "
        "NHS Trust and WestCom.",
        "In April, current WestCom chief executive, Tom Reede, announced he would be "
        "leaving the trust.",
    )
    assert got == {
        ("Jo Pryce", "chief executive", "Greyhurst Hospital NHS Trust"),
        ("Jo Pryce", "chief executive", "Westmoor Community Health NHS Trust"),
        ("Tom Reede", "chief executive", "Westmoor Community Health NHS Trust"),
    }


def test_a_short_name_then_and_before_a_trust_name_is_two_bodies(extractor):
    got = roles_of(
        extractor,
        "Jo Pryce has been appointed chief executive in common for both GaMH and Westmoor "
        "Community Health NHS Trust (WestCom).",
        "The Greyhurst and Marlow Hospital NHS Trust (GaMH) is the larger of the two.",
    )
    assert got == {
        ("Jo Pryce", "chief executive", "Greyhurst and Marlow Hospital NHS Trust"),
        ("Jo Pryce", "chief executive", "Westmoor Community Health NHS Trust"),
    }


def test_a_chair_at_both_named_bodies_chairs_each(extractor):
    got = roles_of(
        extractor,
        "Greyhurst Hospital NHS Trust (GHT) and Marlow Fen NHS Trust (MFT) will work as a group.",
        "Ruth Ansel, chair at both GHT and MFT, said the boards had agreed the plan.",
    )
    assert got == {
        ("Ruth Ansel", "chair", "Greyhurst Hospital NHS Trust"),
        ("Ruth Ansel", "chair", "Marlow Fen NHS Trust"),
    }
