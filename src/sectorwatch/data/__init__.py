"""Domain knowledge kept as data files (README.md in this folder says what each holds).

One loader for all of them: blank lines and lines starting with `#` are never data.
"""

from __future__ import annotations

from importlib import resources


def lines(name: str) -> list[str]:
    """The entries of a data file: its lines, stripped, without blanks and comments."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    stripped = (line.strip() for line in text.splitlines())
    return [line for line in stripped if line and not line.startswith("#")]


def rows(name: str) -> list[list[str]]:
    """The entries of a tab-separated data file, split into columns (spaces kept)."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return [
        line.split("\t")
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
