"""Leadership and organisational events with dates. STUB: replaced by the events work."""

from __future__ import annotations

from sectorwatch.extract.context import ArticleContext
from sectorwatch.model import Event


def extract_events(ctx: ArticleContext) -> list[Event]:
    return []
