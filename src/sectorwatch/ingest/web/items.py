"""What a feed or a sitemap says about a page before it is fetched."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    """A page to fetch, with the metadata its feed or sitemap gives (used where the page
    itself lacks them). `named`: given on the command line, not found in a feed."""

    url: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    named: bool = False
