"""Event styles of real UK health news that earlier rules missed (issue 11, third round):
small fictional articles in, exact events out. Relative dates resolve against the
article's date, Monday 4 March 2024."""

from __future__ import annotations

from quote_articles import make_article

PUBLISHED = "2024-03-04"
ORCHARD = "Orchard Vale Hospitals NHS Trust"


def events_of(extractor, *paragraphs):  # type: ignore[no-untyped-def]
    article = make_article(*paragraphs)
    article.published = PUBLISHED
    found = extractor.extract(article).events
    return {(e.type, e.person, e.role, e.organisation, e.status, e.date) for e in found}


def test_the_person_of_a_relative_clause_is_the_subject_of_its_cue(extractor):
    """ "takes over from X, who has occupied the post ... since", "the departure of X, who
    joined ...": X is the one the relative clause's cue is about, not the main clause's
    subject or the successor."""
    got = events_of(
        extractor,
        f"Mary Quill will be the new chief executive of {ORCHARD}.",
        "Ms Quill will take over from Peter Vane, who has occupied the position on an "
        "interim basis since 2022.",
    )
    assert got == {
        ("appointment", "Mary Quill", "chief executive", ORCHARD, "announced", None),
        ("departure", "Peter Vane", "chief executive", ORCHARD, "announced", None),
        ("appointment", "Peter Vane", "chief executive", ORCHARD, "completed", "2022"),
    }


def test_tenure_as_an_interim_replacement_since_a_start(extractor):
    got = events_of(
        extractor,
        f"Tom Bright has been named chief executive of {ORCHARD}.",
        "Deputy chief executive Anna Reed had served as an interim replacement since "
        "the retirement of the previous chief executive in May.",
    )
    assert got == {
        ("appointment", "Tom Bright", "chief executive", ORCHARD, "announced", None),
        ("appointment", "Anna Reed", "deputy chief executive", ORCHARD, "completed", "2023-05"),
    }


def test_a_post_covered_by_someone_named_after_a_possessor(extractor):
    """ "covered by Westmoor Hospital's Professor X": the person is X, not the body that
    owns them (however the body was tagged)."""
    got = events_of(
        extractor,
        f"Dr Jane Holt, medical director of {ORCHARD}, has left.",
        "The medical director role has been covered by Westmoor and Kelby Hospital's "
        "(WKH) Professor Alan Marsh.",
    )
    assert got == {
        ("departure", "Jane Holt", "medical director", ORCHARD, "completed", None),
        ("appointment", "Alan Marsh", "medical director", None, "completed", None),
    }


def test_a_return_to_a_substantive_post_leaves_the_acting_one(extractor):
    """ "X will now return to her post of deputy chief executive": an appointment to that
    post, and the departure from the acting post she held; a return beside another new
    post of the same person is two appointments."""
    got = events_of(
        extractor,
        f"Dr Ruth Lane has been the acting chief executive of {ORCHARD}.",
        "Dr Lane will now return to her post of deputy chief executive.",
        f"Dr Omar Haddad, acting medical director of {ORCHARD}, returns to his previous "
        "role of director of nursing but will also become deputy chief executive.",
    )
    assert got == {
        ("appointment", "Ruth Lane", "deputy chief executive", ORCHARD, "announced", None),
        ("departure", "Ruth Lane", "chief executive", ORCHARD, "announced", None),
        ("appointment", "Omar Haddad", "director of nursing", ORCHARD, "announced", None),
        ("departure", "Omar Haddad", "medical director", ORCHARD, "announced", None),
        ("appointment", "Omar Haddad", "deputy chief executive", None, "announced", None),
    }


def test_moving_from_a_previous_post_and_a_post_held_until_a_time(extractor):
    """ "moves to the region from her previous post as X", "who, until the reshuffle, was
    X": the old post is former, so a completed departure."""
    got = events_of(
        extractor,
        f"Dr Lena Fox has joined {ORCHARD} as its chief executive.",
        "Dr Fox moves to the county from her previous post as chief executive of "
        "Kelby Care NHS Trust.",
        "The new chair is Mr Owen Hale who, until the elections last month, was chair of "
        "Lindon Community NHS Trust.",
    )
    assert got == {
        ("appointment", "Lena Fox", "chief executive", ORCHARD, "completed", None),
        ("departure", "Lena Fox", "chief executive", "Kelby Care NHS Trust", "completed", None),
        ("departure", "Owen Hale", "chair", "Lindon Community NHS Trust", "completed", "2024-02"),
    }


