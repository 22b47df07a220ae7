"""Reading gold files and predictions, and pairing each prediction with its gold.

A gold file (`../shared/gold/*.json`, `samples/gold/*.json`) describes one article:
`document` names the article file; `quotes`, `roles`, `events`, `not_quotes` and
`organisation_aliases` are as in extraction-output.md. A prediction is one article's
`sectorwatch extract` object (`sectorwatch.extract.output.to_contract`); it belongs to the
gold whose `document` is the basename of its `source`, or has the same stem.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from sectorwatch.errors import GoldError

Prediction = dict[str, Any]


@dataclass
class Gold:
    document: str
    quotes: list[dict[str, Any]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    not_quotes: list[str] = field(default_factory=list)
    organisation_aliases: dict[str, list[str]] = field(default_factory=dict)
    path: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any], path: str | None = None) -> Gold:
        where = path or "gold"
        if not isinstance(data, dict) or not isinstance(data.get("document"), str):
            raise GoldError(f'{where}: a gold file needs a "document" naming its article file')
        lists = {}
        for name in ("quotes", "roles", "events", "not_quotes"):
            value = data.get(name) or []
            if not isinstance(value, list):
                raise GoldError(f'{where}: "{name}" must be a list, not {type(value).__name__}')
            lists[name] = value
        aliases = data.get("organisation_aliases") or {}
        if not isinstance(aliases, dict):
            raise GoldError(f'{where}: "organisation_aliases" must map names to lists')
        return cls(document=data["document"], organisation_aliases=aliases, path=path, **lists)


def load_gold(path: str | Path) -> list[Gold]:
    """Every `*.json` gold file in a folder (sorted by name), or one gold file."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.json"))
    elif path.is_file():
        files = [path]
    else:
        raise GoldError(f"{path}: no such gold file or folder")
    golds = []
    for file in files:
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise GoldError(f"{file}: not a readable JSON gold file ({exc})") from exc
        golds.append(Gold.from_dict(data, str(file)))
    return golds


def load_predictions(path: str | Path) -> list[Prediction]:
    """Predictions from a JSONL file of `sectorwatch extract` objects, one per line."""
    predictions = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read predictions ({exc})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{number}: not a JSON object ({exc.msg})") from exc
        if not isinstance(item, dict) or not isinstance(item.get("source"), str):
            raise GoldError(f'{path}:{number}: a prediction needs a "source" (see extract)')
        predictions.append(item)
    return predictions


def source_name(source: str) -> str:
    """The basename of a path or URL: "a/b/003_x.txt" and "https://h/n/003_x.txt?p=1" give
    "003_x.txt"."""
    cleaned = source.split("?", 1)[0].split("#", 1)[0].replace("\\", "/").rstrip("/")
    return PurePosixPath(cleaned).name


def _stem(name: str) -> str:
    return PurePosixPath(name).stem


@dataclass
class Pairing:
    """Golds with their prediction (None when the article was not predicted) and the
    sources of predictions that have no gold."""

    pairs: list[tuple[Gold, Prediction | None]]
    unmatched_sources: list[str]


def pair_predictions(golds: Iterable[Gold], predictions: Iterable[Prediction]) -> Pairing:
    by_name: dict[str, Prediction] = {}
    by_stem: dict[str, Prediction] = {}
    for prediction in predictions:
        name = source_name(prediction["source"])
        if name in by_name:
            raise GoldError(
                f"two predictions come from {name!r} ({by_name[name]['source']} and "
                f"{prediction['source']}); evaluate one of them at a time"
            )
        by_name[name] = prediction
        by_stem.setdefault(_stem(name), prediction)
    used: set[int] = set()
    pairs: list[tuple[Gold, Prediction | None]] = []
    for gold in golds:
        found = by_name.get(gold.document) or by_stem.get(_stem(gold.document))
        if found is not None:
            used.add(id(found))
        pairs.append((gold, found))
    unmatched = [p["source"] for p in by_name.values() if id(p) not in used]
    return Pairing(pairs=pairs, unmatched_sources=unmatched)
