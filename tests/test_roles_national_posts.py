"""Government and national posts: the title as written, and no NHS body attached to it."""

from __future__ import annotations

from quote_articles import make_article
from quote_articles import role_triples as roles_of


def test_minister_keeps_the_portfolio_and_no_nhs_body(extractor):
    got = roles_of(
        extractor,
        "Fernhurst Health NHS Trust has named a new chair.",
        "Prime Minister, Lena Storr, has today revealed plans to close the trust's maternity unit.",
        "Care Minister Dee Rowan said the decision was regrettable.",
    )
    assert got == {
        ("Lena Storr", "prime minister", None),
        ("Dee Rowan", "care minister", None),
    }


def test_minister_of_state_in_a_named_department(extractor):
    got = roles_of(
        extractor,
        "Fernhurst Health NHS Trust has named a new chair.",
        "Social care gets a boost with the appointment of Tom Arlo as minister of state for "
        "care services at the Department for Care Affairs, which announced it on Monday.",
    )
    assert got == {
        ("Tom Arlo", "minister of state for care services", "Department for Care Affairs")
    }


def test_nation_chief_medical_officer_serves_no_trust(extractor):
    got = roles_of(
        extractor,
        "Fernhurst Health NHS Trust has named a new chair.",
        "England's chief medical officer Sir Cal Whitlow said the report was sound.",
        "Kestrel Vale NHS Trust's chief nursing officer, Ruth Emsley, agreed.",
    )
    assert got == {
        ("Cal Whitlow", "chief medical officer", None),
        ("Ruth Emsley", "chief nursing officer", "Kestrel Vale NHS Trust"),
    }


def test_department_at_a_paragraphs_end_has_no_full_stop_and_keeps_its_old_name(extractor):
    got = roles_of(
        extractor,
        "Fernhurst Health NHS Trust has named a new chair.",
        "Tom Arlo was appointed minister of state for care services in the Department of Health.",
    )
    assert got == {("Tom Arlo", "minister of state for care services", "Department of Health")}


def test_then_secretary_and_the_chancellor_keep_their_titles_and_no_body(extractor):
    got = roles_of(
        extractor,
        "Greyhurst Hospitals NHS Trust was abolished in 2013.",
        "The plans were drawn up by the then-Health Secretary, Tom Arlo, in 2010.",
        "Then-Care Minister Ruth Gale was absent.",
        "The Chancellor, Omar Pike, agreed with the trust.",
    )
    assert got == {
        ("Tom Arlo", "health secretary", None),
        ("Ruth Gale", "care minister", None),
        ("Omar Pike", "chancellor", None),
    }


def test_then_before_a_title_is_a_former_post(extractor):
    extraction = extractor.extract(
        make_article(
            "Greyhurst Hospitals NHS Trust was abolished in 2013.",
            "The plans were drawn up by the then-Health Secretary, Tom Arlo, in 2010.",
        )
    )
    assert [(r.person, r.role, r.status) for r in extraction.roles] == [
        ("Tom Arlo", "health secretary", "former")
    ]
