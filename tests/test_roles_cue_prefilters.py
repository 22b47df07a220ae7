"""One search for all the career phrases (or succession cues) before a name or title
answers "none of them" exactly where each phrase's own search finds nothing."""

from __future__ import annotations

from sectorwatch.extract.entities.career_holders import _any_link, _links
from sectorwatch.extract.entities.implied import _any_succession_cue, _succession_cues

TEXTS = [
    "She had previously worked as the ",
    "before that was ",
    "Her previous roles included ",
    "He was also appointed as a ",
    "She took over from ",
    "following the retirement of ",
    "who will succeed ",
    "since ",
    "The trust said its ",
    "She has worked for many years in the",
    "",
    "WORKED AS ",
]


def test_the_joined_career_phrases_match_where_one_of_them_does():
    for text in TEXTS:
        one = any(p.search(text) for p, _, _ in _links())
        assert (_any_link().search(text) is not None) == one, text
    assert _any_link().search("She had previously worked as the ") is not None


def test_the_joined_succession_cues_match_where_one_of_them_does():
    for text in TEXTS:
        one = any(before.search(text) for _, _, before, _ in _succession_cues())
        assert (_any_succession_cue().search(text) is not None) == one, text
    assert _any_succession_cue().search("The trust said its ") is None
