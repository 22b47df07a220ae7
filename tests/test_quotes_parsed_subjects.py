"""Reported speech whose speech verb's subject the surface rules cannot read: the
dependency parse decides (quotes/parsed_subjects.py, the `verb_subject` and
`verb_clause_complement` patterns of data/dependency_patterns.json)."""

from __future__ import annotations

from quote_articles import quotes_of


def test_the_subject_inside_a_subordinate_clause_is_the_speaker(extractor):
    sentence = (
        "The news comes a month after trust chairman Kit Vale announced he was stepping down."
    )
    assert quotes_of(extractor, "Fenmoor Health has named a new finance director.", sentence) == [
        ("indirect", sentence, "Kit Vale")
    ]


def test_a_subject_with_an_aside_and_a_relative_clause_is_the_speaker(extractor):
    sentence = (
        "Dr Ana Ruiz, aged 59, who heads Fenmoor Health, has announced she will retire in May."
    )
    assert quotes_of(extractor, sentence) == [("indirect", sentence, "Ana Ruiz")]


def test_announcing_a_decision_is_not_reported_speech(extractor):
    # no clause after the verb: nothing is reported
    assert (
        quotes_of(
            extractor,
            "Dr Ana Ruiz, aged 59, who heads Fenmoor Health, has announced her decision to leave.",
        )
        == []
    )


def test_a_speech_verb_coordinated_with_an_earlier_verb_shares_its_subject(extractor):
    assert quotes_of(
        extractor,
        "Lena Marsh, chief executive of Corby Fen NHS Trust, is to retire.",
        "She has led the trust since 2016 and said: “It has been a privilege.”",
        "But she again resisted and told the Corby Echo: “I still have a job to do.”",
    ) == [
        ("direct", "It has been a privilege.", "Lena Marsh"),
        ("direct", "I still have a job to do.", "Lena Marsh"),
    ]


def test_two_bodies_named_together_are_not_one_speaker(extractor):
    # "the two trusts" resolves to the pair for mergers and joint posts, but two bodies do
    # not speak as one: the parsed subject gives no speaker, and nothing is reported
    assert (
        quotes_of(
            extractor,
            "Ashbrook Hospital NHS Trust and Fenmoor Community NHS Trust have appointed a "
            "chair in common.",
            "The two trusts announced in May that they would be seeking a shared chief "
            "executive to lead both organisations.",
        )
        == []
    )
