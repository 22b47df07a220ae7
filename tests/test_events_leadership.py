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


def test_taking_over_from_is_the_predecessors_departure(extractor):
    events = events_of(
        extractor,
        "Rhys Allam, currently deputy finance director at Elmbridge Hospitals NHS Foundation "
        "Trust, will join Dunmere Hospitals NHS Trust as chief financial officer in May, taking "
        "over from interim finance director Tony Brack.",
        published="2024-03-07",
    )
    [d] = [e for e in events if e.type == "departure"]
    assert (d.person, d.role, d.status, d.date) == (
        "Tony Brack", "finance director", "announced", "2024-05",
    )  # fmt: skip
    [a] = [e for e in events if e.type == "appointment"]
    assert a.person == "Rhys Allam"


def test_appointment_subject_is_not_the_predecessor(extractor):
    events = events_of(
        extractor,
        "Rhys Allam, who takes over from Ruth Penn as chief nursing officer in January, will "
        "become director of community nursing at Dunmere Hospitals NHS Trust.",
        published="2024-11-20",
    )
    people = {(e.type, e.person) for e in events}
    assert ("appointment", "Rhys Allam") in people
    assert ("appointment", "Ruth Penn") not in people
    assert ("departure", "Ruth Penn") in people


def test_season_date_keeps_its_range(extractor):
    events = events_of(
        extractor,
        "Dunmere Hospitals NHS Trust chief executive Ffion Grey is to step down this summer.",
        published="2024-03-07",
    )
    [d] = [e for e in events if e.type == "departure"]
    assert (d.person, d.date, d.date_range) == ("Ffion Grey", "2024", "2024-06/2024-08")
