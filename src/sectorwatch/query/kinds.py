"""The kind of an organisation (national, regulator, membership, trust, ...), read from the
kind column of `data/organisations.tsv`, else from the name's suffix ("... NHS Foundation
Trust" -> "nhs foundation trust"), else "other"."""

from __future__ import annotations

from functools import cache

from sectorwatch.data import rows
from sectorwatch.store import keys


@cache
def _kinds() -> tuple[dict[str, str], list[tuple[str, str]]]:
    by_name: dict[str, str] = {}
    suffixes: list[tuple[str, str]] = []
    for cols in rows("organisations.tsv"):
        if cols[0] == "@suffix" and len(cols) > 1:
            suffixes.append((keys.organisation_norm(cols[1]), cols[1].lower()))
            continue
        if cols[0].startswith("@"):
            continue  # anaphors, abbreviations, generic words: not names
        kind = cols[2].strip() if len(cols) > 2 and cols[2].strip() else "other"
        for name in [cols[0], *(cols[1].split("|") if len(cols) > 1 else [])]:
            if name.strip():
                by_name[keys.organisation_norm(name)] = kind
    suffixes.sort(key=lambda s: -len(s[0]))
    return by_name, suffixes


def organisation_kind(name: str | None) -> str:
    """The kind of the organisation called `name`: "unknown" without a name."""
    if not name:
        return "unknown"
    by_name, suffixes = _kinds()
    norm = keys.organisation_norm(name)
    if norm in by_name:
        return by_name[norm]
    for suffix, label in suffixes:
        if norm.endswith(" " + suffix):
            return label
    return "other"
