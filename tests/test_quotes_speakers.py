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


# --- round 2: subjects with appositives, interviews, organisations --------------------------


def test_relative_clause_between_speaker_and_verb(extractor):
    assert direct_of(
        extractor,
        "Mina Okoro, who has been chief executive at Tarrow Vale since 2019, said: ‘We are "
        "ready for this.’",
    ) == [("We are ready for this.", "Mina Okoro")]


def test_appositive_after_the_name_keeps_the_name_as_speaker(extractor):
    assert quotes_of(
        extractor,
        "Not everyone agrees. Dev Sharma, staff-side chair at Harlow Brook, told Care Weekly "
        "that colleagues feared the group would 'hollow out' the trust's corporate functions.",
        "'People aren't against working together,' he said.",
    ) == [
        (
            "indirect",
            "Dev Sharma, staff-side chair at Harlow Brook, told Care Weekly that colleagues "
            "feared the group would 'hollow out' the trust's corporate functions.",
            "Dev Sharma",
        ),
        ("direct", "hollow out", "Dev Sharma"),
        ("direct", "People aren't against working together,", "Dev Sharma"),
    ]


def test_title_then_name_in_apposition(extractor):
    assert quotes_of(
        extractor,
        "In a statement, the trust’s chairman, Graham Pettifer, said the board accepted the "
        "findings in full.",
    ) == [
        (
            "indirect",
            "In a statement, the trust’s chairman, Graham Pettifer, said the board accepted "
            "the findings in full.",
            "Graham Pettifer",
        )
    ]


def test_acronym_and_title_before_the_name(extractor):
    assert direct_of(
        extractor,
        "ACE CEO Hannah Lyle said: “Martin understands the pressures on our members’ services.”",
    ) == [("Martin understands the pressures on our members’ services.", "Hannah Lyle")]


def test_person_of_organisation_as_put_it(extractor):
    assert direct_of(
        extractor,
        "As Kwame Mensa of Patients Together Alliance likes to put it, ‘what gets counted "
        "gets fixed’.",
    ) == [("what gets counted gets fixed", "Kwame Mensa")]


def test_interview_manner_verb_and_narrative_subject(extractor):
    assert direct_of(
        extractor,
        "Rebecca Strand has run the Council for Community Care since 2022.",
        "She is sharper about the national picture.",
        "‘The national body has said all the right things, and I believe them.’",
        "Does she worry about being a complainer? ‘Somebody has to be,’ she laughs.",
    ) == [
        ("The national body has said all the right things, and I believe them.", "Rebecca Strand"),
        ("Somebody has to be,", "Rebecca Strand"),
    ]


def test_name_and_title_alone_before_a_colon(extractor):
    assert direct_of(
        extractor,
        "Federation of Care Providers chief executive Tomas Kowalczyk:",
        "“Priya is widely respected by trust leaders.”",
    ) == [("Priya is widely respected by trust leaders.", "Tomas Kowalczyk")]


def test_organisation_before_spokesperson(extractor):
    quotes = extractor.extract(
        make_article("A government spokesperson said: “We know waits are too long.”")
    ).quotes
    assert [(q.text, q.speaker.name, q.speaker.kind) for q in quotes] == [
        ("We know waits are too long.", "government", "organisation")
    ]


def test_the_trust_said_resolves_to_the_trust(extractor):
    assert quotes_of(
        extractor,
        "Brackley Downs Hospitals NHS Trust runs two sites.",
        "The trust said a permanent chief executive would be recruited next year.",
    ) == [
        (
            "indirect",
            "The trust said a permanent chief executive would be recruited next year.",
            "Brackley Downs Hospitals NHS Trust",
        )
    ]


def test_short_partial_quote_with_a_speaker_and_verb(extractor):
    # a one-word quote is the speaker's when a speech verb and a named subject introduce it;
    # the same marks after a subject that names nobody stay a label
    assert direct_of(
        extractor,
        "Edward Ashworth chairs the board.",
        "Lord Ashworth said the board was “united” behind the request.",
        "Both boards have described the 'group model' as a first step.",
    ) == [("united", "Edward Ashworth")]


def test_thanks_quote_the_speaker(extractor):
    assert direct_of(
        extractor,
        "Trust chairman Robin Haskins thanked Mr Orme for his “huge personal commitment” to "
        "the trust.",
    ) == [("huge personal commitment", "Robin Haskins")]


def test_one_capitalised_word_is_not_a_person(extractor):
    assert direct_of(extractor, "One nurse said: “Morale is on the floor.”") == [
        ("Morale is on the floor.", None)
    ]
