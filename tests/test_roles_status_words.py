"""Status words: interim, acting, designate, incoming, outgoing, former, substantive and an
interim post "made permanent"."""

from __future__ import annotations

from quote_articles import make_article

BODY = "Greyhurst Hospitals NHS Trust"


def statuses(extractor, sentence: str):  # type: ignore[no-untyped-def]
    article = make_article(f"{BODY} has made changes to its board.", sentence)
    return [(r.person, r.role, r.organisation, r.status) for r in extractor.extract(article).roles]


def test_status_words_before_and_after_the_title(extractor):
    cases = {
        "Outgoing chair Ken Ash thanked staff.": ("Ken Ash", "chair", "leaving"),
        "Incoming chief executive Rita Moss starts in June.": (
            "Rita Moss",
            "chief executive",
            "incoming",
        ),
        "Jo Lee, chief executive designate, starts in June.": (
            "Jo Lee",
            "chief executive",
            "incoming",
        ),
        "Former chair Pam Oak attended.": ("Pam Oak", "chair", "former"),
        "Dev Rao, acting chief nurse, spoke.": ("Dev Rao", "chief nurse", "acting"),
        "Sam Ford, the substantive chief executive, is on secondment.": (
            "Sam Ford",
            "chief executive",
            "current",
        ),
        "Ann Pike will be interim chief executive until a permanent successor is found.": (
            "Ann Pike",
            "chief executive",
            "interim",
        ),
    }
    for sentence, (person, role, status) in cases.items():
        assert statuses(extractor, sentence) == [(person, role, BODY, status)], sentence


def test_an_interim_post_made_permanent_is_current(extractor):
    sentence = "Ann Pike, who has been interim chief executive since May, has been made permanent."
    assert statuses(extractor, sentence) == [("Ann Pike", "chief executive", BODY, "current")]


def test_a_holder_stepping_down_after_years_in_the_post_is_leaving_it(extractor):
    got = statuses(
        extractor,
        "Ann Lowe is stepping down after five years as chief executive of Fernhurst Health "
        "NHS Trust.",
    )
    assert got == [("Ann Lowe", "chief executive", "Fernhurst Health NHS Trust", "leaving")]
