"""The ordered list of refinements the quotes stage applies once every quote has a speaker
from the attribution strategies (`QUOTE_REFINEMENTS`): each takes the substrate and the
quotes and returns them, with speakers rewritten where its rule says so."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.quotes.speaker_names import names_without_titles
from sectorwatch.extract.quotes.statement_owners import statement_owners
from sectorwatch.model import Quote


@dataclass(frozen=True)
class QuoteRefinement:
    name: str
    apply: Callable[[ArticleContext, list[Quote]], list[Quote]]


QUOTE_REFINEMENTS: tuple[QuoteRefinement, ...] = (
    QuoteRefinement("names without the titles glued to them", names_without_titles),
    QuoteRefinement("letters and statements speak for their sender", statement_owners),
)


def refine_quotes(ctx: ArticleContext, quotes: list[Quote]) -> list[Quote]:
    for refinement in QUOTE_REFINEMENTS:
        quotes = refinement.apply(ctx, quotes)
    return quotes
