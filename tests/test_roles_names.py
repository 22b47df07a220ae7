"""Names in role facts: post-nominal letters are not part of a name, honorific + first
name and a later peerage resolve to the full name."""

from __future__ import annotations

from quote_articles import role_triples as roles_of


def test_post_nominals_are_stripped_wherever_they_stand(extractor):
    got = roles_of(
        extractor,
        "Professor Jo Lee OBE, chief nurse at Greyhurst Hospitals NHS Trust, agreed.",
        "Dame Ann Pike DBE FRCP, chair of Greyhurst Hospitals NHS Trust, spoke.",
    )
    assert got == {
        ("Jo Lee", "chief nurse", "Greyhurst Hospitals NHS Trust"),
        ("Ann Pike", "chair", "Greyhurst Hospitals NHS Trust"),
    }


def test_honorific_first_name_and_peerage_resolve_to_the_full_name(extractor):
    got = roles_of(
        extractor,
        "Greyhurst Hospitals NHS Trust has appointed Dame Helen Okafor as its chair.",
        "Dame Helen, the trust's former medical director, starts in May.",
        "Sir Mark Ellery, now Lord Ellery, spoke at the meeting.",
        "Lord Ellery was previously chief executive of Brindle NHS Trust.",
    )
    assert got == {
        ("Helen Okafor", "chair", "Greyhurst Hospitals NHS Trust"),
        ("Helen Okafor", "medical director", "Greyhurst Hospitals NHS Trust"),
        ("Mark Ellery", "chief executive", "Brindle NHS Trust"),
    }
