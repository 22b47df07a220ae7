"""Reported speech in the phrasings of issue 11: said that, told, according to, has
warned, confirmed, explained, has said; each sentence is its speaker's, a pronoun resolved."""

from __future__ import annotations

from quote_articles import quotes_of

SENTENCES = (
    "Ms Castell said that the partnership would hire 40 nurses.",
    "She told the Lowmoor Echo the wards would reopen in spring.",
    "According to Ms Castell, the budget will be balanced by March.",
    "Ms Castell has warned that staff are exhausted.",
    "She confirmed that two wards would close.",
    "Ms Castell explained that the money had come from the county.",
    "Ms Castell has said the plan is the right one.",
)


def test_each_phrasing_of_reported_speech_is_the_speakers(extractor):
    assert quotes_of(
        extractor, "Priya Castell is chair of Lowmoor Care Partnership.", *SENTENCES
    ) == [("indirect", sentence, "Priya Castell") for sentence in SENTENCES]
