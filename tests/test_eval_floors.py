"""Quality floors: measures below a floor fail, and floors never go down in the history."""

from __future__ import annotations

from sectorwatch.eval import Gold, evaluate
from sectorwatch.eval.floors import below_floors, floors_going_down

QUOTE = {"type": "direct", "text": "the right moment", "speaker": "Margaret Oyelaran"}


def one_of_two_found():
    gold = Gold(document="a.txt", quotes=[QUOTE, {**QUOTE, "text": "very different"}])
    prediction = {"source": "a.txt", "quotes": [QUOTE, {**QUOTE, "text": "something else"}]}
    return evaluate([gold], [prediction])  # P = R = F1 = 0.5, one false quote


def test_measures_at_their_floors_pass():
    floors = {"direct": {"precision": 0.5, "recall": 0.5, "f1": 0.5}, "false_quotes_max": 1}
    assert below_floors(one_of_two_found(), floors) == []


def test_measures_below_their_floors_and_above_the_ceiling_fail():
    floors = {"direct": {"recall": 0.6}, "roles": {"f1": 0.0}, "false_quotes_max": 0}
    assert below_floors(one_of_two_found(), floors) == [
        "direct recall 0.500 is below its floor 0.6",
        "1 false quotes, more than 0",
    ]


def entry(date: str, recall: float, ceiling: int | None) -> dict:
    return {
        "date": date,
        "floors": {"s": {"direct": {"recall": recall}, "false_quotes_max": ceiling}},
    }


def test_raising_floors_and_lowering_ceilings_is_allowed():
    history = [entry("d1", 0.0, None), entry("d2", 0.4, 20), entry("d3", 0.4, 10)]
    assert floors_going_down(history) == []


def test_lowering_a_floor_or_raising_a_ceiling_is_reported():
    history = [entry("d1", 0.5, 10), entry("d2", 0.4, 12), entry("d3", 0.4, None)]
    assert floors_going_down(history) == [
        "s on d2: direct recall went down from 0.5 to 0.4",
        "s on d2: false_quotes_max went up from 10 to 12",
        "s on d3: false_quotes_max went up from 12 to None",
    ]


def test_dropping_a_measure_or_a_set_is_reported():
    history = [entry("d1", 0.5, 10), {"date": "d2", "floors": {"s": {"false_quotes_max": 10}}}]
    assert floors_going_down(history) == ["s on d2: direct recall went down from 0.5 to None"]
    assert floors_going_down([entry("d1", 0.5, 10), {"date": "d2", "floors": {}}]) == [
        "s on d2: the set's floors were dropped"
    ]
