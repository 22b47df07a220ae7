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
