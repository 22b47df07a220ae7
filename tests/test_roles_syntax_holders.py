"""Syntax where syntax decides: a title inside an apposition ("X, the experienced medical
director of Y, said") or a relative clause ("X, who for many years was chief nurse at Y")
of a name is that person's. Specified on hand-written parses (no statistical model), then
end to end."""

from __future__ import annotations

from quote_articles import make_article

from sectorwatch.extract.pipeline import extract_from_substrate
from sectorwatch.extract.substrate import Substrate


def hand_parse(sentence: str, heads: list[int], deps: list[str], tags: list[str]):  # type: ignore[no-untyped-def]
    """A parse function that answers `sentence` (tokens split at spaces, with commas and
    the full stop their own tokens) with the given tree."""
    import spacy
    from spacy.tokens import Doc

    vocab = spacy.blank("en").vocab
    words: list[str] = []
    spaces: list[bool] = []
    for chunk in sentence.split(" "):
        tail = [c for c in ",." if chunk.endswith(c)]
        core = chunk[: -len(tail)] if tail else chunk
        words.append(core)
        spaces.append(not tail)
        if tail:
            words.append(tail[0])
            spaces.append(True)
    spaces[-1] = False

    def parse(text: str) -> Doc:
        doc = Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags)
        assert doc.text == text
        return doc

    return parse


APPOSITION = "Adrian Vale, the experienced medical director of Ashby General Hospital, said it."
APPOSITION_TREE = (
    [1, 12, 1, 6, 6, 6, 1, 6, 10, 10, 7, 1, 12, 12, 12],
    [
        "compound",
        "nsubj",
        "punct",
        "det",
        "amod",
        "amod",
        "appos",
        "prep",
        "compound",
        "compound",
        "pobj",
        "punct",
        "ROOT",
        "dobj",
        "punct",
    ],  # fmt: skip
    [
        "NNP",
        "NNP",
        ",",
        "DT",
        "JJ",
        "JJ",
        "NN",
        "IN",
        "NNP",
        "NNP",
        "NNP",
        ",",
        "VBD",
        "PRP",
        ".",
    ],  # fmt: skip
)
RELATIVE = "Ruth Orme, who for many years was chief nurse at Ashby General Hospital, agreed."
RELATIVE_TREE = (
    [1, 15, 1, 7, 7, 6, 4, 1, 9, 7, 9, 13, 13, 10, 1, 15, 15],
    [
        "compound",
        "nsubj",
        "punct",
        "nsubj",
        "prep",
        "amod",
        "pobj",
        "relcl",
        "amod",
        "attr",
        "prep",
        "compound",
        "compound",
        "pobj",
        "punct",
        "ROOT",
        "punct",
    ],  # fmt: skip
    [
        "NNP",
        "NNP",
        ",",
        "WP",
        "IN",
        "JJ",
        "NNS",
        "VBD",
        "JJ",
        "NN",
        "IN",
        "NNP",
        "NNP",
        "NNP",
        ",",
        "VBD",
        ".",
    ],  # fmt: skip
)


COMPLEMENT = "Adrian Vale is also the experienced medical director of Ashby General Hospital."
COMPLEMENT_TREE = (
    [1, 2, 2, 2, 7, 7, 7, 2, 7, 11, 11, 8, 2],
    [
        "compound",
        "nsubj",
        "ROOT",
        "advmod",
        "det",
        "amod",
        "amod",
        "attr",
        "prep",
        "compound",
        "compound",
        "pobj",
        "punct",
    ],  # fmt: skip
    ["NNP", "NNP", "VBZ", "RB", "DT", "JJ", "JJ", "NN", "IN", "NNP", "NNP", "NNP", "."],
)


def _roles(sentence: str, person: str, tree, parsed: bool):  # type: ignore[no-untyped-def]
    ctx = Substrate.from_annotations(
        make_article(sentence),
        [(person, "PERSON"), ("Ashby General Hospital", "ORG")],
        parse=hand_parse(sentence, *tree) if parsed else None,
    )
    return [(r.person, r.role, r.organisation, r.status) for r in extract_from_substrate(ctx).roles]


def test_a_title_in_an_apposition_of_a_name_on_a_hand_written_parse():
    assert _roles(APPOSITION, "Adrian Vale", APPOSITION_TREE, parsed=True) == [
        ("Adrian Vale", "medical director", "Ashby General Hospital", "current")
    ]


def test_a_title_in_a_relative_clause_of_a_name_on_a_hand_written_parse():
    assert _roles(RELATIVE, "Ruth Orme", RELATIVE_TREE, parsed=True) == [
        ("Ruth Orme", "chief nurse", "Ashby General Hospital", "former")
    ]


def test_a_title_as_the_complement_of_a_names_verb_on_a_hand_written_parse():
    assert _roles(COMPLEMENT, "Adrian Vale", COMPLEMENT_TREE, parsed=True) == [
        ("Adrian Vale", "medical director", "Ashby General Hospital", "current")
    ]


def test_without_a_parse_the_surface_strategies_find_no_holder():
    assert _roles(COMPLEMENT, "Adrian Vale", COMPLEMENT_TREE, parsed=False) == []
    assert _roles(APPOSITION, "Adrian Vale", APPOSITION_TREE, parsed=False) == []
    assert _roles(RELATIVE, "Ruth Orme", RELATIVE_TREE, parsed=False) == []


def test_apposition_and_relative_clause_end_to_end_but_not_a_description(extractor):
    extraction = extractor.extract(
        make_article(
            "Ashby General Hospital has a new chair.",
            APPOSITION,
            RELATIVE,
            "Sara Penn, a district nursing team leader in Ashby, said the same.",
        )
    )
    assert [(r.person, r.role, r.organisation) for r in extraction.roles] == [
        ("Adrian Vale", "medical director", "Ashby General Hospital"),
        ("Ruth Orme", "chief nurse", "Ashby General Hospital"),
    ]


def test_our_chief_executive_and_the_organisations_chair_are_the_articles_body(extractor):
    extraction = extractor.extract(
        make_article(
            "Ashby General Hospital has a new chair.",
            "Owen Hale, our CEO, said he was pleased.",
            "Rita Moss, the organisation's chair, agreed.",
        )
    )
    assert [(r.person, r.role, r.organisation) for r in extraction.roles] == [
        ("Owen Hale", "chief executive", "Ashby General Hospital"),
        ("Rita Moss", "chair", "Ashby General Hospital"),
    ]
