"""Line patterns (data/boilerplate*.txt): a plain entry equals the whole line, a `re:` entry
matches all of it, whitespace of any kind collapsed and case ignored."""

import re

from hypothesis import given
from hypothesis import strategies as st

from sectorwatch.ingest.patterns import normalise_line, parse_patterns

PATTERNS = parse_patterns(
    [
        "# a comment",
        "Share this article",
        r"re:photograph: .+",
        r"re:\d+ comments?",
    ]
)


def test_a_plain_entry_is_the_whole_line_in_any_case_and_spacing():
    assert PATTERNS.matches("  SHARE\u00a0this\n article ")
    assert not PATTERNS.matches("Share this article now")


def test_each_regular_expression_must_match_the_whole_line():
    assert PATTERNS.matches("Photograph: Jo Bloggs/PA")
    assert PATTERNS.matches("12 comments")
    assert not PATTERNS.matches("12 comments and counting")
    assert not PATTERNS.matches("The photograph: taken in May")


def test_no_regular_expression_no_match_but_the_plain_entries():
    only_plain = parse_patterns(["Advertisement"])
    assert only_plain.matches("advertisement")
    assert not only_plain.matches("Advert")


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_normalising_collapses_every_unicode_space_run_and_strips_the_ends(text):
    assert normalise_line(text) == re.sub(r"\s+", " ", text).strip()
