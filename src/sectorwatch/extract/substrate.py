"""The linguistic substrate of one article: built once, before the domain stages, and read
by all of them; no stage rebuilds any of it.

- `lines`: the body's units (body paragraphs split at line breaks; titles, bylines,
  teasers and boilerplate are never read);
- `quoted`: the quoted stretches of each line, from the one detector
  (`quotes.marks.find_quoted_spans`), read by quotes *and* events;
- sentences: the one sentence model (`quotes.sentences.split_sentences`, quote-aware:
  a quote that runs over several sentences stays in one), per line;
- `dates`: the one date resolver, anchored on the article's published date;
- `syntax`: the dependency parse of the sentences a rule asks about (`syntax.py`), parsed
  on demand so throughput stays;
- `people`, `organisations`: the person index (with in-document coreference) and the
  organisation index, assigned by the `organisations` and `people` stages
  (`extract/stages.py`), then read by every later stage.

`Substrate.from_annotations` builds one from hand-written entities, with no statistical
model, so a rule's specification test does not depend on what spaCy's NER tags.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import InitVar, dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from sectorwatch.extract.events.when import DateMention, find_dates, resolve_duration_start
from sectorwatch.extract.quotes.marks import QuotedSpan, find_quoted_spans
from sectorwatch.extract.quotes.sentences import split_sentences
from sectorwatch.extract.syntax import Syntax
from sectorwatch.model import Article, Evidence, Paragraph, RoleFact

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sectorwatch.extract.entities.organisations import OrganisationIndex
    from sectorwatch.extract.entities.people import PersonIndex


_T = TypeVar("_T")


@dataclass(frozen=True)
class DateResolver:
    """Dates written in the article, resolved against its published date."""

    published: str | None

    def find(self, text: str, future: bool = False, past: bool = False) -> list[DateMention]:
        return find_dates(text, self.published, future=future, past=past)

    def duration_start(self, phrase: str) -> str | None:
        """ "for the past 18 months" -> the month it began; "since 2021" -> "2021"."""
        return resolve_duration_start(phrase, self.published)


def body_lines(article: Article) -> list[Paragraph]:
    """The body paragraphs split at their line breaks: a block of headlines is several."""
    out = []
    text = article.text
    for para in article.body_paragraphs():
        pos = para.start
        for line in text[para.start : para.end].split("\n"):
            if line.strip():
                out.append(Paragraph(pos, pos + len(line), para.kind))
            pos += len(line) + 1
    return out


@dataclass
class Substrate:
    article: Article
    doc: Doc
    people: PersonIndex | None = None
    organisations: OrganisationIndex | None = None
    roles: list[RoleFact] = field(default_factory=list)
    parse: Callable[[str], Doc] | None = None
    """Parses one sentence's text; None: no dependency parse (rules fall back on the
    surface)."""
    body: InitVar[str | None] = None
    """The text `doc` was made from, when the caller has it (spaCy's tokenizer keeps every
    character, so it is `doc.text`); None: read from the doc."""
    text: str = field(init=False)
    """The parsed body text (same length as article.text). Read once: spaCy's `Doc.text`
    rebuilds the string from every token on each access."""
    lines: list[Paragraph] = field(init=False)
    dates: DateResolver = field(init=False)
    syntax: Syntax = field(init=False)
    _quoted: dict[int, list[QuotedSpan]] = field(init=False, repr=False)
    _line_sentences: dict[int, list[tuple[int, int]]] = field(init=False, repr=False)
    _sentence_starts: list[int] = field(init=False, repr=False)
    _sentence_ends: list[int] = field(init=False, repr=False)
    _quoted_starts: list[int] = field(init=False, repr=False)
    _quoted_ends: list[int] = field(init=False, repr=False)
    _once: dict[str, Any] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self, body: str | None) -> None:
        self.text = self.doc.text if body is None else body
        self.lines = body_lines(self.article)
        self.dates = DateResolver(self.article.published)
        self.syntax = Syntax(self.article.text, self.parse)
        self._quoted, self._line_sentences = {}, {}
        self._sentence_starts, self._sentence_ends = [], []
        self._quoted_starts, self._quoted_ends = [], []
        source = self.article.text
        for line in self.lines:
            text = source[line.start : line.end]
            spans = find_quoted_spans(text)
            sentences = split_sentences(text, spans)
            self._quoted[line.start] = spans
            self._line_sentences[line.start] = sentences
            for s, e in sentences:
                self._sentence_starts.append(line.start + s)
                self._sentence_ends.append(line.start + e)
            for span in spans:
                self._quoted_starts.append(line.start + span.open_at)
                self._quoted_ends.append(line.start + span.outer_end)

    @classmethod
    def from_annotations(
        cls,
        article: Article,
        entities: Iterable[tuple[str, str]] = (),
        parse: Callable[[str], Doc] | None = None,
    ) -> Substrate:
        """A substrate whose named entities are given, not predicted: (`text`, label) pairs
        ("PERSON", "ORG"), each the first occurrence of `text` in the body not yet taken.
        Tokens come from spaCy's rule-based English tokenizer; no statistical model runs.
        `parse` answers the sentences a rule asks about (a hand-written parse in tests)."""
        import spacy
        from spacy.tokens import Span

        doc = spacy.blank("en")(article.body_text())
        spans: list[Span] = []
        body = doc.text
        for surface, label in entities:
            at = body.find(surface)
            while at >= 0 and any(
                at < t.end_char and t.start_char < at + len(surface) for t in spans
            ):
                at = body.find(surface, at + 1)
            span = doc.char_span(at, at + len(surface), label=label) if at >= 0 else None
            if span is None:
                raise ValueError(f"entity {surface!r} is not a run of whole tokens of the body")
            spans.append(span)
        doc.ents = sorted(spans, key=lambda s: s.start)
        return cls(article=article, doc=doc, parse=parse, body=body)

    def once(self, key: str, build: Callable[[], _T]) -> _T:
        """`build()`, called the first time `key` is asked for in this article only: a
        reading of the text that several rules share (where titles start)."""
        if key not in self._once:
            self._once[key] = build()
        return self._once[key]  # type: ignore[no-any-return]

    def entities(self) -> list[tuple[str, int, int]]:
        """The named entities of the pass over the whole article, in order: (label, start,
        end) into `text` (an entity's text is `text[start:end]`); read from the doc once,
        for every stage."""
        return self.once(
            "entities", lambda: [(e.label_, e.start_char, e.end_char) for e in self.doc.ents]
        )

    # --- sentences ------------------------------------------------------------------------

    def sentences(self) -> list[tuple[int, int]]:
        """Every sentence of the body, (start, end) into the article text, in order."""
        return list(zip(self._sentence_starts, self._sentence_ends, strict=True))

    def line_sentences(self, line: Paragraph) -> list[tuple[int, int]]:
        """The sentences of one body line, offsets local to the line."""
        return self._line_sentences.get(line.start, [])

    def is_sentence_start(self, offset: int) -> bool:
        i = bisect_right(self._sentence_starts, offset) - 1
        return i >= 0 and self._sentence_starts[i] == offset

    def sentence_span(self, start: int, end: int) -> tuple[int, int]:
        """The character span of the sentence(s) covering [start, end)."""
        starts, ends = self._sentence_starts, self._sentence_ends
        if not starts:
            return start, end
        i = max(bisect_right(starts, start) - 1, 0)
        j = max(bisect_right(starts, max(end - 1, start)) - 1, i)
        return min(starts[i], start), max(ends[j], end)

    def evidence(self, start: int, end: int) -> Evidence:
        s, e = self.sentence_span(start, end)
        return Evidence(
            article_id=self.article.id,
            start=start,
            end=end,
            sentence=self.article.text[s:e],
            sentence_start=s,
            sentence_end=e,
        )

    # --- quoted stretches -----------------------------------------------------------------

    def line_quotes(self, line: Paragraph) -> list[QuotedSpan]:
        """The quoted stretches of one body line, offsets local to the line."""
        return self._quoted.get(line.start, [])

    def in_quote(self, offset: int) -> bool:
        """Whether `offset` falls inside a quoted stretch (its marks included)."""
        i = bisect_right(self._quoted_starts, offset) - 1
        return i >= 0 and offset < self._quoted_ends[i]
