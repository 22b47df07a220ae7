"""The owner patterns before a title are searched only where a cheap test of the text's end
says they can match: each test is never False where its pattern matches (checked on every
combination of a few ends, words and spaces)."""

from __future__ import annotations

import itertools
import re

from sectorwatch.extract.entities.owner_tails import BRACKETED_END, OwnerTail, possessive_gap
from sectorwatch.extract.entities.roles import (
    _ACRONYM_OWNER,
    _ANAPHOR_OWNER,
    _HEAD_OWNER,
    _LOWER_HEAD_OWNER,
    _PRONOUN_OWNER,
    _head_words,
)

WORDS = ["", "x", "the", "The", "Trust", "trust", "board", "ICB", "A&", "NHSI", "its", "HER"]
WORDS += ["group", "Kestrel", "ſ", "K", "x1", "(NHSI)", "(GHT) ", "Their", "ours", "-ICB"]
ENDS = ["", "’s", "'s", "’", "'S", "’ſ"]
SPACES = ["", " ", "  ", "\n", " \n", "\t"]


def _texts():
    for first, word, end, space in itertools.product(
        ["", "of ", "x-", "the "], WORDS, ENDS, SPACES
    ):
        yield f"Ann Lowe, {first}{word}{end}{space}"


def test_each_owner_test_holds_wherever_its_pattern_matches():
    heads = _head_words()
    for text in _texts():
        tail = OwnerTail.of(text)
        h = _HEAD_OWNER.search(text) or _LOWER_HEAD_OWNER.search(text)
        if h is not None and (h.group(1) in heads or h.group(1).capitalize() in heads):
            assert tail.may_name_head(heads), text
        if _PRONOUN_OWNER.search(text):
            assert tail.may_have_determiner(), text
        if _ANAPHOR_OWNER.search(text):
            assert tail.may_have_possessive(), text
        if _ACRONYM_OWNER.search(text):
            assert tail.may_have_acronym(), text
        if BRACKETED_END.search(text):
            assert tail.stripped.endswith(")"), text


def test_the_possessive_gap_is_the_leftmost_match_of_its_pattern():
    gap = re.compile(r"(?:’s|'s|’)?\s*$")
    for text in _texts():
        assert possessive_gap(text) == len(gap.search(text).group(0)), text


def test_the_tests_skip_a_text_that_ends_with_no_owner():
    tail = OwnerTail.of("Ann Lowe, who joined in May as ")
    assert not tail.may_name_head(_head_words())
    assert not tail.may_have_determiner()
    assert not tail.may_have_possessive()
    assert not tail.may_have_acronym()
    assert OwnerTail.of("the trust’s ").may_have_possessive()
    assert OwnerTail.of("Kestrel ICB ").may_name_head(_head_words())
