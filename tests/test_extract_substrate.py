"""The substrate: built once per article, read by every stage. Specified here on
hand-written entities (`Substrate.from_annotations`), with no statistical model, so the
rules are tested apart from what spaCy's NER happens to tag."""

from __future__ import annotations

from quote_articles import make_article

from sectorwatch.extract.pipeline import extract_from_substrate
from sectorwatch.extract.substrate import Substrate

ARTICLE = make_article(
    ("title", "Fernleigh names chief"),
    "Ms Ada Quill has been appointed chief executive of Fernleigh Care NHS Trust. She "
    "said: “It is an honour. We start now.” Mr Tobias Reed, the chair, welcomed it.",
    "Quill said the board had backed the plan.",
)
ENTITIES = [
    ("Ada Quill", "PERSON"),
    ("Fernleigh Care NHS Trust", "ORG"),
    ("Tobias Reed", "PERSON"),
    ("Quill", "PERSON"),
]
BODY = ARTICLE.text


def substrate() -> Substrate:
    return Substrate.from_annotations(ARTICLE, ENTITIES)


def test_sentences_come_from_one_quote_aware_model_over_the_body_only():
    assert [BODY[s:e] for s, e in substrate().sentences()] == [
        "Ms Ada Quill has been appointed chief executive of Fernleigh Care NHS Trust.",
        "She said: “It is an honour. We start now.”",
        "Mr Tobias Reed, the chair, welcomed it.",
        "Quill said the board had backed the plan.",
    ]


def test_one_quoted_span_detector_for_every_stage():
    ctx = substrate()
    inside = BODY.index("honour")
    assert (ctx.in_quote(inside), ctx.in_quote(BODY.index("welcomed"))) == (True, False)
    (line,) = [p for p in ctx.lines if "honour" in BODY[p.start : p.end]]
    assert [BODY[line.start + q.start : line.start + q.end] for q in ctx.line_quotes(line)] == [
        "It is an honour. We start now."
    ]


def test_the_date_resolver_is_anchored_on_the_published_date():
    article = make_article("She will leave in June.")
    article.published = "2024-03-04"
    ctx = Substrate.from_annotations(article)
    assert [d.value for d in ctx.dates.find("in June", future=True)] == ["2024-06"]


def test_stages_run_on_hand_written_annotations():
    extraction = extract_from_substrate(substrate())
    assert [(r.person, r.role, r.organisation, r.status) for r in extraction.roles] == [
        ("Ada Quill", "chief executive", "Fernleigh Care NHS Trust", "current"),
        ("Tobias Reed", "chair", "Fernleigh Care NHS Trust", "current"),
    ]
    assert [(q.type, q.text, q.speaker and q.speaker.name) for q in extraction.quotes] == [
        ("direct", "It is an honour. We start now.", "Ada Quill"),
        ("indirect", "Quill said the board had backed the plan.", "Ada Quill"),
    ]
    assert [(e.type, e.person, e.role) for e in extraction.events] == [
        ("appointment", "Ada Quill", "chief executive")
    ]


def test_an_annotation_that_is_not_in_the_body_is_refused():
    import pytest

    with pytest.raises(ValueError, match="Zed Ochre"):
        Substrate.from_annotations(ARTICLE, [("Zed Ochre", "PERSON")])


def test_a_shared_reading_of_the_article_is_built_once():
    ctx = substrate()
    calls: list[int] = []

    def build() -> list[int]:
        calls.append(1)
        return [len(calls)]

    assert ctx.once("reading", build) == [1]
    assert ctx.once("reading", build) == [1]  # the first value, not built again
    assert ctx.once("other", build) == [2]
    assert substrate().once("reading", build) == [3]  # another article: its own


def test_the_entities_are_read_from_the_doc_once_as_labels_and_offsets():
    ctx = substrate()
    found = ctx.entities()
    assert [(label, ctx.text[s:e]) for label, s, e in found] == [
        ("PERSON", "Ada Quill"),
        ("ORG", "Fernleigh Care NHS Trust"),
        ("PERSON", "Tobias Reed"),
        ("PERSON", "Quill"),
    ]
    assert found == [(e.label_, e.start_char, e.end_char) for e in ctx.doc.ents]
    assert ctx.entities() is found  # one reading for every stage
