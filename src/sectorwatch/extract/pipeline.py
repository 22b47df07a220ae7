"""The extraction pipeline: spaCy over each article's body, the substrate built once, then
the domain stages in the one order written here (`STAGES`, checked when built):

organisations -> people -> roles -> quotes (speakers take roles from the roles stage) ->
events -> event_roles (the role facts events and cross-sentence posts imply, added to the
roles) -> stance (a judgement on each quote). Articles stream through `nlp.pipe` in
batches, so memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from functools import partial
from itertools import islice
from typing import Any

from sectorwatch.extract.budget import Budget, fit_pipeline, within_size
from sectorwatch.extract.entities.event_roles import event_roles
from sectorwatch.extract.entities.organisation_finder import build_organisation_index
from sectorwatch.extract.entities.people import build_person_index
from sectorwatch.extract.entities.role_refinements import refine_roles
from sectorwatch.extract.entities.roles import extract_roles
from sectorwatch.extract.events.rules import extract_events
from sectorwatch.extract.invisible import hide_invisible
from sectorwatch.extract.parse_batches import ParseBatches, run_side_by_side
from sectorwatch.extract.quotes.extractor import extract_quotes
from sectorwatch.extract.quotes.refinements import refine_quotes
from sectorwatch.extract.quotes.stance import stance_of
from sectorwatch.extract.stages import Pipeline, stage
from sectorwatch.extract.substrate import Substrate
from sectorwatch.extract.syntax import sentence_parser
from sectorwatch.model import Article, Extraction
from sectorwatch.nlp import load_pipeline

EXTRACTOR_NAME = "sectorwatch"
EXTRACTOR_VERSION = "0.2.0"  # raise it when the output changes: a re-ingest then replaces facts


# Speed: the stages need only the entities over the whole article (en_core_web_sm's ner has
# a tok2vec of its own); the shared tok2vec, the tagger and the dependency parser run only
# on the sentences a rule asks about (see syntax.py), so they are loaded but left out of
# `nlp.pipe`. Sentences come from the substrate's own quote-aware splitter, so the sentence
# recogniser, the lemmatizer and the attribute_ruler (which only maps tags to coarse POS for
# the lemmatizer) are left out. See BENCHMARKS.md.
EXCLUDED_COMPONENTS = ("senter", "lemmatizer", "attribute_ruler")
PARSED_ON_DEMAND = ("tok2vec", "tagger", "parser")
BATCH_SIZE = 64
SIDE_BY_SIDE = 64
"""Articles whose stages run side by side, their on-demand parses answered together
(`parse_batches.py`): at least one spaCy batch. More articles make fewer, larger parse
calls (the model's cost per call is shared); each article's parses are the ones it gets
alone, and the docs held are a few MB."""


def _organisations(ctx: Substrate, _: Mapping[str, Any]) -> dict[str, Any]:
    return {"organisations": build_organisation_index(ctx)}


def _people(ctx: Substrate, _: Mapping[str, Any]) -> dict[str, Any]:
    return {"people": build_person_index(ctx)}


def _roles(ctx: Substrate, _: Mapping[str, Any]) -> dict[str, Any]:
    return {"roles": refine_roles(ctx, extract_roles(ctx))}


def _quotes(ctx: Substrate, _: Mapping[str, Any]) -> dict[str, Any]:
    return {"quotes": refine_quotes(ctx, extract_quotes(ctx))}


def _events(ctx: Substrate, _: Mapping[str, Any]) -> dict[str, Any]:
    return {"events": extract_events(ctx)}


def _event_roles(ctx: Substrate, values: Mapping[str, Any]) -> dict[str, Any]:
    return {"event_roles": event_roles(ctx, values["events"], values["roles"])}


def _stance(_: Substrate, values: Mapping[str, Any]) -> dict[str, Any]:
    return {"stances": [stance_of(q.text) for q in values["quotes"]]}


STAGES = (
    stage("organisations", ["entities", "tokens", "sentences"], ["organisations"], _organisations),
    stage("people", ["entities", "organisations"], ["people"], _people),
    stage("roles", ["people", "organisations", "sentences", "dates", "syntax"], ["roles"], _roles),
    stage("quotes", ["people", "organisations", "roles", "quoted"], ["quotes"], _quotes),
    stage(
        "events",
        ["people", "organisations", "roles", "quoted", "dates", "syntax"],
        ["events"],
        _events,
    ),
    stage("event_roles", ["events", "roles"], ["event_roles"], _event_roles),
    stage("stance", ["quotes"], ["stances"], _stance),
)
PIPELINE = Pipeline(STAGES)


class Extractor:
    """Holds one spaCy pipeline; call `extract` or `extract_many` as often as you like."""

    def __init__(self, model: str = "en_core_web_sm", batch_size: int = BATCH_SIZE) -> None:
        self.nlp = load_pipeline(model, exclude=EXCLUDED_COMPONENTS)
        self.batch_size = batch_size
        on_demand = [n for n in PARSED_ON_DEMAND if n in self.nlp.pipe_names]
        self.on_demand = on_demand  # loaded, left out of the whole-article pass
        parser = sentence_parser(self.nlp) if "parser" in on_demand else None
        # the parses the stages of one spaCy batch ask for, answered in batches
        self.parse = ParseBatches(parser) if parser is not None else None

    def extract(self, article: Article) -> Extraction:
        return next(iter(self.extract_many([article])))

    def extract_many(
        self,
        articles: Iterable[Article],
        on_error: Callable[[Article, Exception], None] | None = None,
    ) -> Iterator[Extraction]:
        """Extractions in input order. With `on_error`, an article whose stages raise is
        handed to it (and left out) and the stream goes on; without, the error propagates."""
        budget = Budget.from_settings()  # the per-article budget (extract/budget.py)
        fit_pipeline(self.nlp, budget)
        hidden = (hide_invisible(a) for a in within_size(articles, budget, on_error))
        bodies = ((a.body_text(), a, restore) for a, restore in hidden)
        pairs = ((body, (a, restore, body)) for body, a, restore in bodies)
        docs = self.nlp.pipe(
            pairs, as_tuples=True, batch_size=self.batch_size, disable=self.on_demand
        )
        while group := list(islice(docs, max(self.batch_size, SIDE_BY_SIDE))):
            jobs = [
                partial(lambda a, d, r, b: r(extract_from_doc(a, d, self.parse, b)), a, d, r, b)
                for d, (a, r, b) in group
            ]
            outcomes = run_side_by_side(jobs, budget, self.parse)
            for (_, (article, restore, _)), outcome in zip(group, outcomes, strict=True):
                if outcome.error is not None:  # one bad article must not stop the batch
                    if on_error is None:
                        raise outcome.error
                    on_error(restore(Extraction(article)).article, outcome.error)
                    continue
                yield outcome.value


def extract_from_doc(article: Article, doc, parse=None, body=None) -> Extraction:  # type: ignore[no-untyped-def]
    """Build the substrate of one parsed article and run the domain stages over it;
    `parse` parses the sentences a rule asks about (None: no dependency parse); `body` is
    the text the doc was made from, if at hand."""
    return extract_from_substrate(Substrate(article=article, doc=doc, parse=parse, body=body))


def extract_from_substrate(ctx: Substrate, pipeline: Pipeline = PIPELINE) -> Extraction:
    values = pipeline.run(ctx)
    quotes = [
        replace(q, stance=stance, stance_cues=cues)
        for q, (stance, cues) in zip(values["quotes"], values["stances"], strict=True)
    ]
    return Extraction(
        article=ctx.article,
        quotes=quotes,
        roles=values["roles"] + values["event_roles"],
        events=values["events"],
        mentions=values["people"].mentions() + values["organisations"].mentions(),
        organisation_aliases=values["organisations"].aliases(),
        extractor=EXTRACTOR_NAME,
        extractor_version=EXTRACTOR_VERSION,
    )
