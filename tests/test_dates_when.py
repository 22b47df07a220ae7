"""Relative dates resolved against the article's date, as partial dates."""

from __future__ import annotations

from sectorwatch.extract.events.when import find_dates, resolve_duration_start


def values(text: str, published: str | None) -> list[str | None]:
    return [d.value for d in find_dates(text, published)]


def test_day_month_takes_the_article_year():
    assert values("On 1 March, he announced", "2019-03-04") == ["2019-03-01"]


def test_yesterday_and_weekday():
    assert values("yesterday", "2024-02-13") == ["2024-02-12"]
    assert values("on Tuesday", "2024-06-20") == ["2024-06-18"]


def test_month_last_year():
    assert values("a change that begun in March last year", "2019-03-04") == ["2018-03"]


def test_season_is_the_year_with_a_range():
    [d] = find_dates("this summer", "2021-05-02")
    assert (d.value, d.range) == ("2021", "2021-06/2021-08")


def test_from_is_an_effective_date():
    [d] = find_dates("from 1 April", "2024-03-21")
    assert (d.value, d.kind) == ("2024-04-01", "effective")


def test_no_article_date_no_relative_date():
    assert values("yesterday", None) == [None]


def test_duration_start():
    assert resolve_duration_start("for the past 18 months", "2019-03-04") == "2017-09"
    assert resolve_duration_start("since 2021", "2024-02-13") == "2021"


# A month (or day and month) without a year takes its year from its clause's tense, against
# an article dated Tuesday 1 April 2025.
APRIL_2025 = "2025-04-01"


def test_past_clause_month_is_the_latest_on_or_before_the_article():
    assert values("who was confirmed in the post in October", APRIL_2025) == ["2024-10"]
    assert values("She took over in December", APRIL_2025) == ["2024-12"]
    assert values("He joined the trust on 3 May", APRIL_2025) == ["2024-05-03"]
    assert values("she left in March", APRIL_2025) == ["2025-03"]
    assert values("he had been interim since November", APRIL_2025) == ["2024-11"]


def test_future_clause_month_is_the_next_on_or_after_the_article():
    assert values("She will join in October", APRIL_2025) == ["2025-10"]
    assert values("He is to retire in March", APRIL_2025) == ["2026-03"]
    assert values("she will take up the post from 1 March", APRIL_2025) == ["2026-03-01"]
    assert values("she will take up the post from 1 April", APRIL_2025) == ["2025-04-01"]


def test_no_tense_signal_takes_the_nearest_month():
    assert values("The handover in December", APRIL_2025) == ["2024-12"]
    assert values("The handover in June", APRIL_2025) == ["2025-06"]
    assert values("The handover in January", "2024-11-20") == ["2025-01"]


def test_each_clause_has_its_own_tense():
    assert values(
        "She announced her retirement in March and will go in September", "2024-05-09"
    ) == ["2024-03", "2024-09"]
    assert values(
        "Priya Raman, who was confirmed in October, will take over in June", APRIL_2025
    ) == ["2024-10", "2025-06"]
    assert values("In October, she was confirmed in the post", APRIL_2025) == ["2024-10"]


def test_a_past_appointment_may_take_effect_ahead():
    assert values("She was appointed chief executive from 1 June", APRIL_2025) == ["2025-06-01"]


def test_month_names_inside_words_and_verbs_are_no_dates():
    assert values("Westmarch Ambulance Service", APRIL_2025) == []
    assert values("staff will march on the town hall", APRIL_2025) == []


def test_a_text_is_scanned_once_whatever_the_article_date_and_the_hint():
    from sectorwatch.extract.events.when import _expressions

    text = "Ann Kell, who joined since 2019, will leave in May and starts from June."
    scanned = _expressions(text)
    assert [(m.group(0), lead, own) for m, lead, own in scanned] == [
        ("since 2019", "since", "past"),
        ("in May", "in", "future"),
        ("from June", "from", None),
    ]
    assert _expressions(text) is scanned  # the second ask is not a scan
    # the hint and the article's date still decide what the clause does not
    assert [d.value for d in find_dates(text, "2024-03-04")] == ["2019", "2024-05", "2024-06"]
    assert [d.value for d in find_dates(text, "2024-08-04", past=True)] == [
        "2019",
        "2025-05",
        "2024-06",
    ]


def test_a_text_without_a_digit_or_a_date_word_is_not_scanned_and_the_others_are():
    from sectorwatch.extract.events.when import _DATE_WORDS, _expressions

    assert "may" in _DATE_WORDS and "monday" in _DATE_WORDS and "week" in _DATE_WORDS
    assert "september" not in _DATE_WORDS  # "sep" is there: a text holding one holds both
    assert _expressions("The board met to discuss the plans.") == ()
    found = [
        m.group(0)
        for text in ("It met on Friday.", "It opens this spring.", "She left last week.",
                     "He starts tomorrow.", "It was set up in September.")
        for m, _, _ in _expressions(text)
    ]  # fmt: skip
    assert found == ["on Friday", "this spring", "last week", "tomorrow", "in September"]
