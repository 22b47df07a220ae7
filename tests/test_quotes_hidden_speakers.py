"""Speakers hidden by the words around them (fictional articles): a name written right after
"Chair of the Trust" or "Head of Health" (the organisation word of the title is not part of
the name), a fragment coordinated with a reported one, an appositive between spaced hyphens,
a job advert as a quoted document, a surname that is also a group noun,
"the regulator" as the last body of that kind, a reported clause in the present tense,
the subject of a second clause after "and", a body the article names only by its acronym,
an inverted "said TVHT" before ", but ...", a speech verb sharing the subject of a
past predicate ("welcomed the move, which it said", "praised the plan and said"), a
fragment of a statement that a body released, "Body chair Name" opening a sentence before a
quote-only paragraph."""

from quote_articles import direct_of, quotes_of


def test_chair_of_the_trust_then_name_speaks_and_is_resolved_later(extractor):
    assert direct_of(
        extractor,
        "Sam Reed has been named chief executive.",
        "Chair of the Trust Mary Vale said: “I am delighted to welcome Sam to the Trust.”",
        "Mary added: “I wish to thank the team.”",
    ) == [
        ("I am delighted to welcome Sam to the Trust.", "Mary Vale"),
        ("I wish to thank the team.", "Mary Vale"),
    ]


def test_union_head_of_field_then_name_after_a_long_opening_clause(extractor):
    assert direct_of(
        extractor,
        "Responding to the announcement that the president of Widget Health and group"
        " executive vice-president at Widgetco, Sam Reed, will take on the role of chief"
        " executive of Tarrow Trust in April next year, WIDGETCO Head of Health Maria"
        " Lopez said:",
        "“The board faces a hard winter.",
        "“Mr Reed will have his work cut out.”",
    ) == [
        ("The board faces a hard winter.", "Maria Lopez"),
        ("Mr Reed will have his work cut out.", "Maria Lopez"),
    ]


def test_an_organisation_name_ending_in_capitalised_words_stays_the_organisation(extractor):
    assert direct_of(
        extractor,
        "The Office for Care Quality Westmark said the failings were “serious and sustained”.",
    ) == [("serious and sustained", "Office for Care Quality Westmark")]


def test_coordinated_one_word_fragments_are_both_reported_speech(extractor):
    assert direct_of(
        extractor,
        "Prime Minister Lena Fox has revealed plans to scrap the Widget Agency.",
        "Speaking in Tarrow, Fox said the state is ‘overstretched’ and ‘unfocused’ adding"
        " that abolishing the agency would ‘cut red tape’.",
    ) == [
        ("overstretched", "Lena Fox"),
        ("unfocused", "Lena Fox"),
        ("cut red tape", "Lena Fox"),
    ]


def test_an_appositive_set_off_by_spaced_hyphens_names_the_speaker(extractor):
    assert direct_of(
        extractor,
        "Tarrow Trust appointed Jo Reed.",
        'Their joint chair - Arlo Pemberton - said it was a chance to "speed up the good'
        ' work already under way".',
    ) == [("speed up the good work already under way", "Arlo Pemberton")]


def test_a_job_advert_is_a_quoted_document(extractor):
    assert quotes_of(
        extractor,
        "When Lena Fox steps down later this year, the next chief officer will work across"
        " both trusts, according to the job advert for the role.",
        "It states: “Tarrow Trust and Fenwick Trust are combining their boards.",
        "“This role is a joint appointment, leading a single team,” said the advert, which"
        " was published on the trust website.",
    ) == [
        (
            "indirect",
            "When Lena Fox steps down later this year, the next chief officer will work"
            " across both trusts, according to the job advert for the role.",
            "job advert",
        ),
        ("direct", "Tarrow Trust and Fenwick Trust are combining their boards.", "job advert"),
        ("direct", "This role is a joint appointment, leading a single team,", "job advert"),
    ]


