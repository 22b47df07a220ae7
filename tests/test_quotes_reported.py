"""Reported speech after announced / confirmed / revealed with no "that" (fictional)."""

from __future__ import annotations

from quote_articles import quotes_of


def test_announced_and_confirmed_without_that(extractor):
    got = quotes_of(
        extractor,
        "Fernhurst Health NHS Trust is in special measures.",
        "The chief executive of the trust, Dr Ann Lowe, has announced she is to step down.",
        "The trust confirmed to HSJ its boss Ann Lowe will leave at the end of October.",
        "She announced her decision to leave in May.",
    )
    assert got == [
        (
            "indirect",
            "The chief executive of the trust, Dr Ann Lowe, has announced she is to step down.",
            "Ann Lowe",
        ),
        (
            "indirect",
            "The trust confirmed to HSJ its boss Ann Lowe will leave at the end of October.",
            "Fernhurst Health NHS Trust",
        ),
    ]
