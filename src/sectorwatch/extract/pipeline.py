"""The extraction pipeline: spaCy over each article's body, then the domain stages in order.

people/organisations -> roles -> quotes (speakers take roles from the roles stage) ->
events -> stance. Articles stream through `nlp.pipe` in batches, so memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from sectorwatch.extract.budget import Budget, fit_pipeline, time_limit, within_size
from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.organisations import build_organisation_index
from sectorwatch.extract.entities.people import build_person_index
from sectorwatch.extract.entities.roles import extract_roles
from sectorwatch.extract.events.leadership import extract_events
from sectorwatch.extract.invisible import hide_invisible
from sectorwatch.extract.quotes.extractor import extract_quotes
from sectorwatch.extract.quotes.stance import assign_stance
from sectorwatch.model import Article, Extraction
from sectorwatch.nlp import load_pipeline

EXTRACTOR_NAME = "sectorwatch"
EXTRACTOR_VERSION = "0.1.0"


# Speed: the stages need entities, fine-grained part-of-speech tags and sentences, never a
# dependency parse (quotes, speakers and roles are decided by rules over the text), so the
# parser, the lemmatizer and the attribute_ruler (which only maps tags to coarse POS for the
# lemmatizer) are left out, and the statistical sentence recogniser (`senter`, shipped
# disabled) gives sentence boundaries instead. See BENCHMARKS.md.
EXCLUDED_COMPONENTS = ("parser", "lemmatizer", "attribute_ruler")
ENABLED_COMPONENTS = ("senter",)
BATCH_SIZE = 64


class Extractor:
    """Holds one spaCy pipeline; call `extract` or `extract_many` as often as you like."""

    def __init__(self, model: str = "en_core_web_sm", batch_size: int = BATCH_SIZE) -> None:
        self.nlp = load_pipeline(model, exclude=EXCLUDED_COMPONENTS)
        for name in ENABLED_COMPONENTS:
            if name in self.nlp.disabled:
                self.nlp.enable_pipe(name)
        self.batch_size = batch_size

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
        pairs = ((a.body_text(), (a, restore)) for a, restore in hidden)
        for doc, (article, restore) in self.nlp.pipe(
            pairs, as_tuples=True, batch_size=self.batch_size
        ):
            try:
                with time_limit(budget):
                    extraction = restore(extract_from_doc(article, doc))
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
                if on_error is None:
                    raise
                on_error(restore(Extraction(article)).article, exc)
                continue
            yield extraction


def extract_from_doc(article: Article, doc) -> Extraction:  # type: ignore[no-untyped-def]
    """Run the domain stages over one parsed article."""
    ctx = ArticleContext(article=article, doc=doc)
    ctx.organisations = build_organisation_index(ctx)
    ctx.people = build_person_index(ctx)
    ctx.roles = extract_roles(ctx)
    quotes = extract_quotes(ctx)
    events = extract_events(ctx)
    assign_stance(quotes, events, ctx)
    return Extraction(
        article=article,
        quotes=quotes,
        roles=ctx.roles,
        events=events,
        mentions=ctx.people.mentions() + ctx.organisations.mentions(),
        organisation_aliases=ctx.organisations.aliases(),
        extractor=EXTRACTOR_NAME,
        extractor_version=EXTRACTOR_VERSION,
    )
