"""Where an article may name a person, beside the tagger's PERSON spans: the name shapes
("chief executive Jo Hale", "Mr Hale", "has appointed Jo Hale as"), each tried only where it
can match (a shape that opens with a title where a title starts, one that needs a title
after "," or "as" only when the text has one), and a first name before a surname an
honorific introduced ("Julia Okafor" beside "Ms Okafor"), found without a pattern compiled
per article. `people.build_person_index` reads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.vocab import honorifics, role_vocabulary, title_starts
from sectorwatch.extract.lexicon import succession_verbs
from sectorwatch.extract.literals import finditer_at, free_of

_NAME_TOKEN = r"(?:[A-Z][a-z]*[’'-]?[A-Z]?[a-z]+|[A-Z]\.)"
_NAME = rf"{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,2}}"
_CAP_WORD = r"(?:[A-Z][\w’'-]*)"
POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")


def candidate_spans(ctx: ArticleContext) -> list[tuple[int, int]]:
    """Where names may be: the tagger's PERSON spans (less a possessive) and the name
    shapes' matches."""
    text = ctx.text
    spans: list[tuple[int, int]] = []
    for label, start, end in ctx.entities():
        if label == "PERSON":
            surface = text[start:end].split("\n")[0]
            surface = POSSESSIVE.sub("", surface.rstrip())
            spans.append((start, start + len(surface)))
    starts = ctx.once("title_starts", lambda: title_starts(text))
    for pattern, group, opening in _candidate_patterns():
        if opening == "title":  # the pattern opens with a title: tried where one starts
            found: Iterable[re.Match[str]] = finditer_at(pattern, text, starts)
        elif opening in _TITLE_AFTER:  # a name, then "," or "as" and a title
            after = [t for t in starts if _TITLE_AFTER[opening](text, t)]
            found = finditer_at(pattern, text, _capitals_before(text, after)) if after else ()
        elif opening == "place":
            if not any(post in text for post in _place_posts()):
                continue  # no place's post written in capitals: nothing to find
            found = pattern.finditer(text)
        else:
            found = pattern.finditer(text)
        spans += [(m.start(group), m.end(group)) for m in found]
    return spans


def _capitals_before(text: str, titles: list[int]) -> list[int]:
    """The capital letters on the line of each title, before it: where a name that the
    title follows on the same line can start (the name and what joins it to the title hold
    no line break)."""
    out: set[int] = set()
    for title in titles:
        line = text.rfind("\n", 0, title) + 1
        out.update(m.start() for m in _CAPITAL.finditer(text, line, title))
    return sorted(out)


_CAPITAL = re.compile(r"[A-Z]")


def _spaces_before(text: str, at: int) -> int:
    """Where the run of spaces and tabs that ends at `at` starts."""
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at


def _after_comma(text: str, title: int) -> bool:
    """Whether `,[ \t]+(?:the[ \t]+)?` ends at `title`."""
    at = _spaces_before(text, title)
    if at == title:
        return False
    if text[at - 1 : at] == ",":
        return True
    if at < 3 or text[at - 3 : at] != "the":
        return False
    comma = _spaces_before(text, at - 3)
    return comma < at - 3 and text[comma - 1 : comma] == ","


# the words that may stand between "as" and the title ("joined as the new chair")
_AS_MODIFIERS = ("the", "its", "interim", "acting", "new")


def _after_as(text: str, title: int) -> bool:
    """Whether `[ \t]as[ \t]+(?:(?:the|its|interim|acting|new)[ \t]+)*` ends at `title`
    (read backwards: none of those words ends with another, or with "as")."""
    at = title
    while True:
        word_end = _spaces_before(text, at)
        if word_end == at:
            return False
        if text[max(0, word_end - 2) : word_end] == "as":
            return text[word_end - 3 : word_end - 2] in (" ", "\t") and word_end >= 3
        for word in _AS_MODIFIERS:
            if word_end >= len(word) and text[word_end - len(word) : word_end] == word:
                at = word_end - len(word)
                break
        else:
            return False


# The necessary condition of a pattern that needs a title after "," or "as" somewhere
_TITLE_AFTER = {"comma": _after_comma, "as": _after_as}


@lru_cache(maxsize=1)
def _place_posts() -> tuple[str, ...]:
    """The one-word posts of a place, in capitals ("MP"), in the vocabulary's order."""
    return tuple(v.upper() for v in role_vocabulary().of_place if " " not in v)


