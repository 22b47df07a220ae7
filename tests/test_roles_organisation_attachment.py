"""Which organisation a post attaches to (fictional people; shipped bodies where the rule is
about the shipped table)."""

from __future__ import annotations

from quote_articles import role_triples as roles_of


def test_a_short_name_the_article_never_expands_stays_as_written(extractor):
    got = roles_of(
        extractor,
        "GMC chief executive Tamsin Orley will step down in June.",
        "Ms Orley said the regulator was in good hands.",
    )
    assert got == {("Tamsin Orley", "chief executive", "GMC")}


def test_a_short_name_the_article_expands_takes_the_full_name(extractor):
    got = roles_of(
        extractor,
        "The General Medical Council has a new leader.",
        "GMC chief executive Tamsin Orley will step down in June.",
    )
    assert got == {("Tamsin Orley", "chief executive", "General Medical Council")}


def test_the_body_the_lead_sentence_opens_with_is_the_articles_body(extractor):
    # named once, and another body twice: the lead's subject is what the article is about
    got = roles_of(
        extractor,
        "Fernhurst Health NHS Trust yesterday announced the team that will lead it next year.",
        "The team was chosen after talks with Kestrel Vale ICB and local leaders.",
        "Kestrel Vale ICB welcomed the news.",
        "Ann Lowe will remain in post as medical director until July.",
    )
    assert got == {("Ann Lowe", "medical director", "Fernhurst Health NHS Trust")}


def test_a_body_from_context_gives_way_to_the_articles_body(extractor):
    # the ICB named in the sentence before is not the former chair's body, nor is the
    # board the sentence names after him
    trust = "Fernhurst Health NHS Trust"
    got = roles_of(
        extractor,
        "Fernhurst Health NHS Trust has named a new chair.",
        "Fernhurst Health NHS Trust said the choice was unanimous.",
        "Fernhurst Health NHS Trust has been in special measures since May.",
        "Kestrel Vale ICB has been asked to step in.",
        "Today’s announcement comes after former chair Tom Reed stepped down ahead of a "
        "report from the Care Standards Board.",
    )
    assert got == {("Tom Reed", "chair", trust)}


def test_a_body_the_sentence_names_only_after_the_post_is_not_its_body(extractor):
    # the broadcaster that revealed the story is no employer
    trust = "Fernhurst Health NHS Trust"
    got = roles_of(
        extractor,
        "Fernhurst Health NHS Trust is looking for its fifth leader in five years.",
        "Fernhurst Health NHS Trust said it would advertise the post.",
        "Fernhurst Health NHS Trust has apologised to its staff.",
        "Kestrel Broadcasting Group found that the board had been misled.",
        "Tom Reed was appointed chief executive in 2020 but withdrew a month later after "
        "Kestrel Broadcasting Group revealed he had lied.",
    )
    assert got == {("Tom Reed", "chief executive", trust)}


def test_a_body_described_before_its_name_is_the_posts(extractor):
    got = roles_of(
        extractor,
        "Fernhurst Health NHS Trust has a new chair.",
        "At present, Tom Reed is based at Kestrel Vale ICB, while Ann Lowe is chief nurse at "
        "the regulatory body Holt Care Standards Board.",
    )
    assert got == {("Ann Lowe", "chief nurse", "Holt Care Standards Board")}


def test_the_body_a_titled_holder_is_based_at_is_the_posts(extractor):
    got = roles_of(
        extractor,
        "Fernhurst Health NHS Trust has a new chair.",
        "At present, CNO Professor Tom Reed is based at Kestrel Vale ICB, the regional body.",
    )
    assert got == {("Tom Reed", "chief nursing officer", "Kestrel Vale ICB")}


def test_a_name_less_its_generic_first_word_and_its_tail_is_a_short_name(extractor):
    # "the National Digital Academy for Community Nursing" is found whole, and "Digital
    # Academy" stands for it
    academy = "National Digital Academy for Community Nursing"
    got = roles_of(
        extractor,
        "Fenland Carers Alliance and the National Digital Academy for Community Nursing are "
        "to merge next month.",
        "Fenland Carers Alliance will lead the merged body.",
        "Digital Academy chair Ruth Pell is to step down.",
    )
    assert got == {("Ruth Pell", "chair", academy)}


def test_the_department_is_the_department_the_article_names(extractor):
    got = roles_of(
        extractor,
        "Fenland Carers Alliance is to merge with Holt Care Network.",
        "The Department of Rural Affairs welcomed the move.",
        "“This is good news,” said Tom Reed, director of rural health at the department.",
    )
    assert got == {("Tom Reed", "director of rural health", "Department of Rural Affairs")}


def test_a_name_ending_ft_is_a_foundation_trust(extractor):
    got = roles_of(
        extractor,
        "Ann Lowe, chair of Holt and Fenmouth Teaching Hospitals FT, is to step down.",
    )
    assert got == {("Ann Lowe", "chair", "Holt and Fenmouth Teaching Hospitals FT")}


def test_joining_a_government_last_year_as_a_post_is_a_post_there(extractor):
    got = roles_of(
        extractor,
        "Ann Lowe was chief executive of Holt Care Network before joining the Northern Isles "
        "Government last year as director of digital reform.",
    )
    assert got == {
        ("Ann Lowe", "chief executive", "Holt Care Network"),
        ("Ann Lowe", "director of digital reform", "Northern Isles Government"),
    }


def test_a_body_whose_name_opens_with_a_capital_the_is_the_posts(extractor):
    got = roles_of(
        extractor,
        "Ann Lowe, who has served as interim chief executive at The Holt and Fenmouth "
        "Hospital NHS Trust since August, has been made permanent.",
    )
    assert got == {("Ann Lowe", "chief executive", "Holt and Fenmouth Hospital NHS Trust")}


def test_a_short_name_and_a_nation_is_a_national_branch_of_its_own(extractor):
    got = roles_of(
        extractor,
        "The Fenland Nurses Union (FNU) has a new leader.",
        "FNU Wales has also elected Dr Ann Lowe as chair of its council.",
        "The FNU said it was pleased.",
        "Tom Reed, chief executive of NHS Learning for Wales, welcomed the news.",
    )
    assert got == {
        ("Ann Lowe", "chair", "FNU Wales"),
        ("Tom Reed", "chief executive", "NHS Learning for Wales"),
    }


def test_a_place_owning_a_name_the_article_also_gives_alone_is_not_part_of_it(extractor):
    got = roles_of(
        extractor,
        "Dr Ann Lowe, currently chief executive at Fenmouth’s Harrow Lane Group, is to retire.",
        "Harrow Lane Group said it would miss her.",
    )
    assert got == {("Ann Lowe", "chief executive", "Harrow Lane Group")}


def test_a_regional_nhs_body_named_by_its_compass_name_is_the_posts(extractor):
    got = roles_of(
        extractor,
        "Fernhurst Health NHS Trust has a new chair, Jo Hale.",
        "Sam Tate, Chief Executive of NHS West of Westshire, said it was good. Ann Bell was "
        "later director of public health at NHS North Fenshire.",
    )
    assert got == {
        ("Jo Hale", "chair", "Fernhurst Health NHS Trust"),
        ("Sam Tate", "chief executive", "NHS West of Westshire"),
        ("Ann Bell", "director of public health", "NHS North Fenshire"),
    }
