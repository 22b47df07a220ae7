"""A pronoun opening the sentence after one that brings a new person in: "Among those who
objected to the closure was Tomas Reyes, chair of the Fernbrook Patients' Forum. He said:
..." means the newcomer, not the article's earlier speaker. The newcomer is named for
the first time in the article in the sentence right before, right after "was"/"is" (the
sentence's subject is a description: "Among those ...", "One of the critics ..."); the
only person named there for the first time; and of the pronoun's gender as the article
gives it (an unknown gender never counts)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.coreference import pronoun_referent
from sectorwatch.extract.lexicon import pronoun_genders

_COPULA_BEFORE = re.compile(r"\b(?:was|is)\s+$")


def pronoun_speaker(
    ctx: ArticleContext, at: int, pronoun: str, salient: Iterable[tuple[int, str]]
) -> str | None:
    """Who "he"/"she" at `at` means: the newcomer of the sentence before, else the
    coreference's referent (entities/coreference.pronoun_referent)."""
    if ctx.people is None:
        return None
    return _newcomer(ctx, at, pronoun) or pronoun_referent(ctx, at, pronoun, salient)


def _newcomer(ctx: ArticleContext, at: int, pronoun: str) -> str | None:
    assert ctx.people is not None
    gender = pronoun_genders("subject").get(pronoun.lower())
    sent_s, _ = ctx.sentence_span(at, at + 1)
    before = ctx.text[sent_s:at].strip(" “\"‘'")
    if gender is None or before.lower() not in ("", pronoun.lower()) or sent_s < 2:
        return None
    prev_s, prev_e = ctx.sentence_span(sent_s - 2, sent_s - 1)
    named = ctx.people.starting_in(prev_s, prev_e)
    earlier = {m.canonical for m in ctx.people.starting_in(0, prev_s)}
    new = [m for m in named if m.canonical not in earlier]
    if len({m.canonical for m in new}) != 1 or ctx.people.gender(new[0].canonical) != gender:
        return None
    first = new[0]
    if not _COPULA_BEFORE.search(ctx.text[prev_s : first.start]):
        return None
    return first.canonical
