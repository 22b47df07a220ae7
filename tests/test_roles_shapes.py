"""Role facts: each shape UK health news uses, a small fictional article in, facts out."""

from __future__ import annotations

from quote_articles import make_article


def roles_of(extractor, *paragraphs, published=None):  # type: ignore[no-untyped-def]
    article = make_article(*paragraphs)
    article.published = published
    return {(r.person, r.role, r.organisation, r.status) for r in extractor.extract(article).roles}


def test_organisation_title_name(extractor):
    got = roles_of(
        extractor, "Federation of Health Providers chief executive Tomas Kral said it was welcome."
    )
    assert ("Tomas Kral", "chief executive", "Federation of Health Providers", "current") in got


def test_name_comma_title_of_organisation(extractor):
    got = roles_of(
        extractor, "Hanna Lisk, chief executive of the Association of Care Employers, said no."
    )
    assert ("Hanna Lisk", "chief executive", "Association of Care Employers", "current") in got


def test_two_roles_joined_by_and(extractor):
    got = roles_of(
        extractor,
        "Rob Wexford, chief executive for Marlow Fen Partnership NHS Foundation Trust and chief "
        "executive lead for Greater Ashby Health and Care Partnership said:",
    )
    assert (
        "Rob Wexford",
        "chief executive",
        "Marlow Fen Partnership NHS Foundation Trust",
        "current",
    ) in got
    assert (
        "Rob Wexford",
        "chief executive lead",
        "Greater Ashby Health and Care Partnership",
        "current",
    ) in got


def test_acronym_chair_and_honorific(extractor):
    got = roles_of(
        extractor,
        "The National Health Improvement Agency (NHIA) met on Monday.",
        "NHIA chair Baroness Fiona Macrae is now a big influence nationally.",
    )
    assert ("Fiona Macrae", "chair", "National Health Improvement Agency", "current") in got


def test_incoming_joint_title_belongs_to_the_combined_body(extractor):
    got = roles_of(
        extractor,
        "The Health Commissioning Board and the National Health Improvement Agency are merging.",
        "The work passes to the incoming joint finance director Julian Kerr.",
    )
    assert (
        "Julian Kerr",
        "finance director",
        "Health Commissioning Board and National Health Improvement Agency",
        "incoming",
    ) in got


def test_as_organisation_chief(extractor):
    got = roles_of(
        extractor,
        "Ian Dorrit leads the National Health Improvement Agency (NHIA).",
        "As NHIA chief, Mr Dorrit has favoured mergers.",
    )
    assert ("Ian Dorrit", "chief executive", "National Health Improvement Agency", "current") in got


def test_duration_sets_valid_from(extractor):
    article = make_article(
        "Ridgeway Institute chief executive Ian Dorrit announced his decision to leave.",
        "He said the new role was different from the one he has held for the past 18 months.",
    )
    article.published = "2019-03-04"
    roles = extractor.extract(article).roles
    assert [(r.person, r.valid_from) for r in roles] == [("Ian Dorrit", "2017-09")]


def test_acronym_that_leaves_out_nhs_trust(extractor):
    got = roles_of(
        extractor,
        "Nia Pell joins Brackley Vale University Hospitals NHS Trust (BVUH) in May.",
        "BVUH chairwoman Elin Marsh said the panel was unanimous.",
    )
    assert ("Elin Marsh", "chair", "Brackley Vale University Hospitals NHS Trust", "current") in got


def test_bare_trust_before_title_is_the_articles_trust(extractor):
    got = roles_of(
        extractor,
        "Dunmere Hospitals NHS Trust has a new chief executive.",
        "Trust chairman Owain Ridd said the panel had been impressed.",
    )
    assert ("Owain Ridd", "chair", "Dunmere Hospitals NHS Trust", "current") in got


def test_bare_icb_is_the_integrated_care_board(extractor):
    got = roles_of(
        extractor,
        "Tamsworth Integrated Care Board met on Monday.",
        "ICB chair Wyn Castell said the decision was right.",
    )
    assert ("Wyn Castell", "chair", "Tamsworth Integrated Care Board", "current") in got


def test_its_title_belongs_to_the_sentence_subject(extractor):
    got = roles_of(
        extractor,
        "Tamsworth Integrated Care Board has named Dr Cai Renner, currently chief operating "
        "officer of Elmbridge Health and Care Partnership, as its chief executive designate.",
    )
    assert ("Cai Renner", "chief executive", "Tamsworth Integrated Care Board", "incoming") in got
    assert (
        "Cai Renner",
        "chief operating officer",
        "Elmbridge Health and Care Partnership",
        "current",
    ) in got


