"""Short quoted fragments inside reported speech belong to the reported speaker, and the
sentence is that speaker's reported speech even when the fragment holds its verb."""

from __future__ import annotations

from quote_articles import quotes_of


def test_a_fragment_in_reported_speech_is_the_reported_speakers(extractor):
    sentence = (
        "Harwood said it had been a “privilege to lead the agency” and wished her successor well."
    )
    assert quotes_of(
        extractor, "Baroness Ilse Harwood chaired the Fenland Health Agency until May.", sentence
    ) == [
        ("indirect", sentence, "Ilse Harwood"),
        ("direct", "privilege to lead the agency", "Ilse Harwood"),
    ]


def test_a_fragment_holding_the_clauses_verb_is_still_reported_speech(extractor):
    sentence = (
        "The Fenland health secretary, Owain Price, said Ms Orme “brings a wealth of "
        "experience” to the role."
    )
    assert quotes_of(extractor, "Nadia Orme will chair the Fenland Health Agency.", sentence) == [
        ("indirect", sentence, "Owain Price"),
        ("direct", "brings a wealth of experience", "Owain Price"),
    ]


def test_a_verb_introducing_a_full_quote_is_not_reported_speech(extractor):
    assert quotes_of(
        extractor,
        "Nadia Orme will chair the Fenland Health Agency.",
        "Owain Price told Fenland Radio “We are lucky to have her.”",
    ) == [("direct", "We are lucky to have her.", "Owain Price")]
