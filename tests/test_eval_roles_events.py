"""Scoring roles and events, as extraction-output.md "How it is scored" says."""

from __future__ import annotations

import pytest

from sectorwatch.eval import Gold
from sectorwatch.eval.scoring import score_document

ALIASES = {
    "National Health Improvement Agency": ["NHIA"],
    "Health Commissioning Board": ["HCB"],
    "Health Commissioning Board and National Health Improvement Agency": [
        "HCB and NHIA",
        "the joint organisation",
    ],
}


def role(person: str, title: str | None, organisation: str | None) -> dict:
    return {"person": person, "role": title, "organisation": organisation, "status": "current"}


def roles_matched(gold_role: dict, predicted_role: dict) -> int:
    gold = Gold(document="a.txt", roles=[gold_role], organisation_aliases=ALIASES)
    doc = score_document(gold, {"source": "a.txt", "roles": [predicted_role]})
    return doc.metrics["roles"].counts.matched


@pytest.mark.parametrize(
    ("gold_org", "predicted_org"),
    [
        ("National Health Improvement Agency", "NHIA"),
        ("NHIA", "National Health Improvement Agency"),
        ("National Health Improvement Agency", "national health improvement agency"),
        ("Health Commissioning Board and National Health Improvement Agency", "HCB and NHIA"),
        ("Health Commissioning Board and National Health Improvement Agency", "joint organisation"),
        (None, None),
    ],
)
def test_a_role_matches_through_the_gold_aliases_both_ways(gold_org, predicted_org):
    gold_role = role("Margaret Oyelaran", "chief executive", gold_org)
    assert roles_matched(gold_role, role("Margaret Oyelaran", "chief executive", predicted_org))


@pytest.mark.parametrize(
    ("gold_org", "predicted_org"),
    [
        ("National Health Improvement Agency", "Health Commissioning Board"),
        ("National Health Improvement Agency", "HCB and NHIA"),
        ("National Health Improvement Agency", None),
        (None, "National Health Improvement Agency"),
    ],
)
def test_a_role_at_another_organisation_does_not_match(gold_org, predicted_org):
    gold_role = role("Margaret Oyelaran", "chief executive", gold_org)
    assert not roles_matched(gold_role, role("Margaret Oyelaran", "chief executive", predicted_org))


@pytest.mark.parametrize(
    ("gold_title", "predicted_title", "matches"),
    [
        ("chief executive", "CEO", True),
        ("chief executive", "Chief Exec", True),
        ("chief executive", "interim chief executive", True),
        ("chief executive", "acting CEO", True),
        ("chief operating officer", "COO", True),
        ("chief financial officer", "CFO", True),
        ("finance director", "FD", True),
        ("finance director", "joint finance director", True),
        ("chair", "chairman", True),
        ("chair", "Chairwoman", True),
        ("lead", "chief executive lead", True),
        ("joint regional director for the north", "regional director", True),
        ("national director of elective recovery", "director of elective recovery", True),
        ("chief executive", "chief operating officer", False),
        ("chief executive", "deputy chief executive", True),
        ("chair", "interim", False),
    ],
)
def test_role_words_of_one_title_are_contained_in_the_other(gold_title, predicted_title, matches):
    gold_role = role("Priya Raman", gold_title, "HCB")
    assert roles_matched(gold_role, role("Priya Raman", predicted_title, "HCB")) == matches


def test_a_role_needs_the_same_person_honorifics_ignored():
    gold_role = role("Edward Ashdown", "chair", "Health Commissioning Board")
    assert roles_matched(gold_role, role("Lord Edward Ashdown", "chair", "HCB"))
    assert not roles_matched(gold_role, role("Fiona MacLeod", "chair", "HCB"))


def test_each_gold_role_is_matched_once():
    gold = Gold(
        document="a.txt",
        roles=[role("Aisha Bello", "chief executive", "Eastbrook Hospitals")],
    )
    prediction = {
        "source": "a.txt",
        "roles": [role("Aisha Bello", "chief executive", "Eastbrook Hospitals")] * 2,
    }
    c = score_document(gold, prediction).metrics["roles"].counts
    assert (c.gold, c.predicted, c.matched) == (1, 2, 1)


def events_matched(gold_event: dict, predicted_event: dict) -> int:
    gold = Gold(document="a.txt", events=[gold_event], organisation_aliases=ALIASES)
    doc = score_document(gold, {"source": "a.txt", "events": [predicted_event]})
    return doc.metrics["events"].counts.matched


DEPARTURE = {
    "type": "departure",
    "person": "Margaret Oyelaran",
    "role": "chief executive",
    "organisation": "National Health Improvement Agency",
}


def test_a_departure_matches_by_type_and_person():
    assert events_matched(DEPARTURE, {"type": "departure", "person": "Ms Margaret Oyelaran"})
    assert not events_matched(DEPARTURE, {"type": "departure", "person": "Daniel Whitcombe"})
    assert not events_matched(DEPARTURE, {**DEPARTURE, "type": "appointment"})


def test_a_created_role_matches_by_role():
    created = {"type": "role_created", "role": "chief operating officer", "reports_to": "x"}
    assert events_matched(created, {"type": "role_created", "role": "COO"})
    assert not events_matched(created, {"type": "role_created", "role": "chief executive"})


def test_a_reporting_line_matches_by_subordinate_else_role():
    line = {"type": "reporting_line", "subordinate": "joint regional directors", "superior": "COO"}
    assert events_matched(line, {"type": "reporting_line", "subordinate": "regional directors"})
    assert events_matched(line, {"type": "reporting_line", "role": "regional directors"})
    assert not events_matched(line, {"type": "reporting_line", "subordinate": "medical director"})


@pytest.mark.parametrize(
    ("organisations", "matches"),
    [
        (["NHIA", "HCB"], True),
        (["Health Commissioning Board", "National Health Improvement Agency"], True),
        (["HCB"], False),
        (["HCB", "NHIA", "Federation of Health Providers"], False),
    ],
)
def test_a_merger_matches_by_the_set_of_organisations_through_aliases(organisations, matches):
    merger = {
        "type": "merger",
        "organisations": ["Health Commissioning Board", "National Health Improvement Agency"],
    }
    predicted = {"type": "merger", "organisations": organisations}
    assert events_matched(merger, predicted) == matches
