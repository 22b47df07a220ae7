"""Predictions for evaluation from the real pipeline: ingest readers -> Extractor -> contract."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sectorwatch.eval.gold import Prediction, load_gold
from sectorwatch.eval.scoring import Evaluation, evaluate
from sectorwatch.model import Article

if TYPE_CHECKING:
    from sectorwatch.extract import Extractor


@dataclass
class Predictions:
    items: list[Prediction] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)


def predict_paths(paths: Iterable[str | Path], extractor: Extractor | None = None) -> Predictions:
    """Read `paths` (files or folders) with `sectorwatch.ingest.read_paths` and extract each
    article (a text file's header block, `URL:`, `DATE:` ..., is metadata: the article is
    the text after it); inputs the readers could not turn into an article are listed with
    their reason."""
    from sectorwatch.extract import Extractor
    from sectorwatch.extract.headers import without_header
    from sectorwatch.extract.output import to_contract
    from sectorwatch.ingest import read_paths

    if extractor is None:
        from sectorwatch.settings import Settings

        extractor = Extractor(Settings.from_env().model)
    result = Predictions()

    def articles() -> Iterator[Article]:
        for item in read_paths([str(p) for p in paths]):
            if isinstance(item, Article):
                yield without_header(item)
            else:
                result.skipped.append((item.source, item.reason))

    result.items = [to_contract(e) for e in extractor.extract_many(articles())]
    return result


def evaluate_paths(
    gold: str | Path, paths: Iterable[str | Path], extractor: Extractor | None = None
) -> Evaluation:
    """Extract the articles under `paths` with the real pipeline and score them against the
    gold file(s) at `gold`."""
    golds = load_gold(gold)
    predictions = predict_paths(paths, extractor)
    evaluation = evaluate(golds, predictions.items)
    evaluation.skipped = predictions.skipped
    return evaluation
