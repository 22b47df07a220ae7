"""One role-noun resolver (`coreference.role_noun_referent`) and one "role of this person"
look-up (`person_roles.role_of`) for every stage, specified on hand-written entities."""

from __future__ import annotations

from quote_articles import make_article

from sectorwatch.extract.entities.coreference import role_noun_referent
from sectorwatch.extract.entities.person_roles import role_of
from sectorwatch.extract.pipeline import extract_from_substrate
from sectorwatch.extract.substrate import Substrate

TEXT = (
    "Former chief executive Tom Reed left Fernleigh Care NHS Trust in May. Ada Quill has been "
    "appointed chief executive of Fernleigh Care NHS Trust. The beleaguered chief executive "
    "will face the board in June."
)
ENTITIES = [("Tom Reed", "PERSON"), ("Fernleigh Care NHS Trust", "ORG"), ("Ada Quill", "PERSON")]


def _ctx(text: str = TEXT, entities=ENTITIES) -> Substrate:
    ctx = Substrate.from_annotations(make_article(text), entities)
    extract_from_substrate(ctx)
    return ctx


def _span(ctx: Substrate, start: str, end: str) -> tuple[int, int]:
    return ctx.text.index(start), ctx.text.index(end)


def test_a_subject_role_noun_of_several_holders_is_the_one_who_holds_it_now():
    ctx = _ctx()
    start, end = _span(ctx, "The beleaguered", " will face")
    assert role_noun_referent(ctx, start, end, subject=True) == "Ada Quill"


def test_a_role_noun_with_a_word_of_its_own_before_the_title_is_only_a_subject_phrase():
    ctx = _ctx()
    start, end = _span(ctx, "The beleaguered", " will face")
    assert role_noun_referent(ctx, start, end) is None


def test_a_subject_role_noun_nobody_holds_yet_is_the_person_named_next():
    text = (
        "The chief executive of Fernleigh Care NHS Trust has resigned. Ada Quill said the "
        "board had lost confidence. The trust will advertise the post."
    )
    ctx = _ctx(text, [("Fernleigh Care NHS Trust", "ORG"), ("Ada Quill", "PERSON")])
    start, end = _span(ctx, "The chief executive", " has resigned")
    assert role_noun_referent(ctx, start, end, subject=True) == "Ada Quill"


def test_role_of_near_an_offset_is_the_latest_fact_stated_before_it():
    ctx = _ctx()
    sentence = _span(ctx, "The beleaguered", " will face")
    fact = role_of(ctx, "Ada Quill", sentence, near=sentence[0])
    assert fact is not None
    assert (fact.role, fact.organisation, fact.status) == (
        "chief executive",
        "Fernleigh Care NHS Trust",
        "current",
    )
    assert role_of(ctx, "Nobody Named", sentence, near=sentence[0]) is None
