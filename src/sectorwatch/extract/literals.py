"""Regular-expression scans answered without building a regular expression, with the same
matches.

The rules look for words an article itself supplies (its acronyms, its people's surnames,
the short forms of its organisations' names): an alternation compiled for each article
costs more than the scan, and the `re` module's cache cannot keep patterns that change
with every article. These functions give exactly what the compiled pattern would:

- `find_phrases(text, phrases, left_free, right_free)`: the matches of
  `(?<![\\w...])(?:phrase|...)(?![\\w...])` (longest phrase first), as `re.finditer` gives
  them (leftmost, longest, never overlapping);
- `has_word(text, word)`: whether `\\bword\\b` is found anywhere;
- `finditer_at(pattern, text, starts)`: `pattern.finditer(text)` when every match can only
  start at one of `starts` (a shared scan found them), so that the pattern is tried at
  those positions alone.

A word character is what `\\w` matches in a `str` pattern: `ch.isalnum() or ch == "_"`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

Free = Callable[[str, int], bool]
"""(text, i) -> whether the character at i (none when i is outside the text) is allowed."""


def is_word_char(ch: str) -> bool:
    """Whether `\\w` matches the one character `ch`."""
    return ch.isalnum() or ch == "_"


def free_of(extra: str = "") -> Free:
    """The test of `(?![\\w<extra>])` at i (or `(?<![\\w<extra>])` at i + 1): no word
    character and none of `extra` at text[i]."""

    def free(text: str, i: int) -> bool:
        if i < 0 or i >= len(text):
            return True
        ch = text[i]
        return not (ch.isalnum() or ch == "_" or ch in extra)

    return free


def find_phrases(
    text: str, phrases: Iterable[str], left_free: Free, right_free: Free
) -> list[tuple[int, int]]:
    """The (start, end) of every match `re.finditer` gives for the alternation of the
    literal `phrases` (longest first) where `left_free(text, start - 1)` and
    `right_free(text, end)` hold: at each position the longest phrase that fits, the
    leftmost first, none overlapping the one before."""
    longest: dict[int, int] = {}  # start -> the longest phrase that fits there
    for phrase in set(phrases):
        if not phrase:
            raise ValueError("an empty phrase matches everywhere")
        n = len(phrase)
        at = text.find(phrase)
        while at >= 0:
            if n > longest.get(at, 0) and left_free(text, at - 1) and right_free(text, at + n):
                longest[at] = n
            at = text.find(phrase, at + 1)
    out: list[tuple[int, int]] = []
    last = 0
    for start in sorted(longest):
        if start >= last:
            last = start + longest[start]
            out.append((start, last))
    return out


def _boundary(text: str, i: int) -> bool:
    """Whether `\\b` matches at i: a word character on one side only."""
    before = i > 0 and is_word_char(text[i - 1])
    after = i < len(text) and is_word_char(text[i])
    return before != after


def has_word(text: str, word: str) -> bool:
    """Whether `re.search(rf"\\b{re.escape(word)}\\b", text)` finds a match."""
    if not word:
        raise ValueError("an empty word")
    at = text.find(word)
    while at >= 0:
        if _boundary(text, at) and _boundary(text, at + len(word)):
            return True
        at = text.find(word, at + 1)
    return False


def finditer_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, given the sorted positions `starts`, at least every one
    where a match of the pattern can start: the pattern is tried there only. The pattern
    must not match the empty string (ValueError if it does)."""
    last = 0
    for start in starts:
        if start < last:
            continue
        m = pattern.match(text, start)
        if m is None:
            continue
        if m.end() == start:
            raise ValueError("finditer_at: the pattern matched the empty string")
        last = m.end()
        yield m
