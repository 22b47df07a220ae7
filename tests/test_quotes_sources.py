"""Sources that the first rules mis-attributed in real-style articles: anonymous sources, a
new speaker introduced by a narrative sentence, Q&A interviews, speakers introduced without
a speech verb, and inspectorates quoted in their findings (fictional articles)."""

from quote_articles import direct_of, make_article, quotes_of


def _speakers(extractor, *paragraphs: str):  # type: ignore[no-untyped-def]
    quotes = extractor.extract(make_article(*paragraphs)).quotes
    return [
        (
            q.type,
            q.text,
            q.speaker.name if q.speaker else None,
            q.speaker.kind if q.speaker else None,
        )
        for q in quotes
    ]


# --- 1. anonymous sources -----------------------------------------------------------------


def test_anonymous_sources_are_unnamed_people(extractor):
    assert _speakers(
        extractor,
        "Hollins Bay University Hospitals NHS Trust named Marcus Threlfall as chief "
        "executive on Monday.",
        "Mr Threlfall said: “I am delighted to be joining.”",
        "But one senior source said: “The board has been in denial for two years.”",
        "One consultant at Hollins Bay said: “Morale is as low as I have known it.”",
        "A senior manager, who asked not to be named, said: “We were told to keep quiet.”",
        "Another source said: “It was a matter of time.”",
        "One board member told HSJ: “We were not given the full picture.”",
        "An insider said: “The figures never added up.”",
    ) == [
        ("direct", "I am delighted to be joining.", "Marcus Threlfall", "person"),
        ("direct", "The board has been in denial for two years.", None, "person"),
        ("direct", "Morale is as low as I have known it.", None, "person"),
        ("direct", "We were told to keep quiet.", None, "person"),
        ("direct", "It was a matter of time.", None, "person"),
        ("direct", "We were not given the full picture.", None, "person"),
        ("direct", "The figures never added up.", None, "person"),
    ]


def test_a_capitalised_fragment_is_never_an_anonymous_source_name(extractor):
    assert direct_of(
        extractor,
        "Hollins Bay Hospital named Marcus Threlfall as chief executive.",
        "One Hollins Bay consultant said: “Nobody was asked.”",
        "Another added: “It was a stitch-up.”",
        "“The board knew for months,” said one senior source.",
        "“It will not last,” another source said.",
    ) == [
        ("Nobody was asked.", None),
        ("It was a stitch-up.", None),
        ("The board knew for months,", None),
        ("It will not last,", None),
    ]


def test_a_named_source_beside_an_anonymous_noun_keeps_the_name(extractor):
    assert direct_of(
        extractor,
        "A nurse, Jane Wilmot, said: “We were told on Friday.”",
        "Harriet Vane, a nurse at the hospital, said: “We found out from the papers.”",
    ) == [
        ("We were told on Friday.", "Jane Wilmot"),
        ("We found out from the papers.", "Harriet Vane"),
    ]


def test_a_quote_only_paragraph_continues_the_anonymous_source(extractor):
    assert direct_of(
        extractor,
        "Dr Nadia Kowalski, medical director at Pennard Vale Hospital, said: “We are proud of "
        "our staff.”",
        "One senior doctor at the hospital said: “The atmosphere is toxic.”",
        "“People are frightened to speak up.”",
    ) == [
        ("We are proud of our staff.", "Nadia Kowalski"),
        ("The atmosphere is toxic.", None),
        ("People are frightened to speak up.", None),
    ]


def test_a_spokesperson_with_no_resolvable_organisation_is_anonymous(extractor):
    assert _speakers(
        extractor,
        "Marcus Threlfall wrote to the Pennard Gazette on Monday.",
        "A spokesperson said: “We do not comment on speculation.”",
    ) == [("direct", "We do not comment on speculation.", None, "person")]


# --- 2. a new speaker introduced by a narrative sentence ---------------------------------------


def test_narrative_subject_introduces_the_next_quotes(extractor):
    assert direct_of(
        extractor,
        "Tamsin Audley, chair of Wrexley Community Trust, said: “This is the right appointment.”",
        "Fiona Greatorex, who takes over in May, started her career as a district nurse.",
        "“I have never forgotten what a ward feels like at 3am,” she told staff.",
        "“Community services are where I learned everything.”",
    ) == [
        ("This is the right appointment.", "Tamsin Audley"),
        ("I have never forgotten what a ward feels like at 3am,", "Fiona Greatorex"),
        ("Community services are where I learned everything.", "Fiona Greatorex"),
    ]


