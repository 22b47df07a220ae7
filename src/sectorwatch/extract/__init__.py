"""Extraction: Article -> Extraction (quotes, roles, events, mentions), each with evidence."""

from sectorwatch.extract.pipeline import EXTRACTOR_NAME, EXTRACTOR_VERSION, Extractor

__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "Extractor"]
