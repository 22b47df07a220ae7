"""Sectorwatch: who leads what, who answers to whom and who said what, with evidence."""

__version__ = "0.1.0"
