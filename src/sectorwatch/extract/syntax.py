"""Syntax where syntax decides: a dependency parse of the sentences a rule asks about.

Parsing every sentence would halve throughput, so nothing is parsed up front: a rule that
has found a cue it cannot settle from the surface (no person before "is stepping down")
asks `Syntax.clause(sentence)`, and only that sentence is parsed, once. The patterns are
spaCy `DependencyMatcher` patterns kept as data (`data/dependency_patterns.json`, matched
by `dependency_matches.py` over the parse's arrays, as spaCy would match them): the
subject of a verb, an apposition to the subject ("X, the first nurse to lead Y, is
stepping down"), coordinated subjects ("X and Y were appointed").
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from sectorwatch.extract.dependency_matches import (
    DependencyPattern,
    compile_patterns,
    dependency_matches,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token


@lru_cache(maxsize=1)
def dependency_patterns() -> dict[str, list[dict[str, Any]]]:
    text = resources.files("sectorwatch.data").joinpath("dependency_patterns.json")
    return json.loads(text.read_text(encoding="utf-8"))["patterns"]  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Subject:
    """The subject of a verb in a parsed sentence, as character spans into the article."""

    head: tuple[int, int]  # the subject's head word
    phrase: tuple[int, int]  # the subject's whole noun phrase, appositions included
    appositions: tuple[tuple[int, int], ...] = ()
    conjuncts: tuple[tuple[int, int], ...] = ()  # "X and Y": Y's head word


@dataclass
class Clause:
    """One parsed sentence: its doc and where it starts in the article."""

    doc: Doc
    offset: int
    matches: dict[str, list[tuple[int, ...]]]

    def _span(self, token: Token) -> tuple[int, int]:
        return self.offset + token.idx, self.offset + token.idx + len(token)

    def _subtree(self, token: Token) -> tuple[int, int]:
        left, right = token.left_edge, token.right_edge
        return self.offset + left.idx, self.offset + right.idx + len(right)

    def tags(self, start: int, end: int) -> list[str]:
        """The fine-grained (Penn Treebank) tags of the words overlapping the article span
        [start, end), in order: the tagger runs on parsed sentences only."""
        start, end = start - self.offset, end - self.offset
        return [t.tag_ for t in self.doc if t.idx < end and t.idx + len(t) > start]

    def subject_of(self, start: int, end: int, governing: bool = True) -> Subject | None:
        """The subject of the verb inside the article span [start, end) (a cue such as
        "is stepping down"), or (with `governing`) of the verb that governs it."""
        doc = self.doc
        inside = [t for t in doc if start <= self.offset + t.idx < end]
        verbs = {t.i for t in inside} | ({t.head.i for t in inside} if governing else set())
        for verb_i, subject_i in self.matches.get("verb_subject", []):
            if verb_i in verbs:
                subject = doc[subject_i]
                apps = tuple(
                    self._subtree(doc[a])
                    for s, a in self.matches.get("subject_apposition", [])
                    if s == subject_i
                )
                conj = tuple(
                    self._span(doc[c])
                    for s, c in self.matches.get("subject_conjunct", [])
                    if s == subject_i
                )
                return Subject(self._span(subject), self._subtree(subject), apps, conj)
        return None

    def reports_a_clause(self, start: int, end: int) -> bool:
        """Whether the verb inside the article span [start, end) has a clausal complement
        with a subject of its own ("said the board had voted", "announced he would go")."""
        inside = {t.i for t in self.doc if start <= self.offset + t.idx < end}
        return any(m[0] in inside for m in self.matches.get("verb_clause_complement", []))


@dataclass
class Syntax:
    """Parses sentences of one article on demand with `parse` (text -> parsed Doc)."""

    text: str
    parse: Callable[[str], Doc] | None
    _clauses: dict[tuple[int, int], Clause | None] = field(default_factory=dict)
    _tagged: dict[tuple[int, int], Clause] = field(default_factory=dict)  # tags, no parse

    def clause(self, sentence: tuple[int, int]) -> Clause | None:
        """The parsed sentence, or None when no parser is available."""
        if sentence not in self._clauses:
            self._clauses[sentence] = self._parse(sentence)
        return self._clauses[sentence]

    def tags(self, sentence: tuple[int, int], start: int, end: int) -> list[str]:
        """The fine-grained tags of the words of the sentence overlapping [start, end): from
        its parse when it has one, else from the tagger alone where `parse` offers one
        (`parse.tag`: the parser's work is not needed for tags); [] with neither."""
        tag = getattr(self.parse, "tag", None)
        if sentence not in self._clauses and tag is not None:
            if sentence not in self._tagged:
                self._tagged[sentence] = Clause(
                    tag(self.text[sentence[0] : sentence[1]]), sentence[0], {}
                )
            return self._tagged[sentence].tags(start, end)
        clause = self.clause(sentence)
        return clause.tags(start, end) if clause is not None else []

    def _parse(self, sentence: tuple[int, int]) -> Clause | None:
        if self.parse is None:
            return None
        doc = self.parse(self.text[sentence[0] : sentence[1]])
        return Clause(doc, sentence[0], match(doc))


@lru_cache(maxsize=1)
def _compiled() -> tuple[DependencyPattern, ...]:
    return compile_patterns(dependency_patterns())


def match(doc: Doc) -> dict[str, list[tuple[int, ...]]]:
    """Every pattern's matches in a parsed doc: name -> token indices in pattern order (what
    spaCy's `DependencyMatcher` gives, read from the doc's arrays: `dependency_matches.py`)."""
    return dependency_matches(doc, _compiled())


def sentence_parser(nlp: Language) -> SentenceParser:
    """A parse function over the pipeline's own tok2vec, tagger and parser (all three are
    left out of the pass over the whole article, which runs the ner only)."""
    return SentenceParser(nlp, [n for n in ("tok2vec", "tagger", "parser") if n in nlp.pipe_names])


@dataclass(frozen=True)
class SentenceParser:
    """text -> the doc through `names` (tok2vec, tagger, parser); `tag`: through all but the
    parser, for the rules that read only tags; `pipe`: many texts, each its own doc (the
    same parse as alone), in one call per component."""

    nlp: Language
    names: list[str]

    def __call__(self, text: str) -> Doc:
        return self._run(text, self.names)

    def tag(self, text: str) -> Doc:
        return self._run(text, self._tagging())

    def pipe(self, texts: list[str], tags_only: bool = False) -> list[Doc]:
        docs = [self.nlp.make_doc(text) for text in texts]
        for name in self._tagging() if tags_only else self.names:
            component: Any = self.nlp.get_pipe(name)
            docs = list(component.pipe(docs, batch_size=max(len(docs), 1)))
        return docs

    def _tagging(self) -> list[str]:
        return [n for n in self.names if n != "parser"]

    def _run(self, text: str, names: list[str]) -> Doc:
        doc = self.nlp.make_doc(text)
        for name in names:
            doc = self.nlp.get_pipe(name)(doc)
        return doc