def test_title_without_organisation_takes_the_body_in_the_news(extractor):
    got = roles_of(
        extractor,
        "The Rural Care Agency and the Wold Health Institute have asked to merge.",
        "Chief executive Bryn Ollis told staff the request had been carefully considered.",
    )
    assert (
        "Bryn Ollis",
        "chief executive",
        "Rural Care Agency and Wold Health Institute",
        "current",
    ) in got


def test_title_of_both_organisations(extractor):
    got = roles_of(
        extractor,
        "The Rural Care Agency and the Wold Health Institute have asked to merge.",
        "Bryn Ollis, who has been chief executive of both organisations since April, said so.",
    )
    assert (
        "Bryn Ollis",
        "chief executive",
        "Rural Care Agency and Wold Health Institute",
        "current",
    ) in got


def test_two_titles_share_the_organisation_after(extractor):
    got = roles_of(
        extractor,
        "Iolo Venn, chief executive and accountable officer of Tamsworth Integrated Care "
        "Board, spoke on Monday.",
    )
    facts = {(p, r, o) for p, r, o, _ in got}
    assert ("Iolo Venn", "chief executive", "Tamsworth Integrated Care Board") in facts
    assert ("Iolo Venn", "accountable officer", "Tamsworth Integrated Care Board") in facts


def test_two_titles_share_the_person_after(extractor):
    got = roles_of(
        extractor,
        "Dunmere Hospitals NHS Trust named a new leader.",
        "The trust’s deputy chief executive and director of nursing, Ama Quayson, has been "
        "appointed interim chief executive.",
    )
    assert (
        "Ama Quayson",
        "deputy chief executive",
        "Dunmere Hospitals NHS Trust",
        "current",
    ) in got


def test_first_name_found_from_titled_surname(extractor):
    got = roles_of(
        extractor,
        "Dunmere Hospitals NHS Trust has news.",
        "Ngozi Adebayo has been named permanent chief executive of Dunmere Hospitals NHS Trust.",
        "Ms Adebayo said she was proud.",
    )
    assert ("Ngozi Adebayo", "chief executive", "Dunmere Hospitals NHS Trust", "incoming") in {
        (p, r, o, "incoming") for p, r, o, _ in got
    }


def test_will_join_as_title_is_the_subjects(extractor):
    got = roles_of(
        extractor,
        "Dunmere Hospitals NHS Trust has strengthened its board.",
        "Rhys Allam, currently deputy finance director at Elmbridge Hospitals NHS Foundation "
        "Trust, will join as chief financial officer in May.",
    )
    assert (
        "Rhys Allam",
        "chief financial officer",
        "Dunmere Hospitals NHS Trust",
        "incoming",
    ) in got


def test_joins_organisation_as_title(extractor):
    got = roles_of(
        extractor,
        "Elmbridge Hospitals NHS Foundation Trust and Dunmere Hospitals NHS Trust agreed a deal.",
        "Rhys Allam, currently deputy chief nurse at Elmbridge Hospitals NHS Foundation Trust, "
        "will join Dunmere Hospitals NHS Trust as chief nursing officer designate.",
    )
    assert ("Rhys Allam", "chief nursing officer", "Dunmere Hospitals NHS Trust", "incoming") in got


def test_takes_over_from_as_title_goes_to_the_successor_and_implies_the_predecessors(extractor):
    got = roles_of(
        extractor,
        "Rhys Allam, who takes over from Ruth Penn as Dunmere Hospitals NHS Trust’s chief "
        "nursing officer in January, said he was pleased.",
    )
    assert ("Rhys Allam", "chief nursing officer", "Dunmere Hospitals NHS Trust", "incoming") in {
        (p, r, o, "incoming") for p, r, o, _ in got
    }
    # the predecessor held the same post and is leaving it, never the incoming one
    assert [f for f in got if f[0] == "Ruth Penn"] == [
        ("Ruth Penn", "chief nursing officer", "Dunmere Hospitals NHS Trust", "leaving")
    ]


