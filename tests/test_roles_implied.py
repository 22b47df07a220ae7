"""Posts UK health news implies rather than states next to a name: predecessors, bylines,
constituencies, union and professional-body posts, shared chairs, second predicates and
substantive posts. Small fictional articles in, exact role facts out."""

from __future__ import annotations

from quote_articles import make_article


def roles_of(extractor, *paragraphs, published="2024-03-04"):  # type: ignore[no-untyped-def]
    article = make_article(*paragraphs)
    article.published = published
    return {(r.person, r.role, r.organisation, r.status) for r in extractor.extract(article).roles}


def posts_of(extractor, *paragraphs):  # type: ignore[no-untyped-def]
    """Person, role and organisation only (what the scorer compares)."""
    return {(p, r, o) for p, r, o, _ in roles_of(extractor, *paragraphs)}


# (a) predecessors and successors


def test_taking_over_from_gives_the_predecessor_the_successors_incoming_post(extractor):
    got = roles_of(
        extractor,
        "The Guild of Care Providers (GCP) has appointed Ivo Marchetti as its new chair.",
        "Mr Marchetti will join the GCP in May, taking over from Dame Winifred Ashby, who "
        "steps down after eight years.",
    )
    assert got == {
        ("Ivo Marchetti", "chair", "Guild of Care Providers", "incoming"),
        ("Winifred Ashby", "chair", "Guild of Care Providers", "leaving"),
    }


def test_following_the_resignation_of_names_the_former_holder(extractor):
    got = posts_of(
        extractor,
        "Tamsin Yorke has been named permanent chief executive of Pellworth Hospitals NHS "
        "Trust, six months after she took over following the resignation of Oliver Crane.",
    )
    assert got == {
        ("Tamsin Yorke", "chief executive", "Pellworth Hospitals NHS Trust"),
        ("Oliver Crane", "chief executive", "Pellworth Hospitals NHS Trust"),
    }


def test_since_x_retired_gives_x_the_acting_holders_post(extractor):
    got = roles_of(
        extractor,
        "Pellworth Hospitals NHS Trust has been led by acting chief executive Omar Quigley "
        "since Gemma Rusk retired in March.",
    )
    assert got == {
        ("Omar Quigley", "chief executive", "Pellworth Hospitals NHS Trust", "acting"),
        ("Gemma Rusk", "chief executive", "Pellworth Hospitals NHS Trust", "former"),
    }


def test_its_previous_chief_is_its_chief_executive(extractor):
    got = roles_of(
        extractor,
        "Dunmere Hospitals NHS Trust has been without a substantive chief executive since its "
        "previous chief, Harold Pike, retired in March.",
    )
    assert got == {("Harold Pike", "chief executive", "Dunmere Hospitals NHS Trust", "former")}


# (b) journalists


def test_byline_and_title_line_give_the_authors_post_at_the_publication(extractor):
    got = roles_of(
        extractor,
        ("byline", "By Rowan Tebbutt"),
        "Health correspondent, Wessex Courier",
        "Kerensa Lowe, chief executive of Tolley Valley NHS Trust, has resigned.",
    )
    assert ("Rowan Tebbutt", "health correspondent", "Wessex Courier", "current") in got


def test_byline_title_alone_takes_the_publication_from_the_copyright_line(extractor):
    got = roles_of(
        extractor,
        ("byline", "By Rowan Tebbutt"),
        "Health Reporter",
        "Kerensa Lowe, chief executive of Tolley Valley NHS Trust, has resigned.",
        ("boilerplate", "(c) Tolley Evening Post 2024. All rights reserved."),
    )
    assert ("Rowan Tebbutt", "health reporter", "Tolley Evening Post", "current") in got


# (c) politicians


def test_a_constituency_before_mp_is_part_of_the_post_not_an_organisation(extractor):
    got = posts_of(
        extractor,
        "Hatherley and Combe MP Jo Pardoe said the closure was a mistake.",
    )
    assert got == {("Jo Pardoe", "MP for Hatherley and Combe", None)}


