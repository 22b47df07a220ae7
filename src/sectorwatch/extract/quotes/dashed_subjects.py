"""A speaker's name set off by dashes right before the speech verb: "It was a plan that
the board's chair - Nia Brook - said was a chance to ...". The words between the dashes
must be exactly one person's name as the article's people give it (one mention, or
the pieces of one person's name)."""

from __future__ import annotations

import re

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.quotes.found import Found

_DASHED_END = re.compile(r"\s[-–—]\s+(?P<name>[^-–—,;:()]{3,60}?)\s+[-–—]\s*$")


def dashed_speaker(ctx: ArticleContext, region: str, offset: int) -> Found | None:
    """The person named between the two dashes that end `region` (the words before a
    speech verb, starting at article offset `offset`), else None."""
    m = _DASHED_END.search(region)
    if m is None or ctx.people is None:
        return None
    start, end = offset + m.start("name"), offset + m.end("name")
    # the name may come as one mention or as its pieces ("Martin", "Cole") of one person
    named = ctx.people.starting_in(start, end)
    if not named or named[0].start != start or max(m.end for m in named) != end:
        return None
    if len({m.canonical for m in named}) != 1:
        return None
    return Found(named[0].canonical, "person", start, end)
