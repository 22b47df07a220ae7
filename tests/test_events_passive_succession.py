"""Succession in the passive: the subject leaves, the person after "by" takes the post."""

from __future__ import annotations

from quote_articles import make_article


def events_of(extractor, *paragraphs):  # type: ignore[no-untyped-def]
    found = extractor.extract(make_article(*paragraphs)).events
    return {(e.type, e.person, e.role, e.organisation, e.status) for e in found}


def test_will_be_replaced_by_and_was_succeeded_by(extractor):
    trust = "Fernhurst Health NHS Trust"
    got = events_of(
        extractor,
        "Ann Lowe, chief executive of Fernhurst Health NHS Trust, is stepping down.",
        "She will be replaced by Tom Arlo, chief executive of Kestrel Vale NHS Trust, who "
        "will start in March.",
        "Carl Pike, the trust medical director, left in May. He was succeeded by Dr Rita Vance.",
    )
    assert got == {
        ("departure", "Ann Lowe", "chief executive", trust, "announced"),
        ("appointment", "Tom Arlo", "chief executive", trust, "announced"),
        ("departure", "Carl Pike", "medical director", trust, "completed"),
        ("appointment", "Rita Vance", "medical director", trust, "completed"),
    }
