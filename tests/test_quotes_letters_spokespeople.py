"""Letters, blog posts and spokespeople: the words belong to the person or body behind
them ("In a letter to staff, X said" -> X; "a spokesperson for X said" -> X)."""

from __future__ import annotations

from quote_articles import quotes_of

LEAD = "Nadia Orme is chief executive of Kelso Vale NHS Trust."


def test_a_letter_and_a_blog_post_speak_for_their_writer(extractor):
    letter = "In a letter to staff, Ms Orme said the trust would close two wards over the winter."
    blog = "In a blog post, she wrote that the decision had been the hardest of her career."
    assert quotes_of(extractor, LEAD, letter, blog) == [
        ("indirect", letter, "Nadia Orme"),
        ("indirect", blog, "Nadia Orme"),
    ]


def test_a_spokesperson_speaks_for_the_body_named_or_meant(extractor):
    named = "A spokesperson for Kelso Vale NHS Trust said the wards would reopen in April."
    assert quotes_of(
        extractor,
        LEAD,
        named,
        "A spokeswoman for the trust said: “Patients will be moved safely.”",
    ) == [
        ("indirect", named, "Kelso Vale NHS Trust"),
        ("direct", "Patients will be moved safely.", "Kelso Vale NHS Trust"),
    ]


def test_an_organisation_is_a_speaker_of_reported_speech(extractor):
    sentence = "The trust said it had consulted patients."
    assert quotes_of(extractor, LEAD, sentence) == [("indirect", sentence, "Kelso Vale NHS Trust")]


def test_in_a_statement_with_no_identifiable_subject_has_no_speaker(extractor):
    assert quotes_of(
        extractor,
        "Three Fenland trusts have worked as a group since 2021.",
        "In a statement the group said they would work more closely to “improve care for "
        "patients across the county”.",
    ) == [("direct", "improve care for patients across the county", None)]
