"""Organisation names that open with a list of places keep every place (fictional)."""

from __future__ import annotations

from quote_articles import role_triples as roles_of


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
