"""Bylines, datelines and column intros."""

from __future__ import annotations

import pytest

from sectorwatch.ingest.bylines import (
    authors_from_intro,
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
