"""Direct and indirect quotes with speakers. STUB: replaced by the quotes work."""

from __future__ import annotations

from sectorwatch.extract.context import ArticleContext
from sectorwatch.model import Quote


def extract_quotes(ctx: ArticleContext) -> list[Quote]:
    return []
