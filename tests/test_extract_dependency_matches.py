"""The dependency patterns of the data file are matched over a parsed doc's arrays: the
matches spaCy's `DependencyMatcher` finds for them, in its order (tree by tree, then each
node's words in order), on hand-written parses (no statistical model)."""

from __future__ import annotations

import pytest

from sectorwatch.extract.dependency_matches import (
    UnsupportedPattern,
    compile_patterns,
    dependency_matches,
)
from sectorwatch.extract.syntax import dependency_patterns, match


def _doc(words: list[str], heads: list[int], deps: list[str], tags: list[str]):  # type: ignore[no-untyped-def]
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags)


# "Ann Kell , the medical director , and Bob Marr were appointed ."
APPOINTED = _doc(
    ["Ann", "Kell", ",", "the", "medical", "director", ",", "and", "Bob", "Marr", "were",
     "appointed", "."],
    [1, 11, 1, 5, 5, 1, 1, 1, 9, 1, 11, 11, 11],
    ["compound", "nsubjpass", "punct", "det", "amod", "appos", "punct", "cc", "compound",
     "conj", "auxpass", "ROOT", "punct"],
    ["NNP", "NNP", ",", "DT", "JJ", "NN", ",", "CC", "NNP", "NNP", "VBD", "VBN", "."],
)  # fmt: skip

# "Ann Kell said she would go . Bob Marr is chair ." (two sentences: two trees)
TWO_TREES = _doc(
    ["Ann", "Kell", "said", "she", "would", "go", ".", "Bob", "Marr", "is", "chair", "."],
    [1, 2, 2, 5, 5, 2, 2, 8, 9, 9, 9, 9],
    ["compound", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct", "compound", "nsubj",
     "ROOT", "attr", "punct"],
    ["NNP", "NNP", "VBD", "PRP", "MD", "VB", ".", "NNP", "NNP", "VBZ", "NN", "."],
)  # fmt: skip


def test_a_subject_its_apposition_and_its_conjunct_are_matched():
    assert match(APPOINTED) == {
        "verb_subject": [(11, 1)],
        "subject_apposition": [(1, 5)],
        "subject_conjunct": [(1, 9)],
        "name_apposition": [(1, 5)],
    }


def test_a_reported_clause_and_a_name_with_a_complement_are_matched_tree_by_tree():
    assert match(TWO_TREES) == {
        "verb_subject": [(2, 1), (5, 3), (9, 8)],
        "verb_clause_complement": [(2, 5, 3)],
        "name_complement": [(9, 8, 10)],
    }


INTERLEAVED = _doc(
    ["Ann", "left", "Kell", "went"],
    [3, 1, 1, 3],
    ["nsubj", "ROOT", "nsubj", "ROOT"],
    ["NNP", "VBD", "NNP", "VBD"],
)


@pytest.mark.parametrize("doc", [APPOINTED, TWO_TREES, INTERLEAVED])
def test_the_matches_are_what_spacys_dependency_matcher_finds(doc):  # type: ignore[no-untyped-def]
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(doc.vocab)
    for name, pattern in dependency_patterns().items():
        matcher.add(name, [pattern])
    expected: dict[str, list[tuple[int, ...]]] = {}
    for key, tokens in matcher(doc):
        expected.setdefault(doc.vocab.strings[key], []).append(tuple(tokens))
    assert match(doc) == expected


def test_the_tree_whose_words_come_first_gives_its_matches_first():
    # two interleaved trees: "Ann ... went" (words 0, 3) and "left Kell" (words 1, 2); spaCy
    # takes the trees in the order of their first word that fits a node ("Ann", word 0)
    patterns = compile_patterns({"verb_subject": dependency_patterns()["verb_subject"]})
    assert dependency_matches(INTERLEAVED, patterns) == {"verb_subject": [(3, 0), (1, 2)]}


def test_a_pattern_this_reader_cannot_match_is_refused():
    with pytest.raises(UnsupportedPattern, match="LEMMA"):
        compile_patterns({"lemma": [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": "go"}}]})
    with pytest.raises(UnsupportedPattern, match="hang"):
        compile_patterns(
            {
                "precedes": [
                    {"RIGHT_ID": "v", "RIGHT_ATTRS": {"TAG": "VB"}},
                    {"LEFT_ID": "v", "REL_OP": ".", "RIGHT_ID": "n", "RIGHT_ATTRS": {}},
                ]
            }
        )
