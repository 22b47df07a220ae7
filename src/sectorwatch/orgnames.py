"""Whether a string names an organisation by itself, or is a common noun standing in for one.

"Harlow Vale", "HVUH" and "Care Standards Authority" are names; "Trust", "the trust",
"service", "ICB" and "the group" are not: they point back to whichever body the sentence
is about, so they must never be stored or matched as aliases across articles. The words come
from data/organisations.tsv (`@generic` words, the heads of `@anaphor` phrases and the
one-word `@suffix` rows).
"""

from __future__ import annotations

import re
from functools import lru_cache

from sectorwatch.data import rows

_WORD = re.compile(r"[^\W\d_][\w&’'-]*")


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    """Lower-cased words that do not distinguish one organisation from another."""
    words: set[str] = {"the", "a", "an", "and", "of", "for"}
    for row in rows("organisations.tsv"):
        if row[0] == "@generic" and len(row) > 1:
            words.update(w.strip().lower() for w in row[1].split("|"))
        elif row[0] == "@anaphor" and len(row) > 1:
            words.update(w.lower() for w in _WORD.findall(row[1]))
        elif row[0] == "@suffix" and len(row) > 1 and " " not in row[1].strip():
            words.add(row[1].strip().lower())
    return frozenset(words)


def is_organisation_name(text: str) -> bool:
    """True when `text` has a word that is capitalised and not generic ("Harlow Vale",
    "HVUH"); False for common nouns and generic heads ("Trust", "the service", "ICB")."""
    generic = generic_words()
    return any(w[0].isupper() and w.lower() not in generic for w in _WORD.findall(text))
