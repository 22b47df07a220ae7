"""A system's body named by its place: "the ICB in Westmoor", "In the largest system,
Westmoor, Ann Lowe has been appointed chair of the ICB".

The roles stage reads "the ICB" as the ICB the article named last, which in a round-up
of several systems is another system's. When the fact's own words, or the words right after
it, say "the ICB" (or "CCG", "ICS": the abbreviated heads in data/organisations.tsv) and
its sentence names a place, as "the ICB in PLACE" or as an opening "In ..., PLACE,", the
post is PLACE's ICB; else, when the sentence (before the fact) or the one before it names a
system ("Holt Vale ICS announced ... The ICB's chair designate", "In Fenmouth ICS, X has
been named chief executive of the ICB"), the post is that system's place's ICB.
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
    # "the ICB" in the fact, or its "the" right before it ("the ICB’s chair designate X")
    bare = re.search(
        rf"\b[Tt]he\s+({heads})\b", text[max(s, fact.start - 4) : fact.end]
    ) or re.match(rf"\s+(?:of\s+|for\s+)?the\s+({heads})\b", text[fact.end : e])
    if bare is None:
        return fact
    head = bare.group(1)
    sentence = text[s:e]
    place = re.search(rf"\bthe\s+{head}\s+in\s+({_PLACE})", sentence) or re.match(
        rf"In\s+(?:[a-z][^,]{{0,60}},\s+)?({_PLACE}),\s", sentence
    )
    name = place.group(1) if place is not None else _system_place(ctx, s, fact.start)
    if name is None or (fact.organisation or "").startswith(name):
        return fact
    return replace(fact, organisation=f"{name} {head}")


def _system_place(ctx: ArticleContext, sent_s: int, at: int) -> str | None:
    """The place of the system the sentence names before `at`, else of the one the
    sentence before names ("Westmoor ICS announced ... The ICB's chair designate", "In
    Westmoor ICS Ann Lowe ... will be chief executive of the ICB")."""
    assert ctx.organisations is not None
    abbrevs = organisation_table().abbrevs
    prev_s = ctx.sentence_span(sent_s - 2, sent_s - 1)[0] if sent_s > 1 else sent_s
    for s, e in ((sent_s, at), (prev_s, sent_s)):
        for m in ctx.organisations.in_span(s, e):
            words = m.canonical.split()
            named = m.text.split()  # the system named with its place, not "the ICB"
            if len(words) > 1 and len(named) > 1 and named[-1] in abbrevs:
                return " ".join(words[:-1])
    return None


def posts_of_named_places(ctx: ArticleContext, facts: list[RoleFact]) -> list[RoleFact]:
    heads = organisation_table().abbrevs
    if heads and all(heads) and not any(h in ctx.text for h in heads):
        return list(facts)  # no "ICB" (nor any other head) in the text: nothing to read
    return [_place_post(ctx, f) for f in facts]
