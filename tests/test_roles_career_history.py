"""Career histories: earlier posts stated by joining a body "in YEAR as", coming to its
board, or "where he was", each at the body the sentence names."""

from __future__ import annotations

from quote_articles import make_article
from quote_articles import role_triples as roles_of


def test_posts_joined_in_a_year_and_on_coming_to_a_board(extractor):
    got = roles_of(
        extractor,
        "Greyhurst Hospitals NHS Trust has appointed Maria Lind as its chief executive.",
        "Ms Lind joined Marlow Fen NHS Trust in 2009 as director of nursing.",
        "She came to the board of Kestrel Vale NHS Trust in 2016 as director of strategy.",
    )
    assert got == {
        ("Maria Lind", "chief executive", "Greyhurst Hospitals NHS Trust"),
        ("Maria Lind", "director of nursing", "Marlow Fen NHS Trust"),
        ("Maria Lind", "director of strategy", "Kestrel Vale NHS Trust"),
    }


def test_joined_from_a_body_where_he_held_a_post(extractor):
    got = roles_of(
        extractor,
        "Greyhurst Hospitals NHS Trust has named Tom Hale as its deputy chief executive.",
        "Mr Hale joined from Brindle Care NHS Trust, where he was director of finance.",
    )
    assert got == {
        ("Tom Hale", "deputy chief executive", "Greyhurst Hospitals NHS Trust"),
        ("Tom Hale", "finance director", "Brindle Care NHS Trust"),
    }


def test_years_spent_in_earlier_posts_are_former_posts_at_their_bodies(extractor):
    article = make_article(
        "Greyhurst Hospitals NHS Trust has appointed Tom Reed as interim chief executive.",
        "Mr Reed spent eight years as director of operations at Marlow Fen NHS Trust.",
        "He then had three years as CEO at Kestrel Vale NHS Trust, followed by a year's "
        "tenure as acting CEO at Brindle NHS Trust.",
    )
    got = {(r.person, r.role, r.organisation, r.status) for r in extractor.extract(article).roles}
    assert got == {
        ("Tom Reed", "chief executive", "Greyhurst Hospitals NHS Trust", "interim"),
        ("Tom Reed", "director of operations", "Marlow Fen NHS Trust", "former"),
        ("Tom Reed", "chief executive", "Kestrel Vale NHS Trust", "former"),
        ("Tom Reed", "chief executive", "Brindle NHS Trust", "acting"),
    }
