"""The real seed articles: the events their gold names."""

from __future__ import annotations

import pytest


def _extract(extractor, path):  # type: ignore[no-untyped-def]
    from sectorwatch.ingest import read_paths

    [article] = list(read_paths([str(path)]))
    return extractor.extract(article)


def test_seed_000_events(extractor, seeds_dir):
    path = next(seeds_dir.glob("000_*.txt"), None)
    if path is None:
        pytest.skip("seed 000 absent")
    x = _extract(extractor, path)
    departure = [e for e in x.events if e.type == "departure" and e.person == "Ian Dalton"]
    assert [(e.role, e.organisation, e.status, e.date) for e in departure] == [
        ("chief executive", "NHS Improvement", "announced", "2019-03-01")
    ]
    created = [e for e in x.events if e.type == "role_created"]
    assert [(e.role, e.reports_to, e.organisation) for e in created] == [
        ("chief operating officer", "Simon Stevens", "NHS England and NHS Improvement")
    ]
    merger = [e for e in x.events if e.type == "merger"]
    assert [(sorted(e.organisations), e.status) for e in merger] == [
        (["NHS England", "NHS Improvement"], "proposed")
    ]


def test_seed_003_events(extractor, seeds_dir):
    path = next(seeds_dir.glob("003_*.txt"), None)
    if path is None:
        pytest.skip("seed 003 absent")
    x = _extract(extractor, path)
    got = {(e.type, e.person or e.role or e.subordinate) for e in x.events}
    assert ("merger", None) in {(e.type, None) for e in x.events if e.type == "merger"}
    assert ("departure", "Matthew Swindells") in got
    assert ("appointment", "Julian Kelly") in got
    assert ("reporting_line", "joint regional directors") in got
