"""Who said a quoted stretch: explicit, ordered lists of named strategies.

`IN_SENTENCE` strategies read the quote's own sentence and are tried in turn; the first
that finds a speaker wins ("X said:", ", said X", "according to X", a report's findings
...). A stretch still without a speaker then tries the `IN_PARAGRAPH` strategies (an
earlier quote of the paragraph, a lead-in sentence, the speaker announced before the
paragraph, the previous paragraph's speaker, the person the narrative is about, a Q&A
interviewee).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sectorwatch.extract.quotes.marks import is_full_quote
from sectorwatch.extract.quotes.parsed_subjects import coordinated_speaker
from sectorwatch.extract.quotes.speakers import Found

if TYPE_CHECKING:
    from sectorwatch.extract.quotes.extractor import QuoteStage, _State, _Stretch

_COORDINATED = re.compile(r"(?:\band|\bbut|\bor|\bthen)\s*$", re.I)
_ONLY_COORDINATOR = re.compile(r"\s*(?:,\s*)?(?:and|or|but)?\s*", re.I)
_PASSIVE_END = re.compile(r"\b(?:was|were|is|are|been|be|being)\s*$", re.I)
_SENTENCE_STOP = re.compile(r"[.!?;]")
_WORD_AFTER = re.compile(r"\s+([a-z][\w\-]*)")
OPENERS = "“‘\"'«„"
FUNCTION_AFTER = {
    "for", "from", "to", "of", "in", "on", "at", "by", "with", "and", "or", "but", "as",
    "when", "if", "than", "that", "which", "who", "over", "into", "after", "before", "while",
    "was", "were", "is", "are", "would", "will", "could", "should", "had", "has", "have",
    "be", "being", "been", "because", "so", "until", "since", "about", "unless", "said",
    # a determiner or pronoun after the quote: the quote is a verb phrase, not a modifier
    # ('hollow out' the trust's functions)
    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "these",
    "those", "them", "him", "it", "us", "me",
}  # fmt: skip


@dataclass(frozen=True)
class Attribution:
    found: Found
    cue: str | None
    reported: bool = False
    """A speaker and speech verb before the quote in its own sentence: even a short
    phrase that modifies a noun is then the speaker's words ("warned the group would
    'hollow out' the trust")."""


@dataclass(frozen=True)
class SentenceSite:
    """One quoted stretch in its sentence: the paragraph's text and offset, the words
    before the quote back to an earlier quote of the sentence (`lead`), and after it up to
    the next (`tail`)."""

    stage: QuoteStage
    text: str
    off: int
    st: _Stretch
    same_before: list[_Stretch]
    lead: str
    lead_from: int
    tail: str

    def opening(self) -> str:
        """The sentence before the quote, earlier quotes blanked."""
        return masked(self.text, self.st.sentence[0], self.st.span.open_at, self.same_before)


@dataclass(frozen=True)
class SentenceStrategy:
    name: str
    find: Callable[[SentenceSite], Attribution | None]


def _pair(found: Found | None, cue: str | None, reported: bool = False) -> Attribution | None:
    return Attribution(found, cue, reported) if found is not None else None


def _response(site: SentenceSite) -> Attribution | None:
    found, cue = from_response(site.stage, site.lead, site.off + site.lead_from)
    return _pair(found, cue, reported=True)


def _verb_before(site: SentenceSite) -> Attribution | None:
    strict = not site.st.full
    found, cue = from_lead(site.stage, site.lead, site.off + site.lead_from, strict)
    return _pair(found, cue, reported=True)


def _verb_after(site: SentenceSite) -> Attribution | None:
    found, cue = from_tail(site.stage, site.tail, site.off + site.st.span.outer_end)
    return _pair(found, cue)


def _earlier_in_sentence(site: SentenceSite) -> Attribution | None:
    """The speaker of an earlier quote of the sentence; a fragment coordinated with a kept
    reported fragment ("said the state is 'overstretched' and 'unfocused' adding ...") is
    reported speech as well."""
    earlier = site.same_before[-1] if site.same_before else None
    if earlier is None or earlier.found is None:
        return None
    coordinated = earlier.keep and _ONLY_COORDINATOR.fullmatch(site.lead) is not None
    return Attribution(earlier.found, earlier.cue, reported=coordinated)


def _reported_speech(site: SentenceSite) -> Attribution | None:
    """A partial quote inside reported speech: the sentence's speaker, or the document
    that speaks ("the report warns of 'serious' failings")."""
    if site.st.full:
        return None
    stage, whole, at = site.stage, site.opening(), site.off + site.st.sentence[0]
    found, cue = from_lead(stage, whole, at, strict=True)
    if found is not None:
        return Attribution(found, cue, reported=True)
    if stage.cues.document_speech_re.search(whole) or stage.cues.verb_re.search(whole):
        return _pair(stage.finder.document(whole, at), first_cue(whole, stage))
    return None


def _findings(site: SentenceSite) -> Attribution | None:
    if site.st.full:
        return None
    s_start = site.st.sentence[0]
    found = from_findings(site.stage, site.opening(), site.off + s_start)
    cue = first_cue(site.text[s_start : site.st.span.open_at], site.stage) if found else None
    return _pair(found, cue, reported=True)


