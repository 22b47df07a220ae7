"""Direct quotes and their speakers, one attribution style per test (fictional articles)."""

from quote_articles import direct_of, make_article, quotes_of


def test_name_said_colon(extractor):
    assert direct_of(
        extractor,
        "Tarrow Trust chief executive Mina Okoro said: ‘We welcome the decision.’",
    ) == [("We welcome the decision.", "Mina Okoro")]


def test_said_name_inverted(extractor):
    assert direct_of(
        extractor,
        "Mina Okoro runs the Tarrow Trust.",
        "“We were ready for this,” said Ms Okoro.",
    ) == [("We were ready for this,", "Mina Okoro")]


def test_name_said_between_two_halves(extractor):
    assert direct_of(
        extractor,
        "Mina Okoro leads the Tarrow Trust.",
        "“We were ready,” Ms Okoro said, “and we still are.”",
    ) == [("We were ready,", "Mina Okoro"), ("and we still are.", "Mina Okoro")]


def test_commenting_name_said(extractor):
    assert direct_of(
        extractor,
        "Commenting, Fenwick Institute director Arlo Pemberton said: ‘This is overdue.’",
    ) == [("This is overdue.", "Arlo Pemberton")]


def test_he_added_resolves_to_the_last_speaker(extractor):
    assert direct_of(
        extractor,
        "Fenwick Institute director Arlo Pemberton said: ‘This is overdue.’",
        "He added: ‘We will watch closely.’",
    ) == [("This is overdue.", "Arlo Pemberton"), ("We will watch closely.", "Arlo Pemberton")]


def test_multi_paragraph_british_quote_keeps_the_speaker(extractor):
    assert direct_of(
        extractor,
        "Arlo Pemberton, director of the Fenwick Institute, said: ‘The first point is money.",
        "‘The second point is staff.",
        "‘The third point is time.’",
    ) == [
        ("The first point is money.", "Arlo Pemberton"),
        ("The second point is staff.", "Arlo Pemberton"),
        ("The third point is time.", "Arlo Pemberton"),
    ]


def test_heading_line_names_the_next_speaker(extractor):
    assert direct_of(
        extractor,
        "Fenwick Institute director Arlo Pemberton",
        "‘A single structure is sensible.’",
    ) == [("A single structure is sensible.", "Arlo Pemberton")]


def test_said_colon_paragraph_introduces_the_next(extractor):
    assert direct_of(
        extractor,
        "Arlo Pemberton, director of the Fenwick Institute and lead for the Brack Valley "
        "Partnership said:",
        "‘Closer working is very welcome.’",
    ) == [("Closer working is very welcome.", "Arlo Pemberton")]


def test_name_told_publication(extractor):
    assert direct_of(
        extractor,
        "Mina Okoro told Care Weekly: “I'm under no illusions about the job.”",
    ) == [("I'm under no illusions about the job.", "Mina Okoro")]


def test_name_agreed_then_quote(extractor):
    assert direct_of(
        extractor,
        "Fenwick Institute director Arlo Pemberton agreed.",
        "‘It is the right move.’",
    ) == [("It is the right move.", "Arlo Pemberton")]


def test_spokesperson_for_an_organisation(extractor):
    quotes = extractor.extract(
        make_article(
            "A spokesperson for the Brack Valley Trust said: “Our members support the plan.”"
        )
    ).quotes
    assert [(q.text, q.speaker.name, q.speaker.kind) for q in quotes] == [
        ("Our members support the plan.", "Brack Valley Trust", "organisation")
    ]


def test_document_as_speaker(extractor):
    quotes = extractor.extract(
        make_article(
            "The 2021 Liberal manifesto did so under the headline “putting patients first”."
        )
    ).quotes
    assert [(q.text, q.speaker.name, q.speaker.kind) for q in quotes] == [
        ("putting patients first", "2021 Liberal manifesto", "document")
    ]


def test_nobody_identified_gives_no_speaker(extractor):
    assert direct_of(
        extractor,
        "The letter arrived on Monday.",
        "“Nobody expected this to happen so quickly, and nobody was ready for it.”",
    ) == [("Nobody expected this to happen so quickly, and nobody was ready for it.", None)]


def test_partial_quote_in_reported_speech(extractor):
    assert quotes_of(
        extractor,
        "Chief executive Mina Okoro told staff the plan had been “carefully considered”.",
    ) == [
        (
            "indirect",
            "Chief executive Mina Okoro told staff the plan had been “carefully considered”.",
            "Mina Okoro",
        ),
        ("direct", "carefully considered", "Mina Okoro"),
    ]


def test_scare_quotes_are_not_quotes(extractor):
    assert (
        direct_of(
            extractor,
            "The trusts run a so-called ‘twin-track’ model with two “requires improvement”"
            " ratings.",
            "The official line is that this is a “group” and not a takeover.",
        )
        == []
    )


def test_headlines_and_teasers_are_not_quotes(extractor):
    assert direct_of(
        extractor,
        ("title", "‘Divisive’ split to end, says minister"),
        "Mina Okoro said: ‘We are ready.’",
        ("teaser", "‘Toxic’ culture exposed at Brack Valley"),
        "Oyelo: “I leave with the job half done”",
    ) == [("We are ready.", "Mina Okoro")]
