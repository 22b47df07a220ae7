"""An attribution closing the sentence (",” said a council spokeswoman.") speaks for the
whole sentence: its reported words are the spokeswoman's, not those of the person the
sentence is about (extract/quotes/closing_attribution.py)."""

from __future__ import annotations

from quote_articles import quotes_of


def test_a_closing_attribution_speaks_for_the_reported_words_before_the_quote(extractor):
    sentence = (
        "Named in the winter plan in October, Quill will “lead the review of the wards and "
        "report to the board every month,” said a Fernbrook Council spokeswoman."
    )
    assert quotes_of(
        extractor,
        "Dr Ada Quill has been appointed chief nurse of Fernbrook Council.",
        sentence,
    ) == [
        ("indirect", sentence, "Fernbrook Council"),
        (
            "direct",
            "lead the review of the wards and report to the board every month,",
            "Fernbrook Council",
        ),
    ]
