"""A name written right after "Chair of the Trust" or "Head of Health" is the speaker: the
organisation word of the title is not part of the name (fictional articles)."""

from quote_articles import direct_of


def test_chair_of_the_trust_then_name_speaks_and_is_resolved_later(extractor):
    assert direct_of(
        extractor,
        "Sam Reed has been named chief executive.",
        "Chair of the Trust Mary Vale said: “I am delighted to welcome Sam to the Trust.”",
        "Mary added: “I wish to thank the team.”",
    ) == [
        ("I am delighted to welcome Sam to the Trust.", "Mary Vale"),
        ("I wish to thank the team.", "Mary Vale"),
    ]


def test_union_head_of_field_then_name_after_a_long_opening_clause(extractor):
    assert direct_of(
        extractor,
        "Responding to the announcement that the president of Widget Health and group"
        " executive vice-president at Widgetco, Sam Reed, will take on the role of chief"
        " executive of Tarrow Trust in April next year, WIDGETCO Head of Health Maria"
        " Lopez said:",
        "“The board faces a hard winter.",
        "“Mr Reed will have his work cut out.”",
    ) == [
        ("The board faces a hard winter.", "Maria Lopez"),
        ("Mr Reed will have his work cut out.", "Maria Lopez"),
    ]


def test_an_organisation_name_ending_in_capitalised_words_stays_the_organisation(extractor):
    assert direct_of(
        extractor,
        "The Office for Care Quality Westmark said the failings were “serious and sustained”.",
    ) == [("serious and sustained", "Office for Care Quality Westmark")]
