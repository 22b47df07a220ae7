"""Near-duplicate signatures: word shingles and their MinHash (datasketch). No I/O.

Each article's body is cut into word shingles (5 consecutive normalised words); a MinHash
of the shingles estimates the Jaccard similarity of two articles. Signatures are
`num_perm` integers, computed by the process that writes (`ingest --workers N`: the parent)
or by the Dask worker that extracted the article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from sectorwatch.ingest.identity import normalise_text
from sectorwatch.model import Article

SHINGLE_WORDS = 5
NUM_PERM = 128
THRESHOLD = 0.7
SCHEME = "affine32"
"""datasketch's hashing scheme, pinned so stored and fresh signatures compare."""
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class DedupOptions:
    threshold: float = THRESHOLD
    shingle_words: int = SHINGLE_WORDS
    num_perm: int = NUM_PERM


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """The set of k-word windows of the normalised text (the whole text when shorter)."""
    words = _WORD.findall(normalise_text(text))
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def article_dedup_text(article: Article) -> str:
    """What is compared: the body paragraphs (boilerplate and bylines differ between
    outlets), or the whole text when the reader marked no body."""
    body = article.body_paragraphs()
    if not body:
        return article.text
    return "\n".join(article.paragraph_text(p) for p in body)


def signature(text: str, options: DedupOptions = DedupOptions()) -> np.ndarray:
    """The MinHash values of the text's shingles (uint64, `num_perm` of them)."""
    from datasketch import MinHash

    m = MinHash(num_perm=options.num_perm, scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in shingles(text, options.shingle_words)])
    return np.asarray(m.hashvalues, dtype=np.uint64)


def article_signature(article: Article, options: DedupOptions = DedupOptions()) -> np.ndarray:
    return signature(article_dedup_text(article), options)


def signatures_for(
    articles: Sequence[Article], options: DedupOptions = DedupOptions()
) -> list[tuple[str, np.ndarray]]:
    return [(a.id, article_signature(a, options)) for a in articles]
