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
from functools import lru_cache

from sectorwatch.data import lines
from sectorwatch.extract.lexicon import (
    finite_auxiliaries,
    lower_words,
    subordinating_conjunctions,
    word_alternation,
)
from sectorwatch.extract.quotes.cues import Cues
from sectorwatch.extract.quotes.dashed_subjects import dashed_speaker
from sectorwatch.extract.quotes.marks import QuotedSpan, is_full_quote
from sectorwatch.extract.quotes.names import PRONOUNS
from sectorwatch.extract.quotes.parsed_subjects import parsed_clause, parsed_speaker
from sectorwatch.extract.quotes.reported import announces_a_clause
from sectorwatch.extract.quotes.speakers import FINITE, Found, SpeakerFinder

# "told HSJ: “We ...": a verb introducing a direct quote (a quote opening in lower case,
# "said Ms Orme “brings a wealth of experience”", is a fragment inside a reported clause)
_INTRODUCES_QUOTE = re.compile(r"\s*(?:[A-Z][\w’'\-]*\s+){0,4}[,:]?\s*[“‘\"'«„](?![a-z])")
# a colon ends the reporting clause, except one inside a title set off by commas ("The
# report, Steering the Supertanker: integrated care boards at three, says ...")
_COLON_OUTSIDE_TITLE = re.compile(r"^(?![^:]*,\s*[A-Z][^,:]*:[^,:]*,)[^:]*:")
_COLON_SOON = re.compile(r"[^.;]{0,60}?:")
# "confirmed" and "announced" report a clause after the comma: "..., the trust confirmed."
_ANNOUNCING = lower_words("announcing_verbs.txt")
FINITE_OR_PAST = re.compile(rf"\b(?:{finite_auxiliaries()}|[a-z]{{3,}}ed)\b", re.I)
_COORDINATED_BEFORE = re.compile(r"\b(?:and|but)\s+(?:also\s+)?$", re.I)
# "found patients were left on trolleys": a clause with its subject and auxiliary, no "that"
_BARE_CLAUSE = re.compile(
    r"\s*(?!to\b)(?:(?!who\b|which\b|whose\b|that\b)[\w’'\-]+\s+){1,3}"
    rf"(?:{finite_auxiliaries()})\b",
    re.I,
)
# "The cut comes a month after X announced he would leave": the speech verb is in a
# subordinate clause, so the sentence is not X's reported speech
_SUBORDINATE = re.compile(rf"\b(?:{word_alternation(subordinating_conjunctions())})\b", re.I)
# "said Ms Vale joins the council at ...": a named (or he/she/it) subject and a verb in the
# present tense, the clause's only finite verb
_PRESENT_CLAUSE = re.compile(
    r"\s*(?:(?:[A-Z][\w\-]*\.?\s+){1,4}|(?:he|she|it)\s+)"
    r"(?!(?:his|its|has|was|is|as|us|this|thus|plus|hers|ours|theirs|yours)\b)[a-z]+[a-rt-z]s\b"
)
_THAT_SOON = re.compile(r"\s+(?:[\w’'\-]+\s+){0,3}?that\b", re.I)
_ACCORDING_LAST = re.compile(r",\s*(according\s+to\s+.*)$", re.I)
# "..., said Mr Whitcombe.": an inverted attribution ending the sentence
_INVERTED_LAST = re.compile(r"\s*(?P<verb>said|says|added)\s+(?P<who>[^,;:]{1,60}?)\s*[.!]?\s*$")


@lru_cache(maxsize=4)
def _named_last_re(verbs: str) -> re.Pattern[str]:
    """ "..., Mr Whitcombe said.": a speaker, then a speech verb (`verbs`: the alternation
    of speech verbs) ending the sentence; compiled once."""
    return re.compile(
        rf"(?P<pre>[^,;:]{{1,80}}?)\s+(?P<verb>{verbs})"
        r"(?:\s+(?:in\s+a\s+statement|on\s+\w+|last\s+\w+|yesterday|today))?\s*[.!]?\s*$",
        re.I,
    )


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
        item = _reported(text, off, s, e, masked, finder, cues, bool(inside))
        if item is not None:
            out.append(item)
            # "He added that ..." in the next sentence means this speaker
            finder.remember(item.found)
    return out


