"""Career histories whose words between the person and the title are more than a linking
verb: a fronted phrase before "she was appointed as", "and in 2006 became", "after having
been", "her most recent role was a stint as"; each post at the body of its own item, and a
career post with no body of its own left out rather than given the article's."""

from __future__ import annotations

from dataclasses import replace

from quote_articles import make_article


def _roles(extractor, *paragraphs: str) -> set[tuple[str, str, str | None, str]]:  # type: ignore[no-untyped-def]
    article = replace(make_article(*paragraphs), published="2024-05-01")
    return {(r.person, r.role, r.organisation, r.status) for r in extractor.extract(article).roles}


def test_dated_steps_after_a_fronted_phrase_and_a_second_predicate(extractor):
    got = _roles(
        extractor,
        "Dr Hilda Marsh is the new chief executive of Fennick Valley NHS Trust.",
        "In 1998 she was appointed as medical director of Orbury Community Health NHS Trust "
        "and in 2006 became chief executive of the then Lowfield Healthcare NHS Trust.",
    )
    assert got == {
        ("Hilda Marsh", "chief executive", "Fennick Valley NHS Trust", "incoming"),
        ("Hilda Marsh", "medical director", "Orbury Community Health NHS Trust", "former"),
        ("Hilda Marsh", "chief executive", "Lowfield Healthcare NHS Trust", "former"),
    }


def test_after_having_been_and_a_most_recent_role(extractor):
    got = _roles(
        extractor,
        "Brindle Care NHS Trust has appointed Nadia Osei as its chief executive.",
        "Ms Osei joined the trust in 2019 after having been chief nurse and director of "
        "midwifery at Calder Royal Hospital NHS Trust.",
        "Her most recent role was an eight-month stint as managing director at Wexley "
        "Hospital Services Trust.",
    )
    assert got == {
        ("Nadia Osei", "chief executive", "Brindle Care NHS Trust", "current"),
        ("Nadia Osei", "chief nurse", "Calder Royal Hospital NHS Trust", "former"),
        ("Nadia Osei", "director of midwifery", "Calder Royal Hospital NHS Trust", "former"),
        ("Nadia Osei", "managing director", "Wexley Hospital Services Trust", "former"),
    }


def test_a_career_post_with_no_body_of_its_own_is_left_out(extractor):
    got = _roles(
        extractor,
        "Brindle Care NHS Trust has appointed Nadia Osei as its chief executive.",
        "Earlier in her career, she was a medical director in the north of England.",
    )
    assert got == {("Nadia Osei", "chief executive", "Brindle Care NHS Trust", "current")}


def test_other_posts_current_and_immediate_past_and_an_employer_before_as(extractor):
    got = _roles(
        extractor,
        "Greyhurst Hospitals NHS Trust has appointed Tom Hale as its chief executive.",
        "Mr Hale is a surgeon based in Leeds and is the current chair of the Northfield "
        "Surgical Society. He is also the immediate past chair of the Wexley Medical Guild.",
        "He currently works for the Kestrel Institute as head of research.",
        "He has also worked as finance director at Brindle Care NHS Trust.",
    )
    assert got == {
        ("Tom Hale", "chief executive", "Greyhurst Hospitals NHS Trust", "current"),
        ("Tom Hale", "chair", "Northfield Surgical Society", "current"),
        ("Tom Hale", "chair", "Wexley Medical Guild", "former"),
        ("Tom Hale", "head of research", "Kestrel Institute", "current"),
        ("Tom Hale", "finance director", "Brindle Care NHS Trust", "former"),
    }


def test_a_post_held_on_bodies_the_text_never_names_gives_no_fact(extractor):
    got = _roles(
        extractor,
        "Greyhurst Hospitals NHS Trust has appointed Tom Hale as its chief executive.",
        "He has served as finance director on a number of health boards.",
    )
    assert got == {("Tom Hale", "chief executive", "Greyhurst Hospitals NHS Trust", "current")}


def test_a_time_aside_after_who_and_where_with_no_named_body(extractor):
    got = _roles(
        extractor,
        "Greyhurst Hospitals NHS Trust has appointed Tom Hale as its chief executive.",
        "The move is a promotion for Mr Hale who, until the reshuffle last weekend, was "
        "finance director of the Ridley Care Council.",
        "He then spent a decade at a large health authority in the north, where he was "
        "director of public health.",
    )
    assert got == {
        ("Tom Hale", "chief executive", "Greyhurst Hospitals NHS Trust", "current"),
        ("Tom Hale", "finance director", "Ridley Care Council", "former"),
    }


def test_another_current_post_after_who_is_also_keeps_its_own_status(extractor):
    got = _roles(
        extractor,
        "Brindle Care NHS Trust chair Ann Pike, who is also chair of The College of Care "
        "Practice, is to step down.",
    )
    assert got == {
        ("Ann Pike", "chair", "Brindle Care NHS Trust", "leaving"),
        ("Ann Pike", "chair", "College of Care Practice", "current"),
    }


