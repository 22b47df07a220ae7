"""Bylines, datelines and column intros."""

from __future__ import annotations

import pytest

from sectorwatch.ingest.bylines import (
    authors_from_intro,
    byline_date,
    parse_byline,
    parse_date,
    parse_dateline,
    split_authors,
)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Valeria Fiore", ["Valeria Fiore"]),
        ("By Marta Quill and Joseph Penrose", ["Marta Quill", "Joseph Penrose"]),
        ("By Ann Lee, Bob Ray and Cy Twin", ["Ann Lee", "Bob Ray", "Cy Twin"]),
        ("By Dave Whitlow, deputy editor", ["Dave Whitlow"]),
        ("By the end of March the board will decide", None),
        ("by 2025", None),
    ],
)
def test_bylines(line, authors):
    assert parse_byline(line) == authors


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("4 March 2019", "2019-03-04"),
        ("Monday 4 March 2019", "2019-03-04"),
        ("04/03/2019", "2019-03-04"),
        ("March 4, 2019", "2019-03-04"),
        ("Published: 10 July 2024, 09:15", "2024-07-10"),
        ("March 2019", "2019-03"),
        ("4 March", None),
        ("In 2019 the trust was rated good", None),
    ],
)
def test_datelines_never_borrow_todays_date(line, date):
    assert parse_dateline(line) == date


def test_partial_and_iso_dates():
    assert parse_date("2019") == "2019"
    assert parse_date("2024-06") == "2024-06"
    assert parse_date("9 February 2024") == "2024-02-09"


def test_column_intro_names_its_author():
    intro = "Sharp analysis of how systems are run. This week by deputy editor Ben Whitlow."
    assert authors_from_intro(intro) == ["Ben Whitlow"]
    assert authors_from_intro("The plan was announced by health minister Joan Pike.") == []


def test_authors_split_from_one_string():
    assert split_authors("Ruth Okello; Simon Darrow") == ["Ruth Okello", "Simon Darrow"]
    assert split_authors("Lena Marsh and Idris Vane") == ["Lena Marsh", "Idris Vane"]
    assert split_authors(["Lena Marsh", "Lena Marsh"]) == ["Lena Marsh"]
    assert split_authors(None) == []


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("07/09/21", "2021-09-07"),
        ("7.9.21", "2021-09-07"),
        ("31/02/21", None),
        ("Published: Tuesday 7 September 2021, 10:31 BST", "2021-09-07"),
        ("Published: Tue, 07 Sep 2021 10:31", "2021-09-07"),
        ("Updated: 8 September 2021 at 9am", "2021-09-08"),
        ("10:31, 7 Sept 2021", "2021-09-07"),
        ("on the 7th of September 2021", "2021-09-07"),
        ("Posted on September 7th, 2021", "2021-09-07"),
        ("2021-09-07T10:31:00Z", "2021-09-07"),
        ("Tue, 07 Sep 2021 10:31:00 +0100", "2021-09-07"),
        ("Updated 3 hours ago", None),
        ("Published 2 days ago", None),
    ],
)
def test_common_uk_news_datelines(line, date):
    assert parse_dateline(line) == date


@pytest.mark.parametrize("text", ["2 days ago, 2021", "yesterday 2021", "last year 2021"])
def test_a_relative_date_is_never_read_as_a_date_even_beside_a_year(text):
    assert parse_date(text) is None  # (dateparser's relative parser would give today's date)


@pytest.mark.parametrize(
    ("line", "authors", "date"),
    [
        ("By Jane Smith on the 7th of September 2021", ["Jane Smith"], "2021-09-07"),
        ("By Jane Smith | 7 September 2021", ["Jane Smith"], "2021-09-07"),
        ("By Jane Smith and Raj Patel, Tuesday 7 September 2021", ["Jane Smith", "Raj Patel"],
         "2021-09-07"),
        ("By Jane Smith", ["Jane Smith"], None),
    ],
)  # fmt: skip
def test_a_byline_may_carry_the_date(line, authors, date):
    assert (parse_byline(line), byline_date(line)) == (authors, date)


def test_articles_take_their_date_from_the_text_and_say_when_they_have_none():
    from sectorwatch.ingest.text import read_text

    body = "The trust said its waiting lists had fallen for the third month in a row.\n"
    dated = read_text(
        "Trust waiting lists fall\n\nBy Jane Smith on the 7th of September 2021\n\n" + body,
        "a.txt",
    )
    assert (dated.authors, dated.published) == (["Jane Smith"], "2021-09-07")
    edited = read_text(
        "Trust waiting lists fall\n\nUpdated: 9 September 2021\n\n"
        "Published: Tuesday 7 September 2021, 10:31 BST\n\n" + body,
        "b.txt",
    )
    assert edited.published == "2021-09-07"
    relative = read_text("Trust waiting lists fall\n\nUpdated 3 hours ago\n\n" + body, "c.txt")
    assert relative.published is None


def test_dates_with_a_named_month_are_read_as_dateparser_reads_them():
    """The fast reading of "Tue, 7 Sep 2021", "Sept. 7, 2021", "the 7th of May 2024" and
    "Sep 2021" gives dateparser's answer for every weekday, day, month spelling and year
    shape (31,644 such texts checked when it was written; a sample here)."""
    from itertools import product

    from sectorwatch.dates import from_date
    from sectorwatch.ingest.bylines import _date_parser, _named_month_date

    def dateparser_reads(text: str) -> str | None:
        data = _date_parser().get_date_data(text)
        if data is None or data.date_obj is None:
            return None
        return from_date(data.date_obj.date(), {"year": 1, "month": 2}.get(data.period or "day", 3))

    months = ["January", "Feb", "Mar.", "May", "Jun", "July", "Sept.", "Sep", "december"]
    texts = [f"{m} {y}" for m, y in product(months, ["1999", "2021"])]
    for weekday, day, month in product(["", "Tue, ", "monday "], ["07", "29th", "31", "0"], months):
        texts += [f"{weekday}{day} {month} 2024", f"{weekday}{month} {day}, 2023"]
        texts += [f"{weekday}the {day} of {month} 1899"]
    assert [_named_month_date(t) for t in texts] == [(True, dateparser_reads(t)) for t in texts]
    assert _named_month_date("7 September") == (False, None)  # not a shape it reads
