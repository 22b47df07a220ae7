"""Letters, statements and reports speak for whoever sent them (fictional articles)."""

from __future__ import annotations

from quote_articles import quotes_of


def test_letter_sent_on_behalf_of_a_named_chair(extractor):
    got = quotes_of(
        extractor,
        "Fernhurst Health NHS Trust has still found no one to run its wards.",
        "A letter, sent on behalf of the trust's chair Bob Marsh, said: \"The search goes "
        'on into the winter."',
    )
    assert got == [("direct", "The search goes on into the winter.", "Bob Marsh")]


def test_statement_from_the_trust_and_from_its_chairman(extractor):
    got = quotes_of(
        extractor,
        "Fernhurst Health NHS Trust has lost its chief executive, Ann Lowe.",
        'A short statement from the trust confirmed Ms Lowe had left to "pursue other '
        'opportunities".',
        'A statement from trust chairman Carl Pike said a combination of "recent events" had '
        "led to her decision.",
        'The statement said: "It is with regret that we lose her."',
    )
    trust = "Fernhurst Health NHS Trust"
    assert got == [
        (
            "indirect",
            'A short statement from the trust confirmed Ms Lowe had left to "pursue other '
            'opportunities".',
            trust,
        ),
        ("direct", "pursue other opportunities", trust),
        (
            "indirect",
            'A statement from trust chairman Carl Pike said a combination of "recent events" '
            "had led to her decision.",
            "Carl Pike",
        ),
        ("direct", "recent events", "Carl Pike"),
        ("direct", "It is with regret that we lose her.", "Carl Pike"),
    ]


def test_in_a_letter_she_thanked(extractor):
    got = quotes_of(
        extractor,
        "Ann Lowe, chief executive of Fernhurst Health NHS Trust, is to retire.",
        'In a letter she also thanked the ward teams for their "quiet courage".',
    )
    # thanks that quote the speaker's words are reported speech in the gold convention
    # (realdev annotates them so, beside the quoted fragment)
    assert got == [
        (
            "indirect",
            'In a letter she also thanked the ward teams for their "quiet courage".',
            "Ann Lowe",
        ),
        ("direct", "quiet courage", "Ann Lowe"),
    ]


def test_report_by_a_named_regulator(extractor):
    got = quotes_of(
        extractor,
        "Fernhurst Health NHS Trust was inspected in May.",
        'The report by the Care Standards Authority reveals the trust is "still putting '
        'patients at risk".',
    )
    assert got == [
        (
            "indirect",
            'The report by the Care Standards Authority reveals the trust is "still putting '
            'patients at risk".',
            "Care Standards Authority",
        ),
        ("direct", "still putting patients at risk", "Care Standards Authority"),
    ]


def test_the_statements_next_paragraphs_keep_its_sender(extractor):
    got = quotes_of(
        extractor,
        "Fernhurst Health NHS Trust has lost its chief executive, Ann Lowe.",
        'A statement from trust chairman Carl Pike said: "It is with regret that we lose her.',
        '"I am sure that everyone will work together."',
    )
    assert got == [
        ("direct", "It is with regret that we lose her.", "Carl Pike"),
        ("direct", "I am sure that everyone will work together.", "Carl Pike"),
    ]