def test_a_surname_that_is_also_a_group_noun_after_a_role_title(extractor):
    assert direct_of(
        extractor,
        "Black Valley ICB chair designate Jonas Fellows said: “We expect to restart the process.”",
    ) == [("We expect to restart the process.", "Jonas Fellows")]


def test_the_regulator_is_the_last_named_body_of_that_kind(extractor):
    assert quotes_of(
        extractor,
        "The General Medical Council (GMC) has appointed Mary Vale as interim chief executive.",
        "The regulator said Ms Vale would start work next month.",
    ) == [
        (
            "indirect",
            "The regulator said Ms Vale would start work next month.",
            "General Medical Council",
        )
    ]


def test_a_reported_clause_in_the_present_tense(extractor):
    assert quotes_of(
        extractor,
        "Tarrow Trust has appointed Mary Vale as interim chief executive.",
        "The trust said Ms Vale joins the trust at a ‘crucial time’ for the service.",
        "The trust said Ms Vale’s colleagues were consulted.",
    ) == [
        (
            "indirect",
            "The trust said Ms Vale joins the trust at a ‘crucial time’ for the service.",
            "Tarrow Trust",
        ),
        ("direct", "crucial time", "Tarrow Trust"),
        ("indirect", "The trust said Ms Vale’s colleagues were consulted.", "Tarrow Trust"),
    ]


def test_the_subject_of_a_second_clause_after_and_named_by_its_acronym_only(extractor):
    assert quotes_of(
        extractor,
        "Dr Jo Reed chairs the training panel.",
        "Dr Reed is also chair of the Westmark committee and the GMC has confirmed that she"
        " will stay in that role.",
    ) == [
        (
            "indirect",
            "Dr Reed is also chair of the Westmark committee and the GMC has confirmed that"
            " she will stay in that role.",
            "GMC",
        )
    ]


def test_an_inverted_attribution_before_a_coordinated_clause(extractor):
    assert quotes_of(
        extractor,
        "Tarrow Valley Hospitals NHS Trust (TVHT) is looking for a new chief executive.",
        'Recruitment for the position "is well under way" said TVHT, but the chair would not'
        " give a date.",
    ) == [
        (
            "indirect",
            'Recruitment for the position "is well under way" said TVHT, but the chair would'
            " not give a date.",
            "Tarrow Valley Hospitals NHS Trust",
        ),
        ("direct", "is well under way", "Tarrow Valley Hospitals NHS Trust"),
    ]


def test_a_speech_verb_sharing_the_subject_of_a_past_predicate(extractor):
    assert quotes_of(
        extractor,
        "Tarrow Trust and Fenwick Trust will merge next year.",
        "The Westmark Department of Care welcomed the move, which it said would help patients"
        " in both towns.",
        "Sam Reed praised the plan and said the two boards would meet in May.",
    ) == [
        (
            "indirect",
            "The Westmark Department of Care welcomed the move, which it said would help"
            " patients in both towns.",
            "Westmark Department of Care",
        ),
        (
            "indirect",
            "Sam Reed praised the plan and said the two boards would meet in May.",
            "Sam Reed",
        ),
    ]


def test_a_fragment_of_a_statement_belongs_to_the_body_that_released_it(extractor):
    assert quotes_of(
        extractor,
        "The Westmark Improvement Agency has been overseeing Tarrow Trust since the summer.",
        "The agency released a short statement saying Mr Reed had decided it was time for"
        " ‘someone else to take up the challenge’.",
    ) == [
        (
            "indirect",
            "The agency released a short statement saying Mr Reed had decided it was time for"
            " ‘someone else to take up the challenge’.",
            "Westmark Improvement Agency",
        ),
        ("direct", "someone else to take up the challenge", "Westmark Improvement Agency"),
    ]


def test_body_title_name_opening_a_sentence_makes_the_name_the_next_speaker(extractor):
    assert direct_of(
        extractor,
        "The two bodies will merge next year.",
        "Widget Academy chair Jo Vale, who also chairs the Tarrow board, is to step down.",
        "“I have decided to go.”",
    ) == [("I have decided to go.", "Jo Vale")]
