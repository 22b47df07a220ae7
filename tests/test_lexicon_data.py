"""Word lists are data: the rules read them from src/sectorwatch/data through the one
loader, so a word added to a file changes what a rule accepts, and no rule keeps a copy."""

from __future__ import annotations

import pytest
from quote_articles import make_article

from sectorwatch.dates import month_numbers
from sectorwatch.extract import lexicon
from sectorwatch.extract.pipeline import extract_from_substrate
from sectorwatch.extract.substrate import Substrate

TEXT = "Ann Pike has been appointed director of strategy plus planning at Fernleigh Care NHS Trust."
PEOPLE = [("Ann Pike", "PERSON"), ("Fernleigh Care NHS Trust", "ORG")]


def _roles() -> list[tuple[str, str, str | None]]:
    ctx = Substrate.from_annotations(make_article(TEXT), PEOPLE)
    return [(r.person, r.role, r.organisation) for r in extract_from_substrate(ctx).roles]


def _clear() -> None:
    for f in (lexicon.lower_words, lexicon.finite_auxiliary_words, lexicon.title_stop_words):
        f.cache_clear()


@pytest.fixture
def title_stop_added(monkeypatch):
    """title_tail_stops.txt with one more word, "plus"."""
    real = lexicon.lines

    def lines(name: str) -> list[str]:
        return [*real(name), "plus"] if name == "title_tail_stops.txt" else real(name)

    _clear()
    monkeypatch.setattr(lexicon, "lines", lines)
    yield
    monkeypatch.undo()
    _clear()


def test_an_open_title_takes_the_words_after_it_that_no_stop_word_ends():
    assert _roles() == [
        ("Ann Pike", "director of strategy plus planning", "Fernleigh Care NHS Trust")
    ]


def test_a_word_added_to_title_tail_stops_ends_the_title_there(title_stop_added):
    # the title ends before "plus"; the words left then keep the trust from the fact
    assert _roles() == [("Ann Pike", "director of strategy", None)]


def test_the_title_stop_words_are_the_three_files_together():
    assert lexicon.title_stop_words() == (
        lexicon.lower_words("title_tail_stops.txt")
        | lexicon.lower_words("finite_auxiliaries.txt")
        | lexicon.lower_words("relative_pronouns.txt")
    )
    assert {"will", "shall", "who", "reporting"} <= lexicon.title_stop_words()


def test_month_and_day_numbers_come_from_the_calendar_files():
    months = month_numbers()
    assert (months["january"], months["may"], months["sept"], months["sep"], months["dec"]) == (
        1,
        5,
        9,
        9,
        12,
    )
    assert len(months) == 12 + len(lexicon.lower_words("month_abbreviations.txt"))
    assert lexicon.weekday_numbers() == {
        "monday": 0,
        "tuesday": 1,
        "wednesday": 2,
        "thursday": 3,
        "friday": 4,
        "saturday": 5,
        "sunday": 6,
    }


def test_an_abbreviated_month_of_the_data_file_is_a_date():
    article = make_article("She will leave on 14 Sept.")
    article.published = "2024-03-04"
    ctx = Substrate.from_annotations(article)
    assert [d.value for d in ctx.dates.find("on 14 Sept", future=True)] == ["2024-09-14"]
