"""Stance of a quote: welcome, concern, mixed or neutral, with the deciding words."""

from sectorwatch.extract.quotes.stance import stance_of


def test_welcome():
    assert stance_of("Closer working is very welcome.") == ("welcome", ["very welcome"])


def test_concern():
    assert stance_of("But I do have a few concerns about delays.") == (
        "concern",
        ["concerns", "delays"],
    )


def test_mixed():
    stance, cues = stance_of("It has to be the right move, but I have concerns.")
    assert stance == "mixed" and set(cues) == {"the right move", "concerns"}


def test_negated_welcome_is_a_concern():
    assert stance_of("This is not welcome.")[0] == "concern"


def test_neutral():
    assert stance_of("The board meets on Tuesday.") == ("neutral", [])
