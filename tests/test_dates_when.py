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
