"""Only what the rules need runs over the whole article: the ner. The tok2vec, tagger and
parser run on the sentences a rule asks about, so the two checks that read words' classes
read words (a sentence's opener, from data) or the parse of their one sentence (a past-tense
verb's tag). Specified without the statistical model, then on the loaded pipeline."""

from __future__ import annotations

from quote_articles import make_article
from test_extract_syntax import hand_parse

from sectorwatch.extract.pipeline import extract_from_substrate
from sectorwatch.extract.substrate import Substrate


def test_the_whole_article_pass_runs_the_ner_only(extractor):
    assert extractor.nlp.pipe_names == ["tok2vec", "tagger", "parser", "ner"]
    assert extractor.on_demand == ["tok2vec", "tagger", "parser"]
    doc = extractor.nlp("Ann Kell leads Fenwick Valley NHS Trust.", disable=extractor.on_demand)
    assert [t.tag_ for t in doc] == ["", "", "", "", "", "", "", ""]
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Ann Kell", "PERSON"),
        ("Fenwick Valley NHS Trust", "ORG"),
    ]


def test_a_sentence_adverb_opening_a_sentence_is_not_part_of_the_organisation():
    article = make_article(
        "Meanwhile Fenwick Valley NHS Trust appointed Ann Kell as chief executive.",
        "Its Harlow Vale NHS Trust board named Bob Marr as chair.",
    )
    ctx = Substrate.from_annotations(article, [("Ann Kell", "PERSON"), ("Bob Marr", "PERSON")])
    extraction = extract_from_substrate(ctx)
    assert [(m.text, m.canonical) for m in extraction.mentions if m.kind == "organisation"] == [
        ("Fenwick Valley NHS Trust", "Fenwick Valley NHS Trust"),
        ("Harlow Vale NHS Trust", "Harlow Vale NHS Trust"),
    ]
    assert [(r.person, r.role, r.organisation) for r in extraction.roles] == [
        ("Ann Kell", "chief executive", "Fenwick Valley NHS Trust"),
        ("Bob Marr", "chair", "Harlow Vale NHS Trust"),
    ]


SAID = "Ann Kell said the board accepted the findings."
SAID_TAGS = ["NNP", "NNP", "VBD", "DT", "NN", "VBD", "DT", "NNS", "."]


def _reported(parse):  # type: ignore[no-untyped-def]
    ctx = Substrate.from_annotations(make_article(SAID), [("Ann Kell", "PERSON")], parse=parse)
    return [
        (q.type, q.text, q.speaker.name if q.speaker else None)
        for q in extract_from_substrate(ctx).quotes
    ]


def test_a_past_tense_clause_after_a_speech_verb_is_read_from_the_sentence_parse():
    words = SAID[:-1].split() + ["."]
    heads = [1, 2, 2, 4, 5, 2, 7, 5, 2]
    deps = ["compound", "nsubj", "ROOT", "det", "nsubj", "ccomp", "det", "dobj", "punct"]
    assert _reported(hand_parse(words, heads, deps, SAID_TAGS)) == [("indirect", SAID, "Ann Kell")]


def test_without_a_parse_the_past_tense_clause_is_not_read():
    assert _reported(None) == []


def test_a_sentence_whose_tags_alone_are_read_is_tagged_not_parsed(extractor):
    tagged = extractor.parse.tag(SAID)
    parsed = extractor.parse(SAID)
    assert not tagged.has_annotation("DEP") and parsed.has_annotation("DEP")
    assert [t.tag_ for t in tagged] == [t.tag_ for t in parsed] == SAID_TAGS
