"""Issue 11 event styles (2): dated appointments in career histories, joining and arriving,
taking the role or the helm, going back to a substantive post, "will lead/chair", replacing
someone, departures told as "will be leaving", "left to become", a post left, and a cue in
scare quotes. Fictional articles, exact events."""

from __future__ import annotations

from quote_articles import make_article


def events_of(extractor, *paragraphs, published="2024-06-03"):  # type: ignore[no-untyped-def]
    article = make_article(*paragraphs)
    article.published = published
    found = extractor.extract(article).events
    return {(e.type, e.person, e.role, e.organisation, e.status, e.date) for e in found}


def test_dated_career_appointments_are_each_their_own_event(extractor):
    got = events_of(
        extractor,
        "Dr Mira Castell is the new chief executive of Pellow Vale NHS Trust.",
        "In 2008 she was appointed as medical director of Rennick Community Health NHS Trust "
        "and in 2015 she was appointed chief executive of Hollins Moor NHS Trust.",
    )
    assert got == {
        ("appointment", "Mira Castell", "chief executive", "Pellow Vale NHS Trust",
         "announced", None),
        ("appointment", "Mira Castell", "medical director",
         "Rennick Community Health NHS Trust", "completed", "2008"),
        ("appointment", "Mira Castell", "chief executive", "Hollins Moor NHS Trust",
         "completed", "2015"),
    }  # fmt: skip


def test_joining_a_body_in_a_year_is_a_completed_appointment(extractor):
    got = events_of(
        extractor,
        "Tobias Wren has been appointed chief executive of Ashcombe NHS Trust.",
        "Mr Wren joined Ashcombe NHS Trust in 2019 as director of finance.",
    )
    assert got == {
        ("appointment", "Tobias Wren", "chief executive", "Ashcombe NHS Trust",
         "announced", None),
        ("appointment", "Tobias Wren", "finance director", "Ashcombe NHS Trust", "completed",
         "2019"),
    }  # fmt: skip


def test_took_the_role_and_went_back_to_a_substantive_post(extractor):
    got = events_of(
        extractor,
        "Selina Marr took the role of interim chief executive at Brockhurst NHS Trust in March.",
        "Dr Idris Kell, who covered the post for two months, will return to his substantive "
        "post of medical director.",
    )
    assert {(t, p) for t, p, *_ in got} == {
        ("appointment", "Selina Marr"),
        ("appointment", "Idris Kell"),
    }


def test_will_lead_the_new_body_and_to_replace(extractor):
    got = events_of(
        extractor,
        "Harriet Moss to replace Colm Berry as head of the new standards body",
        "Former council leader Nadia Orme will chair the new agency when it opens.",
        "Ben Tull will lead the review of ward staffing.",
    )
    assert {(t, p) for t, p, *_ in got} == {
        ("appointment", "Harriet Moss"),
        ("departure", "Colm Berry"),
        ("appointment", "Nadia Orme"),
    }


def test_departures_will_be_leaving_left_to_become_and_scare_quotes(extractor):
    got = events_of(
        extractor,
        "Dr Owen Pask, who runs Tarrow Bay NHS Trust, revealed he will be retiring from the "
        "post in August.",
        "Sasha Lund left to become chief executive of Merrow Health.",
        "Mr Gareth Rowe, chief executive of Lanby NHS Trust, announced he was ‘standing down’ "
        "with immediate effect.",
        "A statement confirmed Ingrid Hale had left her position as medical director.",
    )
    assert {(t, p) for t, p, *_ in got if t == "departure"} == {
        ("departure", "Owen Pask"),
        ("departure", "Sasha Lund"),
        ("departure", "Gareth Rowe"),
        ("departure", "Ingrid Hale"),
    }


def test_a_fronted_appointed_in_names_the_person_after_it(extractor):
    got = events_of(
        extractor,
        "Appointed in April 2021, Dame Lorna Quill has led the Fenwick Standards Agency "
        "through two reorganisations.",
    )
    assert {(t, p, s, d) for t, p, _, _, s, d in got} == {
        ("appointment", "Lorna Quill", "completed", "2021-04"),
    }


def test_will_be_a_post_and_tenure_since_a_date(extractor):
    got = events_of(
        extractor,
        "While the search goes on, Dr Marian Colley will be acting chief executive of Tarrow "
        "Bay NHS Trust.",
        "Mr Felix Umber, who has been chief executive of Lanby NHS Trust since 2017, "
        "welcomed the news.",
        "Ms Ada Finch has been a vocal critic since 2019.",
    )
    assert got == {
        ("appointment", "Marian Colley", "chief executive", "Tarrow Bay NHS Trust",
         "announced", None),
        ("appointment", "Felix Umber", "chief executive", "Lanby NHS Trust", "completed",
         "2017"),
    }  # fmt: skip


