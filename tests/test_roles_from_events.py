"""Role facts that events and the sentences around a post imply (the `event_roles` stage,
after events): a post named in one sentence and its holder in the next ("the role", "the
post"), who held it before, "returns to her post of A and B", and the role fact an
appointment or departure implies. Small fictional articles in, exact facts out."""

from __future__ import annotations

from quote_articles import make_article

from sectorwatch.extract.entities.event_roles import event_roles
from sectorwatch.extract.entities.organisation_finder import build_organisation_index
from sectorwatch.extract.entities.people import build_person_index
from sectorwatch.extract.pipeline import PIPELINE
from sectorwatch.extract.substrate import Substrate
from sectorwatch.model import Event, RoleFact


def roles_of(extractor, *paragraphs):  # type: ignore[no-untyped-def]
    article = make_article(*paragraphs)
    article.published = "2024-03-04"
    return {(r.person, r.role, r.organisation, r.status) for r in extractor.extract(article).roles}


def test_a_new_post_in_one_sentence_and_who_took_it_up_in_the_next(extractor):
    assert roles_of(
        extractor,
        "A new interim chief executive has been appointed at Harrowgate Vale NHS Foundation Trust.",
        "Tobias Wrenfield officially took up the role on May 1 while Imelda Croy is on secondment.",
    ) == {
        ("Tobias Wrenfield", "chief executive", "Harrowgate Vale NHS Foundation Trust", "interim"),
        ("Imelda Croy", "chief executive", "Harrowgate Vale NHS Foundation Trust", "current"),
    }


def test_who_left_the_post_and_who_will_take_it_up_on_a_temporary_basis(extractor):
    assert roles_of(
        extractor,
        "Fennick Coast Ambulance Service Trust has lined up an interim chief executive. It "
        "follows the resignation of Simon Tarrant last month.",
        "The trust has put forward management consultant Ludmila Braye to take up the "
        "demanding role on a temporary basis.",
    ) == {
        ("Simon Tarrant", "chief executive", "Fennick Coast Ambulance Service Trust", "former"),
        ("Ludmila Braye", "chief executive", "Fennick Coast Ambulance Service Trust", "interim"),
    }


def test_the_holder_who_occupied_the_position_on_an_interim_basis(extractor):
    assert roles_of(
        extractor,
        "Corriemoor University Hospitals NHS Trust has announced the appointment of a new chief "
        "executive.",
        "Mr Halloran will take over from Petra Vasko, who has occupied the position on an "
        "interim basis since last year.",
    ) == {
        ("Petra Vasko", "chief executive", "Corriemoor University Hospitals NHS Trust", "interim"),
    }


def test_returns_to_her_post_of_two_titles(extractor):
    assert roles_of(
        extractor,
        "Dr Maren Solberg, the acting chief executive of Quillby Health NHS Trust, will hand "
        "over in June.",
        "Dr Solberg will now return to her post of deputy chief executive and director of "
        "operations.",
    ) == {
        ("Maren Solberg", "chief executive", "Quillby Health NHS Trust", "acting"),
        ("Maren Solberg", "deputy chief executive", "Quillby Health NHS Trust", "current"),
        ("Maren Solberg", "director of operations", "Quillby Health NHS Trust", "current"),
    }


def test_an_interim_holder_taking_up_their_own_post_permanently_is_not_given_the_other(
    extractor,
):
    assert roles_of(
        extractor,
        "Westmere Health Board has appointed a new chief executive, Ilse Dorrington.",
        "Interim medical director Dr Caspar Lyle will take up the role on a permanent basis.",
    ) == {
        ("Ilse Dorrington", "chief executive", "Westmere Health Board", "incoming"),
        ("Caspar Lyle", "medical director", "Westmere Health Board", "interim"),
    }


def _substrate(*paragraphs, entities):  # type: ignore[no-untyped-def]
    ctx = Substrate.from_annotations(make_article(*paragraphs), entities)
    ctx.organisations = build_organisation_index(ctx)
    ctx.people = build_person_index(ctx)
    return ctx


def _event(ctx, kind, sentence, person, role, body, status):  # type: ignore[no-untyped-def]
    start = ctx.text.index(sentence)
    end = start + len(sentence)
    return Event(
        type=kind, start=start, end=end, person=person, role=role, organisation=body,
        status=status, evidence=ctx.evidence(start, end),
    )  # fmt: skip