def _according_to_after(site: SentenceSite) -> Attribution | None:
    at = site.off + site.st.span.outer_end
    return _pair(site.stage.finder.according_to(site.tail, at), "according to")


def _according_to_before(site: SentenceSite) -> Attribution | None:
    at = site.off + site.st.sentence[0]
    found = site.stage.finder.according_to(site.opening(), at, opening=True)
    return _pair(found, "according to", reported=True)


IN_SENTENCE: tuple[SentenceStrategy, ...] = (
    SentenceStrategy("response lead-in (Ms X's response:)", _response),
    SentenceStrategy("speech verb before the quote", _verb_before),
    SentenceStrategy("speech verb after the quote", _verb_after),
    SentenceStrategy("earlier quote of the sentence", _earlier_in_sentence),
    SentenceStrategy("reported speech around a partial quote", _reported_speech),
    SentenceStrategy("findings of a report", _findings),
    SentenceStrategy("according to, after", _according_to_after),
    SentenceStrategy("according to, before", _according_to_before),
)


def attribute_in_sentence(
    stage: QuoteStage,
    text: str,
    off: int,
    st: _Stretch,
    before: list[_Stretch],
    after: list[_Stretch],
) -> None:
    """Set the stretch's speaker from its own sentence, or drop it (a scare quote, a label
    with no speaker)."""
    s_start = st.sentence[0]
    span = st.span
    same_before = [b for b in before if b.sentence == st.sentence]
    lead_from = same_before[-1].span.outer_end if same_before else s_start
    lead = text[lead_from : span.open_at]
    same_after = [a for a in after if a.sentence == st.sentence]
    tail = text[span.outer_end : same_after[0].span.open_at if same_after else st.sentence[1]]
    quoted = text[span.start : span.end]
    st.full = is_full_quote(quoted, span)
    if stage.cues.scare_re.search(lead):
        st.keep = False
        return
    site = SentenceSite(stage, text, off, st, same_before, lead, lead_from, tail)
    found = next((a for s in IN_SENTENCE if (a := s.find(site)) is not None), None)
    st.found, st.cue = (found.found, found.cue) if found else (None, None)
    st.own = found is not None
    if st.full:
        return
    reported = found is not None and found.reported
    if found is None or (not reported and is_label(quoted, text[span.outer_end :])):
        st.keep = False


@dataclass(frozen=True)
class ParagraphSite:
    stage: QuoteStage
    off: int
    i: int
    stretches: list[_Stretch]
    lead_ins: list[tuple[int, Found]]
    state: _State
    starts_with_quote: bool


@dataclass(frozen=True)
class ParagraphStrategy:
    name: str
    find: Callable[[ParagraphSite], tuple[Found | None, str | None] | None]
    """None: not this strategy; (found, cue): this speaker (and cue, when it has one)."""


def _earlier_quote(p: ParagraphSite) -> tuple[Found | None, str | None] | None:
    earlier = [x for x in p.stretches[: p.i] if x.own and x.keep]
    return (earlier[-1].found, earlier[-1].cue) if earlier else None


def _lead_in(p: ParagraphSite) -> tuple[Found | None, str | None] | None:
    st = p.stretches[p.i]
    leads = [f for pos, f in p.lead_ins if pos <= st.span.open_at]
    return (leads[-1], st.cue) if leads else None


def _next_quote(p: ParagraphSite) -> tuple[Found | None, str | None] | None:
    st = p.stretches[p.i]
    later = [x for x in p.stretches[p.i + 1 :] if x.own and x.keep]
    if later and later[0].sentence[0] - st.sentence[1] < 3:
        return later[0].found, later[0].cue
    return None


def _announced_before(p: ParagraphSite) -> tuple[Found | None, str | None] | None:
    if p.starts_with_quote and p.state.pending is not None:
        return p.state.pending, p.stretches[p.i].cue
    return None


def _previous_speaker(p: ParagraphSite) -> tuple[Found | None, str | None] | None:
    if p.starts_with_quote and (p.state.previous_open or p.state.previous is not None):
        return p.state.previous, p.stretches[p.i].cue
    return None


def _narrative_subject(p: ParagraphSite) -> tuple[Found | None, str | None] | None:
    if p.starts_with_quote and p.state.subject is not None:
        return p.state.subject, p.stretches[p.i].cue
    return None


def _interviewee(p: ParagraphSite) -> tuple[Found | None, str | None] | None:
    """Q&A interviews: a quote inside an answer (or question) is the interviewee's."""
    if p.state.answering and p.stage.finder.interviewee:
        at = p.off + p.stretches[p.i].span.open_at
        return Found(p.stage.finder.interviewee, "person", at, at), p.stretches[p.i].cue
    return None


IN_PARAGRAPH: tuple[ParagraphStrategy, ...] = (
    ParagraphStrategy("earlier quote of the paragraph", _earlier_quote),
    ParagraphStrategy("lead-in sentence (X said:)", _lead_in),
    ParagraphStrategy("next quote of the paragraph", _next_quote),
    ParagraphStrategy("speaker announced before the paragraph", _announced_before),
    ParagraphStrategy("previous paragraph's speaker", _previous_speaker),
    ParagraphStrategy("person the narrative is about", _narrative_subject),
    ParagraphStrategy("Q&A interviewee", _interviewee),
)