def test_a_whole_career_history_each_post_at_its_own_body(extractor):
    got = _roles(
        extractor,
        "Greyhurst Hospitals NHS Trust has appointed Nadia Osei as its chief executive.",
        "Ms Osei, who was formerly finance director of Marlow Fen NHS Trust, starts in May.",
        "She has been chief operating officer of Calder Royal Hospital NHS Trust since 2019 "
        "and before that medical director of Brindle Care NHS Trust.",
        "She began her career as a deputy director of finance at Wexley General Hospital.",
        "Prior to joining Calder Royal Hospital NHS Trust, she was director of nursing at "
        "Kestrel Vale NHS Trust.",
        "She has also worked at Ridley Community NHS Trust as director of strategy.",
        "She has held several senior positions including eight years as chief executive at "
        "Orbury NHS Trust, three years as director of operations at Lowfield NHS Trust and "
        "more recently two years as chief nurse at Fennick NHS Trust.",
    )
    assert got == {
        ("Nadia Osei", "chief executive", "Greyhurst Hospitals NHS Trust", "current"),
        ("Nadia Osei", "finance director", "Marlow Fen NHS Trust", "former"),
        ("Nadia Osei", "chief operating officer", "Calder Royal Hospital NHS Trust", "current"),
        ("Nadia Osei", "medical director", "Brindle Care NHS Trust", "former"),
        ("Nadia Osei", "deputy finance director", "Wexley General Hospital", "former"),
        ("Nadia Osei", "director of nursing", "Kestrel Vale NHS Trust", "former"),
        ("Nadia Osei", "director of strategy", "Ridley Community NHS Trust", "former"),
        ("Nadia Osei", "chief executive", "Orbury NHS Trust", "former"),
        ("Nadia Osei", "director of operations", "Lowfield NHS Trust", "former"),
        ("Nadia Osei", "chief nurse", "Fennick NHS Trust", "former"),
    }


def test_a_post_verb_in_a_second_predicate(extractor):
    got = _roles(
        extractor,
        "Tom Reed has been chief executive of Greyhurst Hospitals NHS Trust since October "
        "2021 and previously led Marlow Fen NHS Trust for four years.",
        "Ann Pike, the former chief executive of Orbury NHS Trust who now chairs Brindle Care "
        "NHS Trust, will chair the new agency.",
    )
    assert got == {
        ("Tom Reed", "chief executive", "Greyhurst Hospitals NHS Trust", "current"),
        ("Tom Reed", "chief executive", "Marlow Fen NHS Trust", "former"),
        ("Ann Pike", "chief executive", "Orbury NHS Trust", "former"),
        ("Ann Pike", "chair", "Brindle Care NHS Trust", "current"),
    }


def test_a_seat_on_the_trust_board_is_a_post_at_the_trust(extractor):
    got = _roles(
        extractor,
        "The trust running Wexley General Hospital has appointed a new chair.",
        "Ann Pike will take the role at Greyhurst Hospitals NHS Trust after previously "
        "serving as a non-executive director on the trust board since May.",
    )
    assert got == {
        ("Ann Pike", "non-executive director", "Greyhurst Hospitals NHS Trust", "former"),
    }


def test_a_post_stepped_up_from_is_former(extractor):
    got = _roles(
        extractor,
        "Tom Reed has been named interim chief executive of Greyhurst Hospitals NHS Trust.",
        "Mr Reed stepped up from his role as chief operating officer at Marlow Fen NHS Trust "
        "in April.",
    )
    assert got == {
        ("Tom Reed", "chief executive", "Greyhurst Hospitals NHS Trust", "interim"),
        ("Tom Reed", "chief operating officer", "Marlow Fen NHS Trust", "former"),
    }


def test_the_words_nearest_the_title_give_its_status(extractor):
    got = _roles(
        extractor,
        "Greyhurst Hospitals NHS Trust has appointed Nadia Osei as its chief executive.",
        "Ms Osei, who will take up the post in July, previously worked as finance director "
        "at Marlow Fen NHS Trust.",
    )
    assert got == {
        ("Nadia Osei", "chief executive", "Greyhurst Hospitals NHS Trust", "current"),
        ("Nadia Osei", "finance director", "Marlow Fen NHS Trust", "former"),
    }


def test_an_earlier_post_after_a_time_aside_with_no_body_leaves_the_current_post_alone(
    extractor,
):
    got = _roles(
        extractor,
        "Tom Hale has been appointed chief executive of Greyhurst Hospitals NHS Trust.",
        "The move is a promotion for Mr Hale who, until the reshuffle last weekend, was "
        "chief executive in the north.",
    )
    assert got == {("Tom Hale", "chief executive", "Greyhurst Hospitals NHS Trust", "current")}


def test_each_item_of_a_list_of_previous_roles_at_its_own_body(extractor):
    got = _roles(
        extractor,
        "Greyhurst Hospitals NHS Trust has appointed Nadia Osei as its chief executive.",
        "Her previous roles included chief nurse at Marlow Fen NHS Trust, director of nursing "
        "at Calder Royal Hospital NHS Trust and medical director at Brindle Care NHS Trust.",
    )
    assert got == {
        ("Nadia Osei", "chief executive", "Greyhurst Hospitals NHS Trust", "current"),
        ("Nadia Osei", "chief nurse", "Marlow Fen NHS Trust", "former"),
        ("Nadia Osei", "director of nursing", "Calder Royal Hospital NHS Trust", "former"),
        ("Nadia Osei", "medical director", "Brindle Care NHS Trust", "former"),
    }
