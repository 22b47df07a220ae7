"""A pronoun opening the sentence after one that brings a new person in ("Among those who
objected was Tomas Reyes, chair of the patients' forum. He said: ...") means the newcomer,
not the article's earlier speaker (extract/quotes/newcomers.py)."""

from __future__ import annotations

from quote_articles import quotes_of


def test_he_after_a_sentence_that_introduces_a_new_man_is_the_newcomer(extractor):
    assert quotes_of(
        extractor,
        "Mr Colm Rafferty, chief executive of Brackwater Health, has resigned.",
        "He told staff: “I am proud of what we achieved together.”",
        "Among those who had called for Mr Rafferty to go was Mr Tomas Reyes, chair of the "
        "Brackwater Patients' Forum.",
        "He said: “This gives the hospital the fresh start it badly needs.”",
    ) == [
        ("direct", "I am proud of what we achieved together.", "Colm Rafferty"),
        ("direct", "This gives the hospital the fresh start it badly needs.", "Tomas Reyes"),
    ]


def test_a_newcomer_of_the_other_gender_is_not_meant(extractor):
    assert quotes_of(
        extractor,
        "Mr Colm Rafferty, chief executive of Brackwater Health, has resigned.",
        "He told staff: “I am proud of what we achieved together.”",
        "Among those who had called for Mr Rafferty to go was Mrs Ines Moreau, chair of the "
        "Brackwater Patients' Forum.",
        "He said: “I leave the hospital in good hands.”",
    ) == [
        ("direct", "I am proud of what we achieved together.", "Colm Rafferty"),
        ("direct", "I leave the hospital in good hands.", "Colm Rafferty"),
    ]
