"""Renames are organisation change events: the original organisation, the resulting one,
the stage and the date (fictional sentences)."""

from __future__ import annotations

import pytest
from quote_articles import make_article


def renames(extractor, text: str) -> list[tuple[list[str], str | None, str | None, str | None]]:  # type: ignore[no-untyped-def]
    events = extractor.extract(make_article(text)).events
    return [(e.organisations, e.result, e.status, e.date) for e in events if e.type == "rename"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Harwick Community Health, formerly Harwick Primary Care Trust, has opened a clinic.",
            [(["Harwick Primary Care Trust"], "Harwick Community Health", "completed", None)],
        ),
        (
            "The Pellow Institute (formerly the Pellow Foundation) published its report.",
            [(["Pellow Foundation"], "Pellow Institute", "completed", None)],
        ),
        (
            "Harwick Primary Care Trust has been renamed Harwick Community Health.",
            [(["Harwick Primary Care Trust"], "Harwick Community Health", "completed", None)],
        ),
        (
            "Tennby Care Partnership will become Tennby Integrated Care Board from April 2025, "
            "the partnership said.",
            [(["Tennby Care Partnership"], "Tennby Integrated Care Board", "announced", "2025-04")],
        ),
    ],
)
def test_a_rename_names_the_original_and_the_resulting_organisation(extractor, text, expected):
    assert renames(extractor, text) == expected


def test_a_person_formerly_of_a_body_and_a_post_that_will_become_a_role_are_not_renames(
    extractor,
):
    assert renames(extractor, "Jo Burr, formerly of the Wold Institute, spoke first.") == []
    assert renames(extractor, "Amy Teel will become chief executive of Wold Trust.") == []


def test_two_bodies_that_will_become_one_are_a_merger_not_a_rename(extractor):
    text = (
        "Ashby General NHS Trust and Wold Community NHS Trust will become "
        "Ashby and Wold Hospitals NHS Trust."
    )
    assert renames(extractor, text) == []
