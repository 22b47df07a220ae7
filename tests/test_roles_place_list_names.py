"""Organisation names that open with a list of places keep every place (fictional)."""

from __future__ import annotations

from quote_articles import make_article


def roles_of(extractor, *paragraphs):  # type: ignore[no-untyped-def]
    found = extractor.extract(make_article(*paragraphs)).roles
    return {(r.person, r.role, r.organisation) for r in found}


def test_comma_list_of_places_is_one_name_but_an_opener_is_not_part_of_it(extractor):
    got = roles_of(
        extractor,
        "Dr Ann Lowe is the new chief executive of Ashby, Tennby and Wold NHS Trust.",
        "Meanwhile, Fernhurst and Leybourne NHS Trust named Tom Arlo as its chair.",
    )
    assert got == {
        ("Ann Lowe", "chief executive", "Ashby, Tennby and Wold NHS Trust"),
        ("Tom Arlo", "chair", "Fernhurst and Leybourne NHS Trust"),
    }
