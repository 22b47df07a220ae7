"""Joint posts: one fact per post and organisation, unless the post is the group's own."""

from __future__ import annotations

from quote_articles import role_triples as roles_of


def test_chair_in_common_is_a_post_at_each_body(extractor):
    got = roles_of(
        extractor,
        "Greyhurst Hospitals NHS Trust has a new leader.",
        "Anna Pryce has been appointed chair in common of Greyhurst Hospitals NHS Trust and "
        "Marlow Fen Community NHS Trust.",
    )
    assert got == {
        ("Anna Pryce", "chair", "Greyhurst Hospitals NHS Trust"),
        ("Anna Pryce", "chair", "Marlow Fen Community NHS Trust"),
    }


def test_joint_chair_of_the_two_trusts_and_a_group_post_kept_whole(extractor):
    got = roles_of(
        extractor,
        "Greyhurst Hospitals NHS Trust and Marlow Fen Community NHS Trust will share a "
        "leadership team.",
        "The appointment of Joan Reede as joint chair of the two trusts was confirmed in May.",
        "Anna Pryce, group chief executive of Greyhurst Hospitals NHS Trust and Marlow Fen "
        "Community NHS Trust, welcomed it.",
    )
    assert got == {
        ("Joan Reede", "chair", "Greyhurst Hospitals NHS Trust"),
        ("Joan Reede", "chair", "Marlow Fen Community NHS Trust"),
        (
            "Anna Pryce",
            "group chief executive",
            "Greyhurst Hospitals NHS Trust and Marlow Fen Community NHS Trust",
        ),
    }
