"""Appointment and departure phrasings of real news (fictional articles, exact events)."""

from __future__ import annotations

from quote_articles import make_article


def events_of(extractor, *paragraphs):  # type: ignore[no-untyped-def]
    found = extractor.extract(make_article(*paragraphs)).events
    return {(e.type, e.person, e.role, e.status) for e in found}


def test_takes_over_from_elected_and_started_work(extractor):
    got = events_of(
        extractor,
        "Professor Tom Arlo, chair of the Westmarch Medical Association, takes over from "
        "Dr Ann Lowe with immediate effect.",
        "Dr Rita Vance has been elected as chair of its council.",
        "Carl Pike, the association's chief executive, started work at Westmarch in April 2019.",
    )
    assert got == {
        ("appointment", "Tom Arlo", "chair", "announced"),
        ("departure", "Ann Lowe", "chair", "announced"),
        ("appointment", "Rita Vance", "chair", "announced"),
        ("appointment", "Carl Pike", "chief executive", "completed"),
    }


def test_left_at_a_time_and_no_second_term(extractor):
    got = events_of(
        extractor,
        "Ann Lowe, chair of Fernhurst Health NHS Trust, will not be seeking reappointment "
        "when her term ends in March.",
        "Her predecessor as chair, Carl Pike, left in the summer.",
    )
    assert got == {
        ("departure", "Ann Lowe", "chair", "announced"),
        ("departure", "Carl Pike", "chair", "completed"),
    }


def test_a_named_holders_term_that_finishes_is_a_departure(extractor):
    """ "when Mr X's term finishes" (the name's possessive, curly or straight)."""
    got = events_of(
        extractor,
        "Trust chairman, Ian Lowe, paid tribute to the chief executive.",
        "Mara Quint will become chairman at the end of the month when Mr Lowe’s term finishes.",
        "Felix Umber, chair of Tarrow Bay NHS Trust, opened the meeting. Mr Umber's term "
        "ends in June.",
    )
    assert got == {
        ("departure", "Ian Lowe", "chair", "announced"),
        ("appointment", "Mara Quint", "chair", "announced"),
        ("departure", "Felix Umber", "chair", "announced"),
    }
