"""Titles the vocabulary must know, titles written before a name, compound posts and
misspelt titled names: a small fictional article in, the exact role facts out."""

from __future__ import annotations

from quote_articles import make_article


def roles_of(extractor, *paragraphs):  # type: ignore[no-untyped-def]
    article = make_article(*paragraphs)
    return {(r.person, r.role, r.organisation, r.status) for r in extractor.extract(article).roles}


# (a) posts of councils, unions, colleges and agencies


def test_chair_of_council_is_one_title(extractor):
    assert roles_of(
        extractor, "Dr Alan Pike, chair of council of the Westland Medical Association, said no."
    ) == {("Alan Pike", "chair of council", "Westland Medical Association", "current")}
    assert roles_of(
        extractor,
        "The Westland Medical Association (WMA) has elected Dr Alan Pike as its chair of council.",
    ) == {("Alan Pike", "chair of council", "Westland Medical Association", "current")}


def test_director_general_takes_its_portfolio_and_a_body_after_a_comma(extractor):
    got = roles_of(
        extractor,
        "Professor Nia Vale is currently director general of science and research, and chief "
        "scientific officer, at the Westland Health Protection Agency (WHPA).",
    )
    assert got == {
        (
            "Nia Vale",
            "director general of science and research",
            "Westland Health Protection Agency",
            "current",
        ),
        ("Nia Vale", "chief scientific officer", "Westland Health Protection Agency", "current"),
    }


def test_partner_and_member_count_only_with_their_body(extractor):
    assert roles_of(
        extractor,
        "Dr Ravi Shah, a partner at the Oakfield Group, said it was good. He is a member of "
        "the Westland Medical Association.",
    ) == {
        ("Ravi Shah", "partner", "Oakfield Group", "current"),
        ("Ravi Shah", "member", "Westland Medical Association", "current"),
    }
    assert (
        roles_of(
            extractor,
            "Dr Ravi Shah said the partner organisations agreed. A member of staff said no.",
        )
        == set()
    )


# (b) compound posts


def test_chief_executive_and_registrar_is_one_post(extractor):
    assert roles_of(
        extractor,
        "Helen Marsh will be acting chief executive and registrar of the Westland Care Council.",
    ) == {("Helen Marsh", "chief executive and registrar", "Westland Care Council", "acting")}


def test_two_posts_joined_by_and_stay_two(extractor):
    assert roles_of(
        extractor,
        "Dr Ellen Marsh, medical director and deputy chief executive of Fenmoor NHS Foundation "
        "Trust, said no.",
    ) == {
        ("Ellen Marsh", "medical director", "Fenmoor NHS Foundation Trust", "current"),
        ("Ellen Marsh", "deputy chief executive", "Fenmoor NHS Foundation Trust", "current"),
    }


# (c) titles before names


def test_title_of_the_trust_before_a_name(extractor):
    assert roles_of(
        extractor,
        "Fenmoor NHS Foundation Trust has a new plan.",
        "Chair of the Trust Jane Doe said it was a good day.",
    ) == {("Jane Doe", "chair", "Fenmoor NHS Foundation Trust", "current")}


def test_regional_title_with_its_region_before_a_name(extractor):
    assert roles_of(
        extractor,
        "Those leaving include regional director for the South of England Sam Bell and others.",
    ) == {("Sam Bell", "regional director", None, "current")}
    assert roles_of(extractor, "Regional director for London John Doe said it was good.") == {
        ("John Doe", "regional director", None, "current")
    }


# (d) names


def test_titled_surname_misspelt_by_one_letter_is_the_full_name(extractor):
    assert roles_of(
        extractor,
        "Fenmoor Health Agency has named Dana Bodwen as interim chief executive. Ms Bodwin is "
        "chief people officer at the Civic Prosecution Service.",
    ) == {
        ("Dana Bodwen", "chief executive", "Fenmoor Health Agency", "interim"),
        ("Dana Bodwen", "chief people officer", "Civic Prosecution Service", "current"),
    }


def test_a_short_titled_surname_is_not_matched_loosely(extractor):
    got = roles_of(
        extractor,
        "Fenmoor Health Agency has named Dana Bell as interim chief executive. Ms Ball is chief "
        "people officer at the Civic Prosecution Service.",
    )
    assert got == {
        ("Dana Bell", "chief executive", "Fenmoor Health Agency", "interim"),
        ("Ms Ball", "chief people officer", "Civic Prosecution Service", "current"),
    }


# (e) title-case portfolios and listed chief officers


def test_title_case_portfolio_before_its_body_is_the_post_not_a_body(extractor):
    assert roles_of(
        extractor,
        "Dr Jo Grey is the Executive Director of Resources and Technology Services at the "
        "Westland Care Council.",
    ) == {
        (
            "Jo Grey",
            "executive director of resources and technology services",
            "Westland Care Council",
            "current",
        )
    }


def test_chief_officer_of_listed_portfolios_is_one_title(extractor):
    assert roles_of(
        extractor,
        "Westland Health Agency has named Navina Pike as Chief Workforce, Training and "
        "Education Officer.",
    ) == {
        (
            "Navina Pike",
            "chief workforce, training and education officer",
            "Westland Health Agency",
            "current",
        )
    }


# (f) politicians


