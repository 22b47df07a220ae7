"""The roles and quotes stages refine their facts through explicit, ordered, named lists."""

from __future__ import annotations

from sectorwatch.extract.entities.role_refinements import ROLE_REFINEMENTS
from sectorwatch.extract.quotes.refinements import QUOTE_REFINEMENTS


def test_refinements_are_ordered_named_lists():
    assert [r.name for r in ROLE_REFINEMENTS] == [
        "posts of the article's main body",
        "government and national posts",
        "one fact per body of a joint post",
        "a bare head is the article's body so named",
        "the ICB of a place the sentence names",
        "one fact per person, post and body",
    ]
    assert [r.name for r in QUOTE_REFINEMENTS] == [
        "names without the titles glued to them",
        "letters and statements speak for their sender",
        "organisations named as the article writes them",
    ]