@lru_cache(maxsize=1)
def _candidate_patterns() -> tuple[tuple[re.Pattern[str], int, str], ...]:
    """The name shapes beside the tagger's PERSON spans, each with the group that is the
    name and where its title is ("title": it opens with one, "comma" / "as": one follows
    "," / "as", "place": a place's post in capitals, "": none); built once (the title and
    honorific alternations are long)."""
    hon = "|".join(re.escape(h) for h in sorted(honorifics(), key=len, reverse=True))
    titles = role_vocabulary().pattern.pattern
    shapes: list[tuple[str, int, str]] = [
        (rf"(?<![\w-])(?:{hon})\.?[ \t]+{_NAME}", 0, ""),
        (rf"{titles}[ \t]+(?:(?:{hon})\.?[ \t]+)?({_NAME})", 2, "title"),
        # "Chair of the Trust Jane Doe said", "regional director for the South of England Sam
        # Bell;": the two capitalised words after the title's body or region, before a
        # lower-case word or a stop, are a name
        (
            rf"{titles}[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
            rf"(?:{_CAP_WORD}[ \t]+(?:of[ \t]+)?){{1,4}}"
            rf"({_NAME_TOKEN}[ \t]+{_NAME_TOKEN})(?=[ \t]*[,.;:]|[ \t]+[a-z])",
            2,
            "title",
        ),
        (rf"{titles},[ \t]+({_NAME_TOKEN}[ \t]+{_NAME_TOKEN})(?=[,.;])", 2, "title"),
        (rf"({_NAME_TOKEN}[ \t]+{_NAME_TOKEN}),[ \t]+(?:the[ \t]+)?{titles}", 1, "comma"),
    ]
    # "Sam Ode MP said": a name before a place's post written as capitals (data/roles.tsv
    # "@"), when no name follows it ("East Leybourne MP Jo Bell" is the place's)
    posts = _place_posts()
    if posts:
        alt = "|".join(re.escape(v) for v in posts)
        shapes.append(
            (
                rf"(?<![\w’'-])({_NAME_TOKEN}[ \t]+{_NAME_TOKEN})[ \t]+(?:{alt})"
                r"(?![\w-])(?![ \t]+[A-Z])",
                1,
                "place",
            )
        )
    shapes += [
        # "Nia Jones resigned as chief executive", "Tom Reyes, 52, joined as chair": a name
        # whose verb (one to three lower-case words) gives it a title with "as"
        (
            rf"(?<![Tt]he[ \t])({_NAME_TOKEN}[ \t]+{_NAME_TOKEN})(?:,[ \t]+\d{{2}},)?"
            rf"(?:[ \t]+[a-z]+){{1,3}}[ \t]+as[ \t]+"
            rf"(?:(?:{'|'.join(_AS_MODIFIERS)})[ \t]+)*{titles}",
            1,
            "as",
        ),
        # "has appointed Helena Markby as", "the appointment of Dr Casimir Oboh as"
        (
            rf"\b(?:appoint(?:s|ed|ing)?|appointment[ \t]+of|nam(?:es|ed|ing)|confirm(?:s|ed)|"
            rf"select(?:s|ed)|recruit(?:s|ed)|welcom(?:es|ed)[ \t]+)[ \t]+(?:(?:{hon})\.?[ \t]+)?"
            rf"({_NAME_TOKEN}[ \t]+{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN})?)[ \t]+as\b",
            1,
            "",
        ),
        # "taking over from Ruth Emsley", "since Graham Tull retired": predecessors
        (
            rf"\b(?:{succession_verbs('former')}|{succession_verbs('leaving')}|(?:retirement|"
            rf"resignation|departure)[ \t]+of)[ \t]+(?:(?:{hon})\.?[ \t]+)?"
            rf"({_NAME_TOKEN}[ \t]+{_NAME_TOKEN})(?![\w’'-])",
            1,
            "",
        ),
        (
            rf"\b(?:since|after|when)[ \t]+({_NAME_TOKEN}[ \t]+{_NAME_TOKEN})[ \t]+"
            rf"(?:retired|resigned|left|quit|stepped[ \t]+down|stood[ \t]+down|departed)\b",
            1,
            "",
        ),
    ]
    return tuple((re.compile(shape), group, opening) for shape, group, opening in shapes)


_FIRST_NAME = re.compile(r"(?<![\w’'-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+")
_FREE_OF_HYPHEN = free_of("-")


class _FirstAndSurname:
    """A match of `_FIRST_NAME` followed by one of the surnames: group 1 the first name,
    group 2 the surname."""

    def __init__(self, first: re.Match[str], surname: str) -> None:
        self._first, self._surname = first, surname

    def start(self) -> int:
        return self._first.start()

    def end(self) -> int:
        return self._first.end() + len(self._surname)

    def group(self, n: int) -> str:
        return self._first.group(1) if n == 1 else self._surname


def first_then_surname(text: str, surnames: set[str]) -> list[_FirstAndSurname]:
    r"""The matches `re.finditer` gives for `_FIRST_NAME` then the alternation of the
    surnames (longest first) and `(?![\w-])`, with no pattern compiled per article: a
    first name and its spaces match in one way only, each start where the last ended or
    later (no match can start inside a first name or its spaces), and after them the
    longest surname that fits."""
    by_length = sorted(surnames, key=len, reverse=True)
    if any(not n or n[0] in " \t" for n in by_length):
        raise ValueError("a surname that is empty or opens with a space")
    out: list[_FirstAndSurname] = []
    last = 0
    for first in _FIRST_NAME.finditer(text):
        if first.start() < last:
            continue
        at = first.end()
        for name in by_length:
            if text.startswith(name, at) and _FREE_OF_HYPHEN(text, at + len(name)):
                out.append(_FirstAndSurname(first, name))
                last = at + len(name)
                break
    return out
