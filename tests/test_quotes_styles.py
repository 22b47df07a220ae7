"""Attribution styles of outlets the first rules were not written for: think-tank report
launches, local papers, GP and nursing trade press (fictional articles)."""

from quote_articles import direct_of, quotes_of


def test_report_named_by_a_title_with_a_subtitle_speaks_throughout(extractor):
    assert quotes_of(
        extractor,
        "Hospital boards should be halved, according to a report published today by the "
        "Ashgrove Foundation.",
        "The report, Turning the Tide: hospital boards after the pandemic, says boards have "
        "become “too slow to act”, with meetings that run for up to six hours.",
        "It argues that smaller boards would decide faster.",
    ) == [
        (
            "indirect",
            "Hospital boards should be halved, according to a report published today by the "
            "Ashgrove Foundation.",
            "Turning the Tide",
        ),
        (
            "indirect",
            "The report, Turning the Tide: hospital boards after the pandemic, says boards "
            "have become “too slow to act”, with meetings that run for up to six hours.",
            "Turning the Tide",
        ),
        ("direct", "too slow to act", "Turning the Tide"),
        ("indirect", "It argues that smaller boards would decide faster.", "Turning the Tide"),
    ]


def test_a_person_after_the_report_is_not_its_title(extractor):
    assert direct_of(
        extractor,
        "The Ashgrove Foundation published a report on Monday.",
        "Commenting on the report, Wilf Castellan, chair of the Dunmore Patients Panel, "
        "said: “It is long overdue.”",
        "The report says boards are “too slow to act”.",
    ) == [("It is long overdue.", "Wilf Castellan"), ("too slow to act", "report")]


def test_called_for_and_urged_report_speech(extractor):
    assert quotes_of(
        extractor,
        "Ashgrove Foundation director Petra Lumley spoke at the launch.",
        "Ms Lumley called for a national review of board sizes.",
        "She also urged ministers to act before the winter.",
    ) == [
        ("indirect", "Ms Lumley called for a national review of board sizes.", "Petra Lumley"),
        ("indirect", "She also urged ministers to act before the winter.", "Petra Lumley"),
    ]


def test_generic_inspectors_are_the_inspectorate_of_the_article(extractor):
    assert quotes_of(
        extractor,
        "The Northern Care Inspectorate visited Dunmore General Hospital in May.",
        "Inspectors also found that the board had “limited grip” on safety risks.",
    ) == [
        (
            "indirect",
            "Inspectors also found that the board had “limited grip” on safety risks.",
            "Northern Care Inspectorate",
        ),
        ("direct", "limited grip", "Northern Care Inspectorate"),
    ]


def test_owner_of_an_unnamed_report_is_its_speaker(extractor):
    assert quotes_of(
        extractor,
        "The Northern Care Inspectorate's report, published on May 2, found patients were "
        "waiting for up to 20 hours.",
    ) == [
        (
            "indirect",
            "The Northern Care Inspectorate's report, published on May 2, found patients were "
            "waiting for up to 20 hours.",
            "Northern Care Inspectorate",
        )
    ]


def test_the_age_description_is_the_person_just_named(extractor):
    assert direct_of(
        extractor,
        "Gideon Fairclough resigned as chief executive of Dunmore Hospitals NHS Trust on "
        "Monday, the trust confirmed.",
        "In a short statement, the 61-year-old said: “It has been an honour to serve.”",
    ) == [("It has been an honour to serve.", "Gideon Fairclough")]


def test_bare_spokesperson_speaks_for_the_organisation_that_just_spoke(extractor):
    assert direct_of(
        extractor,
        "Brackwater ICB will stop funding the scheme in April.",
        "The ICB said it had not taken the decision lightly.",
        "A spokesperson said: “We have had to make hard choices.”",
    ) == [("We have had to make hard choices.", "Brackwater ICB")]


def test_the_icb_keeps_its_first_meaning_after_another_icb_is_named(extractor):
    found = quotes_of(
        extractor,
        "Brackwater ICB will stop funding the scheme in April.",
        "The ICB said it had not taken the decision lightly.",
        "Its chief executive, Oren Mabey, will leave to run Saltcombe ICB.",
        "Dr Tilly Norcott will become acting chief executive when he leaves, the ICB confirmed.",
    )
    assert [(t[1][:14], t[2]) for t in found if t[0] == "indirect"] == [
        ("The ICB said i", "Brackwater ICB"),
        ("Dr Tilly Norco", "Brackwater ICB"),
    ]


def test_he_added_after_another_person_was_named_in_between(extractor):
    found = quotes_of(
        extractor,
        "Lord Pellingham, the board's chair, said the merger was sensible.",
        "Federation chief executive Ambrose Quill warned that the timetable could slip. He "
        "added that providers wanted “clarity on who to call”.",
    )
    assert [(t[0], t[2]) for t in found] == [
        ("indirect", "Pellingham"),
        ("indirect", "Ambrose Quill"),
        ("indirect", "Ambrose Quill"),
        ("direct", "Ambrose Quill"),
    ]


def test_committee_chair_title_before_the_name(extractor):
    assert direct_of(
        extractor,
        "GPU GP committee chair Dr Oona Brisk said the cut was ‘a false economy’ for practices.",
        "‘Every patient who is not seen ends up in A&E,’ she said.",
    ) == [
        ("a false economy", "Oona Brisk"),
        ("Every patient who is not seen ends up in A&E,", "Oona Brisk"),
    ]


def test_the_head_of_an_organisation_is_the_person_who_leads_it(extractor):
    found = quotes_of(
        extractor,
        "The head of the Guild of Home Carers has warned that providers will hand back "
        "contracts this winter.",
        "Guild of Home Carers chief executive Maribel Ostrow said: “We cannot wait.”",
    )
    assert [(t[0], t[2]) for t in found] == [
        ("indirect", "Maribel Ostrow"),
        ("direct", "Maribel Ostrow"),
    ]
