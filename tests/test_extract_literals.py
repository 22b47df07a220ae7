"""Regex scans answered without a compiled pattern give the compiled pattern's matches
exactly: the per-article alternations (acronyms, surnames, short names), `\\b` word
searches, and a pattern tried only where a shared scan found its opening."""

from __future__ import annotations

import re

import pytest

from sectorwatch.extract.entities.vocab import role_vocabulary, title_starts
from sectorwatch.extract.literals import (
    find_phrases,
    finditer_at,
    free_of,
    has_word,
    is_word_char,
)

TEXT = (
    "The HCB and HCB-North met; HCBS staff said Hale, not Hales, spoke. Hale's team and "
    "ACME/ACMEs: ACME (Fernhurst) and Mid Fern. Fern Mid Fern_x, Mid Fernhurst, é-Hale "
    "Halé ACME2 ACME_ ACMEé Hale."
)


def _regex(phrases: list[str], before: str, after: str) -> list[tuple[int, int]]:
    alt = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    pattern = rf"(?<![\w{before}])(?:{alt})(?![\w{after}])"
    return [m.span() for m in re.finditer(pattern, TEXT)]


@pytest.mark.parametrize("extra", ["", "-", "/", "’'-"])
def test_find_phrases_gives_the_matches_of_the_alternation(extra):
    for phrases in (
        ["HCB", "HCBS", "HCB-North"],
        ["Hale", "Hales", "Hale's"],
        ["ACME", "ACMEs", "ACME (Fernhurst)"],
        ["Mid Fern", "Fern", "Fern Mid", "Mid"],
    ):
        got = find_phrases(TEXT, phrases, free_of(extra), free_of(extra))
        assert got == _regex(phrases, re.escape(extra), re.escape(extra)), phrases


def test_find_phrases_refuses_an_empty_phrase():
    with pytest.raises(ValueError):
        find_phrases(TEXT, ["", "Hale"], free_of(), free_of())


def test_a_word_character_is_what_backslash_w_matches():
    word = re.compile(r"\w")
    for code in range(0, 0x3400):
        ch = chr(code)
        assert is_word_char(ch) == (word.match(ch) is not None), hex(code)


def test_has_word_is_a_search_with_word_boundaries():
    for word in ("hale", "Hale", "staff", "met;", "é-Hale", "ACME", "CME", "(Fernhurst)", "x"):
        expected = re.search(rf"\b{re.escape(word)}\b", TEXT) is not None
        assert has_word(TEXT, word) == expected, word


def test_a_pattern_tried_where_titles_start_gives_its_finditer_matches():
    text = (
        "Chief executive Jo Hale met the chair, Sam Reed, and the acting chief nurse Ana "
        "Bell; then-chair Tom Ode and ex-CEO Kit Lowe. The vice chair of the board Lin Moss."
    )
    titles = role_vocabulary().pattern
    opener = re.compile(rf"{titles.pattern}[ \t]+([A-Z][a-z]+ [A-Z][a-z]+)")
    starts = title_starts(text)
    assert starts == [m.start() for m in re.finditer(f"(?=(?:{titles.pattern}))", text)]
    for pattern in (titles, opener):
        assert [m.span() for m in finditer_at(pattern, text, starts)] == [
            m.span() for m in pattern.finditer(text)
        ]


def test_finditer_at_refuses_a_pattern_that_matches_nothing():
    with pytest.raises(ValueError):
        list(finditer_at(re.compile(r"a*"), "bbb", [0, 1]))
