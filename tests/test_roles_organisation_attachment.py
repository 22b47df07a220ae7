"""Which organisation a post attaches to (fictional people; shipped bodies where the rule is
about the shipped table)."""

from __future__ import annotations

from quote_articles import role_triples as roles_of


def test_a_short_name_the_article_never_expands_stays_as_written(extractor):
    got = roles_of(
        extractor,
        "GMC chief executive Tamsin Orley will step down in June.",
        "Ms Orley said the regulator was in good hands.",
    )
    assert got == {("Tamsin Orley", "chief executive", "GMC")}


def test_a_short_name_the_article_expands_takes_the_full_name(extractor):
    got = roles_of(
        extractor,
        "The General Medical Council has a new leader.",
        "GMC chief executive Tamsin Orley will step down in June.",
    )
    assert got == {("Tamsin Orley", "chief executive", "General Medical Council")}
