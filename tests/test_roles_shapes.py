"""Role facts: each shape UK health news uses, a small fictional article in, facts out."""

from __future__ import annotations

from quote_articles import make_article


def roles_of(extractor, *paragraphs, published=None):  # type: ignore[no-untyped-def]
    article = make_article(*paragraphs)
    article.published = published
    return {(r.person, r.role, r.organisation, r.status) for r in extractor.extract(article).roles}


def test_organisation_title_name(extractor):
    got = roles_of(
        extractor, "Federation of Health Providers chief executive Tomas Kral said it was welcome."
    )
    assert ("Tomas Kral", "chief executive", "Federation of Health Providers", "current") in got


def test_name_comma_title_of_organisation(extractor):
    got = roles_of(
        extractor, "Hanna Lisk, chief executive of the Association of Care Employers, said no."
    )
    assert ("Hanna Lisk", "chief executive", "Association of Care Employers", "current") in got


def test_two_roles_joined_by_and(extractor):
    got = roles_of(
        extractor,
        "Rob Wexford, chief executive for Marlow Fen Partnership NHS Foundation Trust and chief "
        "executive lead for Greater Ashby Health and Care Partnership said:",
    )
    assert (
        "Rob Wexford",
        "chief executive",
        "Marlow Fen Partnership NHS Foundation Trust",
        "current",
    ) in got
    assert (
        "Rob Wexford",
        "chief executive lead",
        "Greater Ashby Health and Care Partnership",
        "current",
    ) in got


def test_acronym_chair_and_honorific(extractor):
    got = roles_of(
        extractor,
        "The National Health Improvement Agency (NHIA) met on Monday.",
        "NHIA chair Baroness Fiona Macrae is now a big influence nationally.",
    )
    assert ("Fiona Macrae", "chair", "National Health Improvement Agency", "current") in got


def test_incoming_joint_title_belongs_to_the_combined_body(extractor):
    got = roles_of(
        extractor,
        "The Health Commissioning Board and the National Health Improvement Agency are merging.",
        "The work passes to the incoming joint finance director Julian Kerr.",
    )
    assert (
        "Julian Kerr",
        "finance director",
        "Health Commissioning Board and National Health Improvement Agency",
        "incoming",
    ) in got


def test_as_organisation_chief(extractor):
    got = roles_of(
        extractor,
        "Ian Dorrit leads the National Health Improvement Agency (NHIA).",
        "As NHIA chief, Mr Dorrit has favoured mergers.",
    )
    assert ("Ian Dorrit", "chief executive", "National Health Improvement Agency", "current") in got


def test_duration_sets_valid_from(extractor):
    article = make_article(
        "Ridgeway Institute chief executive Ian Dorrit announced his decision to leave.",
        "He said the new role was different from the one he has held for the past 18 months.",
    )
    article.published = "2019-03-04"
    roles = extractor.extract(article).roles
    assert [(r.person, r.valid_from) for r in roles] == [("Ian Dorrit", "2017-09")]