def test_who_would_take_over_is_a_question_not_a_person(extractor):
    got = events_of(
        extractor,
        "Raising the post's grade was a deliberate choice by the health secretary, Ian Pole, "
        "made before it was decided who would take over the job.",
    )
    assert got == set()


def test_a_dated_career_step_past_the_then_and_a_parenthesis(extractor):
    """ "was appointed chief executive of the then X (now Y) in October 2006": the body
    past "the then", the date past the parenthesis."""
    got = events_of(
        extractor,
        f"Sam Reid has been named chief executive of {ORCHARD}.",
        "Mr Reid was appointed chief executive at Kelby Care NHS Trust in October 2000 and "
        "he was appointed chief executive of the former Lindon Community NHS Trust (now "
        "Lindon Health) in October 2006.",
    )
    assert got == {
        ("appointment", "Sam Reid", "chief executive", ORCHARD, "announced", None),
        (
            "appointment", "Sam Reid", "chief executive", "Kelby Care NHS Trust",
            "completed", "2000-10",
        ),
        (
            "appointment", "Sam Reid", "chief executive", "Lindon Community NHS Trust",
            "completed", "2006-10",
        ),
    }  # fmt: skip


def test_decided_she_would_and_a_first_day_in_charge(extractor):
    """ "X decided in May she would not ... and resigned in June": she is X; "on his first
    day in charge": a completed appointment of whom "his" refers to."""
    got = events_of(
        extractor,
        f"Former chief executive Ian Moss resigned in 2023, with deputy chief executive "
        f"Kate Lorne taking over as chief executive of {ORCHARD}.",
        "Lorne herself decided in September she would not apply for the post and resigned "
        "in October.",
        f"Sir Paul Dane’s first statement came on his first day in charge of {ORCHARD}.",
    )
    assert got == {
        ("departure", "Ian Moss", "chief executive", None, "completed", "2023"),
        ("appointment", "Kate Lorne", "chief executive", ORCHARD, "announced", "2023"),
        ("departure", "Kate Lorne", "deputy chief executive", None, "completed", "2023-10"),
        ("appointment", "Paul Dane", None, None, "completed", None),
    }


def test_a_bodys_first_ever_holder_is_a_new_post(extractor):
    """ "appointed as its first ever chief nurse": a post created, besides the appointment;
    "a post ..., to which she was appointed": she is the sentence's first woman named."""
    got = events_of(
        extractor,
        f"Professor Jane Holt has been appointed by {ORCHARD} as its first ever chief nurse.",
        "She will work closely with the trust's chair, Anna Reed.",
        "Holt had already been advising Mary Quill on nursing, to which she was appointed "
        "in the spring.",
    )
    roles = {(t, p, r, o) for t, p, r, o, _, _ in got}
    assert roles == {
        ("role_created", None, "chief nurse", ORCHARD),
        ("appointment", "Jane Holt", "chief nurse", ORCHARD),
    }


def test_people_listed_after_a_groups_departure(extractor):
    """ "Those who have left or are leaving shortly include A; B; and C": each leaves."""
    got = events_of(
        extractor,
        f"{ORCHARD} is reshaping its executive team.",
        "Those who have left recently or are leaving shortly include director of strategy "
        "Tom Bright; director of estates Anna Reed; and at least two deputy directors.",
    )
    assert got == {
        ("departure", "Tom Bright", "director of strategy", ORCHARD, "announced", None),
        ("departure", "Anna Reed", "director of estates", ORCHARD, "announced", None),
    }


def test_remaining_in_post_until_a_date_is_a_departure_then(extractor):
    got = events_of(
        extractor,
        f"Professor Alan Marsh will remain in post as medical director of {ORCHARD} until "
        "early July and will work with his successor over the coming weeks.",
    )
    assert got == {
        ("departure", "Alan Marsh", "medical director", ORCHARD, "announced", "2024-07"),
    }


def test_a_post_replaced_by_another_is_a_post_created(extractor):
    """ "its director of policy post ... is to be replaced by a director of strategy": the
    new title is a post created; a person replaced by a successor is not."""
    got = events_of(
        extractor,
        f"Under the changes at {ORCHARD}, its director of policy post, which Tom Bright is "
        "leaving in coming weeks, is to be replaced by a director of strategy.",
        "Anna Reed, the chief nurse, will be replaced by a new chief nurse next year.",
    )
    assert {(t, p, r) for t, p, r, *_ in got} == {
        ("role_created", None, "director of strategy"),
        ("departure", "Tom Bright", None),
    }
