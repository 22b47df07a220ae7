"""Line patterns kept as data (src/sectorwatch/data/boilerplate*.txt), loaded once.

Format: one entry per line; `#` starts a comment line; a plain entry must equal the whole
line (case-insensitive, runs of whitespace collapsed); an entry starting with `re:` is a
regular expression that must match the whole line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from sectorwatch.data import lines


def normalise_line(text: str) -> str:
    """Whitespace (no-break spaces, newlines) collapsed to single spaces, ends stripped
    (`str.split` splits on exactly what `\\s` matches)."""
    return " ".join(text.split())


@dataclass(frozen=True)
class LinePatterns:
    exact: frozenset[str]
    regex: re.Pattern[str] | None  # the `re:` entries as one alternation: one scan a line

    def matches(self, text: str) -> bool:
        line = normalise_line(text)
        if line.casefold() in self.exact:
            return True
        return self.regex is not None and self.regex.fullmatch(line) is not None


def parse_patterns(lines: list[str]) -> LinePatterns:
    exact: set[str] = set()
    regexes: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("re:"):
            regexes.append(f"(?:{line[3:]})")
        else:
            exact.add(normalise_line(line).casefold())
    regex = re.compile("|".join(regexes), re.IGNORECASE) if regexes else None
    return LinePatterns(frozenset(exact), regex)


@cache
def load_patterns(name: str) -> LinePatterns:
    return parse_patterns(lines(name))


def boilerplate() -> LinePatterns:
    return load_patterns("boilerplate.txt")


def teaser_headings() -> LinePatterns:
    return load_patterns("boilerplate_teaser_headings.txt")


@lru_cache(maxsize=1)
def author_roles() -> tuple[str, ...]:
    """Journalists' titles, longest first."""
    entries = {normalise_line(line).lower() for line in lines("boilerplate_author_roles.txt")}
    return tuple(sorted(entries, key=len, reverse=True))
