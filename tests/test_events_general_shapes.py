"""General English shapes of leadership news (appointments, departures, new posts, mergers,
reporting lines) as other outlets write them: small fictional articles in, exact events
out. Relative dates resolve against the article's date, Monday 4 March 2024."""

from __future__ import annotations

import pytest
from quote_articles import make_article

PUBLISHED = "2024-03-04"
WESTMOOR = "Westmoor Hospitals NHS Foundation Trust"
HADLEY = "Hadley Community Health NHS Trust"
BRACKLEY = "Brackley University Hospitals NHS Trust"
LINDON = "Lindon Care NHS Trust"
EASTMERE = "Eastmere Hospitals NHS Trust"
WEXCOMBE = "Wexcombe Healthcare NHS Trust"


def events_of(extractor, *paragraphs):  # type: ignore[no-untyped-def]
    article = make_article(*paragraphs)
    article.published = PUBLISHED
    return extractor.extract(article).events


def people(extractor, *paragraphs):  # type: ignore[no-untyped-def]
    return {
        (e.type, e.person, e.role, e.organisation, e.status, e.date)
        for e in events_of(extractor, *paragraphs)
        if e.person
    }


def mergers(extractor, *paragraphs):  # type: ignore[no-untyped-def]
    return [
        (sorted(e.organisations), e.status, e.date)
        for e in events_of(extractor, *paragraphs)
        if e.type == "merger"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"Dr Priya Nandra has been appointed as the new chief executive of {WESTMOOR}.",
            ("appointment", "Priya Nandra", "chief executive", WESTMOOR, "announced", None),
        ),
        (
            f"{WESTMOOR} has appointed Tomas Reilly as chief executive. He will take up the "
            "post in June.",
            ("appointment", "Tomas Reilly", "chief executive", WESTMOOR, "announced", "2024-06"),
        ),
        (
            f"Anna Bellweather is to become chair of {HADLEY} next month.",
            ("appointment", "Anna Bellweather", "chair", HADLEY, "announced", "2024-04"),
        ),
        (
            f"Gareth Pine has been named as the new medical director of {HADLEY}.",
            ("appointment", "Gareth Pine", "medical director", HADLEY, "announced", None),
        ),
        (
            f"Lucy Marsh steps up from deputy to chief nursing officer at {HADLEY}.",
            ("appointment", "Lucy Marsh", "chief nursing officer", HADLEY, "announced", None),
        ),
        (
            f"Karen Doyle has been confirmed as substantive chief executive of {BRACKLEY}.",
            ("appointment", "Karen Doyle", "chief executive", BRACKLEY, "announced", None),
        ),
        (
            f"We are delighted to announce the appointment of Dr Mina Shah as medical "
            f"director of {LINDON}.",
            ("appointment", "Mina Shah", "medical director", LINDON, "announced", None),
        ),
    ],
)
def test_appointment_shapes(extractor, text, expected):
    assert people(extractor, text) == {expected}


def test_the_employer_a_newcomer_joins_from_is_not_the_appointee(extractor):
    text = (
        f"Owen Tate, who joins from Brindle Care, will become finance director at {HADLEY} in May."
    )
    assert [e for e in people(extractor, text) if e[0] == "appointment"] == [
        ("appointment", "Owen Tate", "finance director", HADLEY, "announced", "2024-05")
    ]


def test_interim_cover_while_a_successor_is_recruited(extractor):
    text = (
        f"{LINDON} chief operating officer Nick Brand will act as interim chief executive "
        "while a permanent successor is recruited."
    )
    assert people(extractor, text) == {
        ("appointment", "Nick Brand", "chief executive", LINDON, "announced", None)
    }


def test_a_successor_not_yet_named_is_no_appointment(extractor):
    text = (
        f"{BRACKLEY} chief nurse Ruth Kemp retires next month, and her successor will be "
        "appointed by the board."
    )
    assert {e[0] for e in people(extractor, text)} == {"departure"}


