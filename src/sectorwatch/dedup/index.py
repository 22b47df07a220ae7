"""The near-duplicate index: first-seen canonical articles in an LSH index (datasketch), so
candidates are found without comparing every pair. No I/O: `store.duplicates` loads it from
the stored signatures and saves the links it finds.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from sectorwatch.dedup.minhash import SCHEME, DedupOptions


class DuplicateIndex:
    """First-seen canonical articles in an LSH index; `link` says what a new one copies."""

    def __init__(self, options: DedupOptions = DedupOptions()) -> None:
        from datasketch import MinHashLSH

        self.options = options
        self._lsh = MinHashLSH(threshold=options.threshold, num_perm=options.num_perm)
        self._signatures: dict[str, np.ndarray] = {}
        self._permutations: Any = None

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._signatures

    def _minhash(self, values: np.ndarray):  # type: ignore[no-untyped-def]
        from datasketch import MinHash

        # the permutations are drawn once and shared: drawing them per sketch costs more
        # than everything else an index load does
        m = MinHash(
            num_perm=self.options.num_perm,
            hashvalues=values,
            scheme=SCHEME,
            permutations=self._permutations,
        )
        self._permutations = m.permutations
        return m

    def add_canonical(self, article_id: str, values: np.ndarray) -> None:
        if article_id not in self._signatures:
            self._lsh.insert(article_id, self._minhash(values))
            self._signatures[article_id] = values

    def link(self, article_id: str, values: np.ndarray) -> str | None:
        """The canonical article this one duplicates (most similar, then smallest id), or
        None, in which case it becomes canonical itself."""
        if article_id in self._signatures:
            return None
        candidates = []
        for other in self._lsh.query(self._minhash(values)):
            similarity = float(np.mean(self._signatures[other] == values))
            if similarity >= self.options.threshold:
                candidates.append((-similarity, other))
        if candidates:
            return min(candidates)[1]
        self.add_canonical(article_id, values)
        return None

    def link_all(self, items: Iterable[tuple[str, np.ndarray]]) -> dict[str, str]:
        """Links for articles in first-seen order: {duplicate id: canonical id}."""
        links = {}
        for article_id, values in items:
            target = self.link(article_id, values)
            if target is not None:
                links[article_id] = target
        return links