def test_mp_for_a_constituency_and_a_party_is_no_place(extractor):
    assert posts_of(extractor, "Jo Pardoe, the MP for Hatherley and Combe, said no.") == {
        ("Jo Pardoe", "MP for Hatherley and Combe", None)
    }
    # a party names no place: the post is an MP's, of no organisation (as the gold writes it)
    assert posts_of(extractor, "Labour MP Jo Pardoe said no.") == {("Jo Pardoe", "MP", None)}


# (d) unions and professional bodies


def test_branch_secretary_of_a_union_after_a_place(extractor):
    got = posts_of(
        extractor,
        "Tolley Valley Ambulance Service NHS Trust said it was sorry.",
        "Nia Corbett, Tolley branch secretary of the Paramedics' Federation, said staff were "
        "exhausted.",
    )
    assert got == {("Nia Corbett", "branch secretary", "Paramedics' Federation")}


def test_union_and_college_posts(extractor):
    got = posts_of(
        extractor,
        "Dara Finch, regional officer for the Estuary Nurses’ Association, said no.",
        "Pennock LMC medical secretary Dr Hugo Tarn said the cut was unfair.",
        "Dr Lise Amundsen, senior fellow at the Kittering Institute, wrote the report.",
    )
    assert got == {
        ("Dara Finch", "regional officer", "Estuary Nurses’ Association"),
        ("Hugo Tarn", "medical secretary", "Pennock LMC"),
        ("Lise Amundsen", "senior fellow", "Kittering Institute"),
    }


def test_an_acronym_the_article_never_expands_owns_the_title_after_it(extractor):
    got = posts_of(extractor, "GPU GP committee chair Dr Rhian Toller said it was a false economy.")
    assert got == {("Rhian Toller", "GP committee chair", "GPU")}


def test_described_person_and_council_member_of_a_college(extractor):
    got = posts_of(
        extractor,
        "The Royal College of Estuary Nursing (RCEN) has a new strategy.",
        "Meryl Dace, a community nurse in Tolley and an RCEN council member, said: “We agree.”",
    )
    assert got == {("Meryl Dace", "council member", "Royal College of Estuary Nursing")}


# (e) shared and combined bodies


def test_two_trusts_sharing_a_chair_make_her_chair_of_each(extractor):
    got = posts_of(
        extractor,
        "Fenmouth Community Healthcare NHS Trust is to be absorbed by Holt Partnership NHS "
        "Foundation Trust.",
        "The two trusts have shared a chair, Imogen Drewe, since last spring.",
    )
    assert got == {
        ("Imogen Drewe", "chair", "Fenmouth Community Healthcare NHS Trust"),
        ("Imogen Drewe", "chair", "Holt Partnership NHS Foundation Trust"),
    }


def test_chairs_the_committees_in_common_and_is_chair_of_one(extractor):
    got = posts_of(
        extractor,
        "Fenmouth Hospitals NHS Foundation Trust and Holt University Hospitals NHS Trust are "
        "forming a group.",
        "Bryony Kell, who chairs the committees-in-common and is chair of Fenmouth, said it "
        "was good news.",
    )
    assert got == {
        (
            "Bryony Kell",
            "chair",
            "Fenmouth Hospitals NHS Foundation Trust and Holt University Hospitals NHS Trust",
        ),
        ("Bryony Kell", "chair", "Fenmouth Hospitals NHS Foundation Trust"),
    }


def test_titled_surname_alone_is_the_persons_name(extractor):
    got = posts_of(
        extractor,
        "Lord Fenwick, chair of the Arden Commissioning Board (ACB), backed the plan.",
    )
    assert got == {("Lord Fenwick", "chair", "Arden Commissioning Board")}


# (f) earlier careers and second predicates


