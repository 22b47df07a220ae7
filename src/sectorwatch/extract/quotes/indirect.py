"""Reported speech: "Mr Dalton said a new role ... will be introduced", "She told staff
that ...", "..., according to an internal briefing".

A sentence is reported speech when it opens with a speaker (a name with its titles, a
pronoun, an organisation) followed by a speech verb whose complement is a clause: "that
...", or words with a finite verb ("said the board had voted"). Verbs marked `*` in
speech_verbs.txt ("announced", "confirmed") count only with "that", so "announced his
decision to leave" is not reported speech. A sentence holding a full direct quote, or
whose verb introduces one ("told HSJ:"), is not. The quote's text is the whole sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sectorwatch.extract.quotes.cues import Cues
from sectorwatch.extract.quotes.marks import QuotedSpan, is_full_quote
from sectorwatch.extract.quotes.speakers import FINITE, Found, SpeakerFinder

_INTRODUCES_QUOTE = re.compile(r"\s*(?:[A-Z][\w’'\-]*\s+){0,4}[,:]?\s*[“‘\"'«„]")
_COLON_SOON = re.compile(r"[^.;]{0,60}?:")
_THAT_SOON = re.compile(r"\s+(?:[\w’'\-]+\s+){0,3}?that\b", re.I)


@dataclass
class Reported:
    start: int  # offsets local to the paragraph
    end: int
    found: Found
    cue: str
    sentence_span: tuple[int, int]  # article offsets


def find_indirect(
    text: str,
    off: int,
    sentences: list[tuple[int, int]],
    spans: list[QuotedSpan],
    finder: SpeakerFinder,
    cues: Cues,
) -> list[Reported]:
    out: list[Reported] = []
    for s, e in sentences:
        inside = [sp for sp in spans if s <= sp.open_at < e]
        if any(is_full_quote(text[sp.start : sp.end], sp) for sp in inside):
            continue
        masked = _mask(text, s, e, inside)
        item = _reported(text, off, s, e, masked, finder, cues)
        if item is not None:
            out.append(item)
    return out


def _reported(
    text: str, off: int, s: int, e: int, masked: str, finder: SpeakerFinder, cues: Cues
) -> Reported | None:
    span = (off + s, off + e)
    for m in cues.verb_re.finditer(masked):
        region = masked[: m.start()]
        if ":" in region or len(region.split()) > 30:
            break
        found = finder.before_verb(region, off + s, strict=True)
        if found is None or found.kind == "document":
            continue
        verb = m.group(0).lower()
        rest = masked[m.end() :]
        raw_rest = text[s + m.end() : e]
        if not _reports_a_clause(verb, rest, raw_rest, cues):
            return None
        return Reported(s, e, found, verb, span)
    m = re.search(r",\s*(according\s+to\s+.*)$", masked, re.I)
    if m is not None:
        found = finder.according_to(m.group(1), off + s + m.start(1))
        if found is not None:
            return Reported(s, e, found, "according to", span)
    return None


def _reports_a_clause(verb: str, rest: str, raw_rest: str, cues: Cues) -> bool:
    if not rest.strip(" .,;"):
        return False
    if _INTRODUCES_QUOTE.match(raw_rest) or _COLON_SOON.match(raw_rest):
        return False
    if _THAT_SOON.match(rest):
        return True
    if verb in cues.that_only_verbs:
        return False
    first = " ".join(rest.split()[:15])
    return bool(FINITE.search(first))


def _mask(text: str, s: int, e: int, spans: list[QuotedSpan]) -> str:
    chars = list(text[s:e])
    for sp in spans:
        for k in range(max(sp.open_at, s), min(sp.outer_end, e)):
            chars[k - s] = " "
    return "".join(chars)
