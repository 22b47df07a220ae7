"""Typed values passed between the pipeline's stages: ingest -> extract -> store.

Offsets (`start`, `end`) are always integer character offsets into `Article.text`, the text
as read (after decoding, before any cleaning). The facts extraction emits (Speaker, Quote,
RoleFact, Event, Mention, Evidence) are frozen: a later stage adds facts or judgements
(`dataclasses.replace` gives an amended copy), never edits an emitted one.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ParagraphKind = Literal["body", "title", "byline", "dateline", "boilerplate", "teaser"]
QuoteType = Literal["direct", "indirect"]
SpeakerKind = Literal["person", "organisation", "document"]
Stance = Literal["welcome", "concern", "mixed", "neutral"]
RoleStatus = Literal["current", "former", "incoming", "interim", "acting", "leaving"]
EventType = Literal[
    "departure", "appointment", "role_created", "reporting_line", "merger", "rename"
]
EventStatus = Literal["announced", "completed", "proposed", "requested"]


@dataclass(frozen=True)
class Paragraph:
    """A block of the article text, `text[start:end]`, and what kind of block it is."""

    start: int
    end: int
    kind: ParagraphKind = "body"


@dataclass
class Article:
    """One article as read by an ingest reader.

    `id` is a hash of the normalised text (see `sectorwatch.ingest.identity`), so the same
    article read twice, from any source, has the same id. `published` is a partial ISO
    date: "2019", "2019-03" or "2019-03-04".
    """

    id: str
    source: str
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    publisher: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    encoding: str = "utf-8"
    format: str = "text"
    warnings: list[str] = field(default_factory=list)
    """What the reader met and left out without failing the article (a bad optional
    field): reported by `ingest` and `extract`, never stored."""

    def body_paragraphs(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "body"]

    def paragraph_text(self, paragraph: Paragraph) -> str:
        return self.text[paragraph.start : paragraph.end]

    def body_text(self) -> str:
        """The text with every non-body character blanked out (newlines kept).

        It has the same length as `text`, so offsets into it are offsets into `text`.
        """
        chars = [c if c == "\n" else " " for c in self.text]
        for p in self.body_paragraphs():
            chars[p.start : p.end] = self.text[p.start : p.end]
        return "".join(chars)


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the article, the character span and its sentence."""

    article_id: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True)
class Speaker:
    name: str | None
    kind: SpeakerKind = "person"
    role: str | None = None
    organisation: str | None = None


@dataclass(frozen=True)
class Quote:
    type: QuoteType
    text: str
    start: int
    end: int
    speaker: Speaker | None = None
    cue: str | None = None
    stance: Stance = "neutral"
    stance_cues: list[str] = field(default_factory=list)
    evidence: Evidence | None = None


@dataclass(frozen=True)
class RoleFact:
    """A person holding a post (role at organisation), as stated in one article."""

    person: str
    role: str
    organisation: str | None
    status: RoleStatus
    start: int
    end: int
    valid_from: str | None = None
    valid_to: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Event:
    """A leadership or organisational event. `date` is the main (announcement or
    effective) date as a partial ISO date; `announced` and `effective` keep the two apart."""

    type: EventType
    start: int
    end: int
    person: str | None = None
    role: str | None = None
    organisation: str | None = None
    organisations: list[str] = field(default_factory=list)
    reports_to: str | None = None
    subordinate: str | None = None
    superior: str | None = None
    status: EventStatus | None = None
    date: str | None = None
    announced: str | None = None
    effective: str | None = None
    evidence: Evidence | None = None
    date_range: str | None = None  # "2024-06/2024-08" when `date` is a season's year
    result: str | None = None  # a rename's (or merger's) resulting organisation


@dataclass(frozen=True)
class Mention:
    """A person or organisation named in the article, with its canonical name."""

    kind: Literal["person", "organisation"]
    text: str
    canonical: str
    start: int
    end: int


@dataclass
class Extraction:
    """Everything extracted from one article. Extraction never touches the store."""

    article: Article
    quotes: list[Quote] = field(default_factory=list)
    roles: list[RoleFact] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    organisation_aliases: dict[str, list[str]] = field(default_factory=dict)
    extractor: str = "sectorwatch"
    extractor_version: str = "0"


def to_plain(value: Any) -> Any:
    """A dataclass (or list of them) as plain JSON-ready data."""
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    return value
