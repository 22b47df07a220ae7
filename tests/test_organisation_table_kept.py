"""What the organisation finder derives from the shipped table (a pattern, a set of words)
is made once for the table, not again for every article."""

from __future__ import annotations

from sectorwatch.extract.entities.organisation_finder import _anaphor_pattern, _suffix_words
from sectorwatch.extract.entities.vocab import organisation_table


def test_a_derived_value_is_built_once_per_table():
    table = organisation_table()
    calls: list[int] = []

    def build() -> int:
        calls.append(1)
        return len(calls)

    assert table.kept("test value", build) == 1
    assert table.kept("test value", build) == 1
    assert calls == [1]
    assert _anaphor_pattern(table) is _anaphor_pattern(table)
    assert "Trust" in _suffix_words(table) and _suffix_words(table) is _suffix_words(table)
