"""General English shapes of appointment and departure news, in other outlets' styles
(national news, trade press, press releases, local papers): small fictional articles in,
exact facts out."""

from __future__ import annotations

from quote_articles import make_article


def extract(extractor, *paragraphs, published="2024-03-04"):  # type: ignore[no-untyped-def]
    article = make_article(*paragraphs)
    article.published = published
    return extractor.extract(article)


def roles_of(extractor, *paragraphs):  # type: ignore[no-untyped-def]
    return {
        (r.person, r.role, r.organisation, r.status) for r in extract(extractor, *paragraphs).roles
    }


def people_events(extractor, *paragraphs):  # type: ignore[no-untyped-def]
    return {
        (e.type, e.person, e.role, e.organisation, e.status, e.date)
        for e in extract(extractor, *paragraphs).events
        if e.person
    }


def test_organisation_has_appointed_person_as_its_new_title(extractor):
    text = (
        "Ardmore Valley NHS Foundation Trust has appointed Helena Markby as its new chief "
        "executive."
    )
    assert roles_of(extractor, text) == {
        ("Helena Markby", "chief executive", "Ardmore Valley NHS Foundation Trust", "incoming")
    }
    assert people_events(extractor, text) == {
        ("appointment", "Helena Markby", "chief executive",
         "Ardmore Valley NHS Foundation Trust", "announced", None)
    }  # fmt: skip


def test_press_release_announces_the_appointment_of(extractor):
    text = (
        "Brinkley Health NHS Trust is delighted to announce the appointment of Dr Casimir Oboh "
        "as director of nursing."
    )
    assert roles_of(extractor, text) == {
        ("Casimir Oboh", "director of nursing", "Brinkley Health NHS Trust", "current")
    }
    assert people_events(extractor, text) == {
        ("appointment", "Casimir Oboh", "director of nursing", "Brinkley Health NHS Trust",
         "announced", None)
    }  # fmt: skip


def test_the_appointing_chair_is_not_the_appointee(extractor):
    got = people_events(
        extractor,
        "Trust chair Dame Ivy Lomax has appointed Casimir Oboh as chief executive of Ardmore "
        "Valley NHS Foundation Trust.",
    )
    assert {(t, p) for t, p, *_ in got} == {("appointment", "Casimir Oboh")}


def test_calling_for_an_appointment_is_no_appointment(extractor):
    got = people_events(
        extractor,
        "Rhea Stamp, chief executive of the Council for Home Care, called on the new body to "
        "appoint a director with community experience.",
    )
    assert got == set()


def test_currently_title_at_org_will_become_title_elsewhere(extractor):
    text = (
        "Helena Markby, currently chief operating officer at Ardmore Valley NHS Foundation "
        "Trust, will become chief executive of Brinkley Health NHS Trust in June."
    )
    assert roles_of(extractor, text) == {
        ("Helena Markby", "chief operating officer", "Ardmore Valley NHS Foundation Trust",
         "current"),
        ("Helena Markby", "chief executive", "Brinkley Health NHS Trust", "incoming"),
    }  # fmt: skip
    assert people_events(extractor, text) == {
        ("appointment", "Helena Markby", "chief executive", "Brinkley Health NHS Trust",
         "announced", "2024-06")
    }  # fmt: skip


def test_status_after_the_comma_that_closes_the_fact(extractor):
    text = (
        "Ardmore Valley NHS Foundation Trust chief executive Oswin Teller, is to step down in May."
    )
    assert roles_of(extractor, text) == {
        ("Oswin Teller", "chief executive", "Ardmore Valley NHS Foundation Trust", "leaving")
    }
    got = roles_of(extractor, "Dana Holt, chief executive of Care Ahead Alliance, has resigned.")
    assert got == {("Dana Holt", "chief executive", "Care Ahead Alliance", "leaving")}