def test_verbs_that_state_a_post(extractor):
    got = roles_of(
        extractor,
        "Lord Ellis Brand chairs the Wold Health Institute.",
        "Dr Ffion Grey, who had led Dunmere Hospitals NHS Trust since 2019, resigned on Friday.",
    )
    assert ("Ellis Brand", "chair", "Wold Health Institute", "current") in got
    assert ("Ffion Grey", "chief executive", "Dunmere Hospitals NHS Trust", "former") in got


def test_association_of_name_is_an_organisation(extractor):
    got = roles_of(
        extractor,
        "Reaction",
        "Association of Rural Carers chief executive Mair Olsen said: “It is welcome.”",
    )
    assert ("Mair Olsen", "chief executive", "Association of Rural Carers", "current") in got


def test_journalist_title_gets_no_organisation(extractor):
    got = roles_of(
        extractor,
        "Dunmere Hospitals NHS Trust has news. This week by deputy editor Sion Lark.",
    )
    assert ("Sion Lark", "deputy editor", None, "current") in got


def test_the_employer_a_newcomer_joins_from_is_no_person(extractor):
    article = make_article(
        "Owen Tate, who joins from Brindle Care, will become finance director of Harlow Vale "
        "NHS Trust in June."
    )
    article.published = "2025-04-01"
    got = extractor.extract(article)
    assert {(r.person, r.role, r.organisation, r.status) for r in got.roles} == {
        ("Owen Tate", "finance director", "Harlow Vale NHS Trust", "incoming")
    }
    assert {m.canonical for m in got.mentions if m.kind == "person"} == {"Owen Tate"}


def test_a_name_ending_with_an_organisation_word_is_no_person(extractor):
    article = make_article("Tom Reeve, chair of Fenwick Hospice, said it was welcome.")
    got = extractor.extract(article)
    assert {m.canonical for m in got.mentions if m.kind == "person"} == {"Tom Reeve"}
    assert {r.person for r in got.roles} == {"Tom Reeve"}


def test_open_titles_director_of_and_head_of_keep_their_words(extractor):
    got = roles_of(
        extractor,
        "Joan Pike, director of strategy at Harlow Vale NHS Trust, said the plan was sound. "
        "Tom Reeve, head of communications at the trust, agreed. Amir Shah, deputy director "
        "of digital transformation at Harlow Vale NHS Trust, will leave in May. Lena Ward, "
        "Director of Provider Improvement at Harlow Vale NHS Trust, said nothing.",
    )
    assert got == {
        ("Joan Pike", "director of strategy", "Harlow Vale NHS Trust", "current"),
        ("Tom Reeve", "head of communications", "Harlow Vale NHS Trust", "current"),
        ("Amir Shah", "deputy director of digital transformation", "Harlow Vale NHS Trust",
         "leaving"),
        ("Lena Ward", "director of provider improvement", "Harlow Vale NHS Trust", "current"),
    }  # fmt: skip


def test_director_of_a_named_body_is_no_open_title(extractor):
    got = roles_of(
        extractor,
        "Joan Pike, Director of Brindle Care, said the plan was sound.",
    )
    assert {(p, r) for p, r, *_ in got} == {("Joan Pike", "director")}


def test_a_vocabulary_title_takes_more_words(extractor):
    got = roles_of(
        extractor,
        "Professor Maeve Lanigan will become the first director of nursing practice at the "
        "Royal College of Community Nursing in February.",
    )
    assert got == {
        ("Maeve Lanigan", "director of nursing practice", "Royal College of Community Nursing",
         "incoming")
    }  # fmt: skip


def test_a_trust_named_by_a_list_of_places_keeps_every_place(extractor):
    """ "Ashby, Fenwick and Lowe NHS Trust": the comma is part of the name; a sentence
    adverb before a name ("However, ...") is not."""
    from quote_articles import make_article

    extraction = extractor.extract(
        make_article(
            "Dr Mara Quinn is the new chief executive of Ashby, Fenwick and Lowe NHS Trust.",
            "However, Tyne and Wear NHS Trust said nothing.",
        )
    )
    assert [(r.person, r.role, r.organisation) for r in extraction.roles] == [
        ("Mara Quinn", "chief executive", "Ashby, Fenwick and Lowe NHS Trust")
    ]
    assert sorted({m.canonical for m in extraction.mentions if m.kind == "organisation"}) == [
        "Ashby, Fenwick and Lowe NHS Trust",
        "Tyne and Wear NHS Trust",
    ]


