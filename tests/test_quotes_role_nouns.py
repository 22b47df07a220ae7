"""Role-noun subjects of reported and direct speech ("The chief executive said") are the
person the article gives that post (entities/coreference.role_noun_referent)."""

from __future__ import annotations

from quote_articles import quotes_of


def test_a_role_noun_speaks_for_its_one_holder(extractor):
    assert quotes_of(
        extractor,
        "Rhian Talbot has been appointed chief executive of Aldmere NHS Foundation Trust.",
        "The chief executive said the trust would publish its recovery plan in June.",
        "Aldmere's chief executive warned that waiting lists were growing.",
    ) == [
        (
            "indirect",
            "The chief executive said the trust would publish its recovery plan in June.",
            "Rhian Talbot",
        ),
        (
            "indirect",
            "Aldmere's chief executive warned that waiting lists were growing.",
            "Rhian Talbot",
        ),
    ]


def test_a_role_noun_nobody_holds_is_no_speaker(extractor):
    # the article names no chair: nobody is identifiable, so no attributed quote
    assert (
        quotes_of(
            extractor,
            "Rhian Talbot has been appointed chief executive of Aldmere NHS Foundation Trust.",
            "The new chair told staff that the board had backed the plan.",
        )
        == []
    )


def test_of_two_holders_the_current_one_is_meant(extractor):
    assert quotes_of(
        extractor,
        "Colm Rafferty, the former chief executive of Brackwater Health, left in 2019.",
        "Ines Moreau is chief executive of Brackwater Health.",
        "The chief executive said: “We will open the new ward in spring.”",
    ) == [("direct", "We will open the new ward in spring.", "Ines Moreau")]


def test_a_role_noun_of_a_described_body_speaks_for_the_posts_holder(extractor):
    sentence = (
        "The chief executive of the county's largest hospital trust has announced she will "
        "retire in May."
    )
    assert quotes_of(
        extractor,
        "Rhian Talbot is chief executive of Aldmere NHS Foundation Trust.",
        sentence,
    ) == [("indirect", sentence, "Rhian Talbot")]


def test_the_incoming_holder_is_meant_by_the_incoming_role_noun(extractor):
    sentence = "The incoming chief executive said the trust must improve its data."
    assert quotes_of(
        extractor,
        "Ines Moreau will step down as chief executive of Brackwater Health in June.",
        "Colm Rafferty, who joins from Dunmore Care, will take over as chief executive in July.",
        sentence,
    ) == [("indirect", sentence, "Colm Rafferty")]


def test_an_incoming_role_noun_never_means_the_posts_former_holder(extractor):
    # the only holder the article gives is the former one: "the incoming chief executive"
    # who opens the article is the person the next sentence names
    sentence = (
        "The incoming chief executive of the Fernbrook Care Board has admitted the board "
        "must change its methods."
    )
    assert quotes_of(
        extractor,
        sentence,
        "Dr Ada Quill's first message to staff came on her first day in charge.",
        "Former chief executive Colm Rafferty resigned in June.",
    ) == [("indirect", sentence, "Ada Quill")]
