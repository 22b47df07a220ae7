"""Faster regular expressions, with the same matches.

- `required_words(pattern)`: strings one of which every match of the pattern contains, read
  from the pattern itself, so a rule can skip a sentence in which none occurs without
  running the pattern there (a substring test is far cheaper than a regex scan, and the
  cues keep changing in their data files: nothing is written twice);
- `trie_alternation(phrases)`: the alternation of `vocab.alternation` (longest phrase first,
  spaces matching any whitespace) written as a prefix tree, so the engine tries only the
  phrases that share the letters read so far instead of every phrase at every position.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

_MAX_STRINGS = 64  # a longer cross product is not worth keeping
_MIN_LENGTH = 3  # shorter required strings filter too little
_ENOUGH = 5  # longer required strings filter little better
NON_ASCII_LETTER = re.compile(r"(?=[^\x00-\x7f])\w")  # case folding may go beyond str.lower()


@cache
def _sre(name: str) -> Any:
    """The standard library's regex parser (`re._parser`) or its constants: private, so a
    failure to read a pattern only means no shortcut (`required_words` gives None)."""
    return importlib.import_module(f"re.{name}")


def _exact(items: Any, fold: bool) -> set[str] | None:
    """The finite set of strings a sequence of parsed items matches (zero-width items match
    ""), or None."""
    c = _sre("_constants")
    out = {""}
    for op, av in items:
        if op is c.LITERAL:
            if fold and _folds_oddly(chr(av)):
                return None
            got = {chr(av).lower() if fold else chr(av)}
        elif op is c.IN:
            if any(o is not c.LITERAL for o, _ in av) or len(av) > 8:
                return None
            if fold and any(_folds_oddly(chr(v)) for _, v in av):
                return None
            got = {chr(v).lower() if fold else chr(v) for _, v in av}
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            got = {""}
        elif op is c.SUBPATTERN:
            _, add, remove, sub = av
            inner = _exact(sub, _folds(fold, add, remove))
            if inner is None:
                return None
            got = inner
        elif op is c.BRANCH:
            got = set()
            for alt in av[1]:
                inner = _exact(alt, fold)
                if inner is None:
                    return None
                got |= inner
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
            inner = _exact(av[2], fold)
            if inner is None:
                return None
            got = inner | {""}
        else:
            return None
        out = {a + b for a in out for b in got}
        if len(out) > _MAX_STRINGS:
            return None
    return out


def _folds_oddly(ch: str) -> bool:
    """A non-ASCII letter, whose case-insensitive matches str.lower() may not give ("İ")."""
    return not ch.isascii() and (ch.isalpha() or len(ch.lower()) != 1)


def _folds(fold: bool, add: int, remove: int) -> bool:
    return (fold or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The cheaper of two requirements to test: long enough (up to `_ENOUGH` characters
    counts), then the fewest strings."""
    if a is None or "" in a:
        return b if b is not None and "" not in b else None
    if b is None or "" in b:
        return a
    return max(a, b, key=lambda s: (min(_ENOUGH, *map(len, s)), -len(s)))


def _required(items: Any, fold: bool) -> set[str] | None:
    """Strings one of which every match of the sequence contains, or None."""
    c = _sre("_constants")
    best: set[str] | None = None
    run: set[str] = {""}
    for op, av in items:
        exact = _exact([(op, av)], fold)
        if exact is not None:
            product = {a + b for a in run for b in exact}
            if len(product) <= _MAX_STRINGS:
                run = product
                best = _better(best, run)  # every prefix of a run is required too
                continue
            best, run = _better(best, run), exact
            continue
        best, run = _better(best, run), {""}
        inner: set[str] | None = None
        if op is c.SUBPATTERN:
            _, add, remove, sub = av
            inner = _required(sub, _folds(fold, add, remove))
        elif op is c.BRANCH:
            inner = set()
            for alt in av[1]:
                got = _required(alt, fold)
                if got is None or "" in got:
                    inner = None
                    break
                inner |= got
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _required(av[2], fold)
        best = _better(best, inner)
    return _better(best, run)


