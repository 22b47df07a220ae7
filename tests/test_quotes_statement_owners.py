"""Letters, statements and reports speak for whoever sent them (fictional articles)."""

from __future__ import annotations

from quote_articles import quotes_of


def test_letter_sent_on_behalf_of_a_named_chair(extractor):
    got = quotes_of(
        extractor,
        "Fernhurst Health NHS Trust has failed to appoint a chief executive.",
        "A letter, sent on behalf of the trust's chair Bob Marsh, said: \"We have not been "
        'able to appoint."',
    )
    assert got == [("direct", "We have not been able to appoint.", "Bob Marsh")]


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
        'And in a letter she has personally thanked all 400 staff for their "fantastic '
        'dedication".',
    )
    # thanks that quote the speaker's words are reported speech in the gold convention
    # (realdev annotates them so, beside the quoted fragment)
    assert got == [
        (
            "indirect",
            'And in a letter she has personally thanked all 400 staff for their "fantastic '
            'dedication".',
            "Ann Lowe",
        ),
        ("direct", "fantastic dedication", "Ann Lowe"),
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
