"""Scoring quotes, as extraction-output.md "How it is scored" says. Fictional people only."""

from __future__ import annotations

import pytest

from sectorwatch.eval import Gold, evaluate
from sectorwatch.eval.scoring import score_document

KOWAL = (
    "Trust leaders have been asking for one clear voice from the national bodies, "
    "and this is a welcome step towards it."
)
MARSH = "Too many wards are still short of the nurses they need on a night shift."


def gold(*quotes: dict, not_quotes: list[str] | None = None) -> Gold:
    return Gold(document="a.txt", quotes=list(quotes), not_quotes=not_quotes or [])


def direct(text: str, speaker: str | None) -> dict:
    return {"type": "direct", "text": text, "speaker": speaker}


def predicted(*quotes: dict) -> dict:
    """A prediction as `to_contract` writes it: the speaker is an object."""
    out = []
    for q in quotes:
        speaker = None if q["speaker"] is None else {"name": q["speaker"], "role": None}
        out.append({**q, "speaker": speaker, "start": 0, "end": 1})
    return {"source": "/corpus/a.txt", "quotes": out}


def counts(doc, metric: str) -> tuple[int, int, int]:
    c = doc.metrics[metric].counts
    return c.gold, c.predicted, c.matched


def test_a_perfect_prediction_scores_one_everywhere():
    doc = score_document(
        gold(direct(KOWAL, "Tomasz Kowal"), direct(MARSH, "Leonie Marsh")),
        predicted(direct(KOWAL, "Tomasz Kowal"), direct(MARSH, "Leonie Marsh")),
    )
    for metric in ("direct", "direct_attributed"):
        c = doc.metrics[metric].counts
        assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0)
    assert doc.false_quotes == []


def test_case_and_punctuation_do_not_matter():
    shouted = KOWAL.upper().replace(",", "").replace(".", "!") + " …"
    doc = score_document(gold(direct(KOWAL, "Tomasz Kowal")), predicted(direct(shouted, None)))
    assert counts(doc, "direct") == (1, 1, 1)


def test_curly_and_straight_apostrophes_are_the_same_word():
    doc = score_document(
        gold(direct("I’d like to thank Margaret for her support.", "Aisha Bello")),
        predicted(direct("I'd like to thank Margaret for her support", "Aisha Bello")),
    )
    assert counts(doc, "direct_attributed") == (1, 1, 1)


WORDS = [f"w{i}" for i in range(20)]


@pytest.mark.parametrize(
    ("gold_words", "predicted_words", "matches"),
    [
        # 16 common words of 20 and 20: token F1 = 0.8, the threshold itself
        (WORDS, WORDS[:16] + ["x1", "x2", "x3", "x4"], True),
        # 15 common words of 19 and 19: token F1 = 0.789
        (WORDS[:19], WORDS[:15] + ["x1", "x2", "x3", "x4"], False),
    ],
)
def test_direct_quotes_match_from_token_f1_0_8(gold_words, predicted_words, matches):
    doc = score_document(
        gold(direct(" ".join(gold_words), "Tomasz Kowal")),
        predicted(direct(" ".join(predicted_words), "Tomasz Kowal")),
    )
    assert counts(doc, "direct") == (1, 1, int(matches))


@pytest.mark.parametrize(
    ("predicted_speaker", "gold_speaker", "attributed"),
    [
        ("Mr Kowal", "Tomasz Kowal", False),
        ("tomasz kowal.", "Tomasz Kowal", True),
        ("Dr Leonie Marsh", "Leonie Marsh", True),
        ("Dr. Leonie Marsh", "leonie marsh", True),
        ("Lord Edward Ashdown", "Edward Ashdown", True),
        ("Professor Sir Gareth Pryce", "Gareth Pryce", True),
        ("Leonie Marsh", "Tomasz Kowal", False),
        (None, "Tomasz Kowal", False),
        (None, None, True),
    ],
)
def test_attribution_needs_the_same_name_ignoring_case_punctuation_and_honorifics(
    predicted_speaker, gold_speaker, attributed
):
    doc = score_document(
        gold(direct(KOWAL, gold_speaker)), predicted(direct(KOWAL, predicted_speaker))
    )
    assert counts(doc, "direct") == (1, 1, 1)
    assert counts(doc, "direct_attributed") == (1, 1, int(attributed))


def test_each_gold_quote_is_matched_once():
    doc = score_document(
        gold(direct(KOWAL, "Tomasz Kowal")),
        predicted(direct(KOWAL, "Tomasz Kowal"), direct(KOWAL + " Indeed.", "Tomasz Kowal")),
    )
    c = doc.metrics["direct"].counts
    assert (c.gold, c.predicted, c.matched) == (1, 2, 1)
    assert (c.precision, c.recall) == (0.5, 1.0)
    assert c.f1 == pytest.approx(2 / 3)
    assert [q["text"] for q in doc.false_quotes] == [KOWAL + " Indeed."]


