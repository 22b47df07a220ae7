"""Reporting lines from the cues added as rows of data/event_cues.tsv: "reports into",
"number two to", "under the leadership of" (and the existing "accountable to")."""

from __future__ import annotations

from sectorwatch.ingest.text import read_text

TEXT = """Fernleigh Health Board reshapes its executive

By Jo Bloggs

Fernleigh Health Board has reorganised its executive team, the board said on Monday 4 March 2024.

The board's regional directors will report into the chief operating officer, Amara Quist.

Deputy chief executive Tobias Wren will become the number two to chief executive Dev Okafor.

The finance directors will work under the leadership of the chief finance officer, Hattie Lowe.

The medical directors are accountable to the chief medical officer, Rhian Moss.
"""


def test_reporting_line_cues(extractor):
    article = read_text(TEXT, "cues.txt")
    lines = [
        (e.subordinate, e.superior)
        for e in extractor.extract(article).events
        if e.type == "reporting_line"
    ]
    assert lines == [
        ("regional directors", "chief operating officer"),
        ("deputy chief executive", "chief executive"),
        ("finance directors", "chief financial officer"),
        ("medical directors", "chief medical officer"),
    ]
