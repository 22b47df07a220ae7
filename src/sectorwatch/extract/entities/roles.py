"""Person-role-organisation facts with status. STUB: replaced by the roles work."""

from __future__ import annotations

from sectorwatch.extract.context import ArticleContext
from sectorwatch.model import RoleFact


def extract_roles(ctx: ArticleContext) -> list[RoleFact]:
    return []
