"""Paragraphs of an article's text and what each one is: the classifier every reader shares.

`lay_out(text)` splits the text into blocks separated by blank lines; a block whose lines
are of different kinds (a byline line above a dateline line, a list of teaser headlines) is
split into its lines. Each paragraph is classified, in this order:

1. boilerplate: matches src/sectorwatch/data/boilerplate.txt (site furniture);
2. teaser: a heading from boilerplate_teaser_headings.txt ("Related news") and every
   paragraph after it (boilerplate there stays boilerplate);
3. byline ("By A, B and C") and dateline ("Monday 4 March 2019"), see `bylines`;
4. title: in the header (the short paragraphs before the first byline or dateline), the
   repeated headline, or the one matching a title the reader already knows, or else the
   last headline-like paragraph; header paragraphs above it are site furniture
   (boilerplate). Without a header, a short first line followed by prose, or a paragraph
   equal to the known title. Any repeat of the title is also "title";
5. body: everything else, including one-line headings inside the article.

Offsets are into `text` exactly as given; paragraphs never include surrounding whitespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from sectorwatch.data import rows
from sectorwatch.ingest.bylines import (
    authors_from_intro,
    byline_date,
    is_updated_line,
    parse_byline,
    parse_dateline,
)
from sectorwatch.ingest.patterns import boilerplate, normalise_line, teaser_headings
from sectorwatch.model import Paragraph, ParagraphKind

Label = Literal["boilerplate", "teaser_heading", "byline", "dateline"] | None

_LINE = re.compile(r"[^\n]*\n?")
_HEADER_MAX_UNITS = 12
_HEADER_MAX_WORDS = 40
_TITLE_MAX_WORDS = 30


@dataclass
class Unit:
    start: int
    end: int
    text: str
    label: Label = None
    kind: ParagraphKind = "body"

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Layout:
    """What the classifier found: paragraphs with kinds, and the header's metadata."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None


def split_blocks(text: str) -> list[list[tuple[int, int]]]:
    """Blocks of non-blank lines, each line as (start, end) with its whitespace trimmed."""
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    pos = 0
    for m in _LINE.finditer(text):
        line = m.group()
        if not line:
            break
        stripped = line.strip()
        if stripped:
            start = pos + (len(line) - len(line.lstrip()))
            current.append((start, start + len(stripped)))
        elif current:
            blocks.append(current)
            current = []
        pos = m.end()
    if current:
        blocks.append(current)
    return blocks


def label_line(text: str) -> Label:
    if boilerplate().matches(text):
        return "boilerplate"
    if teaser_headings().matches(text):
        return "teaser_heading"
    if parse_byline(text) is not None:
        return "byline"
    if parse_dateline(text) is not None:
        return "dateline"
    return None


@lru_cache(maxsize=1)
def _picture_furniture() -> tuple[re.Pattern[str], frozenset[str]]:
    """One regex over data/boilerplate_inline.tsv's markers, and the indices of its groups
    that are credits (furniture up to the next marker or the line's end)."""
    markers = [(r[0].strip(), r[1].strip()) for r in rows("boilerplate_inline.tsv") if len(r) > 1]
    alt = "|".join(f"(?P<m{i}>{m})" for i, (_, m) in enumerate(markers))
    credits = frozenset(f"m{i}" for i, (kind, _) in enumerate(markers) if kind == "credit")
    return re.compile(alt), credits


def without_picture_furniture(text: str, unit: Unit) -> list[Unit]:
    """ "Jo BloggsImage caption Jo Bloggs said ...": the unit split around the picture
    furniture glued into it, the furniture a boilerplate unit of its own (so it is never
    part of a name), offsets unchanged."""
    pattern, credits = _picture_furniture()
    found = list(pattern.finditer(text, unit.start, unit.end))
    if not found:
        return [unit]
    out: list[Unit] = []
    pos = unit.start
    for i, m in enumerate(found):
        end = m.end()
        if m.lastgroup in credits:
            line_end = text.find("\n", end, unit.end)
            end = found[i + 1].start() if i + 1 < len(found) else unit.end
            end = min(end, line_end) if line_end != -1 else end
        _add_trimmed(text, out, pos, m.start(), None)
        _add_trimmed(text, out, m.start(), end, "boilerplate")
        pos = end
    _add_trimmed(text, out, pos, unit.end, None)
    return out


def _add_trimmed(text: str, out: list[Unit], start: int, end: int, label: Label) -> None:
    piece = text[start:end]
    if not piece.strip():
        return
    start += len(piece) - len(piece.lstrip())
    end -= len(piece) - len(piece.rstrip())
    unit = Unit(start, end, text[start:end])
    unit.label = label or label_line(unit.text)
    out.append(unit)


