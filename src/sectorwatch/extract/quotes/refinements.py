"""The ordered refinements of the quotes stage (`QUOTE_REFINEMENTS`, see
`extract.refinements`), applied once every quote has a speaker from the attribution
strategies."""

from __future__ import annotations

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.quotes.speaker_names import names_without_titles
from sectorwatch.extract.quotes.statement_owners import statement_owners
from sectorwatch.extract.quotes.written_names import names_as_written
from sectorwatch.extract.refinements import Refinement, refine
from sectorwatch.model import Quote

QUOTE_REFINEMENTS: tuple[Refinement[Quote], ...] = (
    Refinement("names without the titles glued to them", names_without_titles),
    Refinement("letters and statements speak for their sender", statement_owners),
    Refinement("organisations named as the article writes them", names_as_written),
)


def refine_quotes(ctx: ArticleContext, quotes: list[Quote]) -> list[Quote]:
    return refine(ctx, quotes, QUOTE_REFINEMENTS)
