"""Shared fixtures. The spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["conftest_postgres"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SHARED_GOLD = SHARED / "gold"
SAMPLES = ROOT / "samples" / "articles"
SAMPLE_GOLD = ROOT / "samples" / "gold"


@pytest.fixture(scope="session")
def extractor():
    from sectorwatch.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    return SEEDS
