"""A system's body named by its place: "chair designate of the ICB" in a sentence that
names the place ("In one of the largest systems, Westmoor, ...", "the ICB in Westmoor") is
that place's ICB, not the ICB the article named last."""

from __future__ import annotations

from quote_articles import make_article
from quote_articles import role_triples as roles_of


def test_the_icb_of_a_place_the_sentence_names(extractor):
    got = roles_of(
        extractor,
        "Fernhurst ICB named its chair designate last week.",
        "In one of the largest systems, Westmoor, Ann Lowe has been appointed chair "
        "designate of the ICB.",
        "Tom Arlo will chair the ICB in Marlow and Fen from July.",
    )
    assert got == {
        ("Ann Lowe", "chair", "Westmoor ICB"),
        ("Tom Arlo", "chair", "Marlow and Fen ICB"),
    }


def test_the_icb_is_the_system_that_the_sentence_or_the_one_before_names(extractor):
    # a round-up of systems: "the ICB" is the system just named, not the one named most
    got = roles_of(
        extractor,
        "Westmoor ICB has appointed its chair designate.",
        "Westmoor ICB said the search had been long.",
        "Westmoor ICB chair designate Ann Lowe said it was good news.",
        "Holt Vale ICS announced today that it had not chosen a leader.",
        "The ICB’s chair designate Tom Reed said the search would go on.",
        "In Fenmouth ICS, Priya Shah has been named chief executive of the ICB.",
    )
    assert got == {
        ("Ann Lowe", "chair", "Westmoor ICB"),
        ("Tom Reed", "chair", "Holt Vale ICB"),
        ("Priya Shah", "chief executive", "Fenmouth ICB"),
    }


def test_a_post_read_twice_in_one_sentence_is_one_fact_with_the_specific_status(extractor):
    article = make_article(
        "Westmoor ICB has appointed its chair designate.",
        "Westmoor ICB said the search had been long.",
        "In Fenmouth ICS Tom Reed, who has been leading the ICS’s development, will be "
        "designate interim chief executive of the ICB.",
    )
    got = [(r.person, r.role, r.organisation, r.status) for r in extractor.extract(article).roles]
    assert got == [("Tom Reed", "chief executive", "Fenmouth ICS", "interim")]
