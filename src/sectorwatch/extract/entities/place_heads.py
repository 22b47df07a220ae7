"""A system's body named by its place: "the ICB in Westmoor", "In the largest system,
Westmoor, Ann Lowe has been appointed chair of the ICB".

The roles stage reads "the ICB" as the ICB the article named last, which in a round-up
of several systems is another system's. When the fact's own words, or the words right after
it, say "the ICB" (or "CCG", "ICS": the abbreviated heads in data/organisations.tsv) and
its sentence names a place, as "the ICB in PLACE" or as an opening "In ..., PLACE,", the
post is PLACE's ICB.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.vocab import organisation_table
from sectorwatch.model import RoleFact

_PLACE = r"[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,4}"


def _place_post(ctx: ArticleContext, fact: RoleFact) -> RoleFact:
    heads = "|".join(re.escape(h) for h in organisation_table().abbrevs)
    text = ctx.text
    s, e = ctx.sentence_span(fact.start, fact.end)
    bare = re.search(rf"\bthe\s+({heads})\b", text[fact.start : fact.end]) or re.match(
        rf"\s+(?:of\s+|for\s+)?the\s+({heads})\b", text[fact.end : e]
    )
    if bare is None:
        return fact
    head = bare.group(1)
    sentence = text[s:e]
    place = re.search(rf"\bthe\s+{head}\s+in\s+({_PLACE})", sentence) or re.match(
        rf"In\s+(?:[a-z][^,]{{0,60}},\s+)?({_PLACE}),\s", sentence
    )
    if place is None or (fact.organisation or "").startswith(place.group(1)):
        return fact
    return replace(fact, organisation=f"{place.group(1)} {head}")


def posts_of_named_places(ctx: ArticleContext, facts: list[RoleFact]) -> list[RoleFact]:
    return [_place_post(ctx, f) for f in facts]
