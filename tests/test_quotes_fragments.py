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


def test_fragments_the_sentence_strategies_miss_take_the_reported_speaker(extractor):
    sentence = (
        "It was a move that their joint chair - Ola Brandt - said was a chance to "
        "“speed up the good work already under way” and “find ways of joining up services”."
    )
    assert quotes_of(extractor, "Ola Brandt has been named chair of Fenmoor Health.", sentence) == [
        ("indirect", sentence, "Ola Brandt"),
        ("direct", "speed up the good work already under way", "Ola Brandt"),
        ("direct", "find ways of joining up services", "Ola Brandt"),
    ]


def test_a_scare_quote_in_reported_speech_stays_no_quote(extractor):
    sentence = (
        "Ola Brandt said the board would publish guidance on so-called “corridor care "
        "in winter” before Christmas."
    )
    assert quotes_of(extractor, sentence) == [("indirect", sentence, "Ola Brandt")]