def split_units(text: str) -> list[Unit]:
    """Blocks as units; a block is split into its lines when any line has a label or when
    it lies after a teaser heading (a list of other stories' headlines); picture furniture
    glued into a unit is split off (`without_picture_furniture`)."""
    units = [piece for unit in _units(text) for piece in without_picture_furniture(text, unit)]
    return units


def _units(text: str) -> list[Unit]:
    units: list[Unit] = []
    in_teasers = False
    for block in split_blocks(text):
        lines = [Unit(s, e, text[s:e]) for s, e in block]
        if len(lines) > 1:
            for line in lines:
                line.label = label_line(line.text)
            if in_teasers or any(line.label for line in lines):
                units.extend(lines)
                in_teasers = in_teasers or any(u.label == "teaser_heading" for u in lines)
                continue
        start, end = block[0][0], block[-1][1]
        unit = Unit(start, end, text[start:end])
        unit.label = label_line(unit.text)
        in_teasers = in_teasers or unit.label == "teaser_heading"
        units.append(unit)
    return units


def _key(text: str) -> str:
    return normalise_line(text).casefold()


def _headline_like(unit: Unit, min_words: int = 2) -> bool:
    return (
        "\n" not in unit.text
        and min_words <= unit.words <= _TITLE_MAX_WORDS
        and not unit.text.rstrip().endswith((".", "!", ";", ","))
    )


def _header_end(units: list[Unit]) -> int | None:
    """Index of the first byline or dateline when only short lines come before it."""
    for i, unit in enumerate(units[:_HEADER_MAX_UNITS]):
        if unit.label in ("byline", "dateline"):
            return i
        if unit.label is None and unit.words > _HEADER_MAX_WORDS:
            return None
        if unit.label == "teaser_heading":
            return None
    return None


def _choose_title(candidates: list[Unit], known_title: str | None) -> Unit | None:
    keys = [_key(u.text) for u in candidates]
    for unit, key in zip(candidates, keys, strict=True):
        if keys.count(key) > 1:
            return unit
    if known_title:
        for unit, key in zip(candidates, keys, strict=True):
            if key == _key(known_title):
                return unit
    headlines = [u for u in candidates if _headline_like(u)]
    return headlines[-1] if headlines else None


def _classify(units: list[Unit], known_title: str | None) -> Unit | None:
    """Set `kind` on every unit; return the title unit, if any."""
    in_teasers = False
    for unit in units:
        in_teasers = in_teasers or unit.label == "teaser_heading"
        if unit.label == "boilerplate":
            unit.kind = "boilerplate"
        elif in_teasers:
            unit.kind = "teaser"
        elif unit.label in ("byline", "dateline"):
            unit.kind = unit.label
    open_units = [u for u in units if u.kind == "body"]
    title: Unit | None = None
    end = _header_end(units)
    if end is not None:
        header = [u for u in units[:end] if u.kind == "body"]
        title = _choose_title(header, known_title)
        if title is not None:
            for unit in header[: header.index(title)]:
                unit.kind = "boilerplate"
    elif known_title:
        title = next((u for u in open_units if _key(u.text) == _key(known_title)), None)
    elif len(open_units) > 1 and _headline_like(open_units[0], 3):
        if open_units[1].words >= 12 and open_units[1].text.rstrip().endswith((".", "”", "’")):
            title = open_units[0]
    if title is not None:
        for unit in units:
            if unit.kind == "body" and _key(unit.text) == _key(title.text):
                unit.kind = "title"
    return title


def lay_out(text: str, known_title: str | None = None) -> Layout:
    """Paragraphs of `text` with their kinds, and the title, authors and date found."""
    units = split_units(text)
    title = _classify(units, known_title)
    layout = Layout(paragraphs=[Paragraph(u.start, u.end, u.kind) for u in units])
    layout.title = normalise_line(title.text) if title is not None else None
    updated = None  # an "Updated:" line dates the article only when nothing else does
    for unit in units:
        if unit.kind == "byline" and not layout.authors:
            layout.authors = parse_byline(unit.text) or []
        if unit.kind == "byline" and layout.published is None:
            layout.published = byline_date(unit.text)
        if unit.kind == "dateline" and layout.published is None:
            if is_updated_line(unit.text):
                updated = updated or parse_dateline(unit.text)
            else:
                layout.published = parse_dateline(unit.text)
    layout.published = layout.published or updated
    if not layout.authors:
        for unit in [u for u in units if u.kind == "body"][:2]:
            layout.authors = authors_from_intro(unit.text)
            if layout.authors:
                break
    return layout
