"""What every extraction stage sees of one article: its substrate (`substrate.py`).
`ArticleContext` is the name the stages' signatures use for it."""

from sectorwatch.extract.substrate import Substrate

ArticleContext = Substrate

__all__ = ["ArticleContext"]