def test_earlier_post_in_the_service_before_becoming_its_director(extractor):
    got = posts_of(
        extractor,
        "Yusuf Orme, who has led Tolley Ambulance Service NHS Trust since 2020, is to retire.",
        "Staff wait hours outside A&E, the union said.",
        "Mr Orme previously spent 11 years as an operations manager in the service before "
        "becoming its director of operations in 2015.",
    )
    assert got == {
        ("Yusuf Orme", "chief executive", "Tolley Ambulance Service NHS Trust"),
        ("Yusuf Orme", "operations manager", "Tolley Ambulance Service NHS Trust"),
        ("Yusuf Orme", "director of operations", "Tolley Ambulance Service NHS Trust"),
    }


def test_second_predicate_shares_the_pronoun_subject(extractor):
    got = posts_of(
        extractor,
        "Dr Celia Brand is currently chief executive of Holt Mental Health NHS Foundation Trust.",
        "She trained as a psychiatrist and was previously medical director at Fenmouth "
        "Community NHS Trust.",
    )
    assert got == {
        ("Celia Brand", "chief executive", "Holt Mental Health NHS Foundation Trust"),
        ("Celia Brand", "medical director", "Fenmouth Community NHS Trust"),
    }


def test_and_was_previously_its_after_a_duration(extractor):
    got = posts_of(
        extractor,
        "Ms Oona Reeve has been the chief nursing officer of Holt Community NHS Trust for the "
        "past six years and was previously its deputy director of nursing.",
    )
    assert got == {
        ("Oona Reeve", "chief nursing officer", "Holt Community NHS Trust"),
        ("Oona Reeve", "deputy director of nursing", "Holt Community NHS Trust"),
    }


def test_apposition_then_appointed_to_a_second_post(extractor):
    got = roles_of(
        extractor,
        "Nell Hadley, chief executive of Brackwater Hospitals NHS Foundation Trust, has been "
        "appointed group chief executive of the new Brackwater and Tolley Hospitals Group.",
        "Cyrus Webb, Brackwater's finance director, will become the group's chief financial "
        "officer.",
    )
    trust, group = (
        "Brackwater Hospitals NHS Foundation Trust",
        "Brackwater and Tolley Hospitals Group",
    )
    assert got == {
        ("Nell Hadley", "chief executive", trust, "current"),
        ("Nell Hadley", "group chief executive", group, "current"),
        ("Cyrus Webb", "finance director", trust, "current"),
        ("Cyrus Webb", "chief financial officer", group, "incoming"),
    }


def test_return_to_substantive_post_is_at_the_body_he_leads_for_now(extractor):
    got = posts_of(
        extractor,
        "Holt University Hospitals NHS Trust has appointed Dr Esme Varga as chief executive. "
        "She is currently chief executive of Fenmouth Mental Health NHS Foundation Trust.",
        "“I thank Rufus Adey, who has led the trust as interim chief executive since March.”",
        "Mr Adey will return to his substantive role as chief operating officer when Dr Varga "
        "joins.",
    )
    assert ("Rufus Adey", "chief operating officer", "Holt University Hospitals NHS Trust") in got
    assert ("Rufus Adey", "chief executive", "Holt University Hospitals NHS Trust") in got
    assert not [f for f in got if f[0] == "Rufus Adey" and "Fenmouth" in (f[2] or "")]


# (g) no organisation rather than a wrong one


def test_a_body_referred_to_but_never_named_is_left_open(extractor):
    got = posts_of(
        extractor,
        "Holt University Hospitals NHS Trust plans to close its stroke unit.",
        "Campaigners have protested. The group’s chair, Petra Lomax, said: “We will fight.”",
    )
    assert got == {("Petra Lomax", "chair", None)}


def test_a_post_left_for_another_at_the_same_body_is_former(extractor):
    article = make_article(
        "Fernhurst Health NHS Trust has reshuffled its board.",
        "Ann Lowe has moved from medical director to become director of strategy.",
    )
    got = {(r.person, r.role, r.organisation, r.status) for r in extractor.extract(article).roles}
    assert got == {
        ("Ann Lowe", "director of strategy", "Fernhurst Health NHS Trust", "incoming"),
        ("Ann Lowe", "medical director", "Fernhurst Health NHS Trust", "former"),
    }
