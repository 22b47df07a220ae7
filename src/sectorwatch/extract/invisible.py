"""Invisible characters out before extraction, offsets into the text as read after it.

Zero-width spaces and joiners, soft hyphens, byte-order marks and bidirectional marks
(Unicode format characters) are common in text pasted from CMSs and break words, names and
quote marks for spaCy and the rules ("Quar\\u200drie", "\\u2060“We"). `hide_invisible`
gives the article without them; `restore` maps every offset of the extraction (quotes,
roles, events, mentions, evidence) back into the original text, and re-reads from it each
piece of text that was a plain slice, so every fact still points into `Article.text` as
read. An article without such characters is passed through untouched (no copy).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sectorwatch.model import Article, Extraction, Paragraph

INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def hide_invisible(article: Article) -> tuple[Article, Callable[[Extraction], Extraction]]:
    """(the article to extract, the function that maps its extraction back)."""
    text = article.text
    if INVISIBLE.search(text) is None:
        return article, lambda extraction: extraction
    removed = [m.start() for m in INVISIBLE.finditer(text)]
    clean = INVISIBLE.sub("", text)

    def inward(offset: int) -> int:
        return offset - bisect_left(removed, offset)

    paragraphs = [Paragraph(inward(p.start), inward(p.end), p.kind) for p in article.paragraphs]
    hidden = replace(article, text=clean, paragraphs=paragraphs)
    mapping = _Mapping(text, clean, removed)

    def restore(extraction: Extraction) -> Extraction:
        """The same extraction over the text as read (facts are frozen: moved copies)."""
        return replace(
            extraction,
            article=article,
            quotes=[mapping.moved(q) for q in extraction.quotes],
            roles=[mapping.moved(r) for r in extraction.roles],
            events=[mapping.moved(e) for e in extraction.events],
            mentions=[mapping.moved(m) for m in extraction.mentions],
        )

    return hidden, restore


class _Mapping:
    """Offsets in the clean text -> offsets in the text as read. `removed` holds the
    positions (in the text as read) of the characters taken out; the i-th of them would
    have been at `removed[i] - i` in the clean text."""

    def __init__(self, text: str, clean: str, removed: list[int]) -> None:
        self.text, self.clean = text, clean
        self.shifted = [r - i for i, r in enumerate(removed)]

    def start(self, offset: int) -> int:
        """Where the clean text's character at `offset` is in the text as read."""
        return offset + bisect_right(self.shifted, offset)

    def end(self, offset: int) -> int:
        """An end offset: just after the character before it (invisible ones after a span
        stay outside it)."""
        return self.start(offset - 1) + 1 if offset > 0 else 0

    def moved(self, fact: Any) -> Any:
        """A copy with start/end moved outwards, `text` re-read when it was the slice of
        the clean text, and its evidence moved too."""
        start, end = self.start(fact.start), self.end(fact.end)
        changes: dict[str, Any] = {"start": start, "end": end}
        if getattr(fact, "text", None) == self.clean[fact.start : fact.end]:
            changes["text"] = self.text[start:end]
        if getattr(fact, "evidence", None) is not None:
            changes["evidence"] = self.moved_evidence(fact.evidence)
        return replace(fact, **changes)

    def moved_evidence(self, ev: Any) -> Any:
        s, e = self.start(ev.sentence_start), self.end(ev.sentence_end)
        sentence = ev.sentence
        if sentence == self.clean[ev.sentence_start : ev.sentence_end]:
            sentence = self.text[s:e]
        return replace(
            ev,
            start=self.start(ev.start),
            end=self.end(ev.end),
            sentence=sentence,
            sentence_start=s,
            sentence_end=e,
        )
