"""Leadership events and their dates: small fictional articles in, events out."""

from __future__ import annotations

from quote_articles import make_article


def events_of(extractor, *paragraphs, published=None):  # type: ignore[no-untyped-def]
    article = make_article(*paragraphs)
    article.published = published
    return extractor.extract(article).events


def test_departure_with_announcement_date(extractor):
    events = events_of(
        extractor,
        "On 1 March, Ridgeway Institute chief executive Ian Dorrit announced his decision to "
        "leave his role in a letter to staff.",
        published="2019-03-04",
    )
    [e] = [e for e in events if e.type == "departure"]
    assert (e.person, e.role, e.organisation, e.status, e.date) == (
        "Ian Dorrit", "chief executive", "Ridgeway Institute", "announced", "2019-03-01",
    )  # fmt: skip


def test_role_created_reports_to(extractor):
    events = events_of(
        extractor,
        "Health Commissioning Board chief executive Daniel Whitby agreed the change.",
        "A new role of chief operating officer will be introduced, with the postholder "
        "expected to report directly to Daniel Whitby.",
    )
    [e] = [e for e in events if e.type == "role_created"]
    assert (e.role, e.reports_to) == ("chief operating officer", "Daniel Whitby")


def test_reporting_line_of_plural_titles(extractor):
    events = events_of(
        extractor,
        "The seven joint regional directors will report to the new COO from April.",
    )
    [e] = [e for e in events if e.type == "reporting_line"]
    assert (e.subordinate, e.superior) == ("joint regional directors", "chief operating officer")


def test_merger_requested(extractor):
    events = events_of(
        extractor,
        "The Health Commissioning Board and the National Health Improvement Agency have "
        "formally asked ministers to legislate for a full merger of the two bodies.",
    )
    [e] = [e for e in events if e.type == "merger"]
    assert e.status == "requested"
    assert sorted(e.organisations) == [
        "Health Commissioning Board",
        "National Health Improvement Agency",
    ]


def test_quoted_departure_words_are_not_events(extractor):
    events = events_of(extractor, "Ian Dorrit said: “I leave with the job half done.”")
    assert [e for e in events if e.type == "departure"] == []
