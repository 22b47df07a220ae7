"""Picture furniture glued into scraped text ("Jo BloggsImage caption", "Image copyright
...") is boilerplate at ingest: never part of a name, offsets into the text as read."""

from __future__ import annotations

from sectorwatch.ingest.text import read_text

PAGE = (
    "Greyhurst names new chair\n\n"
    "By Ann Lee\n\n"
    "Image copyright Kestrel Photo Agency Image caption Tomas Reede on a ward visit in May\n\n"
    "Greyhurst Hospitals NHS Trust has appointed a new chair.\n\n"
    "Tomas ReedeImage caption Tomas Reede, chair of Greyhurst Hospitals NHS Trust, said the "
    "board was united.\n"
)


def kinds(article):  # type: ignore[no-untyped-def]
    return [(p.kind, article.text[p.start : p.end]) for p in article.paragraphs]


def test_captions_and_credits_are_split_off_as_boilerplate():
    article = read_text(PAGE, "page.txt")
    assert article.text == PAGE
    assert kinds(article) == [
        ("title", "Greyhurst names new chair"),
        ("byline", "By Ann Lee"),
        ("boilerplate", "Image copyright Kestrel Photo Agency"),
        ("boilerplate", "Image caption"),
        ("body", "Tomas Reede on a ward visit in May"),
        ("body", "Greyhurst Hospitals NHS Trust has appointed a new chair."),
        ("body", "Tomas Reede"),
        ("boilerplate", "Image caption"),
        (
            "body",
            "Tomas Reede, chair of Greyhurst Hospitals NHS Trust, said the board was united.",
        ),
    ]


GLUED = (
    "Greyhurst names new chair\n\n"
    "Greyhurst Hospitals NHS Trust has appointed a new chair.\n\n"
    "Greyhurst Hospitals NHS Trust chair Tomas ReedeImage copyright Getty Images\n\n"
    "The board met on Monday to agree its plans.\n"
)


def test_a_name_glued_to_a_credit_is_the_name_alone(extractor):
    article = read_text(GLUED, "page.txt")
    roles = extractor.extract(article).roles
    assert [(r.person, r.role, r.organisation) for r in roles] == [
        ("Tomas Reede", "chair", "Greyhurst Hospitals NHS Trust")
    ]
    fact = roles[0]
    assert GLUED[fact.start : fact.end] == "Greyhurst Hospitals NHS Trust chair Tomas Reede"
