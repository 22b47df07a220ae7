"""People named in an article, and resolution of short forms to the fullest name.

Names come from spaCy PERSON entities, from titled names ("Mr Dalton", "Baroness Dido
Harding", data/honorifics.txt) and from capitalised names right after a role title
("chief executive Chris Hopson"). Honorifics are not part of a canonical name. A short
form ("Mr Dalton", "Dalton", "Ian") resolves to the one full name of the article that
ends (surname) or starts (first name) with it. Where names may be: `name_shapes.py`.

`PersonIndex`:
- `canonical(surface)` -> the fullest name, or None when the article names nobody so;
- `mentions()` -> every mention (full names, surnames, first names, titled names), sorted;
- `at(offset)` -> the mention covering `offset`, or None;
- `starting_at(pos)` / `ending_at(pos)` -> the mention that starts / ends exactly there;
- `most_recent_before(offset, gender=None)` -> the last mention ending before `offset`
  (of a person known to be "f" or "m" when `gender` is given: for "she"/"he");
- `gender(name)` -> "f", "m" or None, from honorifics (Ms, Mr, Dame, Lord ...) and from the
  pronouns that follow the person's mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from functools import lru_cache

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.name_shapes import (
    POSSESSIVE,
    candidate_spans,
    first_then_surname,
)
from sectorwatch.extract.entities.vocab import (
    SPACES,
    honorific_pattern,
    honorifics,
    organisation_head_words,
    role_vocabulary,
)
from sectorwatch.extract.lexicon import (
    calendar_words,
    comes_from,
    pronoun_genders,
    word_alternation,
    words,
)
from sectorwatch.extract.literals import find_phrases, free_of
from sectorwatch.extract.spans import SpanSet
from sectorwatch.model import Mention

_PRONOUN = re.compile(rf"\b(?:{word_alternation(pronoun_genders())})\b", re.I)
_FREE_OF_HYPHEN = free_of("-")
_NOT_NAME_WORDS = calendar_words() | words("not_name_capitals.txt")
_OPENERS = words("name_openers.txt")


# "Owen Tate, who joins from Brindle Care": the name after it is an employer, never a person
_COMES_FROM = comes_from(r"[ \t]")
# "director of strategy at Kestrel Coast", "chief executive of Brindle": a title's body
_TITLE_AT = r"(?:[ \t]+[a-z][a-z-]*){0,4}[ \t]+(?:at|of|for)[ \t]+(?:the[ \t]+)?$"


def _names_a_body(text: str, start: int, name: str) -> bool:
    """Whether a capitalised name at `start` is an organisation's: its last word ends
    organisation names ("Brindle Care", "Tidewell Partnership"), or it follows "joins
    from" or a title and "at"/"of" ("head of communications at Kestrel Coast")."""
    words = name.split()
    if words and words[-1] in organisation_head_words():
        return True
    before = text[max(0, start - 80) : start]
    if _COMES_FROM.search(before):
        return True
    tail = before.rstrip(" \t")  # what _TITLE_AT needs at the end, tested before the scan
    if len(tail) == len(before) or not tail.endswith(("at", "of", "for", "the")):
        return False
    return _title_then_at().search(before) is not None


@lru_cache(maxsize=1)
def _title_then_at() -> re.Pattern[str]:
    """A title and the start of its body's "at"/"of" at the end of a text; compiled once."""
    return re.compile(rf"(?:{role_vocabulary().pattern.pattern}){_TITLE_AT}")


