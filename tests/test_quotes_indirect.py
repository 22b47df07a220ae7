"""Reported speech: a speaker, a speech verb and a clause, without quote marks."""

from quote_articles import quotes_of


def indirect_of(extractor, *paragraphs):  # type: ignore[no-untyped-def]
    return [(t, s) for kind, t, s in quotes_of(extractor, *paragraphs) if kind == "indirect"]


def test_name_said_clause(extractor):
    text = "Mr Lane said a new role of chief operating officer will be introduced."
    assert indirect_of(extractor, "Brack Valley chair Tobias Lane spoke on Monday.", text) == [
        (text, "Tobias Lane")
    ]


def test_pronoun_added_that(extractor):
    first = "Tobias Lane explained that the boards had agreed the change."
    second = "He added that he had therefore decided to leave his post."
    assert indirect_of(extractor, first, second) == [
        (first, "Tobias Lane"),
        (second, "Tobias Lane"),
    ]


def test_announced_a_noun_phrase_is_not_reported_speech(extractor):
    assert (
        indirect_of(
            extractor, "Brack Valley chair Tobias Lane announced his decision to leave in a letter."
        )
        == []
    )


def test_according_to_a_document(extractor):
    text = (
        "The post will also carry the accountable officer role, according to an internal briefing."
    )
    assert indirect_of(extractor, text) == [(text, "internal briefing")]


def test_verb_introducing_a_direct_quote_is_not_indirect(extractor):
    assert indirect_of(extractor, "Tobias Lane told Care Weekly: “It is done.”") == []


def test_attribution_after_a_comma_at_the_end(extractor):
    text = "A substantive appointment will be made later in the year, Mr Whitlow said."
    assert indirect_of(extractor, "Daniel Whitlow leads the agency.", text) == [
        (text, "Daniel Whitlow")
    ]


def test_according_to_at_the_start(extractor):
    text = (
        "According to Ms Strand, fewer than one in five national directors has a community "
        "background."
    )
    assert indirect_of(extractor, "Rebecca Strand spoke on Monday.", text) == [
        (text, "Rebecca Strand")
    ]


def test_second_speech_verb_joined_by_and_shares_the_subject(extractor):
    text = (
        "Simone Achterberg paid tribute to Mr Drayton’s “patience and decency” and said "
        "clinicians had valued his willingness to listen."
    )
    assert quotes_of(extractor, text) == [
        ("indirect", text, "Simone Achterberg"),
        ("direct", "patience and decency", "Simone Achterberg"),
    ]


def test_relative_clause_before_the_verb(extractor):
    text = (
        "Janet Holbrook, who chairs the committees-in-common and is chair of Eastmoor, said the "
        "appointment had been made after an open national process."
    )
    assert indirect_of(extractor, text) == [(text, "Janet Holbrook")]


INTRO = "Fenwick NHS Trust chief executive Ann Kell spoke to staff on Monday."


def test_a_time_phrase_before_the_speaker_is_not_the_subject(extractor):
    text = "Today she told staff she will be leaving the trust in June."
    assert indirect_of(extractor, INTRO, text) == [(text, "Ann Kell")]


def test_a_sentence_adverb_between_speaker_and_verb(extractor):
    text = "Trust chair Bob Marr, however, said the board had full confidence in the team."
    assert indirect_of(extractor, INTRO, text) == [(text, "Bob Marr")]


def test_a_statement_from_an_organisation_is_its_speech(extractor):
    first = "A statement from the trust said the recruitment of a successor had begun."
    second = "Fenwick NHS Trust issued a statement saying the interim team would stay a year."
    assert indirect_of(extractor, INTRO, first, second) == [
        (first, "Fenwick NHS Trust"),
        (second, "Fenwick NHS Trust"),
    ]


def test_a_letter_from_a_person_is_their_speech(extractor):
    text = "A letter from Dr Bob Marr confirmed that the ward would reopen."
    assert indirect_of(extractor, INTRO, text) == [(text, "Bob Marr")]


def test_already_between_speaker_and_verb(extractor):
    text = "Chief executive Ann Kell has already said she will step down in June."
    assert indirect_of(extractor, INTRO, text) == [(text, "Ann Kell")]


def test_a_bracket_before_that(extractor):
    text = "Fenwick NHS Trust announced today (Monday) that it would merge its two hospitals."
    assert indirect_of(extractor, INTRO, text) == [(text, "Fenwick NHS Trust")]


def test_the_cut_off_last_line_of_a_stored_page_is_read(extractor):
    """A page stored only up to a length stops mid-word: its last line is a sentence cut
    short, not a headline; a short last line without a stop still reads as a heading."""
    cut = "Trust chair Bob Marr, however, said the board had full confidence in the new tea"
    assert indirect_of(extractor, INTRO, cut) == [(cut, "Bob Marr")]
    assert indirect_of(extractor, INTRO, "Bob Marr said the board agreed") == []


def test_a_tribute_reports_speech_but_not_after_and(extractor):
    """ "X paid tribute to Y's time at the trust, praising ...": X's reported words; a
    thanks joined by "and" to a sentence of quoted fragments adds no report."""
    tribute = "Trust chair Bob Marr paid tribute to Ms Kell's time at the trust."
    fragments = "Bob Marr described Ms Kell as ‘a calm leader’ and thanked her for her ‘care’."
    assert indirect_of(extractor, INTRO, tribute, fragments) == [(tribute, "Bob Marr")]