def test_head_of_leader_and_general_secretary(extractor):
    got = roles_of(
        extractor,
        "Tamsin Rourke, head of policy at the Institute for Care Futures, agreed. Cllr Bev "
        "Atwood, leader of Fernhurst Borough Council, said no. Wendlebury Council leader Cllr "
        "Jonah Pike said the decision was wrong.",
        "Rhys Dorn, head of Care Ahead Alliance, and Tilly Marsh, general secretary of the "
        "Nurses Guild, said pay was the issue.",
    )
    assert got == {
        ("Tamsin Rourke", "head of policy", "Institute for Care Futures", "current"),
        ("Bev Atwood", "leader", "Fernhurst Borough Council", "current"),
        ("Jonah Pike", "leader", "Wendlebury Council", "current"),
        ("Rhys Dorn", "chief executive", "Care Ahead Alliance", "current"),
        ("Tilly Marsh", "general secretary", "Nurses Guild", "current"),
    }


def test_who_has_led_since_sets_valid_from_and_would_step_down_is_a_departure(extractor):
    article = extract(
        extractor,
        "Oswin Teller, who has led Pellham Community NHS Trust since 2019, told staff on Monday "
        "that he would step down at the end of December.",
    )
    [fact] = article.roles
    assert (fact.person, fact.role, fact.organisation, fact.valid_from) == (
        "Oswin Teller", "chief executive", "Pellham Community NHS Trust", "2019",
    )  # fmt: skip
    assert {(e.type, e.person, e.status) for e in article.events} == {
        ("departure", "Oswin Teller", "announced")
    }


def test_pronoun_subject_and_where_he_was(extractor):
    got = roles_of(
        extractor,
        "Professor Anwen Lusk has been chief nurse at Bramleigh Teaching Hospitals NHS "
        "Foundation Trust since 2020. Before that she was deputy chief nurse at Lowmoor "
        "Community Health Partnership NHS Trust.",
        "Cllr Bev Atwood said the trust must improve. Mr Ivo Rusk joined Ravenscar Valley "
        "Hospitals NHS Trust in 2016 from Brackley and Hale NHS Foundation Trust, where he was "
        "deputy chief executive.",
    )
    assert ("Anwen Lusk", "chief nurse", "Bramleigh Teaching Hospitals NHS Foundation Trust",
            "current") in got  # fmt: skip
    assert ("Anwen Lusk", "deputy chief nurse",
            "Lowmoor Community Health Partnership NHS Trust", "former") in got  # fmt: skip
    assert ("Ivo Rusk", "deputy chief executive", "Brackley and Hale NHS Foundation Trust",
            "former") in got  # fmt: skip
    assert not any(p == "Bev Atwood" for p, *_ in got)


def test_description_then_and_title(extractor):
    got = roles_of(
        extractor,
        "Dr Imelda Frost, a GP in Leeds and chair of the Wharfe Valley Local Medical Committee, "
        "said the plan was flawed. Kit Amos, a nurse and trustee of the Patients First "
        "Alliance, agreed.",
    )
    assert ("Imelda Frost", "chair", "Wharfe Valley Local Medical Committee", "current") in got
    assert ("Kit Amos", "trustee", "Patients First Alliance", "current") in got


def test_deputy_acts_as_chief_nurse(extractor):
    text = (
        "At Bramleigh Teaching Hospitals NHS Foundation Trust, deputy chief nurse Bethan "
        "Morrow will act as chief nurse from February."
    )
    assert roles_of(extractor, text) == {
        ("Bethan Morrow", "deputy chief nurse", "Bramleigh Teaching Hospitals NHS Foundation Trust",
         "current"),
        ("Bethan Morrow", "chief nurse", "Bramleigh Teaching Hospitals NHS Foundation Trust",
         "acting"),
    }  # fmt: skip
    assert {(t, p) for t, p, *_ in people_events(extractor, text)} == {
        ("appointment", "Bethan Morrow")
    }


def test_should_merge_is_proposed_and_new_national_post_is_created(extractor):
    events = extract(
        extractor,
        "The report argues that Tarrow Vale Integrated Care Board and Pennick Downs Integrated "
        "Care Board should merge first.",
        "It also calls for a new national post of chief integration officer at the NHS "
        "Delivery Authority.",
    ).events
    got = {(e.type, e.role, tuple(e.organisations), e.status) for e in events}
    assert got == {
        ("merger", None, ("Tarrow Vale Integrated Care Board",
                          "Pennick Downs Integrated Care Board"), "proposed"),
        ("role_created", "chief integration officer", (), "announced"),
    }  # fmt: skip
