"""Names in one article as the quote stage reads them: which capitalised words around a
speech verb are a person or an organisation, and the fullest form of a short name ("Mr
Dalton", "Dalton", "Ian" -> "Ian Dalton").

The people are the substrate's person index (`ctx.people`, with its genders); this module
keeps no index of its own. It only reads the index's mentions in order of position, so that
a short name resolves to the fullest name named nearest before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from dataclasses import dataclass, field

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.vocab import honorifics
from sectorwatch.extract.lexicon import (
    calendar_words,
    lower_words,
    name_connectors,
    name_particles,
    pronoun_genders,
    word_alternation,
)
from sectorwatch.extract.quotes.cues import Cues

NAME_WORD = r"(?:[A-Z][\w’'\-]*|[A-Z]\.)"
_INSIDE_NAME = word_alternation(name_connectors() | name_particles())  # "of", "von"
_NON_SPACE = re.compile(r"\S+")
CHUNK_RE = re.compile(
    rf"{NAME_WORD}(?:[^\S\n]+(?:{NAME_WORD}|(?:{_INSIDE_NAME})"
    rf"(?=[^\S\n]+[A-Z])))*"
)
PARTICLES = name_particles()
JOINERS = name_connectors()
MONTHS_DAYS = frozenset(w.lower() for w in calendar_words()) | lower_words(
    "month_abbreviations.txt"
)
FEMALE = frozenset(h.lower() for h, g in honorifics().items() if g == "f")
MALE = frozenset(h.lower() for h, g in honorifics().items() if g == "m")
# Capitalised words that open sentences but never belong to a name.
NOT_NAME = lower_words("not_name_words.txt")
PRONOUNS = pronoun_genders("subject", "object")


def strip_possessive(word: str) -> str:
    if word[-1:] not in ("s", "’", "'"):
        return word  # every suffix below ends with one of these (a fast path)
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return word


@dataclass
class Name:
    text: str  # as written, possessive removed
    start: int
    end: int
    kind: str  # person, organisation, unknown
    canonical: str | None = None
    gender: str | None = None
    after_possessive: bool = False


@dataclass
class NameReader:
    """The people of one article, in order of mention, with their fullest names."""

    ctx: ArticleContext
    cues: Cues
    full: list[tuple[int, str]] = field(default_factory=list)  # (offset, "Ian Dalton")
    org_surfaces: set[str] = field(default_factory=set)
    _index: tuple[int, dict[str, list[int]], dict[str, list[int]]] | None = field(
        default=None, repr=False, compare=False
    )
    _groups: dict[tuple[str, bool], tuple[list[int], list[str], list[int], int] | None] = field(
        default_factory=dict, repr=False, compare=False
    )
    # each name cleaned, and looked up in the person index, once per article (both are
    # functions of the name alone: the cues and the index do not change)
    _cleaned: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _indexed: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def for_article(cls, ctx: ArticleContext, cues: Cues) -> NameReader:
        book = cls(ctx, cues)
        if ctx.people is not None:
            for m in ctx.people.mentions():
                if "\n" in m.text or "\n" in (m.canonical or ""):
                    continue
                name = book._clean(m.canonical or m.text)
                if len(name.split()) >= 2 and book._looks_like_person(name.split()):
                    book.full.append((m.start, name))
        if ctx.organisations is not None:
            for m in ctx.organisations.mentions():
                book.org_surfaces.add(m.text)
                if m.canonical:
                    book.org_surfaces.add(m.canonical)
        return book

    # --- classification -------------------------------------------------------------------

    def _clean(self, name: str) -> str:
        cleaned = self._cleaned.get(name)
        if cleaned is None:
            words = [strip_possessive(w) for w in name.split()]
            while words and words[0].lower().rstrip(".") in self.cues.honorifics:
                words = words[1:]
            cleaned = self._cleaned[name] = " ".join(self._after_organisation_words(words))
        return cleaned

    def _after_organisation_words(self, words: list[str]) -> list[str]:
        """A person's name with the organisation words glued before it dropped: "Chair of
        the Trust Mary Vale" and "Head of Health Ana Diaz" end in "Trust Mary Vale" and
        "Health Ana Diaz", the body or field of a title, then the name."""
        k = 0
        while k < len(words) and words[k].lower() in self.cues.organisation_words:
            k += 1
        if k and len(words) - k >= 2 and self._looks_like_person(words[k:]):
            return words[k:]
        return words

    def _looks_like_person(self, words: list[str]) -> bool:
        for i, w in enumerate(words):
            lw = w.lower()
            if lw in MONTHS_DAYS and not (i == len(words) - 1 and i and self._indexed_person(w)):
                return False  # a month is a name's last word only as the index knows it
            if lw in self.cues.organisation_words:
                return False
            if lw in PARTICLES:
                continue
            if len(w) > 1 and w.isupper():
                return False
            if not w[:1].isupper():
                return False
            if lw in self.cues.subject_words or lw in self.cues.verbs:
                return False
        return 1 <= len(words) <= 4

    def _person_pieces(self, chunk: str, offset: int) -> list[Name]:
        """Split a capitalised chunk at joiners, honorifics and possessives into names."""
        pieces: list[Name] = []
        words = list(_NON_SPACE.finditer(chunk))
        current: list[re.Match[str]] = []
        gender = None
        possessive = False

        def flush() -> None:
            nonlocal current, gender, possessive
            if current:
                s, e = offset + current[0].start(), offset + current[-1].end()
                raw = [strip_possessive(m.group(0)) for m in current]
                kind = "person" if (gender or self._looks_like_person(raw)) else "unknown"
                pieces.append(Name(" ".join(raw), s, e, kind, gender=gender))
                pieces[-1].after_possessive = possessive
                possessive = current[-1].group(0) != raw[-1]
            current, gender = [], None

        for m in words:
            w = m.group(0)
            lw = w.lower().rstrip(".")
            if lw in JOINERS or lw in NOT_NAME or lw.endswith("ing"):
                flush()
                continue
            if lw in self.cues.honorifics:
                flush()
                gender = "f" if lw in FEMALE else "m" if lw in MALE else "?"
                continue
            if (len(w) > 1 and w.isalpha() and w.isupper()) or lw in self.cues.role_titles:
                # "ACE CEO Hannah Lisle": an acronym or a role title is not part of a name
                flush()
                continue
            current.append(m)
            if w != strip_possessive(w):
                flush()
        flush()
        return pieces

    def classify(self, chunk: str, offset: int) -> list[Name]:
        """Every person or organisation name in a capitalised chunk, in order."""
        out: list[Name] = []
        words = [strip_possessive(w) for w in chunk.split()]
        while words and words[0].lower() in NOT_NAME:
            offset += chunk.find(words[1], len(words[0])) if len(words) > 1 else len(chunk)
            chunk = chunk[chunk.find(words[1], len(words[0])) :] if len(words) > 1 else ""
            words = words[1:]
        whole = " ".join(words)
        if not whole:
            return out
        left, joiner, right = whole.partition(" of ")
        if joiner and self._is_organisation(right) and self._looks_like_person(left.split()):
            # "Kwame Mensah of Patients First Alliance": a person, then their organisation
            if len(left.split()) >= 2:
                end = offset + chunk.find(left.split()[-1]) + len(left.split()[-1])
                canonical = self.resolve(left, offset) or left
                out.append(Name(left, offset, end, "person", canonical=canonical))
                return out
        if self._is_organisation(whole):
            out.append(Name(whole, offset, offset + len(chunk), "organisation", canonical=whole))
        in_organisation = bool(out)
        pieces = self._person_pieces(chunk, offset)
        for piece in pieces:
            trimmed = " ".join(self._after_organisation_words(piece.text.split()))
            if (
                trimmed != piece.text
                and piece is pieces[-1]
                and not piece.gender
                and self._after_title_of(self.ctx.text[max(0, piece.start - 60) : piece.start])
            ):
                # "Chair of the Trust Mary Vale" before a speech verb: the name ends the chunk
                start = piece.end - len(trimmed)
                canonical = self.resolve(trimmed, start) or trimmed
                if canonical == trimmed and (start, trimmed) not in self.full:
                    insort(self.full, (start, trimmed))  # "Mary added:" may follow
                out.append(Name(trimmed, start, piece.end, "person", canonical=canonical))
                continue
            if in_organisation and not piece.gender and not piece.after_possessive:
                if self._indexed_person(piece.text) is None:
                    continue
            if not piece.gender and self._known_organisation(piece.text):
                out.append(
                    Name(piece.text, piece.start, piece.end, "organisation", canonical=piece.text)
                )
                continue
            known = None
            if (piece.kind != "person" or " " not in piece.text) and not piece.gender:
                # one capitalised word ("Inspectors", "One", "Fernhurst") is a person only
                # when the article names someone so
                known = self.resolve(piece.text, piece.start)
                if known is None and not self._titled_surname(piece):
                    continue
            piece.kind = "person"
            piece.canonical = known or self.resolve(piece.text, piece.start) or piece.text
            out.append(piece)
        if not out and self._is_organisation(whole, loose=True):
            out.append(Name(whole, offset, offset + len(chunk), "organisation", canonical=whole))
        return out

    def _titled_surname(self, piece: Name) -> bool:
        """ "chair designate Jo Fellows": a first name and a surname that is also a group
        noun ("Fellows", "Nurses"), right after a lower-case role title, is a person."""
        words = piece.text.split()
        if len(words) != 2 or not words[0][1:].islower():
            return False
        first, last = words[0].lower(), words[1].lower()
        if first in self.cues.subject_words or first in self.cues.organisation_words:
            return False
        if last not in self.cues.subject_words or first in NOT_NAME:
            return False
        before = self.ctx.text[max(0, piece.start - 40) : piece.start].split()[-2:]
        return any(w in self.cues.role_titles for w in before)

    def _after_title_of(self, before: str) -> bool:
        """Whether `before` ends in a title and "of" or "for" ("Chair of the ", "Head of ")."""
        words = before.split()
        if words and words[-1].lower() == "the":
            words = words[:-1]
        if len(words) < 2 or words[-1].lower() not in ("of", "for"):
            return False
        title = words[-2].lower()
        return title in self.cues.role_titles or title in self.cues.head_words

    def _known_organisation(self, surface: str) -> bool:
        """A name the organisation index found ("Marlow Fen" for the Marlow Fen trust) and
        the people index does not know as a person."""
        return surface in self.org_surfaces and self._indexed_person(surface) is None

    def _indexed_person(self, surface: str) -> str | None:
        if self.ctx.people is None:
            return None
        if surface not in self._indexed:
            try:
                self._indexed[surface] = self.ctx.people.canonical(surface)
            except Exception:  # noqa: BLE001 - a partial index must not stop quotes
                self._indexed[surface] = None
        return self._indexed[surface]

    def _is_organisation(self, name: str, loose: bool = False) -> bool:
        words = name.split()
        while words and words[0].lower() in NOT_NAME:
            words = words[1:]
        if loose and " ".join(words) in self.org_surfaces:
            return True
        if any(w.lower() in self.cues.organisation_words for w in words):
            return not any(w.lower() in self.cues.honorifics for w in words[:1])
        if loose and words and all(len(w) > 1 and w.isupper() for w in words):
            return True
        return False

    # --- resolution -----------------------------------------------------------------------

    def resolve(self, surface: str, at: int) -> str | None:
        """The fullest name in the article for `surface`, preferring the nearest before `at`."""
        mine = self._resolve_locally(surface, at)
        indexed = self._indexed_person(surface)
        if indexed and "\n" not in indexed:
            cleaned = self._clean(indexed)
            last = self._clean(surface).split()[-1:] or [""]
            if last[0] in cleaned.split() and len(cleaned.split()) > len((mine or "").split()):
                return cleaned
        return mine

    def _resolve_locally(self, surface: str, at: int) -> str | None:
        name = self._clean(surface)
        words = name.split()
        if not words:
            return None
        group = self._group(name, len(words) == 1)
        if group is None:
            return name if len(words) >= 2 and self._looks_like_person(words) else None
        positions, names, best_so_far, best_overall = group
        # The fullest name among those named by `at` (the last of them), else the first
        # fullest name of the article.
        k = bisect_right(positions, at) - 1
        return names[best_so_far[k]] if k >= 0 else names[best_overall]

    def _group(self, name: str, single: bool) -> tuple[list[int], list[str], list[int], int] | None:
        """The full names `name` may stand for, in order of position, with for each prefix
        the index of its last longest name and the index of the first longest of all
        (cached per name: each look-up is a bisect, not a pass over every mention)."""
        by_suffix, by_first = self._full_index()
        key = (name, single)
        if key in self._groups:
            return self._groups[key]
        found = set(by_suffix.get(name, ()))
        if single:
            found.update(by_first.get(name, ()))
        candidates = [self.full[i] for i in sorted(found)]
        group = None
        if candidates:
            lengths = [len(full.split()) for _, full in candidates]
            best_so_far, best = [], 0
            for i, length in enumerate(lengths):
                if length >= lengths[best]:
                    best = i
                best_so_far.append(best)
            longest = max(lengths)
            group = (
                [pos for pos, _ in candidates],
                [full for _, full in candidates],
                best_so_far,
                lengths.index(longest),
            )
        self._groups[key] = group
        return group

    def _full_index(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Positions in `full` by each name a full name answers to (itself and every
        ending after a space: "Ian Dalton" -> "Ian Dalton", "Dalton") and by first word,
        so resolving a name is a look-up, not a scan of every full name."""
        if self._index is not None and self._index[0] == len(self.full):
            return self._index[1], self._index[2]
        by_suffix: dict[str, list[int]] = {}
        by_first: dict[str, list[int]] = {}
        for i, (_, full) in enumerate(self.full):
            keys = {full} | {full[j + 1 :] for j, c in enumerate(full) if c == " "}
            for key in keys:
                by_suffix.setdefault(key, []).append(i)
            if full.split():
                by_first.setdefault(full.split()[0], []).append(i)
        self._index = (len(self.full), by_suffix, by_first)
        self._groups = {}
        return by_suffix, by_first

    def has_full_name(self, text: str) -> bool:
        """Whether a full name of the article is `text` or ends with " " + `text`."""
        return text in self._full_index()[0]

    def gender_of(self, name: str) -> str | None:
        """The person's gender as the person index knows it."""
        return self.ctx.people.gender(name) if name and self.ctx.people is not None else None
