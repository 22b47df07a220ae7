"""Reporting lines are terms too: valid from their stated start or first report, ended by
the subordinate's next line to another superior, presumed no more than three years after
the last report. Two fictional articles about one post's line on different dates, and the
org chart before, between and after."""

from __future__ import annotations

import pytest
from store_factory import ArticleSpec, build

from sectorwatch.query.orgchart import orgchart
from sectorwatch.store import write_batch

ORG = "Callow Bridge NHS Trust"

FIRST = ArticleSpec(
    published="2022-03-01",
    source="first.txt",
    text=(
        "Callow Bridge restructures\n"
        "At Callow Bridge NHS Trust the director of nursing reports to the chief executive.\n"
    ),
    events=[
        dict(type="reporting_line", subordinate="director of nursing",
             superior="chief executive", organisation=ORG,
             words="the director of nursing reports to the chief executive"),
    ],
)  # fmt: skip

SECOND = ArticleSpec(
    published="2024-04-10",
    source="second.txt",
    text=(
        "Callow Bridge changes lines\n"
        "From 1 May the director of nursing will report to the chief operating officer.\n"
    ),
    events=[
        dict(type="reporting_line", subordinate="director of nursing",
             superior="chief operating officer", organisation=ORG, effective="2024-05-01",
             words="the director of nursing will report to the chief operating officer"),
    ],
)  # fmt: skip


@pytest.fixture()
def store(engine):
    write_batch(engine, [build(FIRST), build(SECOND)])
    return engine


def lines(store, on: str) -> list[tuple[str, str]]:
    chart = orgchart(store, ORG, on)
    label = {n.id: n.label for n in chart.nodes}
    return [(label[x.subordinate], label[x.superior]) for x in chart.lines]


def test_a_line_holds_from_its_first_report_until_the_next_line_starts(store):
    assert lines(store, "2021-06-01") == []
    assert lines(store, "2023-06-01") == [("director of nursing", "chief executive")]
    assert lines(store, "2024-04-20") == [("director of nursing", "chief executive")]
    assert lines(store, "2024-06-01") == [("director of nursing", "chief operating officer")]


def test_a_line_is_not_presumed_for_ever(store):
    assert lines(store, "2027-01-01") == [("director of nursing", "chief operating officer")]
    assert lines(store, "2028-01-01") == []
