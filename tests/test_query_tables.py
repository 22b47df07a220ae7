"""The index pages' engine (`sectorwatch.query.tables`): a facet's count is exactly how
many rows choosing it gives; pages partition the matching rows; date ranges overlap."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sectorwatch.query.tables import TableSpec, table_page

SPEC = TableSpec("things", ("colour", "size"), ("name", "-when"), "name", "when", "until")

rows_strategy = st.lists(
    st.fixed_dictionaries(
        {
            "name": st.text("abc", min_size=1, max_size=3),
            "colour": st.one_of(st.none(), st.sampled_from(["red", "blue"]),
                                st.lists(st.sampled_from(["red", "blue", "green"]), max_size=2)),
            "size": st.sampled_from(["S", "M", "L"]),
            "when": st.sampled_from([None, "2019", "2019-03", "2020-01-02"]),
            "until": st.sampled_from([None, "2021"]),
        }
    ),
    max_size=25,
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(rows_strategy, st.sampled_from([{}, {"size": "S"}, {"colour": "red"}]))
def test_each_facet_count_is_what_choosing_it_gives(rows, chosen):
    page = table_page(rows, SPEC, chosen)
    for facet, values in page.facets.items():
        for v in values:
            narrowed = table_page(rows, SPEC, {**chosen, facet: v.value}, per_page=500)
            assert narrowed.total == v.count, (facet, v)


@settings(max_examples=40, deadline=None)
@given(rows_strategy, st.integers(1, 7))
def test_pages_partition_the_matching_rows_in_order(rows, per_page):
    whole = table_page(rows, SPEC, {}, sort="-when", per_page=500).matching
    pages = table_page(rows, SPEC, {}, sort="-when", per_page=per_page).pages
    joined = [
        r for n in range(1, pages + 1)
        for r in table_page(rows, SPEC, {}, sort="-when", page=n, per_page=per_page).rows
    ]  # fmt: skip
    assert joined == whole


def test_date_ranges_keep_rows_whose_interval_overlaps():
    rows = [
        {"name": "a", "when": "2018", "until": "2019-02"},
        {"name": "b", "when": "2019-03", "until": None},
        {"name": "c", "when": "2020-01-02", "until": "2021"},
        {"name": "d", "when": None, "until": None},
    ]
    names = lambda **kw: [r["name"] for r in table_page(rows, SPEC, {}, **kw).rows]  # noqa: E731
    assert names(date_from="2019", date_to="2019") == ["a", "b"]
    assert names(date_from="2019-03") == ["b", "c"]
    assert names(date_to="2018-12") == ["a"]
    assert names() == ["a", "b", "c", "d"]
