"""Short names an article defines in brackets after a name: "Care Quality Commission (CQC)"."""

from __future__ import annotations

import re

from sectorwatch.extract.entities.organisations import fits_short_name
from sectorwatch.extract.lexicon import name_connectors, word_alternation

ACRONYM_DEFINITION = re.compile(r"\(\s*(?:the\s+)?([A-Z][A-Za-z&]{1,9})\s*\)")
_NAME_WORD = re.compile(rf"[A-Z][\w’'&.-]*|{word_alternation(name_connectors())}")


def acronym_definitions(text: str) -> list[tuple[int, int, str, int, int]]:
    """(name start, name end, acronym, acronym start, acronym end) for "Name (ACR)"."""
    out = []
    for m in ACRONYM_DEFINITION.finditer(text):
        acronym = m.group(1)
        letters = acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym
        letters = letters.upper()
        offset = max(0, m.start() - 160)
        before = text[offset : m.start()].rstrip()
        words = list(_NAME_WORD.finditer(before))
        # Take words from the right while they are adjacent and the initials still fit.
        chosen: list[re.Match[str]] = []
        for w in reversed(words):
            gap_end = chosen[-1].start() if chosen else len(before)
            if before[w.end() : gap_end].strip():
                break
            chosen.append(w)
            if fits_short_name([c.group(0) for c in reversed(chosen)], letters, acronym):
                break
        chosen.reverse()
        names = [c.group(0) for c in chosen]
        while names and not names[0][0].isupper():
            names.pop(0)
            chosen.pop(0)
        if not names or not fits_short_name(names, letters, acronym):
            continue
        out.append(
            (
                offset + chosen[0].start(),
                offset + chosen[-1].end(),
                acronym,
                m.start(1),
                m.end(1),
            )
        )
    return out
