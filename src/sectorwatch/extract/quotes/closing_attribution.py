"""An attribution closing the sentence speaks for all of it: "Once in post, Dr Quill will
“lead the review of the wards,” said a council spokeswoman." The reported words before
the quote are the spokeswoman's, not the words of the person the sentence is about, so
the sentence's reported speech takes the speaker (and cue) of the quote the closing
"said X" attributes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from sectorwatch.extract.quotes.cues import Cues
from sectorwatch.extract.quotes.found import Found
from sectorwatch.extract.quotes.indirect import Reported
from sectorwatch.extract.quotes.marks import QuotedSpan

# ",” said a spokesman.": a speech verb, then the speaker, to the sentence's end
_VERB_THEN_SPEAKER = re.compile(r"\s*,?\s*(?P<verb>\S+)\s+[^,;:“”\"‘’]{1,60}?\s*[.!]?\s*$")


class _Attributed(Protocol):
    span: QuotedSpan
    found: Found | None
    cue: str | None
    keep: bool
    own: bool


def closing_attribution(
    text: str,
    off: int,
    indirect: Sequence[Reported],
    stretches: Sequence[_Attributed],
    cues: Cues,
) -> None:
    """Give each reported sentence that ends in a quote and its inverted attribution
    (",” said a spokesman.") the speaker of that quote, found in that attribution
    (`text` is the paragraph, starting at article offset `off`)."""
    for item in indirect:
        inside = [
            st
            for st in stretches
            if item.start <= st.span.open_at < item.end and st.keep and st.span.closed
        ]
        if not inside:
            continue
        last = inside[-1]
        found = last.found
        if not last.own or found is None or found == item.found:
            continue
        if not off + last.span.outer_end <= found.at < off + item.end:
            continue  # the quote's speaker is not the one the closing words name
        tail = text[last.span.outer_end : item.end]
        m = _VERB_THEN_SPEAKER.match(tail)
        if m is None or not cues.verb_re.fullmatch(m.group("verb")):
            continue
        item.found, item.cue = found, last.cue or item.cue
