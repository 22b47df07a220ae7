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


def test_oversight_reverses_the_line(extractor):
    """Issue 12 item 8: "will oversee ... led by" and "oversees" + a plural title."""
    from quote_articles import make_article

    def lines(*paragraphs):  # type: ignore[no-untyped-def]
        found = extractor.extract(make_article(*paragraphs)).events
        return [(e.subordinate, e.superior) for e in found if e.type == "reporting_line"]

    assert lines(
        "Dr Ama Reyes has been appointed chief operating officer of Lanby NHS Trust.",
        "She will oversee the new digital directorate, led by the chief digital officer.",
    ) == [("chief digital officer", "chief operating officer")]
    assert lines(
        "As chief operating officer of Lanby NHS Trust, Dr Ama Reyes oversees the seven "
        "joint regional directors."
    ) == [("joint regional directors", "chief operating officer")]
    assert lines("The chief operating officer will oversee the estates programme.") == []


def test_the_post_holder_reports_as_the_post_named_before(extractor):
    """ "... replaced by a director of X. The post holder will report to Y": the post of the
    sentence before reports to Y; the same words within the creating sentence stay the
    role's `reports_to` only."""
    from quote_articles import make_article

    def lines(*paragraphs):  # type: ignore[no-untyped-def]
        found = extractor.extract(make_article(*paragraphs)).events
        return [(e.subordinate, e.superior) for e in found if e.type == "reporting_line"]

    assert lines(
        "Under the changes at Lanby NHS Trust, its director of planning post is to be "
        "replaced by a director of service strategy. The post holder will report directly "
        "to chief executive Dev Okafor."
    ) == [("director of service strategy", "chief executive")]
    assert (
        lines(
            "Lanby NHS Trust will create a new role of director of service strategy, with the "
            "postholder reporting directly to chief executive Dev Okafor."
        )
        == []
    )


def test_serve_as_a_post_to_a_superior(extractor):
    """ "will serve as deputy medical directors to national medical director X": the post
    after "serve as" reports to the title after "to"; "act as chief executive to 2026" (no
    title after "to") is no reporting line."""
    from quote_articles import make_article

    def lines(*paragraphs):  # type: ignore[no-untyped-def]
        found = extractor.extract(make_article(*paragraphs)).events
        return [(e.subordinate, e.superior) for e in found if e.type == "reporting_line"]

    assert lines(
        "Lanby NHS Trust has appointed Mara Quint and Dev Okafor to lead its urgent care work.",
        "Both will also serve as deputy medical directors to chief medical officer Ian Lowe.",
    ) == [("deputy medical director", "chief medical officer")]
    assert lines("Ada Finch will act as interim chief executive to the end of March.") == []
