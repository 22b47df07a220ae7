"""Organisations named in an article, acronyms and aliases, resolved to the fullest name.

STUB (to be replaced by the roles/entities work): spaCy ORG entities only.
"""

from __future__ import annotations

from sectorwatch.extract.context import ArticleContext
from sectorwatch.model import Mention


class OrganisationIndex:
    def __init__(self, mentions: list[Mention]) -> None:
        self._mentions = mentions

    def canonical(self, surface: str) -> str:
        """The fullest name the article supports for `surface` ("NHSI" -> "NHS Improvement")."""
        return surface

    def aliases(self) -> dict[str, list[str]]:
        """Canonical name -> the other names the article uses for it."""
        return {}

    def mentions(self) -> list[Mention]:
        return list(self._mentions)


def build_organisation_index(ctx: ArticleContext) -> OrganisationIndex:
    mentions = [
        Mention("organisation", e.text, e.text, e.start_char, e.end_char)
        for e in ctx.doc.ents
        if e.label_ == "ORG"
    ]
    return OrganisationIndex(mentions)