def test_a_minister_keeps_the_title_as_written_and_no_nearby_body(extractor):
    """ "Health Secretary X", "Care Minister Y": the portfolio stays in the title, and the
    trust named before is not theirs."""
    from quote_articles import make_article

    extraction = extractor.extract(
        make_article(
            "Patients at Ashby Vale NHS Trust waited longer this winter.",
            "Health Secretary Rhona Vell visited on Friday, and Care Minister Ivo Tarr joined her.",
        )
    )
    assert [(r.person, r.role, r.organisation) for r in extraction.roles] == [
        ("Rhona Vell", "health secretary", None),
        ("Ivo Tarr", "care minister", None),
    ]


def test_a_lower_case_trust_before_a_title_is_the_articles_trust(extractor):
    from quote_articles import make_article

    extraction = extractor.extract(
        make_article(
            "Dr Ann Kell is the new chief executive of Fenwick Care NHS Trust.",
            "She moves from Ashby Vale NHS Trust.",
            "Bob Marr, trust chairman, added: “She is excellent.”",
        )
    )
    assert [(r.person, r.role, r.organisation) for r in extraction.roles] == [
        ("Ann Kell", "chief executive", "Fenwick Care NHS Trust"),
        ("Bob Marr", "chair", "Fenwick Care NHS Trust"),
    ]


def test_a_list_of_area_leads_and_a_board_list(extractor):
    got = roles_of(
        extractor,
        "Greyhurst Hospitals NHS Trust has named its new leadership team.",
        "The new team is: Ann Pike, digital lead; Tom Reed, workforce lead; and Sara Penn, "
        "estates lead.",
        "The board: chair Ken Ash, chief executive Rita Moss, finance director Jo Lee.",
    )
    assert got == {
        ("Ann Pike", "digital lead", "Greyhurst Hospitals NHS Trust", "current"),
        ("Tom Reed", "workforce lead", "Greyhurst Hospitals NHS Trust", "current"),
        ("Sara Penn", "estates lead", "Greyhurst Hospitals NHS Trust", "current"),
        ("Ken Ash", "chair", "Greyhurst Hospitals NHS Trust", "current"),
        ("Rita Moss", "chief executive", "Greyhurst Hospitals NHS Trust", "current"),
        ("Jo Lee", "finance director", "Greyhurst Hospitals NHS Trust", "current"),
    }


def test_will_chair_and_now_chairs_state_posts(extractor):
    got = roles_of(
        extractor,
        "Ann Pike will chair Greyhurst Hospitals NHS Trust from May.",
        "Tom Reed, who now chairs Marlow Fen NHS Trust, welcomed it.",
    )
    assert got == {
        ("Ann Pike", "chair", "Greyhurst Hospitals NHS Trust", "incoming"),
        ("Tom Reed", "chair", "Marlow Fen NHS Trust", "current"),
    }


def test_a_spokeswoman_keeps_her_title_as_written(extractor):
    got = roles_of(
        extractor,
        "Greyhurst Hospitals NHS Trust spokeswoman Ann Pike said the ward would reopen.",
    )
    assert got == {("Ann Pike", "spokeswoman", "Greyhurst Hospitals NHS Trust", "current")}


def test_predicate_after_a_relative_clause_of_the_subject(extractor):
    # "X, who has served as TITLE at A (SHORT) since WHEN, has been appointed TITLE of B":
    # the appointment is the subject's too
    got = roles_of(
        extractor,
        "Jo Hale, who has served as interim chief executive at Fenland Valley Hospitals NHS "
        "Trust (FVH) since August last year, has been appointed chief executive of Marsh "
        "Community Health NHS Trust.",
    )
    assert got == {
        ("Jo Hale", "chief executive", "Fenland Valley Hospitals NHS Trust", "interim"),
        ("Jo Hale", "chief executive", "Marsh Community Health NHS Trust", "current"),
    }


def test_predicate_taking_on_the_role_of_a_title_after_an_apposition(extractor):
    got = roles_of(
        extractor,
        "Fenland Valley Hospitals NHS Trust chief executive Tom Reed has resigned. Jo Hale, "
        "Mr Reed's deputy and Trust chief operating officer, has agreed to undertake the role "
        "of acting chief executive.",
    )
    assert got == {
        ("Tom Reed", "chief executive", "Fenland Valley Hospitals NHS Trust", "leaving"),
        ("Jo Hale", "chief operating officer", "Fenland Valley Hospitals NHS Trust", "current"),
        ("Jo Hale", "chief executive", "Fenland Valley Hospitals NHS Trust", "acting"),
    }