def _reported(
    text: str,
    off: int,
    s: int,
    e: int,
    masked: str,
    finder: SpeakerFinder,
    cues: Cues,
    inside: bool = False,
) -> Reported | None:
    span = (off + s, off + e)
    found = finder.according_to(masked, off + s, opening=True)
    if found is not None and "," in masked:
        return Reported(s, e, found, "according to", span)
    verbs = list(cues.verb_re.finditer(masked))
    if not verbs:  # an inverted attribution has a speech verb too ("said", "added")
        return _according_to_last(masked, off + s, finder, span, s, e)
    inverted = _inverted(masked, off + s, finder, cues) or _inverted_mid(
        masked, text[s:e], off + s, finder
    )
    if inverted is not None:
        return Reported(s, e, inverted[0], inverted[1], span)
    for m in verbs:
        region = masked[: m.start()]
        if _COLON_OUTSIDE_TITLE.search(region) or len(region.split()) > 30:
            break
        shift, subject = subject_region(region)
        found = finder.before_verb(subject, off + s + shift, strict=True)
        found = found or dashed_speaker(finder.ctx, region, off + s)
        verb = m.group(0).lower()
        if found is None:
            parsed = parsed_speaker(finder, (off + s + m.start(), off + s + m.end()), span)
            if parsed is not None and parsed[1]:
                return Reported(s, e, parsed[0], verb, span)
            continue
        rest = _PARENTHESES.sub(lambda p: " " * len(p.group(0)), masked[m.end() :])
        raw_rest = text[s + m.end() : e]
        bare_ok = not _SUBORDINATE.search(region)
        if (
            _reports_a_clause(verb, rest, raw_rest, cues, bare_ok)
            or _past_clause(verb, finder, off + s + m.end(), off + e, cues)
            or (
                inside  # a quoted fragment hides the clause's verb: the parse decides
                and not _INTRODUCES_QUOTE.match(raw_rest)
                and parsed_clause(finder, (off + s + m.start(), off + s + m.end()), span)
            )
        ):
            return Reported(s, e, found, verb, span)
        # "paid tribute to her 'patience' and said clinicians had valued ...": a second
        # speech verb joined by "and" shares the subject
        for later in cues.verb_re.finditer(masked, m.end()):
            if not _COORDINATED_BEFORE.search(masked[: later.start()]):
                continue
            verb = later.group(0).lower()
            if verb in cues.any_complement_verbs:
                continue  # "... and thanked him for his 'commitment'": words quoted, no report
            if _reports_a_clause(verb, masked[later.end() :], text[s + later.end() : e], cues):
                return Reported(s, e, found, verb, span)
        return None
    return _according_to_last(masked, off + s, finder, span, s, e)


def _according_to_last(
    masked: str, at: int, finder: SpeakerFinder, span: tuple[int, int], s: int, e: int
) -> Reported | None:
    """ "..., according to an internal briefing": the whole sentence is the source's."""
    tail = _ACCORDING_LAST.search(masked)
    if tail is not None:
        found = finder.according_to(tail.group(1), at + tail.start(1))
        if found is not None:
            return Reported(s, e, found, "according to", span)
    return None


_PARENTHESES = re.compile(r"\([^()]{0,40}\)")


@lru_cache(maxsize=1)
def _region_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    def alternation(name: str) -> str:
        return "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(lines(name), key=len)[::-1]
        )

    opener = re.compile(rf"^\s*(?:{alternation('reported_speech_openers.txt')})\b\s*,?\s+", re.I)
    aside = re.compile(rf",\s*(?:{alternation('reported_speech_asides.txt')})\s*,\s*$", re.I)
    nouns = alternation("statement_nouns.txt")
    statement = re.compile(
        rf"\s+(?:released|issued|published|put\s+out|sent)\s+(?:a|an)\s+(?:{nouns})\s*$", re.I
    )
    return opener, aside, statement


def subject_region(region: str) -> tuple[int, str]:
    """The part of the words before a speech verb that holds its subject, and where it
    starts: without a time phrase opening the sentence ("Today she told staff"), a
    sentence adverb set off by commas ("X, however, said"), or the statement its subject
    put out ("The agency issued a statement saying"). A statement as the subject ("A
    statement from the trust said") stays: it is the speaker, and `statement_owners`
    gives its words to the sender, for reported and direct speech alike."""
    opener, aside, statement = _region_patterns()
    shift = 0
    if (m := opener.match(region)) is not None:
        shift = m.end()
    subject = aside.sub(" ", region[shift:])
    if (m := statement.search(subject)) is not None:
        subject = subject[: m.start()] + " "
    return shift, subject