def test_party_mp_is_an_mp_of_no_organisation(extractor):
    assert roles_of(
        extractor, "Fenmoor NHS Trust is closing a ward. Labour MP Jo Pardoe said no."
    ) == {("Jo Pardoe", "MP", None, "current")}


# (g) open titles written out in full


def test_a_capitalised_portfolio_before_the_holder_is_the_title(extractor):
    assert roles_of(
        extractor,
        "Responding to the report, Westland Nurses Union Head of Health Ana Diaz said the plan "
        "was bad.",
    ) == {("Ana Diaz", "head of health", "Westland Nurses Union", "current")}


def test_a_full_title_goes_on_with_and_but_not_into_a_second_post(extractor):
    assert roles_of(
        extractor,
        "Fenmoor NHS Trust met on Monday.",
        "Director of finance and business services Tracey Pole’s report was read at the board.",
    ) == {
        ("Tracey Pole", "director of finance and business services", "Fenmoor NHS Trust", "current")
    }
    assert roles_of(
        extractor,
        "Dr Ellen Marsh, director of nursing and deputy chief executive of Fenmoor NHS "
        "Foundation Trust, said no.",
    ) == {
        ("Ellen Marsh", "director of nursing", "Fenmoor NHS Foundation Trust", "current"),
        ("Ellen Marsh", "deputy chief executive", "Fenmoor NHS Foundation Trust", "current"),
    }


def test_head_of_a_new_body_is_not_a_portfolio(extractor):
    assert roles_of(
        extractor, "Jo Marr, head of the new Westland Standards Agency, said it was ready."
    ) == {("Jo Marr", "chief executive", "Westland Standards Agency", "current")}


# (h) organisation names written with "FT"


def test_a_trust_written_with_ft_keeps_its_full_name(extractor):
    assert roles_of(
        extractor,
        "Dr Jo Fell, previously medical director at Westbury College London Hospitals FT, spoke.",
    ) == {("Jo Fell", "medical director", "Westbury College London Hospitals FT", "former")}


def test_shadow_secretary_keeps_its_title_as_written_and_no_body(extractor):
    assert roles_of(
        extractor,
        "Fenmoor NHS Trust is closing a ward. Ann Bell, the Liberal Party's shadow health "
        "secretary, said it was bad.",
    ) == {("Ann Bell", "shadow health secretary", None, "current")}
    assert roles_of(
        extractor, "Fenmoor NHS Trust is closing a ward. Shadow health secretary Ann Bell said no."
    ) == {("Ann Bell", "shadow health secretary", None, "current")}


def test_area_lead_in_an_apposition_takes_the_body_after_it(extractor):
    assert roles_of(
        extractor,
        "Sarah Pike, head of workforce at Fenmoor NHS Foundation Trust, said it was good. Tom "
        "Reed, the digital lead at the trust, agreed.",
    ) == {
        ("Sarah Pike", "head of workforce", "Fenmoor NHS Foundation Trust", "current"),
        ("Tom Reed", "digital lead", "Fenmoor NHS Foundation Trust", "current"),
    }


def test_devolved_governments_hold_their_officials_posts(extractor):
    assert roles_of(
        extractor,
        "Jo Marr, the Scottish Government’s director-general for health and social care, said "
        "no. Ed Pryce, chief medical officer at the Welsh Government, agreed.",
    ) == {
        (
            "Jo Marr",
            "director general for health and social care",
            "Scottish Government",
            "current",
        ),
        ("Ed Pryce", "chief medical officer", "Welsh Government", "current"),
    }


def test_national_bodies_of_the_devolved_nations_keep_their_full_names(extractor):
    assert roles_of(
        extractor,
        "Jo Marr, previously chief executive of NHS Education for Scotland, said no. Ed Pryce, "
        "chief executive of Public Health Wales, agreed.",
    ) == {
        ("Jo Marr", "chief executive", "NHS Education for Scotland", "former"),
        ("Ed Pryce", "chief executive", "Public Health Wales", "current"),
    }


def test_name_mp_is_the_holders_post_of_no_place(extractor):
    assert roles_of(
        extractor,
        "Fenmoor NHS Trust is closing a ward. Sam Ode MP, the care minister, said no. East "
        "Leybourne MP Jo Bell said yes.",
    ) == {
        ("Sam Ode", "MP", None, "current"),
        ("Sam Ode", "care minister", None, "current"),
        ("Jo Bell", "MP for East Leybourne", None, "current"),
    }


def test_clinical_managerial_and_policy_posts_are_titles(extractor):
    got = roles_of(
        extractor,
        "Dr Lena Moss is chief executive of Fenland Valley Hospitals NHS Trust. Before "
        "that, Dr Moss spent ten years as medical director and 12 years as a consultant "
        "surgeon.",
        "Tom Reed has held a number of roles including programme director at Oakfield "
        "Hospital Trust. Mr Reed was later a hospital manager at Marsh Lane Hospital.",
    )
    assert got == {
        ("Lena Moss", "chief executive", "Fenland Valley Hospitals NHS Trust", "current"),
        ("Lena Moss", "medical director", "Fenland Valley Hospitals NHS Trust", "former"),
        ("Lena Moss", "consultant surgeon", "Fenland Valley Hospitals NHS Trust", "former"),
        ("Tom Reed", "programme director", "Oakfield Hospital Trust", "former"),
        ("Tom Reed", "hospital manager", "Marsh Lane Hospital", "former"),
    }