def test_the_role_is_the_post_the_sentence_before_names(extractor):
    got = events_of(
        extractor,
        "A new interim chief executive has been appointed at Brockhurst NHS Trust.",
        "Dr Neville Shaw officially took up the role on 1 March.",
    )
    assert got == {
        ("appointment", "Neville Shaw", "chief executive", "Brockhurst NHS Trust",
         "completed", "2024-03-01"),
    }  # fmt: skip


def test_filled_by_takes_over_as_from_and_an_honorific_after_appointed(extractor):
    got = events_of(
        extractor,
        "The Lanby Nursing Society has appointed Professor Hana Iqbal as its general secretary.",
        "Dr Colm Ruddy moved from medical director to become director of strategy and his "
        "role is being filled by Dr Petra Lowe as an interim measure.",
        "Dr Owen Marsh takes over as chair of the society's GP committee from Dr Ida Penn.",
    )
    assert {(t, p) for t, p, *_ in got} == {
        ("appointment", "Hana Iqbal"),
        ("appointment", "Colm Ruddy"),
        ("departure", "Colm Ruddy"),
        ("appointment", "Petra Lowe"),
        ("appointment", "Owen Marsh"),
        ("departure", "Ida Penn"),
    }


def test_a_step_taken_and_one_to_come_in_one_sentence_are_two_appointments(extractor):
    got = events_of(
        extractor,
        "Dr Wendy Cole, who has served as interim chief executive of Tarrow Bay NHS Trust "
        "since 2022, has been appointed chief executive in common of Tarrow Bay NHS Trust "
        "and Lanby NHS Trust.",
    )
    assert {(t, p, s, d) for t, p, _, _, s, d in got} == {
        ("appointment", "Wendy Cole", "completed", "2022"),
        ("appointment", "Wendy Cole", "announced", None),
    }


def test_arrived_in_charge_since_and_a_possessor_is_not_the_subject(extractor):
    got = events_of(
        extractor,
        "Dr Ruth Orchard, who has been in charge of Merrow General since 2011, resigned on Monday.",
        "Before Mr Ivo Bell arrived in 2015, the trust relied on interim managers.",
        "Mr Sam Greer, Dr Orchard's deputy, has agreed to undertake the role of acting chief "
        "executive.",
    )
    assert {(t, p, s, d) for t, p, _, _, s, d in got} == {
        ("appointment", "Ruth Orchard", "completed", "2011"),
        ("departure", "Ruth Orchard", "completed", "2024-06-03"),
        ("appointment", "Ivo Bell", "completed", "2015"),
        ("appointment", "Sam Greer", "announced", None),
    }


def test_a_new_post_nobody_holds_is_created(extractor):
    article = make_article(
        "Recruitment for the new joint chief executive of Tarrow Bay NHS Trust and Lanby "
        "NHS Trust is under way.",
        "Dr Wendy Cole, chief executive of Lanby NHS Trust, will not apply.",
        "The new chief executive of Merrow General NHS Trust, Dr Ivo Bell, starts in May.",
    )
    created = [
        (e.type, e.role) for e in extractor.extract(article).events if e.type == "role_created"
    ]
    assert created == [("role_created", "joint chief executive")]


def test_a_lead_role_noun_is_the_person_named_next(extractor):
    got = events_of(
        extractor,
        "THE beleaguered chief executive of Merrow General NHS Trust resigned today.",
        "Dr Ruth Orchard's management had been criticised by inspectors.",
    )
    assert {(t, p) for t, p, *_ in got} == {("departure", "Ruth Orchard")}


def test_an_appositive_title_in_the_lead_keeps_the_named_subject(extractor):
    got = events_of(
        extractor,
        "Dame Carys Penhallow, the first nurse to lead the Lanby Care Regulator, is stepping "
        "down from the role.",
    )
    assert {(t, p, s) for t, p, _, _, s, _ in got} == {
        ("departure", "Carys Penhallow", "announced")
    }