def _inverted(
    masked: str, offset: int, finder: SpeakerFinder, cues: Cues
) -> tuple[Found, str] | None:
    """Reported speech with the attribution last, after a comma: "A substantive appointment
    will be made later in the year, Mr Whitcombe said." / "..., the trust confirmed." /
    "..., said the trust." The reported clause before the comma needs a finite verb."""
    comma = masked.rfind(",")
    if comma < 0:
        return None
    clause, tail = masked[:comma], masked[comma + 1 :]
    if len(clause.split()) < 4 or not FINITE_OR_PAST.search(clause):
        return None
    named = _named_last_re(cues.verb_re.pattern).match(tail)
    if named is not None:
        verb = named.group("verb").lower()
        if verb in cues.that_only_verbs and verb not in _ANNOUNCING:
            return None
        found = finder.before_verb(named.group("pre"), offset + comma + 1, strict=True)
    else:
        inverted = _INVERTED_LAST.match(tail)
        if inverted is None:
            return None
        verb = inverted.group("verb")
        if inverted.group("who").split()[0].lower() in PRONOUNS:
            return None  # "..., said she was 'the best'": a clause, not an inverted subject
        found = finder.after_verb(inverted.group("who"), offset + comma + 1 + inverted.start("who"))
    if found is None:
        return None
    return found, verb


# "... 'is well under way' said the trust, but ...": an inverted attribution after the
# reported words (a comma or a quoted fragment), then a coordinated clause
_INVERTED_MID = re.compile(
    r"(?:,|\s{2})\s*(?P<verb>said|says|added)\s+(?P<who>[A-Z][^,;:]{0,60}?)\s*"
    r",\s*(?:but|and|although|though|while)\s+\S"
)


def _inverted_mid(
    masked: str, raw: str, offset: int, finder: SpeakerFinder
) -> tuple[Found, str] | None:
    m = _INVERTED_MID.search(masked)
    if m is None:
        return None
    clause = raw[: m.start("verb")]
    if len(clause.split()) < 4 or not FINITE_OR_PAST.search(clause):
        return None
    found = finder.after_verb(m.group("who"), offset + m.start("who"))
    return (found, m.group("verb")) if found is not None else None


def _past_clause(verb: str, finder: SpeakerFinder, start: int, end: int, cues: Cues) -> bool:
    """ "said the board accepted the findings": a subject then a past-tense verb (spaCy's
    VBD tag, from the on-demand parse of the sentence) right after a speech verb is a
    reported clause too."""
    if verb in cues.that_only_verbs:
        return False
    ctx = finder.ctx
    tags = ctx.syntax.tags(ctx.sentence_span(start, end), start, end)[:12]
    # the first word is the clause's subject (a noun or determiner), never the verb itself
    return (
        bool(tags)
        and tags[0] in ("DT", "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "CD")
        and ("VBD" in tags[1:])
    )


def _reports_a_clause(
    verb: str, rest: str, raw_rest: str, cues: Cues, bare_ok: bool = False
) -> bool:
    if not rest.strip(" .,;"):
        return False
    if _INTRODUCES_QUOTE.match(raw_rest) or _COLON_SOON.match(raw_rest):
        return False
    if (
        _THAT_SOON.match(rest)
        or verb in cues.any_complement_verbs
        or (bare_ok and (_BARE_CLAUSE.match(rest) or _PRESENT_CLAUSE.match(rest)))
    ):
        return True
    if verb in cues.that_only_verbs:
        return bare_ok and announces_a_clause(verb, rest, cues)
    first = " ".join(rest.split()[:15])
    return bool(FINITE.search(first))


def _mask(text: str, s: int, e: int, spans: list[QuotedSpan]) -> str:
    chars = list(text[s:e])
    for sp in spans:
        for k in range(max(sp.open_at, s), min(sp.outer_end, e)):
            chars[k - s] = " "
    return "".join(chars)
