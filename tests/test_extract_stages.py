"""Stage contracts: each stage declares what it requires and assigns; the pipeline checks
the order when it is built and refuses a wrong one with a clear error."""

from __future__ import annotations

import pytest

from sectorwatch.extract.events.rules import event_kinds, ordered_rules
from sectorwatch.extract.pipeline import PIPELINE, STAGES
from sectorwatch.extract.stages import Pipeline, PipelineOrderError, stage


def nothing(ctx, values):  # type: ignore[no-untyped-def]
    return {}


def test_the_order_is_written_once_and_checked():
    assert PIPELINE.names == [
        "organisations",
        "people",
        "roles",
        "quotes",
        "events",
        "event_roles",
        "stance",
    ]


def test_a_stage_before_what_it_requires_is_refused():
    roles, people = STAGES[2], STAGES[1]
    with pytest.raises(PipelineOrderError) as error:
        Pipeline([STAGES[0], roles, people])
    assert str(error.value) == (
        "stage 'roles' requires people, which no earlier stage assigns; "
        "put the stage that assigns it first"
    )


def test_two_stages_assigning_the_same_thing_are_refused():
    again = stage("more organisations", ["entities"], ["organisations"], nothing)
    with pytest.raises(PipelineOrderError) as error:
        Pipeline([STAGES[0], again])
    assert str(error.value) == (
        "stage 'more organisations' assigns organisations, which stage 'organisations' "
        "already assigns"
    )


def test_a_stage_must_return_what_it_declares():
    from quote_articles import make_article

    from sectorwatch.extract.substrate import Substrate

    liar = stage("liar", [], ["claims"], nothing)
    with pytest.raises(PipelineOrderError, match="declared \\['claims'\\] but returned \\[\\]"):
        Pipeline([liar]).run(Substrate.from_annotations(make_article("Text.")))


def test_one_module_per_event_type_with_its_rules_in_one_order():
    assert sorted(event_kinds()) == [
        "appointment",
        "departure",
        "merger",
        "rename",
        "reporting_line",
        "role_created",
    ]
    assert [rule.name for _, rule in ordered_rules()] == [
        "agent of a passive succession",
        "subject of a passive succession",
        "departure cues",
        "appointment cues",
        "a verb of being and a post",
        "departure of the person succeeded",
        "people listed after a group's departure",
        "new posts",
        "new posts listed",
        "new posts nobody holds",
        "reports to",
        "oversees",
        "merger cues",
        "rename cues",
        "incoming role holders",
    ]


def test_role_holders_and_quote_speakers_come_from_ordered_named_strategies():
    from sectorwatch.extract.entities.role_holders import HOLDER_STRATEGIES
    from sectorwatch.extract.quotes.attribution import IN_PARAGRAPH, IN_SENTENCE

    assert [s.name for s in HOLDER_STRATEGIES] == [
        "name after the title",
        "second title joined by and",
        "predicate after an apposition",
        "successor or name before the title",
        "return to a substantive post",
        "subject of as / become",
        "he or she as subject",
        "subject of a coordinated predicate",
        "apposition or relative clause of a name (parse)",
        "subject of a career phrase",
        "next item of a career list",
    ]
    assert [s.name for s in IN_SENTENCE] == [
        "response lead-in (Ms X's response:)",
        "speech verb before the quote",
        "speech verb after the quote",
        "earlier quote of the sentence",
        "reported speech around a partial quote",
        "findings of a report",
        "according to, after",
        "according to, before",
    ]
    assert [s.name for s in IN_PARAGRAPH] == [
        "earlier quote of the paragraph",
        "lead-in sentence (X said:)",
        "next quote of the paragraph",
        "speaker announced before the paragraph",
        "previous paragraph's speaker",
        "person the narrative is about",
        "Q&A interviewee",
    ]
