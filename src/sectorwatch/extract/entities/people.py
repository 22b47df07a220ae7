"""People named in an article, and resolution of short forms to the fullest name.

STUB (to be replaced by the roles/entities work): spaCy PERSON entities only.
"""

from __future__ import annotations

from sectorwatch.extract.context import ArticleContext
from sectorwatch.model import Mention


class PersonIndex:
    """Maps every way an article refers to a person to that person's fullest name."""

    def __init__(self, mentions: list[Mention]) -> None:
        self._mentions = mentions
        self._by_surface = {m.text: m.canonical for m in mentions}

    def canonical(self, surface: str) -> str | None:
        """The fullest name for "Mr Dalton", "Dalton", "Ian Dalton" ...; None if unknown."""
        return self._by_surface.get(surface)

    def mentions(self) -> list[Mention]:
        return list(self._mentions)


def build_person_index(ctx: ArticleContext) -> PersonIndex:
    mentions = [
        Mention("person", e.text, e.text, e.start_char, e.end_char)
        for e in ctx.doc.ents
        if e.label_ == "PERSON"
    ]
    return PersonIndex(mentions)