@cache
def required_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which is in every match of `pattern` (lower-cased when it ignores
    case), or None when none is long enough to be worth testing for."""
    fold = bool(pattern.flags & re.IGNORECASE)
    try:
        found = _required(list(_sre("_parser").parse(pattern.pattern, pattern.flags)), fold)
    except Exception:  # noqa: BLE001 - a private module may change: then no shortcut
        return None
    if not found or min(map(len, found)) < _MIN_LENGTH:
        return None
    if fold:  # tested in the folded text: a part that keeps case ("(?-i:Appointed)") too
        found = {s.lower() for s in found}
    if fold and any(NON_ASCII_LETTER.search(s) for s in found):
        return None  # case folding beyond str.lower(): no shortcut
    # a string that contains another required string adds nothing
    kept = [w for w in found if not any(o != w and o in w for o in found)]
    return tuple(sorted(kept))


def fold(text: str) -> str:
    """`text` lower-cased, to look for a case-insensitive pattern's required strings in; ""
    where case folding goes beyond str.lower() ("ſ" matches "s" when case is ignored)."""
    if not text.isascii() and NON_ASCII_LETTER.search(text):
        return ""
    return text.lower()


@dataclass(frozen=True)
class Prefilter:
    """The required strings of a list of patterns, to test a text for all at once."""

    needs: tuple[tuple[str, ...] | None, ...]
    folds: tuple[bool, ...]
    any_word: re.Pattern[str] | None = None
    """Finds any required string of any pattern (all of them ignoring case): a text without
    one is answered at once."""
    every_word: re.Pattern[str] | None = None
    """`any_word` at every position (a lookahead): the longest required string starting
    there, so that every required string in a text is a prefix of one found."""
    prefixes: dict[str, frozenset[str]] | None = None
    """Each required string -> the required strings it starts with (itself included)."""
    wanted: tuple[frozenset[str], ...] = ()

    @classmethod
    def of(cls, patterns: Iterable[re.Pattern[str]]) -> Prefilter:
        listed = list(patterns)
        needs = tuple(required_words(p) for p in listed)
        folds = tuple(bool(p.flags & re.IGNORECASE) for p in listed)
        if not (listed and all(folds) and all(n is not None for n in needs)):
            return cls(needs, folds)
        words = sorted({w for n in needs if n is not None for w in n})
        alternation = trie_alternation(words, space=" ")
        prefixes = {w: frozenset(v for v in words if w.startswith(v)) for w in words}
        return cls(
            needs,
            folds,
            re.compile(alternation),
            re.compile(f"(?=({alternation}))"),
            prefixes,
            tuple(frozenset(n or ()) for n in needs),
        )

    def may_match(self, text: str, folded: str | None = None) -> list[bool]:
        """For each pattern, False only when it cannot match anywhere in `text` (a necessary
        condition, never a sufficient one): none of its required strings is there.
        `folded` is `fold(text)`, when the caller has it."""
        if folded is None:
            folded = fold(text)
        if folded and self.any_word is not None and self.every_word is not None:
            if self.any_word.search(folded) is None:
                return [False] * len(self.needs)
            present = self.present(folded)
            return [not wanted.isdisjoint(present) for wanted in self.wanted]
        out = []
        for needed, ignores_case in zip(self.needs, self.folds, strict=True):
            if needed is None or (ignores_case and not folded):
                out.append(True)
                continue
            hay = folded if ignores_case else text
            for word in needed:
                if word in hay:
                    out.append(True)
                    break
            else:
                out.append(False)
        return out

    def present(self, folded: str) -> frozenset[str]:
        """Every required string in `folded` (a folded text, not ""), in one scan: a
        required string is there exactly when it is a prefix of the longest one starting
        where it starts. Only for a prefilter with `every_word` (all patterns folded, each
        with required strings)."""
        assert self.every_word is not None and self.prefixes is not None
        found: set[str] = set()
        for longest in {m.group(1) for m in self.every_word.finditer(folded)}:
            found |= self.prefixes[longest]
        return frozenset(found)


def trie_alternation(phrases: list[str], fold: bool = False, space: str = r"\s+") -> str:
    """The alternation of `phrases` as a prefix tree: the same matches as the flat
    alternation sorted longest first (every phrase that matches at a position is a prefix of
    every longer one that does, and the tree tries the longer first). A space matches
    `space` (any whitespace). With `fold` (only inside a case-insensitive pattern) phrases
    that differ only in case share one branch."""
    tree: dict[str, Any] = {}
    for phrase in phrases:
        node = tree
        for ch in phrase:
            if fold and len(ch.lower()) == 1:
                ch = ch.lower()
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(tree, space)


def _branches(node: dict[str, Any], space: str) -> str:
    alts = [
        (space if ch == " " else re.escape(ch)) + _rest(node[ch], space)
        for ch in sorted(k for k in node if k)
    ]
    return "|".join(alts)


def _rest(node: dict[str, Any], space: str) -> str:
    inner = _branches(node, space)
    if not inner:
        return ""
    if "" in node:
        return f"(?:{inner})?"
    return inner if len([k for k in node if k]) == 1 else f"(?:{inner})"


@cache
def _alone(pattern: re.Pattern[str]) -> Prefilter:
    return Prefilter.of([pattern])


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only where `pattern` cannot match anywhere in `text`: none of its required
    strings is there (True where it has none worth testing)."""
    return _alone(pattern).may_match(text)[0]


def finditer(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text, start, end)`, without a scan where none of the pattern's
    required strings is in text[start:end] (the same matches; the window is folded once for
    every pattern asked about it)."""
    needed, folds = _required_of(pattern)
    if needed is not None:
        hay = _folded(text, start, end) if folds else text[start:end]
        if hay and not any(word in hay for word in needed):
            return iter(())
    return pattern.finditer(text, start, end)


@cache
def _required_of(pattern: re.Pattern[str]) -> tuple[tuple[str, ...] | None, bool]:
    """The pattern's required strings, and whether they are looked for case-folded."""
    return required_words(pattern), bool(pattern.flags & re.IGNORECASE)


@lru_cache(maxsize=8)
def _folded(text: str, start: int, end: int) -> str:
    return fold(text[start:end])
