"""An organisation speaker keeps the name the article writes: when the text names a body only
by its acronym ("the BMA has confirmed ...", never "British Medical Association"), the
speaker is "BMA", not the registry's expansion that the reader never sees."""

from __future__ import annotations

from dataclasses import replace

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.quotes.names import strip_possessive
from sectorwatch.model import Quote


def names_as_written(ctx: ArticleContext, quotes: list[Quote]) -> list[Quote]:
    if ctx.organisations is None:
        return quotes
    text = ctx.text.lower()
    surfaces: dict[str, set[str]] = {}
    for m in ctx.organisations.mentions():
        surfaces.setdefault(m.canonical, set()).add(m.text)
    out = []
    for q in quotes:
        sp = q.speaker
        if sp is not None and sp.kind == "organisation" and sp.name and sp.name.lower() not in text:
            acronyms = {
                strip_possessive(w)
                for w in surfaces.get(sp.name, ())
                if " " not in w and strip_possessive(w).isupper()
            }
            if len(acronyms) == 1:
                q = replace(q, speaker=replace(sp, name=acronyms.pop()))
        out.append(q)
    return out
