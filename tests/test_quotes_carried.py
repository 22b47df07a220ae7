"""Speakers carried across paragraphs: a quote paragraph after its speaker's lead-in, a
"she said" paragraphs after the name, a quote at the cut-off end of a truncated article."""

from __future__ import annotations

from quote_articles import direct_of


def test_a_quote_cut_off_at_the_end_of_a_truncated_article_is_kept(extractor):
    assert direct_of(
        extractor,
        "Fenmoor Health has a new chair, Ola Brandt.",
        "Dr Ravi Soames, medical director, said: “We are seeing a new hospital rise.",
        "“From our first d",
    ) == [
        ("We are seeing a new hospital rise.", "Ravi Soames"),
        ("From our first d", "Ravi Soames"),
    ]


def test_a_short_cut_off_quote_after_its_speech_verb_is_kept(extractor):
    assert direct_of(
        extractor,
        "Fenmoor Health has a new chair, Ola Brandt.",
        "Ms Brandt said this week: “I have se",
    ) == [("I have se", "Ola Brandt")]


def test_a_titled_name_right_before_the_verb_speaks_not_a_name_in_the_lead_in(extractor):
    assert direct_of(
        extractor,
        "Responding to the news that the former banker, Sam Roe, will chair Fenmoor Health "
        "from April, union head of health Ana Diaz said:",
        "“We hope Mr Roe shares our values.”",
    ) == [("We hope Mr Roe shares our values.", "Ana Diaz")]
