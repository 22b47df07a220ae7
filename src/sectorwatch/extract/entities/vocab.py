"""The data files of the entities and events stages, read once and compiled to regexes.

Everything here is cached per process (`lru_cache`): the files are small and immutable, and
the regexes do not depend on the spaCy pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TypeVar

from sectorwatch.data import rows
from sectorwatch.extract.lexicon import calendar_words, name_connectors, word_alternation
from sectorwatch.extract.literals import is_word_char
from sectorwatch.extract.patterns import trie_alternation

SPACES = re.compile(r"\s+")  # a run of whitespace, read as one space

_T = TypeVar("_T")


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


def alternation(phrases: list[str]) -> str:
    """A regex alternation of phrases, longest first; spaces match any whitespace."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


# "Chief Workforce, Training and Education Officer": a chief officer of several portfolios
# listed in title case is one title, kept as written
_LISTED_CHIEF = (
    r"Chief(?:[ \t]+[A-Z][a-z]+,)+[ \t]+[A-Z][a-z]+[ \t]+(?:and|&)[ \t]+[A-Z][a-z]+[ \t]+Officer"
)


@dataclass
class RoleVocabulary:
    canonical: dict[str, str]  # lower-cased variant -> canonical title
    after_org_only: set[str]  # variants that count only right after an organisation
    pattern: re.Pattern[str]  # finds titles; group "title"
    of_place: set[str] = field(default_factory=set)  # variants whose organisation is a place


@lru_cache(maxsize=1)
def role_vocabulary() -> RoleVocabulary:
    canonical: dict[str, str] = {}
    after_org: set[str] = set()
    of_place: set[str] = set()
    words: list[str] = []
    acronyms: list[str] = []
    for row in rows("roles.tsv"):
        title = row[0].strip()
        variants = [v.strip() for v in row[1].split("|")] if len(row) > 1 else [title]
        for variant in [title, *variants]:
            if not variant:
                continue
            if variant.startswith("!"):
                variant = variant[1:]
                after_org.add(variant.lower())
            if variant.startswith("@"):
                variant = variant[1:]
                of_place.add(variant.lower())
            canonical.setdefault(variant.lower(), title)
            (acronyms if _is_acronym(variant) else words).append(variant)
    word_alt = trie_alternation(words, fold=True)  # the same matches as `alternation`, faster
    acr_alt = trie_alternation(acronyms)
    pattern = re.compile(
        # "then-Health Secretary", "ex-chair": the prefix is a status word, not a compound
        rf"(?:(?<![\w-])|(?<=\b[Tt]hen-)|(?<=\b[Ee]x-))"
        rf"(?P<title>{_LISTED_CHIEF}|(?i:{word_alt})|{acr_alt})(?![\w-])",
    )
    return RoleVocabulary(canonical, after_org, pattern, of_place)


def title_starts(text: str) -> list[int]:
    """Every position where `role_vocabulary().pattern` matches, overlapping ones included,
    in order: one scan that the rules whose patterns open with a title share
    (`literals.finditer_at` then tries those patterns there alone). The scan finds the
    matches that do not overlap; inside each, a title can start only after a character
    that is not a word character (each opening lookbehind needs one), tried there."""
    pattern = role_vocabulary().pattern
    out: list[int] = []
    for m in pattern.finditer(text):
        start, end = m.span()
        out.append(start)
        out.extend(
            at
            for at in range(start + 1, end)
            if not is_word_char(text[at - 1]) and pattern.match(text, at) is not None
        )
    return out


def canonical_title(surface: str) -> str:
    """The canonical title of a matched variant ("CEO" -> "chief executive")."""
    vocab = role_vocabulary()
    key = SPACES.sub(" ", surface.strip().lower())
    if key in vocab.canonical:
        return vocab.canonical[key]
    if key.endswith("s") and key[:-1] in vocab.canonical:
        return vocab.canonical[key[:-1]]
    return key


@dataclass
class OrganisationTable:
    alias_to_canonical: dict[str, str]  # alias (acronyms as written, others lower) -> name
    parts: dict[str, tuple[str, ...]]  # combined body -> its parts
    kinds: dict[str, str]
    suffixes: list[str]
    anaphors: dict[str, str]  # lower phrase -> rule
    pattern: re.Pattern[str]  # finds shipped names and aliases
    suffix_pattern: re.Pattern[str]  # capitalised phrases ending with a suffix
    combined_by_parts: dict[frozenset[str], str] = field(default_factory=dict)
    generic: set[str] = field(default_factory=set)
    abbrevs: dict[str, str] = field(default_factory=dict)
    prefix_pattern: re.Pattern[str] = re.compile(r"(?!)")  # "Association of Care Employers"
    heads: set[str] = field(default_factory=set)  # "Care", "Health": last words of names
    _kept: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def kept(self, key: str, build: Callable[[], _T]) -> _T:
        """`build()`, made once for this table: what a finder derives from it (a pattern, a
        set of words) is not derived again for every article."""
        if key not in self._kept:
            self._kept[key] = build()
        return self._kept[key]  # type: ignore[no-any-return]

    def lookup(self, surface: str) -> str | None:
        surface = SPACES.sub(" ", surface.strip())
        return self.alias_to_canonical.get(surface) or self.alias_to_canonical.get(surface.lower())


