"""Posts that a verb states in a second predicate of a person whose title the text has
just given (data/role_verbs.tsv): "X has been chief executive of A since 2021 and
previously led B for four years", "X, the former chief executive of A who now chairs B":
the verb's post at the body right after it, the same person's."""

from __future__ import annotations

import re

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.role_context import DraftRole, verb_post

# what may stand between the fact and the second predicate: a time phrase, the body
# "of A" the fact did not take, then "and" or "who"
_JOIN = re.compile(
    r"(?:\s+(?:of|at|for)\s+(?:the\s+)?[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){0,5})?"
    r"(?:\s+(?:since|for|from|until)\s+[^,.;:]{1,30}?)?"
    r"(?:,?\s+and|,?\s+who)(?=\s)"
)


def posts_of_second_predicates(ctx: ArticleContext, facts: list[DraftRole]) -> list[DraftRole]:
    """One post per fact whose sentence goes on with "and"/"who" and a post verb."""
    out: list[DraftRole] = []
    for f in facts:
        j = _JOIN.match(ctx.text, f.end)
        if j is None:
            continue
        post = verb_post(ctx, j.end())
        if post is None:
            continue
        title, status, org, end = post
        if any(g.person == f.person and g.organisation == org for g in facts + out):
            continue
        out.append(
            DraftRole(
                person=f.person,
                role=title,
                organisation=org,
                status=status,  # type: ignore[arg-type]
                start=j.start(),
                end=end,
                evidence=ctx.evidence(j.start(), end),
            )
        )
    return out
