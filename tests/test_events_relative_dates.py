"""Months and days without a year, in appointment and departure news, take their year from
the tense of their clause: past statements look back from the article's date, future ones
forward. The article is dated Tuesday 1 April 2025."""

from __future__ import annotations

from quote_articles import make_article

PUBLISHED = "2025-04-01"
HARLOW = "Harlow Vale NHS Trust"


def extract(extractor, *paragraphs):  # type: ignore[no-untyped-def]
    article = make_article(*paragraphs)
    article.published = PUBLISHED
    return extractor.extract(article)


def dated(extractor, *paragraphs):  # type: ignore[no-untyped-def]
    return {
        (e.type, e.person, e.role, e.organisation, e.effective)
        for e in extract(extractor, *paragraphs).events
        if e.person
    }


def test_confirmed_in_the_post_in_october_is_last_october(extractor):
    text = (
        f"{HARLOW} chief executive Priya Raman, who was confirmed in the post in October after "
        "six months as interim, said the trust was improving."
    )
    assert dated(extractor, text) == {
        ("appointment", "Priya Raman", "chief executive", HARLOW, "2024-10")
    }


def test_will_join_in_october_is_next_october(extractor):
    text = f"Priya Raman will join {HARLOW} as chief executive in October."
    assert dated(extractor, text) == {
        ("appointment", "Priya Raman", "chief executive", HARLOW, "2025-10")
    }


def test_is_to_retire_in_march_is_next_march(extractor):
    text = f"Priya Raman is to retire as chief executive of {HARLOW} in March."
    assert dated(extractor, text) == {
        ("departure", "Priya Raman", "chief executive", HARLOW, "2026-03")
    }


def test_will_become_from_a_day_already_past_this_year_is_next_year(extractor):
    text = f"Priya Raman will become chief executive of {HARLOW} from 1 March."
    assert dated(extractor, text) == {
        ("appointment", "Priya Raman", "chief executive", HARLOW, "2026-03-01")
    }


def test_held_since_october_starts_last_october(extractor):
    roles = extract(
        extractor, f"Priya Raman has been chief executive of {HARLOW} since October."
    ).roles
    assert [(r.person, r.role, r.organisation, r.valid_from) for r in roles] == [
        ("Priya Raman", "chief executive", HARLOW, "2024-10")
    ]
