"""SpanSet: overlap look-ups by bisection, exactly what a scan of every span would say."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sectorwatch.extract.spans import SpanSet

SPAN = st.tuples(st.integers(0, 200), st.integers(1, 40)).map(lambda p: (p[0], p[0] + p[1]))


def test_overlaps_and_covers():
    spans = SpanSet([(10, 20), (30, 35)])
    spans.add(50, 90)
    assert [spans.overlaps(0, 10), spans.overlaps(19, 25), spans.overlaps(60, 61)] == [
        False,
        True,
        True,
    ]
    assert [spans.covers(9), spans.covers(10), spans.covers(35), spans.covers(89)] == [
        False,
        True,
        False,
        True,
    ]


@given(st.lists(SPAN, max_size=30), SPAN)
def test_the_same_answer_as_a_scan(spans, probe):
    s, e = probe
    found = SpanSet(spans)
    assert found.overlaps(s, e) == any(a < e and s < b for a, b in spans)
    assert found.covers(s) == any(a <= s < b for a, b in spans)
