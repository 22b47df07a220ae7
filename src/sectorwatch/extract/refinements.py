"""Refinements: named steps a stage applies, in order, to the facts it has found (each
takes the substrate and the facts and returns the facts it keeps, rewritten where its rule
says so). The roles stage's list is `entities.role_refinements.ROLE_REFINEMENTS`, the
quotes stage's `quotes.refinements.QUOTE_REFINEMENTS`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sectorwatch.extract.context import ArticleContext

T = TypeVar("T")


@dataclass(frozen=True)
class Refinement(Generic[T]):
    name: str
    apply: Callable[[ArticleContext, list[T]], list[T]]


def refine(ctx: ArticleContext, facts: list[T], refinements: Iterable[Refinement[T]]) -> list[T]:
    for refinement in refinements:
        facts = refinement.apply(ctx, facts)
    return facts
