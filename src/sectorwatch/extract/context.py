"""What every extraction stage sees of one article: the article, its parsed body and the
entities found so far. Stages read from it and return typed facts; none writes a store."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sectorwatch.model import Article, Evidence, RoleFact

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sectorwatch.extract.entities.organisations import OrganisationIndex
    from sectorwatch.extract.entities.people import PersonIndex


@dataclass
class ArticleContext:
    article: Article
    doc: Doc
    people: PersonIndex | None = None
    organisations: OrganisationIndex | None = None
    roles: list[RoleFact] = field(default_factory=list)
    text: str = field(init=False)
    """The parsed body text (same length as article.text). Read once: spaCy's `Doc.text`
    rebuilds the string from every token on each access."""
    _sentence_starts: list[int] | None = None
    _sentence_ends: list[int] | None = None

    def __post_init__(self) -> None:
        self.text = self.doc.text

    def _sentences(self) -> tuple[list[int], list[int]]:
        if self._sentence_starts is None:
            starts: list[int] = []
            ends: list[int] = []
            text = self.article.text
            # one pass over the doc's sentences (Span.sents walks the whole doc each time)
            doc_sents = (
                [(s.start_char, s.end_char) for s in self.doc.sents] if self._has_sents() else []
            )
            k = 0
            for para in self.article.body_paragraphs():
                while k < len(doc_sents) and doc_sents[k][1] <= para.start:
                    k += 1
                sents = []
                j = k
                while j < len(doc_sents) and doc_sents[j][0] < para.end:
                    sents.append(doc_sents[j])
                    j += 1
                if not sents:
                    starts.append(para.start)
                    ends.append(para.end)
                    continue
                for sent_start, sent_end in sents:
                    s, e = max(sent_start, para.start), min(sent_end, para.end)
                    while s < e and text[s].isspace():
                        s += 1
                    while e > s and text[e - 1].isspace():
                        e -= 1
                    if s < e:
                        starts.append(s)
                        ends.append(e)
            self._sentence_starts, self._sentence_ends = starts, ends
        return self._sentence_starts, self._sentence_ends or []

    def _has_sents(self) -> bool:
        return self.doc.has_annotation("SENT_START")

    def sentence_span(self, start: int, end: int) -> tuple[int, int]:
        """The character span of the sentence(s) covering [start, end)."""
        starts, ends = self._sentences()
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
