"""Stores and apps for the web tests: the store factory's fictional articles, plus one
hostile article whose names, quote and organisation carry markup and script."""

from __future__ import annotations

from pathlib import Path

from store_factory import APPOINTED, LEAVES, ArticleSpec, build

from sectorwatch.settings import Settings
from sectorwatch.store import open_store, write_batch

TOKEN = "correct-horse-battery"

EVIL_PERSON = 'Zara "><img src=x onerror="window.__pwned=2"> Quill'
EVIL_ORG = "Wrenfield <script>window.__pwned=5</script> Trust"
EVIL_QUOTE = (
    "<script>window.__pwned=3;alert(3)</script> is what we fear, see "
    '<a href="javascript:window.__pwned=4">this link</a>.'
)
EVIL_TITLE = "Board names <script>window.__pwned=1</script> Vex as chair"

HOSTILE = ArticleSpec(
    title=EVIL_TITLE,
    published="2024-05-02",
    source="hostile.txt",
    text=(
        f"{EVIL_TITLE}\n"
        f"{EVIL_PERSON}, chief executive of the {EVIL_ORG}, is to step down in May.\n"
        f'{EVIL_PERSON} said: "{EVIL_QUOTE}"\n'
    ),
    roles=[
        dict(
            person=EVIL_PERSON,
            role="chief executive",
            organisation=EVIL_ORG,
            status="leaving",
            words=f"{EVIL_PERSON}, chief executive of the {EVIL_ORG}",
        )
    ],
    events=[
        dict(
            type="departure",
            person=EVIL_PERSON,
            role="chief executive",
            organisation=EVIL_ORG,
            status="announced",
            effective="2024-05",
            words="is to step down in May",
        )
    ],
    quotes=[
        dict(
            text=EVIL_QUOTE,
            speaker=EVIL_PERSON,
            role="chief executive",
            organisation=EVIL_ORG,
            stance="concern",
        )
    ],
)


def make_store(folder: Path, specs: list[ArticleSpec] | None = None) -> str:
    """A SQLite store in `folder` holding `specs` (default: the two Fernleigh articles)."""
    url = f"sqlite:///{folder / 'serve.db'}"
    engine = open_store(url)
    write_batch(engine, [build(s) for s in (specs or [LEAVES, APPOINTED])])
    engine.dispose()
    return url


def settings(url: str, token: str | None = None) -> Settings:
    return Settings(db=url, token=token)
