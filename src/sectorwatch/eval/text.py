"""How the scorer compares texts, names, organisations and role titles.

Every comparison works on lower-cased word tokens, so case, punctuation and curly or
straight apostrophes never matter. Honorifics and role abbreviations are data files in
`sectorwatch/data` (see its README).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

from sectorwatch.data import lines

_WORD = re.compile(r"\w+")
_APOSTROPHES = re.compile(r"(?<=\w)['’](?=\w)")


def word_tokens(text: str | None) -> list[str]:
    """Lower-cased word tokens: "I’d like" -> ["id", "like"]; "NHSE/I" -> ["nhse", "i"]."""
    if not text:
        return []
    text = unicodedata.normalize("NFKC", text).lower()
    return _WORD.findall(_APOSTROPHES.sub("", text))


def token_f1(a: str | None, b: str | None) -> float:
    """F1 of the two texts' word tokens, counted as multisets (as SQuAD does)."""
    ta, tb = Counter(word_tokens(a)), Counter(word_tokens(b))
    common = sum((ta & tb).values())
    if common == 0:
        return 0.0
    precision = common / sum(ta.values())
    recall = common / sum(tb.values())
    return 2 * precision * recall / (precision + recall)


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    return frozenset(word for line in lines("honorifics.txt") for word in word_tokens(line))


def name_key(name: str | None) -> str | None:
    """A person's (or organisation's) name for comparison: "Dr. Leonie Marsh" -> "leonie marsh".

    Leading honorifics are dropped; `None` (nobody identified) stays `None`.
    """
    tokens = word_tokens(name)
    titles = honorifics()
    while len(tokens) > 1 and tokens[0] in titles:
        tokens.pop(0)
    return " ".join(tokens) or None


def _org_form(name: str) -> str:
    tokens = word_tokens(name)
    if len(tokens) > 1 and tokens[0] == "the":
        tokens.pop(0)
    return " ".join(tokens)


class OrganisationNames:
    """Organisation names compared through a gold file's `organisation_aliases`.

    Any name of an alias group (the key or one of its aliases) stands for the group, so
    "NHSI" and "NHS Improvement" are the same organisation in either direction. A name
    outside every group stands for itself. `None` matches only `None`.
    """

    def __init__(self, aliases: Mapping[str, Iterable[str]] | None = None) -> None:
        self._canonical: dict[str, str] = {}
        for name, others in (aliases or {}).items():
            key = _org_form(name)
            for alias in [name, *others]:
                self._canonical.setdefault(_org_form(alias), key)

    def key(self, name: str | None) -> str | None:
        if not name:
            return None
        form = _org_form(name)
        return self._canonical.get(form, form)

    def same(self, a: str | None, b: str | None) -> bool:
        return self.key(a) == self.key(b)

    def same_set(self, a: Iterable[str], b: Iterable[str]) -> bool:
        return {self.key(n) for n in a} == {self.key(n) for n in b}


@lru_cache(maxsize=1)
def _role_rewrites() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    rules = []
    for line in lines("scoring_roles.tsv"):
        words, _, replacement = line.partition("\t")
        rules.append((tuple(word_tokens(words)), tuple(word_tokens(replacement))))
    rules.sort(key=lambda rule: -len(rule[0]))
    return tuple(rules)


def role_words(role: str | None) -> frozenset[str]:
    """The words of a role title after expanding abbreviations and dropping ignored words:
    "Interim CEO" -> {"chief", "executive"}."""
    tokens = word_tokens(role)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for words, replacement in _role_rewrites():
            if tuple(tokens[i : i + len(words)]) == words:
                out.extend(replacement)
                i += len(words)
                break
        else:
            out.append(tokens[i])
            i += 1
    return frozenset(out)


def same_role(a: str | None, b: str | None) -> bool:
    """True when the role words of one title are all among the other's.

    A title with no words left (or none at all) matches only another such title.
    """
    wa, wb = role_words(a), role_words(b)
    if not wa or not wb:
        return wa == wb
    return wa <= wb or wb <= wa