@pytest.mark.parametrize(
    ("predicate", "status", "date"),
    [
        ("is to step down at the end of March", "announced", "2024-03"),
        ("has left the trust with immediate effect", "completed", None),
        ("quit after a damning inspection report", "completed", None),
        ("was suspended last week", "completed", "2024-02"),
        ("was dismissed on Tuesday", "completed", "2024-02-27"),
        ("has been sacked", "completed", None),
        ("announced she would leave in the summer", "announced", "2024"),
    ],
)
def test_departure_shapes(extractor, predicate, status, date):
    text = f"{BRACKLEY} chief executive Sally Ferris {predicate}."
    assert people(extractor, text) == {
        ("departure", "Sally Ferris", "chief executive", BRACKLEY, status, date)
    }


def test_departure_was_announced_dates_the_announcement(extractor):
    text = f"{BRACKLEY} chief executive Sally Ferris's departure was announced yesterday."
    assert people(extractor, text) == {
        ("departure", "Sally Ferris", "chief executive", BRACKLEY, "announced", "2024-03-03")
    }


def test_round_up_with_meanwhile_and_elsewhere(extractor):
    facts = people(
        extractor,
        f"{HADLEY} chief executive Joan Gale will retire in April.",
        f"Meanwhile, Paul Oakes will become chief executive of {WESTMOOR}.",
        f"Elsewhere, Ruth Kemble has been appointed medical director of {LINDON}.",
    )
    assert facts == {
        ("departure", "Joan Gale", "chief executive", HADLEY, "announced", "2024-04"),
        ("appointment", "Paul Oakes", "chief executive", WESTMOOR, "announced", None),
        ("appointment", "Ruth Kemble", "medical director", LINDON, "announced", None),
    }


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            f"A new post of chief digital officer will be created at {LINDON}.",
            "chief digital officer",
        ),
        (
            f"Sarah Lowe will be the first person to hold the newly created post of chief "
            f"people officer at {LINDON}.",
            "chief people officer",
        ),
        (
            f"Dev Patel has been named interim chief operating officer of {LINDON}, a new "
            "post that will take charge of daily performance.",
            "chief operating officer",
        ),
    ],
)
def test_role_created_shapes(extractor, text, role):
    [e] = [e for e in events_of(extractor, text) if e.type == "role_created"]
    assert (e.role, e.organisation) == (role, LINDON)


@pytest.mark.parametrize(
    ("text", "status", "date"),
    [
        (f"{EASTMERE} and {WEXCOMBE} will merge.", "announced", None),
        (f"There are plans to merge {EASTMERE} and {WEXCOMBE}.", "announced", None),
        (f"{EASTMERE} and {WEXCOMBE} have agreed to form a partnership.", "announced", None),
        (f"{EASTMERE} is to be absorbed into {WEXCOMBE}.", "announced", None),
        (f"{EASTMERE} will take over {WEXCOMBE}.", "announced", None),
        (
            f"A consultation on merging {EASTMERE} and {WEXCOMBE} opened today.",
            "proposed",
            "2024-03-04",
        ),
    ],
)
def test_merger_shapes(extractor, text, status, date):
    assert mergers(extractor, text) == [(sorted([EASTMERE, WEXCOMBE]), status, date)]


@pytest.mark.parametrize(
    ("sentence", "status", "date"),
    [
        ("The merger will be completed in April.", "announced", "2024-04"),
        ("The boards approved the merger on Tuesday.", "announced", "2024-02-27"),
        ("The merger was completed on 1 March.", "completed", "2024-03-01"),
    ],
)
def test_the_merger_refers_back_to_the_pair_named_before(extractor, sentence, status, date):
    found = mergers(extractor, f"{EASTMERE} and {WEXCOMBE} set out their plans.", sentence)
    assert found == [(sorted([EASTMERE, WEXCOMBE]), status, date)]


def reporting_lines(extractor, *paragraphs):  # type: ignore[no-untyped-def]
    return {
        (e.subordinate, e.superior, e.organisation)
        for e in events_of(extractor, *paragraphs)
        if e.type == "reporting_line"
    }