def test_possessive_narrative_subject_introduces_the_next_quotes(extractor):
    assert direct_of(
        extractor,
        "Lorna Bexley, the council's director of children's services, said: “We are doing all "
        "we can.”",
        "Joanne Pettifer's son was placed 140 miles away.",
        "“We could only visit once a month, and each time he was further away from us.”",
        "“Nobody asked what we wanted.”",
    ) == [
        ("We are doing all we can.", "Lorna Bexley"),
        (
            "We could only visit once a month, and each time he was further away from us.",
            "Joanne Pettifer",
        ),
        ("Nobody asked what we wanted.", "Joanne Pettifer"),
    ]


def test_narrative_without_a_person_keeps_the_previous_speaker(extractor):
    assert direct_of(
        extractor,
        "Karl Engstrom, chief executive, said: “I am leaving.”",
        "The trust has been in special measures since 2019.",
        "“We have turned a corner.”",
    ) == [("I am leaving.", "Karl Engstrom"), ("We have turned a corner.", "Karl Engstrom")]


def test_round_up_quote_paragraphs_continue_their_speaker(extractor):
    assert direct_of(
        extractor,
        "Tamsin Audley, chair of Wrexley Community Trust, said: “This is the right appointment.",
        "“Fiona Greatorex has the experience we need.”",
        "“We will support her.”",
    ) == [
        ("This is the right appointment.", "Tamsin Audley"),
        ("Fiona Greatorex has the experience we need.", "Tamsin Audley"),
        ("We will support her.", "Tamsin Audley"),
    ]


# --- 3. Q&A interviews -------------------------------------------------------------------------


def test_q_and_a_answers_are_not_quotes_and_their_quotes_are_the_interviewee(extractor):
    assert quotes_of(
        extractor,
        "Priya Ramsden became chief executive of Tallow Fields Health Board in January. We "
        "asked Ms Ramsden about her first months.",
        "What surprised you most?",
        "The pace. Everyone talks about the pressure but you do not feel it until you are "
        "in the chair.",
        "How do you talk to staff about the deficit?",
        "Honestly. I told them on day one: “We cannot spend money we do not have.”",
        "And the board?",
        "We have a saying here: “If it is not written down, it did not happen.”",
    ) == [
        ("direct", "We cannot spend money we do not have.", "Priya Ramsden"),
        ("direct", "If it is not written down, it did not happen.", "Priya Ramsden"),
    ]


# --- 4. speakers introduced without a speech verb ----------------------------------------------


def test_asked_replied_response_and_in_her_words(extractor):
    assert direct_of(
        extractor,
        "Colin Marchetti leads the Eastmoor Patients Forum.",
        "Asked whether the closure was inevitable, Mr Marchetti replied: “Nothing is inevitable.”",
        "Gemma Holroyd is the trust's chief nurse.",
        "Ms Holroyd's response: “We listened to every family.”",
        "Rita Ogunbanjo runs the night shelter. In her words: “We are the last resort.”",
    ) == [
        ("Nothing is inevitable.", "Colin Marchetti"),
        ("We listened to every family.", "Gemma Holroyd"),
        ("We are the last resort.", "Rita Ogunbanjo"),
    ]


def test_response_alone_introduces_the_next_paragraph(extractor):
    assert direct_of(
        extractor,
        "Lydia Frome chairs the panel.",
        "Her response:",
        "“I have nothing to apologise for.”",
    ) == [("I have nothing to apologise for.", "Lydia Frome")]


# --- 5. inspectorates quoted in their findings -------------------------------------------------


def test_inspectorate_partial_quotes_are_the_organisation(extractor):
    assert _speakers(
        extractor,
        "The Office for Care Standards found the service had “serious and sustained” "
        "failings in leadership.",
        "The Care Quality Commission has rated Dunmore General Hospital inadequate, citing "
        "“a culture of fear”.",
        "The trust was rated ‘inadequate’ by inspectors.",
    ) == [
        (
            "indirect",
            "The Office for Care Standards found the service had “serious and sustained” "
            "failings in leadership.",
            "Office for Care Standards",
            "organisation",
        ),
        ("direct", "serious and sustained", "Office for Care Standards", "organisation"),
        ("direct", "a culture of fear", "Care Quality Commission", "organisation"),
    ]
