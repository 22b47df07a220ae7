"""The incoming holder of a post as a speaker: "The new chief executive of the Fernbrook
Trust has said ... . Dr Ada Quill's first message to staff ...". A role noun marked as
coming ("new", "incoming": the `mod` cues of status_cues.tsv) never means the post's
former or departing holder; in the article's first sentences, whose holder the role
facts do not give, it is the first person named in the next sentence."""

from __future__ import annotations

import re
from functools import lru_cache

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.vocab import status_cues

_GONE = ("former", "leaving")


@lru_cache(maxsize=1)
def _coming() -> re.Pattern[str]:
    phrases = [p.pattern for p, status, where in status_cues() if status == "incoming"]
    return re.compile(rf"\s*(?:the\s+|its\s+|their\s+)?(?:{'|'.join(phrases)})\s", re.I)


def incoming_speaker(ctx: ArticleContext, start: int, end: int, name: str) -> str | None:
    """`name` (the holder the role noun `ctx.text[start:end]` was resolved to) unless the
    noun says the holder is coming and `name` only left the post: then the person named
    first in the next sentence, when the noun is in the article's first three sentences
    (None when there is nobody)."""
    if not _coming().match(ctx.text[start:end]):
        return name
    held = [r.status for r in ctx.roles if r.person == name]
    if not held or any(status not in _GONE for status in held):
        return name
    sentences = ctx.sentences()
    i = next((j for j, (s, e) in enumerate(sentences) if s <= start < e), None)
    if i is None or i > 2 or i + 1 >= len(sentences) or ctx.people is None:
        return None
    named = ctx.people.first_starting_in(*sentences[i + 1])
    if named is None or named.canonical == name:
        return None
    return named.canonical
