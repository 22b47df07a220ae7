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


def test_she_said_two_paragraphs_after_the_name(extractor):
    assert direct_of(
        extractor,
        "Lena Marsh has been appointed chief executive of Corby Fen NHS Trust.",
        "The trust has struggled with waiting lists for three years.",
        "Its last inspection rated it as requiring improvement.",
        "“There is a lot to do, but the staff are brilliant,” she said.",
    ) == [("There is a lot to do, but the staff are brilliant,", "Lena Marsh")]


def test_a_quote_paragraph_after_a_heading_continues_the_speaker_before_it(extractor):
    assert direct_of(
        extractor,
        "Lena Marsh, chief executive of Corby Fen NHS Trust, said: “We are ready.”",
        "Plans for winter",
        "“We will open forty extra beds by December.”",
    ) == [
        ("We are ready.", "Lena Marsh"),
        ("We will open forty extra beds by December.", "Lena Marsh"),
    ]


def test_a_quote_paragraph_after_a_caption_continues_the_speaker_before_it(extractor):
    assert direct_of(
        extractor,
        "Lena Marsh, chief executive of Corby Fen NHS Trust, said: “We are ready.”",
        "Image caption: Lena Marsh took over in May",
        "“The winter will be hard.”",
    ) == [("We are ready.", "Lena Marsh"), ("The winter will be hard.", "Lena Marsh")]


def test_a_long_quote_paragraph_trailing_off_is_a_quote_not_a_teaser(extractor):
    assert direct_of(
        extractor,
        "Lena Marsh, chief executive of Corby Fen NHS Trust, said the winter would be hard.",
        "“Nobody joins the health service expecting an easy life, least of all in the cold "
        "months...",
        "“We will get through it together.”",
    ) == [
        (
            "Nobody joins the health service expecting an easy life, least of all in the cold "
            "months...",
            "Lena Marsh",
        ),
        ("We will get through it together.", "Lena Marsh"),
    ]


def test_a_quote_paragraph_after_a_body_title_name_subject_is_that_persons(extractor):
    assert direct_of(
        extractor,
        "Fenmoor Health will merge with Wrenby Care in April.",
        "Wrenby Care chair Ola Brandt, who also chairs the county forum, is to step down.",
        "“I have deci",
    ) == [("I have deci", "Ola Brandt")]