def attribute_from_paragraph(
    stage: QuoteStage,
    text: str,
    off: int,
    stretches: list[_Stretch],
    lead_ins: list[tuple[int, Found]],
    state: _State,
) -> None:
    """A kept stretch with no speaker of its own takes one from the paragraph."""
    starts_with_quote = text.lstrip()[:1] in OPENERS
    for i, st in enumerate(stretches):
        if st.found is not None or not st.keep:
            continue
        site = ParagraphSite(stage, off, i, stretches, lead_ins, state, starts_with_quote)
        for strategy in IN_PARAGRAPH:
            got = strategy.find(site)
            if got is not None:
                st.found, st.cue = got
                break


def masked(text: str, start: int, end: int, quoted: list[_Stretch]) -> str:
    chars = list(text[start:end])
    for q in quoted:
        for k in range(max(q.span.open_at, start), min(q.span.outer_end, end)):
            chars[k - start] = " "
    return "".join(chars)


def first_cue(text: str, stage: QuoteStage) -> str | None:
    m = stage.cues.verb_re.search(text) or stage.cues.document_speech_re.search(text)
    return m.group(0).lower() if m else None


def from_lead(
    stage: QuoteStage, lead: str, offset: int, strict: bool
) -> tuple[Found | None, str | None]:
    verbs = list(stage.cues.verb_re.finditer(lead))
    for m in reversed(verbs):
        region = lead[: m.start()]
        if _COORDINATED.search(region.rstrip(" ,")):
            # "He has led the trust since 2016 and said:": the subject of the first verb,
            # by the parse (the surface reads no subject in "... and")
            verb = (offset + m.start(), offset + m.end())
            sentence = stage.ctx.sentence_span(*verb)
            shared = coordinated_speaker(stage.finder, verb, sentence)
            if shared is not None:
                return shared, m.group(0).lower()
            continue
        prior = list(stage.cues.verb_re.finditer(region))
        clause_from = prior[-1].end() if prior else 0
        found = stage.finder.before_verb(region[clause_from:], offset + clause_from, strict)
        if found is not None:
            return found, m.group(0).lower()
        if m.group(0).lower() in stage.cues.listener_verbs:
            continue  # "One board member told HSJ:": HSJ listens, it does not speak
        after = stage.finder.after_verb(lead[m.end() :], offset + m.end())
        if after is not None and not lead[m.end() :].strip(" ,:").count(" ") > 12:
            return after, m.group(0).lower()
    return None, None


def from_response(stage: QuoteStage, lead: str, offset: int) -> tuple[Found | None, str | None]:
    """A speaker announced without a speech verb: "Ms Holroyd's response:", "In her
    words:", "In the words of X,"."""
    m = stage.cues.response_re.search(lead)
    if m is None:
        return None, None
    owner = m.group("owner") or m.group("in_owner")
    if owner is not None:
        at = offset + (m.start("owner") if m.group("owner") else m.start("in_owner"))
        found = stage.finder.before_verb(owner, at, strict=True)
        if found is None or found.kind == "document":
            return None, None
        return found, None
    pronoun = (m.group("pronoun") or m.group("in_pronoun")).lower()
    return stage.finder.pronoun("she" if pronoun == "her" else "he", offset + m.start()), None


def from_findings(stage: QuoteStage, whole: str, offset: int) -> Found | None:
    """Inspection reports: a partial quote in a sentence whose subject is a named
    organisation and whose verb reports its findings ("The Office for Care Standards
    found the service had 'serious and sustained' failings"; "The CSA has rated the
    trust inadequate, warning of 'serious' failings") is the organisation's."""
    m = stage.cues.finding_re.search(whole)
    if m is None:
        return None
    region = whole[: m.start()].rstrip()
    if _PASSIVE_END.search(region):
        return None  # passive: "The trust was rated ...", the subject is not the finder
    found = stage.finder.before_verb(region, offset, strict=True)
    if found is None or found.kind == "person" or not found.name:
        return None
    return found


def from_tail(stage: QuoteStage, tail: str, offset: int) -> tuple[Found | None, str | None]:
    m = stage.cues.verb_re.search(tail)
    if m is None:
        return None, None
    pre = tail[: m.start()]
    if not pre.strip(" ,–—"):
        return stage.finder.after_verb(tail[m.end() :], offset + m.end()), m.group(0).lower()
    if len(pre.split()) <= 14 and not _SENTENCE_STOP.search(pre):
        found = stage.finder.before_verb(pre, offset, strict=True)
        if found is not None:
            return found, m.group(0).lower()
    return None, None


def is_label(quoted: str, after: str) -> bool:
    """A one-to-three word phrase used as a modifier: the ‘twin-track’ oversight model."""
    if len(quoted.split()) > 3:
        return False
    m = _WORD_AFTER.match(after)
    return m is not None and m.group(1) not in FUNCTION_AFTER
