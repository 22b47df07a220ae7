"""One-to-one matching of predictions to gold items.

Each gold item is matched at most once and each prediction at most once. The matching has
the largest possible number of pairs (augmenting paths, as in Kuhn's algorithm), and among
the candidates of a prediction the best-scoring gold item is tried first, so a prediction
takes its closest gold item unless that would leave another prediction unmatched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

P = TypeVar("P")
G = TypeVar("G")


def match(
    predictions: Sequence[P],
    gold: Sequence[G],
    score: Callable[[P, G], float | None],
) -> list[tuple[int, int]]:
    """Pairs (prediction index, gold index), sorted by prediction index.

    `score(p, g)` returns a number (higher is closer) when the two may be matched, else
    `None`.
    """
    candidates: list[list[int]] = []
    best: list[float] = []
    for p in predictions:
        scored = [(s, j) for j, g in enumerate(gold) if (s := score(p, g)) is not None]
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        candidates.append([j for _, j in scored])
        best.append(scored[0][0] if scored else 0.0)

    owner: dict[int, int] = {}  # gold index -> prediction index

    def assign(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in sorted(range(len(predictions)), key=lambda i: (-best[i], i)):
        if candidates[i]:
            assign(i, set())
    return sorted((i, j) for j, i in owner.items())