def test_matching_pairs_as_many_quotes_as_it_can():
    # Prediction A is closest to gold 1 (F1 0.9) but also matches gold 2 (0.8); prediction B
    # matches only gold 1 (0.87). Taking the best pair first would match one; both match.
    g1, g2 = "a b c d e f g h i j", "a b c d e f g h k l"
    doc = score_document(
        gold(direct(g1, "Tomasz Kowal"), direct(g2, "Tomasz Kowal")),
        predicted(
            direct("a b c d e f g h i m", "Tomasz Kowal"),
            direct("a b c d e f g h i j n o p", "Tomasz Kowal"),
        ),
    )
    assert counts(doc, "direct") == (2, 2, 2)


def test_attributed_matching_prefers_the_quote_with_the_right_speaker():
    doc = score_document(
        gold(direct(KOWAL, "Tomasz Kowal"), direct(KOWAL, "Hannah Lisle")),
        predicted(direct(KOWAL, "Hannah Lisle")),
    )
    assert counts(doc, "direct_attributed") == (2, 1, 1)


def test_indirect_quotes_match_from_token_f1_0_5_with_the_speaker():
    reported = "Ms Lisle said ACE would be writing to Mr Whitcombe this week."
    half = "Lisle said ACE would"  # 4 of 4 and 4 of 12 words: F1 = 0.5
    doc = score_document(
        gold({"type": "indirect", "text": reported, "speaker": "Hannah Lisle"}),
        predicted(
            {"type": "indirect", "text": half, "speaker": "Hannah Lisle"},
            {"type": "direct", "text": reported, "speaker": "Hannah Lisle"},
        ),
    )
    assert counts(doc, "indirect_attributed") == (1, 1, 1)
    assert counts(doc, "direct") == (0, 1, 0)


def test_an_indirect_quote_with_the_wrong_speaker_does_not_match():
    reported = "Ms Lisle said ACE would be writing to Mr Whitcombe this week."
    doc = score_document(
        gold({"type": "indirect", "text": reported, "speaker": "Hannah Lisle"}),
        predicted({"type": "indirect", "text": reported, "speaker": "Daniel Whitcombe"}),
    )
    assert counts(doc, "indirect_attributed") == (1, 1, 0)


def test_not_quotes_count_as_false_quotes():
    doc = score_document(
        gold(direct(KOWAL, "Tomasz Kowal"), not_quotes=["Bureaucratic", "twin-track"]),
        predicted(
            direct(KOWAL, "Tomasz Kowal"),
            direct("bureaucratic", None),
            direct("Twin track", None),
        ),
    )
    assert [q["text"] for q in doc.not_quote_hits] == ["bureaucratic", "Twin track"]
    assert len(doc.false_quotes) == 2
    assert counts(doc, "direct") == (1, 3, 1)


def test_a_not_quote_that_is_also_a_gold_quote_counts_once_matched():
    # "United" is a scare quote in the headline and also a quoted word in the body.
    doc = score_document(
        gold(direct("united", "Edward Ashdown"), not_quotes=["United"]),
        predicted(direct("United", "Edward Ashdown")),
    )
    assert doc.false_quotes == [] and doc.not_quote_hits == []


def test_totals_are_micro_averaged_and_an_unpredicted_article_counts_as_missed():
    golds = [
        Gold(document="a.txt", quotes=[direct(KOWAL, "Tomasz Kowal")]),
        Gold(document="b.txt", quotes=[direct(MARSH, "Leonie Marsh")] * 3),
        Gold(document="c.txt", quotes=[direct(MARSH, "Leonie Marsh")]),
    ]
    predictions = [
        {**predicted(direct(KOWAL, "Tomasz Kowal")), "source": "in/a.txt"},
        {**predicted(direct(MARSH, "Leonie Marsh")), "source": "in/b.txt"},
    ]
    evaluation = evaluate(golds, predictions)
    total = evaluation.totals["direct"]
    assert (total.gold, total.predicted, total.matched) == (5, 2, 2)
    assert (total.precision, total.recall) == (1.0, 0.4)
    assert evaluation.missing_documents == ["c.txt"]


def test_nothing_to_find_and_nothing_found_is_perfect():
    doc = score_document(gold(), predicted())
    c = doc.metrics["direct"].counts
    assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0)


def test_nothing_found_of_something_scores_zero():
    doc = score_document(gold(direct(KOWAL, "Tomasz Kowal")), None)
    c = doc.metrics["direct"].counts
    assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0)
