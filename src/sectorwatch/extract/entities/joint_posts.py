"""One fact per post and organisation: a post of "A and B" is a post at A and a post at B.

"joint accountable officer for Shropshire and Telford CCGs", "chair in common of A and
B", "joint chief executive of the two trusts": the roles stage reads "A and B" as one span,
but two bodies that the article joins with "and" are two bodies unless the organisation
table knows the combination as one ("NHS England and NHS Improvement"). A post that
belongs to the combination itself, a group of the two (data/combined_post_words.txt:
"group chief executive", "chair of the committees-in-common"), stays one fact.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.lexicon import lower_words
from sectorwatch.model import RoleFact

_SHARED = re.compile(
    r"\bin\s+common\b|\bthe\s+(?:two|three|four)\s+trusts\b|\band\s+[^,.;]{1,40}\s(?:CCGs|ICBs)\b"
    r"|\bboth\s+[A-Z]"
)


_REACH = 40  # "X as joint chair of the three trusts": the words just after the fact


def _shared(phrase: str) -> bool:
    """Whether the fact's own words say the post is held at each body: "in common", "the
    three trusts", "both" before the names ("chair at both HVH and WCT"), or the bodies'
    plural head ("Shropshire and Telford CCGs")."""
    return _SHARED.search(phrase) is not None


def one_fact_per_body(ctx: ArticleContext, facts: list[RoleFact]) -> list[RoleFact]:
    if ctx.organisations is None:
        return facts
    combined_posts = lower_words("combined_post_words.txt")
    out: list[RoleFact] = []
    seen: set[tuple[str, str, str | None]] = set()
    for f in facts:
        parts = ctx.organisations.joined_parts(f.organisation or "")
        sent_end = ctx.sentence_span(f.start, f.end)[1]
        phrase = ctx.text[f.start : min(sent_end, f.end + _REACH)]
        if parts and _shared(phrase) and not (set(f.role.lower().split()) & combined_posts):
            split = [replace(f, organisation=p) for p in parts]
        else:
            split = [f]
        for g in split:
            key = (g.person, g.role, g.organisation)
            if key not in seen:
                seen.add(key)
                out.append(g)
    return out
