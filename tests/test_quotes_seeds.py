"""The two real seed articles: every quote, its speaker, and nothing else."""

import pytest

from sectorwatch.ingest import read_paths
from sectorwatch.model import Article


def extract_seed(extractor, seeds_dir, prefix):  # type: ignore[no-untyped-def]
    paths = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"seed {prefix} is not there")
    article = next(a for a in read_paths([str(paths[0])]) if isinstance(a, Article))
    return extractor.extract(article).quotes


def test_seed_000_round_up_of_reactions(extractor, seeds_dir):
    quotes = extract_seed(extractor, seeds_dir, "000")
    direct = [(q.speaker.name if q.speaker else None) for q in quotes if q.type == "direct"]
    assert direct == (
        ["Ian Dalton"]
        + ["Niall Dickson"] * 3
        + ["Chris Hopson"] * 4
        + ["Julie Wood"] * 4
        + ["Helen Buckingham"] * 5
        + ["Rob Webster"] * 2
    )
    texts = [q.text for q in quotes if q.type == "direct"]
    assert texts[0] == "be quite different in scope and nature"
    assert texts[6].startswith("Ian’s work to secure") and texts[6].endswith("frontline needs.")
    assert not any("Divisive" in t for t in texts)
    indirect = [(q.text[:20], q.speaker.name) for q in quotes if q.type == "indirect"]
    assert indirect == [
        ("Mr Dalton explained ", "Ian Dalton"),
        ("Mr Dalton said a new", "Ian Dalton"),
        ("He added that this r", "Ian Dalton"),
    ]


def test_seed_003_only_the_manifesto_is_quoted(extractor, seeds_dir):
    quotes = extract_seed(extractor, seeds_dir, "003")
    direct = [(q.text, q.speaker.name, q.speaker.kind) for q in quotes if q.type == "direct"]
    assert direct == [
        ("holding NHS leaders to account", "2017 Conservative manifesto", "document"),
        (
            "preventing clear national or local accountability",
            "2017 Conservative manifesto",
            "document",
        ),
    ]


def test_every_quote_has_evidence(extractor, seeds_dir):
    for q in extract_seed(extractor, seeds_dir, "000"):
        assert q.evidence is not None and q.evidence.start == q.start
        assert q.evidence.sentence_start <= q.start and q.end <= q.evidence.sentence_end
