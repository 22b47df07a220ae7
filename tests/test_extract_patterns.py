"""Faster regexes with the same matches: the required words of a cue (a sentence without
any of them is skipped without a scan) and alternations written as prefix trees."""

from __future__ import annotations

import re

from sectorwatch.extract.entities.vocab import alternation
from sectorwatch.extract.events.rules import cues, cues_in
from sectorwatch.extract.patterns import Prefilter, may_match, required_words, trie_alternation


def test_the_required_words_of_a_pattern_are_read_from_the_pattern():
    stepping = re.compile(r"(?<![\w-])(?:is (?:leaving|retiring|stepping down))(?![\w-])", re.I)
    assert required_words(stepping) == ("is leaving", "is retiring", "is stepping down")
    of = re.compile(r"(?:departure|exit) of\b", re.I)
    assert required_words(of) == ("departure ", "exit ")
    assert required_words(re.compile(r"\w+ (?:to|at)")) == (" at", " to")
    assert required_words(re.compile(r"\w+ (?:a|b)\w")) is None  # nothing long enough
    # a part that keeps case is still looked for in the folded sentence
    assert required_words(re.compile(r"(?-i:Appointed) (?:in|on)", re.I)) == ("appointed",)


def test_a_sentence_without_a_cue_s_required_words_skips_the_cue():
    text = "Ann Kell is stepping down. The board met on Tuesday."
    kept = cues_in("departure", text, (0, 26))
    assert [p.search(text, 0, 26) is not None for p, _ in kept].count(True) == 1
    assert cues_in("departure", text, (27, len(text))) == []


def test_the_prefilter_never_skips_a_pattern_that_matches():
    sentences = [
        "Ann Kell is stepping down as chief executive of Fenwick NHS Trust.",
        "Bob Marr, who RETIRED in May, said the trust had left its post empty.",
        "The merger of Harlow Vale and Fenwick Valley was completed last year.",
        "She will not be seeking re-election, and her term ends in June.",
        "Dr Ann Kell has been appointed medical director and starts work in July.",
        "The ſtaff were told that Bob Marr resigned.",  # long s folds to "s"
        "Appointed in May 2019, Ann Kell led the trust through two winters.",  # (?-i:...)
    ]
    patterns = [p for kind in ("departure", "appointment", "merger") for p, _ in cues(kind)]
    prefilter = Prefilter.of(patterns)
    for sentence in sentences:
        for pattern, possible in zip(patterns, prefilter.may_match(sentence), strict=True):
            assert possible or pattern.search(sentence) is None, (pattern.pattern, sentence)


def test_the_prefilter_finds_required_strings_that_overlap_or_start_one_another():
    # required strings that start one another: "ann", "anne", "annex"
    patterns = [re.compile(p, re.I) for p in (r"\bann\b", r"\banne\b", r"annex")]
    assert [required_words(p) for p in patterns] == [("ann",), ("anne",), ("annex",)]
    prefilter = Prefilter.of(patterns)
    assert prefilter.may_match("The Annex opened.") == [True, True, True]
    assert prefilter.may_match("Anne spoke.") == [True, True, False]
    assert prefilter.may_match("Ann and Bob spoke.") == [True, False, False]
    assert prefilter.may_match("Bob spoke.") == [False, False, False]


def test_a_trie_alternation_matches_what_the_flat_alternation_matches():
    phrases = ["chief executive", "chief executive officer", "chief", "Chair", "chair of the board"]
    text = "The chief  executive officer, the CHAIR OF THE BOARD and the chief nurse; chairs."
    for fold, flags in ((True, re.I), (False, 0)):
        flat = re.compile(rf"(?<![\w-])(?:{alternation(phrases)})(?![\w-])", flags)
        trie = re.compile(rf"(?<![\w-])(?:{trie_alternation(phrases, fold=fold)})(?![\w-])", flags)
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]
    folded = re.compile(rf"(?i:{trie_alternation(phrases, fold=True)})")
    assert [m.group(0) for m in folded.finditer(text)] == [
        "chief  executive officer",
        "CHAIR OF THE BOARD",
        "chief",
        "chair",
    ]


def test_finditer_gives_the_pattern_s_matches_and_skips_a_text_without_its_words():
    from sectorwatch.extract.patterns import finditer

    passive = re.compile(r"\b(?:was|will\s+be)\s+(?:replaced|succeeded)\s+by\s+", re.I)
    text = "Ann Kell was REPLACED by Bob Marr. The board met."
    assert [m.span() for m in finditer(passive, text, 0, len(text))] == [(9, 25)]
    assert list(finditer(passive, text, 34, len(text))) == []


def test_a_sentence_is_scanned_once_for_the_required_strings_of_every_type():
    from sectorwatch.extract.events.rules import _prefilter, _sentence, event_kinds

    every = {w for kind in event_kinds() for need in _prefilter(kind).wanted for w in need}
    window = "Ann Kell is stepping down, and the two trusts will merge."
    present = _sentence(window)
    assert present is not None and present <= every
    assert all(word in window.lower() for word in present)
    assert {w for w in every if w in window.lower()} == present  # exactly those there
    assert _sentence("The board met on Tuesday.") == frozenset()
    assert _sentence("The ſtaff were told.") is None  # folding beyond lower(): cannot say
    for kind in event_kinds():  # one type's cues: those with a required string there
        kept = [p for p, _ in cues_in(kind, window, (0, len(window)))]
        assert kept == [
            p
            for (p, _), need in zip(cues(kind), _prefilter(kind).wanted, strict=True)
            if need & present
        ]


def test_a_rule_s_own_pattern_finds_in_a_sentence_what_it_finds_there_without_the_check():
    from sectorwatch.extract.patterns import finditer

    passive = re.compile(r"\b(?:was|will\s+be)\s+(?:replaced|succeeded)\s+by\s+", re.I)
    text = "Ann Kell was REPLACED by Bob Marr. The board met. Ann Kell will be succeeded by X."
    for sentence in ((0, 34), (35, 50), (51, len(text)), (0, len(text))):
        assert [m.span() for m in finditer(passive, text, *sentence)] == [
            m.span() for m in passive.finditer(text, *sentence)
        ]
    assert list(finditer(passive, text, 35, 50)) == []  # "replaced" is not there


def test_may_match_is_false_only_where_the_pattern_cannot_match():
    took = re.compile(r"(?<![\w-])(?:took\s+over\s+from|succeeded)\s+$", re.I)
    assert may_match(took, "She TOOK over from ")
    assert not may_match(took, "She joined from ")  # neither "over from" nor "succeeded"
    assert may_match(took, "the succeeded trust")  # a required word, though no match
    assert may_match(re.compile(r"\w+ x"), "anything")  # nothing worth testing: True
