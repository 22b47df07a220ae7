"""One small interface for every event type, and the one runner.

An event type is a module in this package that defines `KIND`: an `EventKind` with its
type name, the key that makes two events of the type the same event, and its rules. A rule
is a named function over one sentence of the substrate (`scope="sentence"`: `find(ctx,
sentences, i)`) or over the whole article (`scope="article"`: `find(ctx, sentences,
None)`). Rules run in the order of their `rank`, over every sentence, then the article
rules; the first event found of a key is kept and later ones fill in what it lacks.
Each type's cues are in its own data file, `data/event_cues_<type>.tsv` (`cues`).

Adding an event type: a module here with its `KIND`, its data file and its type in
`model.EventType`; nothing else in `extract/` changes.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Literal

from sectorwatch.data import rows
from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.patterns import Prefilter, fold
from sectorwatch.model import Event

Sentences = Sequence[tuple[int, int]]


@dataclass(frozen=True)
class EventRule:
    name: str
    rank: int
    find: Callable[[ArticleContext, Sentences, int | None], list[Event]]
    scope: Literal["sentence", "article"] = "sentence"


@dataclass(frozen=True)
class EventKind:
    type: str
    key: Callable[[Event], Hashable]
    rules: tuple[EventRule, ...]
    better: Callable[[Event, Event], bool] | None = None
    """(later, first) -> True when the later event replaces the first (a merger's stage)."""
    distinct: Callable[[Event, Event], bool] | None = None
    """(later, first) -> True when two events of one key are two changes (a person's
    appointments to two posts in a career history), kept apart."""


@cache
def cues(kind: str) -> list[tuple[re.Pattern[str], str]]:
    """[(regex, value)] of an event type, from data/event_cues_<kind>.tsv."""
    return [
        (re.compile(rf"(?<![\w-])(?:{row[1].strip()})(?![\w-])", re.IGNORECASE), row[0].strip())
        for row in rows(f"event_cues_{kind}.tsv")
    ]


@cache
def _prefilter(kind: str | None) -> Prefilter:
    """The required strings of the cues of `kind`, or of every type's cues (None)."""
    if kind is None:
        return Prefilter.of(p for name in event_kinds() for p, _ in cues(name))
    return Prefilter.of(p for p, _ in cues(kind))


@lru_cache(maxsize=8)
def _sentence(window: str) -> frozenset[str] | None:
    """The required strings of every type's cues that a sentence holds, found in one scan
    (asked once a sentence, not once a type); None where the prefilter cannot say (case
    folding beyond str.lower(), or a cue without required strings)."""
    every = _prefilter(None)
    folded = fold(window)
    if not folded or every.every_word is None:
        return None
    return every.present(folded)


def cues_in(kind: str, text: str, sentence: tuple[int, int]) -> list[tuple[re.Pattern[str], str]]:
    """The cues of `kind` that can match in the sentence, in order: a cue none of whose
    required words is there is skipped without running its regex (`patterns.Prefilter`;
    a required string of a type's cue is there exactly when it is among those of every
    type's cues that are)."""
    kept = _kept_in(text, sentence)
    if kept is None:
        ok = _prefilter(kind).may_match(text[sentence[0] : sentence[1]])
        return [cue for cue, keep in zip(cues(kind), ok, strict=True) if keep]
    return list(kept.get(kind, ()))


@lru_cache(maxsize=8)
def _kept_in(
    text: str, sentence: tuple[int, int]
) -> dict[str, tuple[tuple[re.Pattern[str], str], ...]] | None:
    """`_kept` of text[sentence], asked by where it is (an article's text hashes once)."""
    return _kept(text[sentence[0] : sentence[1]])


@lru_cache(maxsize=8)
def _kept(window: str) -> dict[str, tuple[tuple[re.Pattern[str], str], ...]] | None:
    """Each type's cues that can match in a sentence (`cues_in`), for every type at once;
    None where the prefilter cannot say."""
    present = _sentence(window)
    if present is None:
        return None
    needing = _needing()
    at: dict[str, set[int]] = {}
    for word in present:
        for kind, i in needing.get(word, ()):
            at.setdefault(kind, set()).add(i)
    return {kind: tuple(cues(kind)[i] for i in sorted(found)) for kind, found in at.items()}


@cache
def _needing() -> dict[str, tuple[tuple[str, int], ...]]:
    """Each required string of a type's cues -> the cues (type, place in `cues`) it is one
    of the required strings of."""
    out: dict[str, list[tuple[str, int]]] = {}
    for kind in event_kinds():
        for i, wanted in enumerate(_prefilter(kind).wanted):
            for word in wanted:
                out.setdefault(word, []).append((kind, i))
    return {word: tuple(at) for word, at in out.items()}


@lru_cache(maxsize=1)
def event_kinds() -> dict[str, EventKind]:
    """Every event type of this package, by type name."""
    import sectorwatch.extract.events as package

    kinds: dict[str, EventKind] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        kind = getattr(module, "KIND", None)
        if isinstance(kind, EventKind):
            kinds[kind.type] = kind
    return kinds


def ordered_rules() -> list[tuple[EventKind, EventRule]]:
    pairs = [(k, r) for k in event_kinds().values() for r in k.rules]
    return sorted(pairs, key=lambda pair: pair[1].rank)


def extract_events(ctx: ArticleContext) -> list[Event]:
    if ctx.people is None or ctx.organisations is None:
        return []
    sentences = ctx.sentences()
    each_sentence, whole_article = _rules_by_scope()
    found: list[Event] = []
    for i in range(len(sentences)):
        for find in each_sentence:
            found += find(ctx, sentences, i)
    for find in whole_article:
        found += find(ctx, sentences, None)
    return merge(found)


Find = Callable[[ArticleContext, Sentences, int | None], list[Event]]


@lru_cache(maxsize=1)
def _rules_by_scope() -> tuple[tuple[Find, ...], tuple[Find, ...]]:
    """The rules of every type in their order: those over a sentence, those over the
    article (`ordered_rules`, sorted once)."""
    rules = [rule for _, rule in ordered_rules()]
    return (
        tuple(r.find for r in rules if r.scope == "sentence"),
        tuple(r.find for r in rules if r.scope == "article"),
    )


FILLED = ("role", "organisation", "reports_to", "announced", "effective")


def merge(events: list[Event]) -> list[Event]:
    """One event per key (and per change, where the type tells two changes of one key
    apart); a later mention fills in what the first lacked (new Event values, the found
    ones are not edited)."""
    kinds = event_kinds()
    kept: dict[Hashable, list[Event]] = {}
    for e in events:
        kind = kinds[e.type]
        same = kept.setdefault((e.type, kind.key(e)), [])
        at = next(
            (j for j, f in enumerate(same) if kind.distinct is None or not kind.distinct(e, f)),
            None,
        )
        if at is None:
            same.append(e)
        else:
            same[at] = _combined(kind, e, same[at])
    return sorted((e for group in kept.values() for e in group), key=lambda e: e.start)


def _combined(kind: EventKind, e: Event, first: Event) -> Event:
    from sectorwatch.extract.events.common import main_date

    if kind.better is not None and kind.better(e, first):
        return replace(e, announced=e.announced or first.announced)
    fills = {n: getattr(e, n) for n in FILLED if getattr(first, n) is None}
    first = replace(first, **{n: v for n, v in fills.items() if v is not None})
    date = main_date(first.status, first.announced, first.effective)
    if date != first.date:
        first = replace(first, date=date, date_range=e.date_range if e.date == date else None)
    return first
