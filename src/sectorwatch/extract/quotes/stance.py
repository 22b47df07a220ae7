"""Stance of each quote towards the article's main event. STUB: replaced by the quotes work."""

from __future__ import annotations

from sectorwatch.extract.context import ArticleContext
from sectorwatch.model import Event, Quote


def assign_stance(quotes: list[Quote], events: list[Event], ctx: ArticleContext) -> None:
    for q in quotes:
        q.stance = "neutral"
