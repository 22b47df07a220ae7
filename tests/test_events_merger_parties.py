"""A merger's parties are the bodies listed after its cue, however many (fictional)."""

from __future__ import annotations

from quote_articles import make_article


def test_three_way_merger_lists_every_party_and_not_the_approver(extractor):
    article = make_article(
        "The Secretary of State for Care Affairs has approved the three-way merger of "
        "Ashby General NHS Trust, Tennby Hospitals NHS Trust, and Wold Community NHS Trust.",
    )
    got = [(e.type, sorted(e.organisations)) for e in extractor.extract(article).events]
    assert got == [
        (
            "merger",
            ["Ashby General NHS Trust", "Tennby Hospitals NHS Trust", "Wold Community NHS Trust"],
        )
    ]
