"""Scoring predictions against gold, exactly as extraction-output.md "How it is scored" says.

- direct: a predicted direct quote matches a gold direct quote when their token F1 >= 0.8;
  `direct_attributed` also requires the speaker's name to match (case, punctuation and
  leading honorifics ignored).
- indirect_attributed: indirect quotes, token F1 >= 0.5 and the speaker required.
- roles: same person, same organisation through the gold's aliases (`None` only matches
  `None`), and the role words of one contained in the other's.
- events: same type, and the same person (departure, appointment), role (role_created;
  reporting_line compares `subordinate`, else `role`) or set of organisations (merger).

Each gold item is matched at most once (see `matching.match`). False quotes are predicted
direct quotes that match no gold quote, and unmatched predicted quotes of either type whose
text matches (token F1 >= 0.8) one of the gold's `not_quotes`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sectorwatch.eval.gold import Gold, Prediction, pair_predictions
from sectorwatch.eval.matching import match
from sectorwatch.eval.text import OrganisationNames, name_key, same_role, token_f1

METRICS = ("direct", "direct_attributed", "indirect_attributed", "roles", "events")
DIRECT_MIN_F1 = 0.8
INDIRECT_MIN_F1 = 0.5

Item = dict[str, Any]


def _ratio(part: int, whole: int, other: int) -> float:
    """part/whole; with nothing in `whole`, 1.0 when `other` is empty too, else 0.0."""
    if whole:
        return part / whole
    return 1.0 if other == 0 else 0.0


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.predicted, self.gold)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.gold, self.predicted)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.gold + other.gold,
            self.predicted + other.predicted,
            self.matched + other.matched,
        )


@dataclass
class MetricScore:
    """Counts for one metric in one document, with what was missed and what was extra."""

    counts: Counts
    missed: list[Item] = field(default_factory=list)
    extra: list[Item] = field(default_factory=list)
    pairs: list[tuple[Item, Item]] = field(default_factory=list)  # (predicted, gold)


@dataclass
class DocumentScore:
    document: str
    source: str | None
    metrics: dict[str, MetricScore]
    false_quotes: list[Item] = field(default_factory=list)
    not_quote_hits: list[Item] = field(default_factory=list)


def _speaker_name(quote: Item) -> str | None:
    speaker = quote.get("speaker")
    if isinstance(speaker, dict):
        speaker = speaker.get("name")
    return speaker if isinstance(speaker, str) else None


def same_speaker(predicted: Item, gold: Item) -> bool:
    return name_key(_speaker_name(predicted)) == name_key(_speaker_name(gold))


def _of_type(quotes: Iterable[Item], kind: str) -> list[Item]:
    return [q for q in quotes if q.get("type") == kind]


def _score(
    predicted: list[Item], gold: list[Item], score: Callable[[Item, Item], float | None]
) -> MetricScore:
    pairs = match(predicted, gold, score)
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    return MetricScore(
        counts=Counts(gold=len(gold), predicted=len(predicted), matched=len(pairs)),
        missed=[g for j, g in enumerate(gold) if j not in matched_g],
        extra=[p for i, p in enumerate(predicted) if i not in matched_p],
        pairs=[(predicted[i], gold[j]) for i, j in pairs],
    )


def _quote_scorer(min_f1: float, attributed: bool) -> Callable[[Item, Item], float | None]:
    def score(p: Item, g: Item) -> float | None:
        f1 = token_f1(p.get("text"), g.get("text"))
        if f1 < min_f1 or (attributed and not same_speaker(p, g)):
            return None
        return f1

    return score


def _role_scorer(orgs: OrganisationNames) -> Callable[[Item, Item], float | None]:
    def score(p: Item, g: Item) -> float | None:
        if name_key(p.get("person")) != name_key(g.get("person")):
            return None
        if not orgs.same(p.get("organisation"), g.get("organisation")):
            return None
        if not same_role(p.get("role"), g.get("role")):
            return None
        return token_f1(p.get("role"), g.get("role"))

    return score


def _event_subject(event: Item) -> str | None:
    if event.get("type") == "reporting_line":
        return event.get("subordinate") or event.get("role")
    return event.get("role")


def _organisations(event: Item) -> list[str]:
    names = event.get("organisations") or []
    if not names and event.get("organisation"):
        names = [event["organisation"]]
    return list(names)


def _event_scorer(orgs: OrganisationNames) -> Callable[[Item, Item], float | None]:
    def score(p: Item, g: Item) -> float | None:
        kind = g.get("type")
        if p.get("type") != kind:
            return None
        if kind in ("departure", "appointment"):
            same = name_key(p.get("person")) == name_key(g.get("person"))
        elif kind in ("role_created", "reporting_line"):
            same = same_role(_event_subject(p), _event_subject(g))
        elif kind == "merger":
            same = orgs.same_set(_organisations(p), _organisations(g))
        else:
            same = False
        if not same:
            return None
        # Among several candidates, prefer the one that also agrees on the organisation.
        return 1.0 if orgs.same(p.get("organisation"), g.get("organisation")) else 0.5

    return score


def score_document(gold: Gold, prediction: Prediction | None) -> DocumentScore:
    """Score one article's prediction (None: nothing was predicted) against its gold."""
    prediction = prediction or {}
    quotes: list[Item] = prediction.get("quotes") or []
    orgs = OrganisationNames(gold.organisation_aliases)
    direct_p, direct_g = _of_type(quotes, "direct"), _of_type(gold.quotes, "direct")
    indirect_p, indirect_g = _of_type(quotes, "indirect"), _of_type(gold.quotes, "indirect")

    metrics = {
        "direct": _score(direct_p, direct_g, _quote_scorer(DIRECT_MIN_F1, False)),
        "direct_attributed": _score(direct_p, direct_g, _quote_scorer(DIRECT_MIN_F1, True)),
        "indirect_attributed": _score(indirect_p, indirect_g, _quote_scorer(INDIRECT_MIN_F1, True)),
        "roles": _score(prediction.get("roles") or [], gold.roles, _role_scorer(orgs)),
        "events": _score(prediction.get("events") or [], gold.events, _event_scorer(orgs)),
    }

    # A gold quote may share its words with a not_quote ("United" in a headline and in a
    # quote): only predictions left unmatched count as hits.
    unmatched = metrics["direct"].extra
    not_quote_hits = [
        q
        for q in unmatched + metrics["indirect_attributed"].extra
        if any(token_f1(q.get("text"), text) >= DIRECT_MIN_F1 for text in gold.not_quotes)
    ]
    counted = {id(q) for q in unmatched}
    false_quotes = unmatched + [q for q in not_quote_hits if id(q) not in counted]
    return DocumentScore(
        document=gold.document,
        source=prediction.get("source"),
        metrics=metrics,
        false_quotes=false_quotes,
        not_quote_hits=not_quote_hits,
    )


@dataclass
class Evaluation:
    """Scores of every gold document and their micro-averaged totals."""

    documents: list[DocumentScore]
    unmatched_sources: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, Counts]:
        totals = {name: Counts() for name in METRICS}
        for doc in self.documents:
            for name in METRICS:
                totals[name] = totals[name] + doc.metrics[name].counts
        return totals

    @property
    def false_quote_count(self) -> int:
        return sum(len(doc.false_quotes) for doc in self.documents)

    @property
    def missing_documents(self) -> list[str]:
        return [doc.document for doc in self.documents if doc.source is None]


def evaluate(golds: Iterable[Gold], predictions: Iterable[Prediction]) -> Evaluation:
    """Score predictions (contract dicts) against golds, pairing them by document name.

    A gold without a prediction scores as if nothing was found in it; predictions without
    a gold are listed in `unmatched_sources` and not scored.
    """
    pairing = pair_predictions(golds, predictions)
    documents = [score_document(gold, prediction) for gold, prediction in pairing.pairs]
    return Evaluation(documents=documents, unmatched_sources=pairing.unmatched_sources)
