"""The ordered refinements of the roles stage (`ROLE_REFINEMENTS`, see
`extract.refinements`): adding a style of post is a line here."""

from __future__ import annotations

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.joint_posts import one_fact_per_body
from sectorwatch.extract.entities.main_body import (
    named_bodies,
    one_fact_per_post,
    posts_of_the_main_body,
)
from sectorwatch.extract.entities.national_posts import national_posts
from sectorwatch.extract.entities.place_heads import posts_of_named_places
from sectorwatch.extract.refinements import Refinement, refine
from sectorwatch.model import RoleFact

ROLE_REFINEMENTS: tuple[Refinement[RoleFact], ...] = (
    Refinement("posts of the article's main body", posts_of_the_main_body),
    Refinement("government and national posts", national_posts),
    Refinement("one fact per body of a joint post", one_fact_per_body),
    Refinement("a bare head is the article's body so named", named_bodies),
    Refinement("the ICB of a place the sentence names", posts_of_named_places),
    Refinement("one fact per person, post and body", one_fact_per_post),
)


def refine_roles(ctx: ArticleContext, facts: list[RoleFact]) -> list[RoleFact]:
    return refine(ctx, facts, ROLE_REFINEMENTS)
