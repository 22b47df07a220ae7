"""The ordered list of refinements the roles stage applies to its facts once every title
has been read (`ROLE_REFINEMENTS`): each takes the substrate and the facts and returns the
facts it keeps, rewritten where its rule says so. Adding a style of post is a line here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.main_body import posts_of_the_main_body
from sectorwatch.extract.entities.national_posts import national_posts
from sectorwatch.model import RoleFact


@dataclass(frozen=True)
class RoleRefinement:
    name: str
    apply: Callable[[ArticleContext, list[RoleFact]], list[RoleFact]]


ROLE_REFINEMENTS: tuple[RoleRefinement, ...] = (
    RoleRefinement("posts of the article's main body", posts_of_the_main_body),
    RoleRefinement("government and national posts", national_posts),
)


def refine_roles(ctx: ArticleContext, facts: list[RoleFact]) -> list[RoleFact]:
    for refinement in ROLE_REFINEMENTS:
        facts = refinement.apply(ctx, facts)
    return facts