def test_person_reports_to_person_as_their_posts(extractor):
    assert reporting_lines(
        extractor,
        f"{EASTMERE} chief executive Alan Moss named Fiona Reed as chief operating officer.",
        "Fiona Reed will report to Alan Moss.",
    ) == {("chief operating officer", "chief executive", EASTMERE)}


def test_reporting_directly_to_after_an_appointment(extractor):
    assert reporting_lines(
        extractor,
        f"Fiona Reed was appointed chief operating officer of {EASTMERE}, reporting "
        "directly to the chief executive.",
    ) == {("chief operating officer", "chief executive", EASTMERE)}


def test_accountable_to_the_board(extractor):
    assert reporting_lines(
        extractor,
        f"The new chief operating officer of {EASTMERE} will be accountable to the board.",
    ) == {("chief operating officer", "board", EASTMERE)}


def test_a_report_to_the_board_is_no_reporting_line(extractor):
    assert not reporting_lines(
        extractor,
        f"Fiona Reed, chief operating officer of {EASTMERE}, presented a report to the board.",
    )


def test_a_new_post_of_director_of_keeps_the_whole_title(extractor):
    text = (
        f"A new post of director of provider improvement will be created at {HADLEY}, reporting "
        "to chief executive Priya Raman."
    )
    created = [
        (e.role, e.organisation, e.reports_to, e.status)
        for e in events_of(extractor, text)
        if e.type == "role_created"
    ]
    assert created == [("director of provider improvement", HADLEY, "Priya Raman", "announced")]


def test_a_merger_party_named_by_an_anaphor_resolves_to_the_body(extractor):
    """ "the absorption of her old trust into Y": the old trust is the body of that kind the
    article named before."""
    assert mergers(
        extractor,
        f"Dr Mira Tolland ran {HADLEY} until 2022.",
        f"She is watching the absorption of her old trust into {WESTMOOR}, due to complete "
        "on 1 April.",
    ) == [(sorted([HADLEY, WESTMOOR]), "announced", "2024-04-01")]


def test_appointed_a_title_then_the_name_and_stepping_in(extractor):
    """ "has appointed a short-term financial improvement director, X"; "Y ... will step in
    as interim chief executive"."""
    assert people(
        extractor,
        f"{LINDON} has appointed a short-term financial improvement director, Ivo Tarr.",
        "Ann Kell, director of nursing, will step in as interim chief executive in May.",
    ) == {
        ("appointment", "Ivo Tarr", "financial improvement director", LINDON, "announced", None),
        ("appointment", "Ann Kell", "chief executive", LINDON, "announced", "2024-05"),
    }


def test_elected_seconded_took_charge_and_handed_the_job(extractor):
    assert people(
        extractor,
        f"Dr Ann Kell has been elected chair of {LINDON}.",
        f"Bob Marr, finance director of {HADLEY}, has been seconded as its interim chief "
        "executive.",
        f"Dr Ivo Tarr took charge as chief executive of {WESTMOOR} in 2012.",
    ) == {
        ("appointment", "Ann Kell", "chair", LINDON, "announced", None),
        ("appointment", "Bob Marr", "chief executive", HADLEY, "announced", None),
        ("appointment", "Ivo Tarr", "chief executive", WESTMOOR, "announced", "2012"),
    }


def test_a_departure_is_from_the_body_the_cue_names(extractor):
    """ "He will leave Hadley in the spring": the post left is at Hadley, not the post the
    sentence before announced at another body."""
    got = people(
        extractor,
        f"We are delighted to announce the appointment of Fenwick Hale as chief executive of "
        f"{WESTMOOR}.",
        f"Fenwick is currently chief executive of {HADLEY}.",
        "He will leave Hadley in the spring and join us on 1 June.",
    )
    assert {g for g in got if g[0] == "departure"} == {
        ("departure", "Fenwick Hale", "chief executive", HADLEY, "announced", "2024")
    }
