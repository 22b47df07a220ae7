"""A speaker's name without the title glued before it: "Health and Social Care Secretary
Wes Streeting" -> "Wes Streeting", "Trust Anne Shaw" -> "Anne Shaw".

When the attribution strategies return a name that the person index does not know but that
ends with one person's name it does know, the capitalised words before that name are a title
or a sentence's furniture, not the name, and the speaker is that person."""

from __future__ import annotations

from dataclasses import replace

from sectorwatch.extract.context import ArticleContext
from sectorwatch.model import Quote


def names_without_titles(ctx: ArticleContext, quotes: list[Quote]) -> list[Quote]:
    if ctx.people is None:
        return quotes
    known = set(ctx.people.names())
    by_last: dict[str, list[str]] = {}
    for name in known:
        by_last.setdefault(name.split()[-1], []).append(name)
    out = []
    for q in quotes:
        sp = q.speaker
        if sp is not None and sp.kind != "document" and sp.name and sp.name not in known:
            words = sp.name.split()
            tails = [
                n
                for n in by_last.get(words[-1], [])
                if len(n.split()) < len(words) and sp.name.endswith(" " + n)
            ]
            if len(tails) == 1:
                q = replace(q, speaker=replace(sp, name=tails[0], kind="person"))
        out.append(q)
    return out