_CONNECT = rf"(?:{word_alternation(name_connectors())})"
# "Royal College of Community Nursing in February": a date after "in"/"on" ends a name
_NOT_NAME_WORDS = rf"(?:{word_alternation(calendar_words())})"
_CAP = r"(?:[A-Z][\w’'.-]*)"


@lru_cache(maxsize=1)
def organisation_table() -> OrganisationTable:
    alias: dict[str, str] = {}
    parts: dict[str, tuple[str, ...]] = {}
    kinds: dict[str, str] = {}
    suffixes: list[str] = []
    anaphors: dict[str, str] = {}
    generic: set[str] = set()
    abbrevs: dict[str, str] = {}
    prefixes: list[str] = []
    heads: set[str] = set()
    names: list[str] = []
    acronyms: list[str] = []
    for row in rows("organisations.tsv"):
        head = row[0].strip()
        if head == "@suffix":
            suffixes.append(row[1].strip())
            continue
        if head == "@prefix":
            prefixes.append(row[1].strip())
            continue
        if head == "@abbrev":
            abbrevs[row[1].strip()] = row[2].strip()
            continue
        if head == "@generic":
            generic.update(w.strip() for w in row[1].split("|"))
            continue
        if head == "@head":
            heads.update(w.strip() for w in row[1].split("|") if w.strip())
            continue
        if head == "@anaphor":
            anaphors[row[1].strip().lower()] = row[2].strip()
            continue
        variants = [head] + [v.strip() for v in (row[1] if len(row) > 1 else "").split("|")]
        for v in variants:
            if not v:
                continue
            if " " not in v:
                alias[v] = head
                acronyms.append(v)
            else:
                alias[v.lower()] = head
                names.append(v)
        if len(row) > 2:
            kinds[head] = row[2].strip()
        if len(row) > 3 and row[3].strip():
            parts[head] = tuple(p.strip() for p in row[3].split(";"))
    pattern = re.compile(
        rf"(?<![\w/])(?:(?i:{trie_alternation(names, fold=True)})|{trie_alternation(acronyms)})"
        r"(?![\w/]|’s\w|'s\w)"
    )
    suffix_alt = alternation(suffixes)
    suffix_pattern = re.compile(
        rf"(?<![\w’']){_CAP}\s+(?:(?:{_CAP}|{_CONNECT})\s+){{0,8}}(?:{suffix_alt})(?![\w])"
    )
    prefix_pattern = re.compile(
        rf"(?<![\w’'])(?:Royal[ \t]+)?(?:{alternation(prefixes)})[ \t]+(?:of|for)[ \t]+"
        rf"(?:the[ \t]+)?{_CAP}(?:[ \t]+(?:{_CAP}|(?:and|&|of|for|in|on)(?=[ \t]+[A-Z])"
        rf"(?![ \t]+{_NOT_NAME_WORDS}\b)))*"
    )
    combined = {frozenset(p): name for name, p in parts.items()}
    return OrganisationTable(
        alias,
        parts,
        kinds,
        suffixes,
        anaphors,
        pattern,
        suffix_pattern,
        combined,
        generic,
        abbrevs,
        prefix_pattern,
        heads,
    )


@lru_cache(maxsize=1)
def organisation_head_words() -> frozenset[str]:
    """Capitalised words that end organisation names and never a person's: the last words
    of `@suffix` rows ("Trust", "Partnership", "Council"), `@abbrev` forms ("ICB") and the
    `@head` rows ("Care", "Health", "Services")."""
    table = organisation_table()
    last = {s.split()[-1] for s in table.suffixes}
    return frozenset(last | set(table.abbrevs) | table.heads)


@lru_cache(maxsize=1)
def honorifics() -> dict[str, str | None]:
    """Honorific -> gender it tells ("f", "m") or None."""
    gender = {row[0].strip(): row[1].strip() for row in rows("honorific_gender.tsv")}
    out: dict[str, str | None] = {}
    for row in rows("honorifics.txt"):
        word = row[0].strip().rstrip(".")
        if word:
            out[word] = gender.get(word)
    return out


@lru_cache(maxsize=1)
def honorific_pattern() -> re.Pattern[str]:
    return re.compile(rf"^(?:(?:{alternation(list(honorifics()))})\.?\s+)+")


@dataclass
class Cue:
    kind: str  # departure, appointment, role_created, reporting_line, merger, status...
    value: str  # a sub-kind (merger status, role status) or ""
    phrase: str


@lru_cache(maxsize=1)
def status_cues() -> list[tuple[re.Pattern[str], str, str]]:
    """[(regex, status, where)] from status_cues.tsv; where is "before" or "around"."""
    out = []
    for row in rows("status_cues.tsv"):
        status, where, phrase = row[0].strip(), row[1].strip(), row[2].strip()
        out.append((re.compile(rf"(?<![\w-])(?:{phrase})(?![\w-])", re.IGNORECASE), status, where))
    return out