def test_each_event_gives_the_role_it_implies_with_its_status_and_evidence():
    first = "In 2009 Ada Pym was appointed medical director of Larkholme Health NHS Trust."
    second = "Bram Oduya will step down as chief executive of Larkholme Health NHS Trust."
    third = "Cleo Marr starts as interim chair of Larkholme Health NHS Trust."
    ctx = _substrate(
        first, second, third,
        entities=[("Ada Pym", "PERSON"), ("Larkholme Health NHS Trust", "ORG"),
                  ("Bram Oduya", "PERSON"), ("Larkholme Health NHS Trust", "ORG"),
                  ("Cleo Marr", "PERSON"), ("Larkholme Health NHS Trust", "ORG")],
    )  # fmt: skip
    body = "Larkholme Health NHS Trust"
    events = [
        _event(ctx, "appointment", first, "Ada Pym", "medical director", body, "completed"),
        _event(ctx, "departure", second, "Bram Oduya", "chief executive", body, "announced"),
        _event(ctx, "appointment", third, "Cleo Marr", "chair", body, "announced"),
    ]
    got = event_roles(ctx, events, [])
    assert [(r.person, r.role, r.organisation, r.status, r.evidence.sentence) for r in got] == [
        ("Ada Pym", "medical director", body, "current", first),
        ("Bram Oduya", "chief executive", body, "leaving", second),
        ("Cleo Marr", "chair", body, "interim", third),
    ]  # fmt: skip


def test_an_event_the_role_stage_has_or_whose_sentence_names_neither_title_nor_body_adds_none():
    first = "Dana Royce was appointed chief executive of Larkholme Health NHS Trust."
    second = "Eli Stroud has resigned."
    ctx = _substrate(
        first, second,
        entities=[("Dana Royce", "PERSON"), ("Larkholme Health NHS Trust", "ORG"),
                  ("Eli Stroud", "PERSON")],
    )  # fmt: skip
    body = "Larkholme Health NHS Trust"
    known = RoleFact("Dana Royce", "chief executive", body, "current", 0, 10)
    events = [
        _event(ctx, "appointment", first, "Dana Royce", "chief executive", body, "completed"),
        _event(ctx, "departure", second, "Eli Stroud", "chief executive", body, "completed"),
    ]
    assert event_roles(ctx, events, [known]) == []


def test_the_stage_runs_after_events_and_its_facts_join_the_roles():
    names = PIPELINE.names
    assert names.index("event_roles") > names.index("events") > names.index("roles")


def test_the_predecessor_held_the_post_the_article_gives_the_successor(extractor):
    assert roles_of(
        extractor,
        "Peter Halvorsen has been appointed chief executive of Marlowe Vale Hospitals NHS Trust.",
        "He has worked in the health service for twenty years.",
        "Mr Halvorsen is a replacement for Susan Ecclestone, who stepped down in the summer.",
    ) == {
        ("Peter Halvorsen", "chief executive", "Marlowe Vale Hospitals NHS Trust", "current"),
        ("Susan Ecclestone", "chief executive", "Marlowe Vale Hospitals NHS Trust", "former"),
    }


def test_a_title_as_the_subject_and_its_holder_named_in_the_next_sentence(extractor):
    assert roles_of(
        extractor,
        "THE beleaguered chief executive of Carrowmore Hospitals NHS Trust resigned today.",
        "Michael Danvers said he was leaving the trust with a heavy heart.",
    ) == {
        ("Michael Danvers", "chief executive", "Carrowmore Hospitals NHS Trust", "former"),
    }


def test_a_post_named_by_its_title_takes_the_holders_body(extractor):
    assert roles_of(
        extractor,
        "Alan Pryce, the chief executive of Wendlebury Hospital NHS Trust, has resigned.",
        "Tamsin Orr, the trust's chief operating officer, has agreed to undertake the role of "
        "acting chief executive.",
    ) == {
        ("Alan Pryce", "chief executive", "Wendlebury Hospital NHS Trust", "leaving"),
        ("Tamsin Orr", "chief operating officer", "Wendlebury Hospital NHS Trust", "current"),
        ("Tamsin Orr", "chief executive", "Wendlebury Hospital NHS Trust", "acting"),
    }


def test_a_post_at_the_body_named_before_as_and_who_left_the_vacancy(extractor):
    assert roles_of(
        extractor,
        "Dr Lena Hart, chief executive of Oakhurst NHS Trust, is to be seconded to Pellworth "
        "Hospitals NHS Trust as interim chief executive.",
        "The vacancy was created by Bruno Kell's resignation in November.",
    ) == {
        ("Lena Hart", "chief executive", "Oakhurst NHS Trust", "interim"),
        ("Bruno Kell", "chief executive", "Pellworth Hospitals NHS Trust", "former"),
    }
