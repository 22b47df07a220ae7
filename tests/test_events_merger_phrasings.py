"""Issue 11 merger phrasings: merging into, a merger finalised, formally merged on a date,
incorporated into, abolished with its functions transferred, an acquisition, absorbed,
three parties as the subject; and what is no merger ("working more closely", "not a
merger", "possible merger partners"). Fictional articles, exact mergers."""

from __future__ import annotations

import pytest
from quote_articles import make_article

A = "Eastmere Community Health NHS Trust"
B = "Wexcombe Hospitals NHS Foundation Trust"
C = "Tarrow Bay NHS Trust"


def mergers(extractor, text):  # type: ignore[no-untyped-def]
    article = make_article(text)
    article.published = "2024-03-04"
    return [
        (sorted(e.organisations), e.status, e.date)
        for e in extractor.extract(article).events
        if e.type == "merger"
    ]


@pytest.mark.parametrize(
    ("text", "status", "date"),
    [
        (f"{A} will merge into {B} next year.", "announced", "2025"),
        (f"{A} finalises merger with {B}.", "completed", None),
        (f"{A} and {B} formally merged on 1 April.", "completed", "2024-04-01"),
        (f"{A} was incorporated into {B} last year.", "completed", "2023"),
        (f"{A} will be abolished, with its functions transferred to {B}.", "announced", None),
        (f"{B} has completed its acquisition of {A}.", "completed", None),
        (f"{A} has been absorbed by {B}.", "completed", None),
    ],
)
def test_two_party_merger_phrasings(extractor, text, status, date):
    assert mergers(extractor, text) == [(sorted([A, B]), status, date)]


def test_three_parties_as_the_subject(extractor):
    assert mergers(extractor, f"{A}, {B} and {C} will merge in April.") == [
        (sorted([A, B, C]), "announced", "2024-04")
    ]


@pytest.mark.parametrize(
    "text",
    [
        f"{A} and {B} are working more closely together.",
        f"The chair said it was not a merger of {A} and {B}.",
        f"{A} has named {B} and {C} as possible merger partners.",
    ],
)
def test_no_merger(extractor, text):
    assert mergers(extractor, text) == []
