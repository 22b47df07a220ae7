"""A speaker named between dashes right before the speech verb ("the board's chair - Nia
Brook - said was ...") speaks the sentence and its quoted fragments
(extract/quotes/dashed_subjects.py)."""

from __future__ import annotations

from quote_articles import quotes_of


def test_a_name_between_dashes_before_said_is_the_speaker(extractor):
    sentence = (
        'It was a change that their joint chair - Martin Cole - said was a chance to "speed up '
        'the work on both sites" and "share the scarce specialist staff".'
    )
    assert quotes_of(
        extractor,
        "Fernbrook Health and Aldmere Care have appointed a shared chief executive.",
        "Dr Martin Cole has chaired both boards since 2021.",
        sentence,
    ) == [
        ("indirect", sentence, "Martin Cole"),
        ("direct", "speed up the work on both sites", "Martin Cole"),
        ("direct", "share the scarce specialist staff", "Martin Cole"),
    ]