class PersonIndex:
    """Maps every way an article refers to a person to that person's fullest name."""

    def __init__(self, mentions: list[Mention], resolver: dict[str, str], genders: dict) -> None:
        self._mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self._mentions]
        self._resolver = resolver
        self._genders: dict[str, str] = genders
        self._by_start = {m.start: m for m in self._mentions}
        self._by_end = {m.end: m for m in self._mentions}

    def canonical(self, surface: str) -> str | None:
        """The fullest name for "Mr Dalton", "Dalton", "Ian Dalton" ...; None if unknown."""
        return self._resolver.get(_clean(surface)[0])

    def mentions(self) -> list[Mention]:
        return list(self._mentions)

    def names(self) -> list[str]:
        return sorted({m.canonical for m in self._mentions})

    def gender(self, name: str) -> str | None:
        return self._genders.get(name)

    def at(self, offset: int) -> Mention | None:
        i = bisect_left(self._starts, offset + 1)
        for m in reversed(self._mentions[max(0, i - 3) : i]):
            if m.start <= offset < m.end:
                return m
        return None

    def starting_at(self, pos: int) -> Mention | None:
        return self._by_start.get(pos)

    def starting_in(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in [start, end), in order (a bisection, not a scan)."""
        return self._mentions[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def first_starting_in(self, start: int, end: int) -> Mention | None:
        """The first mention that starts in [start, end) (a bisection, not a scan)."""
        i = bisect_left(self._starts, start)
        if i < len(self._mentions) and self._mentions[i].start < end:
            return self._mentions[i]
        return None

    def ending_at(self, pos: int) -> Mention | None:
        return self._by_end.get(pos)

    def most_recent_before(self, offset: int, gender: str | None = None) -> Mention | None:
        i = bisect_left(self._starts, offset)
        for m in reversed(self._mentions[:i]):
            if m.end > offset:
                continue
            if gender is None or self._genders.get(m.canonical) in (gender, None):
                return m
        return None


def _clean(surface: str) -> tuple[str, str | None]:
    """(name without honorifics or possessive, the gender an honorific tells)."""
    surface = SPACES.sub(" ", surface.strip())
    surface = POSSESSIVE.sub("", surface)
    tail = _postnominal_tail().search(surface)
    if tail is not None and tail.start() > 0:
        surface = surface[: tail.start()]  # "Jo Lee OBE" is Jo Lee
    gender = None
    m = honorific_pattern().match(surface + " ")
    if m:
        for word in m.group(0).split():
            gender = honorifics().get(word.rstrip(".")) or gender
        surface = surface[m.end() :].strip() if m.end() <= len(surface) else ""
    return surface, gender


@lru_cache(maxsize=1)
def _postnominal_tail() -> re.Pattern[str]:
    """Post-nominal letters at the end of a name (data/postnominals.txt): "Jo Lee OBE"."""
    alt = "|".join(
        re.escape(w) for w in sorted(words("postnominals.txt"), key=len, reverse=True) if w
    )
    return re.compile(rf"(?:,?[ \t]+(?:{alt}))+$")


def _first_names_of_titled(
    text: str,
    found: list[tuple[int, int, str, str | None]],
    org_spans: SpanSet,
    role_words: Mapping[str, str],
) -> list[tuple[int, int, str, str | None]]:
    """ "Julia Okafor" where the tagger missed it but the article also says "Ms Okafor": a
    capitalised word right before a surname that an honorific introduced is a first name."""
    full = {n.split()[-1] for _, _, n, _ in found if len(n.split()) >= 2}
    surnames = {n for _, _, n, _ in found if " " not in n and n not in full}
    if not surnames:
        return []
    out: list[tuple[int, int, str, str | None]] = []
    for m in first_then_surname(text, surnames):
        first = m.group(1)
        if first in _NOT_NAME_WORDS or first in _OPENERS or first.lower() in role_words:
            continue
        if first in honorifics():
            continue
        if org_spans.overlaps(m.start(), m.end()):
            continue
        out.append((m.start(), m.end(), f"{first} {m.group(2)}", None))
    return out


_MONTHS = words("months.txt")


def _month_surname(text: str, end: int, words: list[str], i: int) -> bool:
    """ "Ruth May", "Ada June": a month as the last word of a two- or three-word name
    after a first name that is no calendar or sentence word, not followed by a day or year
    ("Friday May 5", "May 2024")."""
    return (
        i == len(words) - 1
        and i >= 1
        and words[i] in _MONTHS
        and not any(w in _NOT_NAME_WORDS or w in _OPENERS for w in words[:i])
        and re.match(r"[ \t]*\d", text[end : end + 4]) is None
    )


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether one letter inserted, dropped or changed turns `a` into `b`."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _misspelt_surname(name: str, by_last: dict[str, set[str]]) -> str | None:
    """The one full name whose surname a titled surname misspells by one letter ("Ms
    Bodwin" after "Dana Bodwen"), when the surname is long enough to tell (five letters)
    and only one full name is that close."""
    if len(name) < 5:
        return None
    close = {n for last, ns in by_last.items() if _one_edit_apart(name, last) for n in ns}
    return next(iter(close)) if len(close) == 1 else None


def build_person_index(ctx: ArticleContext) -> PersonIndex:
    text = ctx.text
    orgs = ctx.organisations
    org_spans = SpanSet([(m.start, m.end) for m in orgs.mentions()] if orgs else [])
    role_words = role_vocabulary().canonical  # lower-case titles (keys)
    found: list[tuple[int, int, str, str | None]] = []
    for s, e in sorted(set(candidate_spans(ctx))):
        if "\n" in text[s:e] or org_spans.overlaps(s, e):
            continue
        name, gender = _clean(text[s:e])
        words = name.split()
        if not words or any(
            (w in _NOT_NAME_WORDS and not _month_surname(text, e, words, i))
            or w.lower() in role_words
            for i, w in enumerate(words)
        ):
            continue
        if not all(w[:1].isupper() for w in words):
            continue
        if _names_a_body(text, s, name):
            continue
        found.append((s, e, name, gender))

    found.extend(_first_names_of_titled(text, found, org_spans, role_words))
    full_names = {name for _, _, name, _ in found if len(name.split()) >= 2}
    # A longer full name absorbs a shorter one it extends ("Ian Dalton" in "Ian Dalton").
    by_last: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    ending: dict[str, set[str]] = {}  # "Dalton" -> the full names ending " Dalton"
    for name in full_names:
        words = name.split()
        by_last.setdefault(words[-1], set()).add(name)
        by_first.setdefault(words[0], set()).add(name)
        space = name.find(" ")
        while space != -1:  # what follows each space (str.find: not a loop over characters)
            ending.setdefault(name[space + 1 :], set()).add(name)
            space = name.find(" ", space + 1)

    def resolve(name: str) -> str | None:
        if name in full_names:
            longer = ending.get(name, set())
            return next(iter(longer)) if len(longer) == 1 else name
        words = name.split()
        if len(words) == 1:
            last = by_last.get(words[0], set())
            if len(last) == 1:
                return next(iter(last))
            first = by_first.get(words[0], set())
            if len(first) == 1 and not last:
                return next(iter(first))
        return None

    resolver: dict[str, str] = {}
    genders: dict[str, str] = {}
    mentions: list[Mention] = []
    titled_alone: dict[str, str] = {}  # "Ashdown" -> "Lord Ashdown" when no full name exists
    for s, e, name, gender in found:
        canon = resolve(name)
        surface = SPACES.sub(" ", POSSESSIVE.sub("", text[s:e].strip()))
        if canon is None and " " not in name and surface != name:
            canon = _misspelt_surname(name, by_last)  # "Ms Bodwin" for "Dana Bodwen"
        if canon is None and " " not in name and (surface != name or name in titled_alone):
            # "Lord Ashdown", "Baroness Harding" with no first name anywhere in the article:
            # the titled surname is the fullest name the article gives.
            canon = titled_alone.setdefault(name, surface) if surface != name else None
            canon = canon or titled_alone.get(name)
        if canon is None:
            continue
        resolver[name] = canon
        resolver[_clean(text[s:e])[0]] = canon
        if gender:
            genders.setdefault(canon, gender)
        mentions.append(Mention("person", text[s:e], canon, s, e))
    # Bare surnames and first names that the tagger missed.
    short = {w: n for w, ns in by_last.items() if len(ns) == 1 for n in ns}
    short.update(
        {w: n for w, ns in by_first.items() if len(ns) == 1 and w not in by_last for n in ns}
    )
    short.update({w: n for w, n in titled_alone.items() if w not in short})
    taken = SpanSet([(m.start, m.end) for m in mentions])
    # (?<![\w-])(?:short...)(?![\w-])
    for s, e in find_phrases(text, short, _FREE_OF_HYPHEN, _FREE_OF_HYPHEN) if short else ():
        if taken.covers(s) or org_spans.covers(s):
            continue
        word = text[s:e]
        mentions.append(Mention("person", word, short[word], s, e))
        resolver.setdefault(word, short[word])
    # Pronouns after a person's mentions tell the gender when no honorific did.
    ends_of: dict[str, list[int]] = {}
    for mention in mentions:
        ends_of.setdefault(mention.canonical, []).append(mention.end)
    for canon in set(ends_of) - set(genders):
        starts = ends_of[canon]
        votes = {"f": 0, "m": 0}
        for end in starts:
            for p in _PRONOUN.finditer(text[end : end + 120]):
                if not ctx.in_quote(end + p.start()):  # a quote's "she" is someone else
                    votes[pronoun_genders()[p.group(0).lower()]] += 1
        if votes["f"] != votes["m"]:
            genders[canon] = "f" if votes["f"] > votes["m"] else "m"
    return PersonIndex(mentions, resolver, genders)