def test_new_national_roles_and_a_new_post_reporting_to_a_title(extractor):
    article = make_article(
        "The Lanby Health Board has created two new national roles, a director of digital "
        "care and a director of estates, who will report to the director of delivery.",
        "Lanby Health Board has also created a new post of chief nursing information "
        "officer reporting to the chief nurse.",
    )
    found = extractor.extract(article).events
    assert sorted((e.type, e.role, e.reports_to) for e in found) == [
        ("role_created", "chief nursing information officer", "chief nurse"),
        ("role_created", "director of digital care", "director of delivery"),
        ("role_created", "director of estates", "director of delivery"),
    ]


def test_pronoun_after_a_possessive_and_an_agent_after_by(extractor):
    got = events_of(
        extractor,
        "Dr Ivo Bell chairs Lanby NHS Trust.",
        "Dame Nora Fell will leave her deputy role when she becomes chief executive of "
        "Merrow General NHS Trust.",
        "The trust's director of estates will take over as interim chief executive, "
        "supported closely by Mr Tom Reed, deputy chief executive.",
    )
    assert {(t, p) for t, p, *_ in got} == {
        ("departure", "Nora Fell"),
        ("appointment", "Nora Fell"),
    }


def test_taking_over_a_brief_from_and_left_a_body(extractor):
    got = events_of(
        extractor,
        "Mr Alan Poole, the new care minister, takes over the brief from Ms Jane Hurst.",
        "Sir Colin Marsh left the Lanby Care Regulator this summer.",
        "Deputy chief executive Dr Rita Quayle is taking over, the regulator said.",
    )
    assert {(t, p) for t, p, *_ in got} == {
        ("appointment", "Alan Poole"),
        ("departure", "Jane Hurst"),
        ("departure", "Colin Marsh"),
        ("appointment", "Rita Quayle"),
    }


def test_will_serve_as(extractor):
    got = events_of(
        extractor,
        "Dr Amir Shah, medical director of Lanby NHS Trust, will also serve as deputy chief "
        "executive.",
    )
    assert {(t, p, s) for t, p, _, _, s, _ in got} == {("appointment", "Amir Shah", "announced")}


def test_a_deputy_post_and_the_post_deputised_in_two_sentences_are_two_appointments(
    extractor,
):
    """Undated, in two sentences: the post stood in for and, after it, the deputy's post
    (one appointment each; a second mention of one post stays one appointment)."""
    got = events_of(
        extractor,
        "Lanby NHS Trust has appointed Dev Okafor as its chief executive.",
        "Mara Quint was named acting chief executive of the trust after the departure of Ian "
        "Lowe. Dr Quint will then become deputy chief executive.",
    )
    assert got == {
        ("appointment", "Dev Okafor", "chief executive", "Lanby NHS Trust", "announced", None),
        ("departure", "Ian Lowe", "chief executive", "Lanby NHS Trust", "completed", None),
        ("appointment", "Mara Quint", "chief executive", "Lanby NHS Trust", "announced", None),
        ("appointment", "Mara Quint", "deputy chief executive", "Lanby NHS Trust",
         "announced", None),
    }  # fmt: skip


def test_a_stand_in_tenure_for_the_past_months_is_a_completed_appointment(extractor):
    """ "For the past two months X has been the acting chief executive": the stand-in post
    was taken up (undated); a substantive post held "for the past seven years" stays a
    role only."""
    got = events_of(
        extractor,
        "For the past two months Dr Mara Quint has been the acting chief executive of Lanby "
        "NHS Trust.",
        "Mr Felix Umber has been chief executive of Tarrow Bay NHS Trust for the past seven years.",
    )
    assert got == {
        ("appointment", "Mara Quint", "chief executive", "Lanby NHS Trust", "completed", None),
    }  # fmt: skip


def test_also_serve_as_in_a_sentence_of_its_own_is_a_second_post(extractor):
    """ "X will be director for A. ... X will also serve as deputy medical director": two
    appointments; "will also become" the title the same post carries stays one."""
    got = events_of(
        extractor,
        "Dr Mara Quint will be director for urgent care at Lanby NHS Trust.",
        "Dr Quint will also serve as deputy medical director.",
    )
    assert got == {
        ("appointment", "Mara Quint", "director for urgent care", "Lanby NHS Trust",
         "announced", None),
        ("appointment", "Mara Quint", "deputy medical director", "Lanby NHS Trust",
         "announced", None),
    }  # fmt: skip
    assert events_of(
        extractor,
        "Dr Mara Quint will be director for urgent care at Lanby NHS Trust.",
        "Dr Quint will also become deputy medical director.",
    ) == {
        ("appointment", "Mara Quint", "director for urgent care", "Lanby NHS Trust",
         "announced", None),
    }  # fmt: skip
