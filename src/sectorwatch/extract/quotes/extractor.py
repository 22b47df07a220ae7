"""Direct and indirect quotes with their speakers, paragraph by paragraph, by rule.

For each body paragraph (titles, bylines, teasers and boilerplate are never searched):

1. take the line's quoted stretches and sentences from the substrate (one detector and one
   sentence model for every stage);
2. give each stretch a speaker from its own sentence: a speech verb before it ("X said:",
   "X told HSJ:", partial quotes in reported speech), after it (", said X", ", she said"),
   "according to X", a spokesperson for an organisation, or a quoted document
   (`documents.py` names it: "the CSA's annual State of Care report" -> "State of Care
   report"); in a subject with appositives the head wins ("Dev Sharma, staff-side chair at
   Harlow Vale, who ..., said") and relative clauses are skipped;
3. a stretch with no speaker of its own takes the paragraph's speaker, then the speaker
   announced just before ("X said:" or "X agreed." ending the previous paragraph, a
   heading line naming the next speaker, "Name and title:" alone), then the previous
   paragraph's speaker when the quote continues it, then the person a quote-free
   paragraph ends on ("She is sharper about the national picture."; "Joanne Pettifer's son
   was placed 140 miles away."), else the speaker before that paragraph; in a Q&A
   interview, the interviewee. Anonymous sources ("one senior source said") are people
   with no name, and a quote-only paragraph after one stays anonymous;
4. a short quoted phrase with no speaker of its own is a scare quote and is dropped, and so
   is one that modifies a noun ("the 'twin-track' model") unless a named subject and a
   speech verb before it in the same sentence report it ("warned the group would 'hollow
   out' the trust"); anything in a paragraph that reads like a headline is dropped;
5. reported speech (`indirect.find_indirect`) in the same sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.quotes.cues import Cues, load_cues
from sectorwatch.extract.quotes.indirect import find_indirect
from sectorwatch.extract.quotes.marks import QuotedSpan, is_full_quote
from sectorwatch.extract.quotes.names import CHUNK_RE, PRONOUNS, NameBook
from sectorwatch.extract.quotes.speakers import Found, SpeakerFinder
from sectorwatch.model import Paragraph, Quote, Speaker

_FUNCTION_AFTER = {
    "for", "from", "to", "of", "in", "on", "at", "by", "with", "and", "or", "but", "as",
    "when", "if", "than", "that", "which", "who", "over", "into", "after", "before", "while",
    "was", "were", "is", "are", "would", "will", "could", "should", "had", "has", "have",
    "be", "being", "been", "because", "so", "until", "since", "about", "unless", "said",
    # a determiner or pronoun after the quote: the quote is a verb phrase, not a modifier
    # ('hollow out' the trust's functions)
    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "these",
    "those", "them", "him", "it", "us", "me",
}  # fmt: skip
_OPENERS = "“‘\"'«„"
_COORDINATED = re.compile(r"(?:\band|\bbut|\bor|\bthen)\s*$", re.I)


@dataclass
class _State:
    """What the paragraphs so far leave for the next one."""

    pending: Found | None = None  # "X said:" or a heading line just before
    previous: Found | None = None  # speaker of the previous paragraph's quotes
    previous_open: bool = False  # the previous paragraph's last quote was never closed
    subject: Found | None = None  # "She is sharper about ...": the person a paragraph ends on
    answering: bool = False  # a Q&A interview's first question has been asked


@dataclass
class _Stretch:
    span: QuotedSpan
    sentence: tuple[int, int]
    found: Found | None = None
    cue: str | None = None
    full: bool = True
    keep: bool = True
    own: bool = False  # the speaker comes from the stretch's own sentence


@dataclass
class QuoteStage:
    ctx: ArticleContext
    cues: Cues = field(default_factory=load_cues)

    def __post_init__(self) -> None:
        self.book = NameBook.for_article(self.ctx, self.cues)
        self.finder = SpeakerFinder(self.ctx, self.cues, self.book)
        self.questions = self._interview_questions()
        if self.questions:
            self.finder.interviewee = self._interviewee()

    def _interview_questions(self) -> set[int]:
        """Q&A interviews: the starts of body paragraphs that are the interviewer's
        questions (a paragraph ending with "?" that addresses "you", or opening "Q:"), when
        there are at least two. The answers that follow are the interviewee's, without
        quote marks."""
        text = self.ctx.article.text
        starts = set()
        for para in self.ctx.article.body_paragraphs():
            body = text[para.start : para.end].strip()
            # a question put to the interviewee ("What surprised you most?"), not a
            # columnist's rhetorical one ("So what went wrong?")
            if re.match(r"Q\s*[:.]\s", body) or (
                body.endswith("?")
                and len(body.split()) <= 60
                and body[:1] not in _OPENERS
                and re.search(r"\b(?:you|your|yours|yourself)\b", body, re.I)
            ):
                starts.add(para.start)
        return starts if len(starts) >= 2 else set()

    def _interviewee(self) -> str | None:
        """The person an interview is with: the one the article names most (first named
        on a tie)."""
        counts: dict[str, int] = {}
        for _, name in self.book.full:
            counts[name] = counts.get(name, 0) + 1
        return max(counts, key=lambda n: counts[n]) if counts else None

    def run(self) -> list[Quote]:
        quotes: list[Quote] = []
        state = _State()
        for line in self.ctx.lines:
            if line.start in self.questions:
                state.answering = True
            quotes.extend(self._paragraph(line, state))
        quotes = [replace(q, evidence=self.ctx.evidence(q.start, q.end)) for q in quotes]
        quotes.sort(key=lambda q: (q.start, q.type))
        return quotes

    # --- one paragraph --------------------------------------------------------------------

    def _paragraph(self, para: Paragraph, state: _State) -> list[Quote]:
        text = self.ctx.article.text[para.start : para.end]
        off = para.start
        spans = self.ctx.line_quotes(para)
        if reads_like_headline(text):
            heading = None if spans else self._heading_speaker(text, off)
            state.pending, state.previous, state.previous_open = heading, None, False
            state.subject = None
            return []
        sentences = self.ctx.line_sentences(para)
        stretches = [
            _Stretch(s, next((x for x in sentences if x[0] <= s.open_at < x[1]), (0, len(text))))
            for s in spans
        ]
        subjects = self._narrative_subjects(text, off, sentences, spans)
        indirect = find_indirect(text, off, sentences, spans, self.finder, self.cues)
        # Q&A answers: "I told them that ..." is the interview itself, not reported speech
        indirect = [item for item in indirect if not item.found.first_person]
        for i, st in enumerate(stretches):
            self._attribute_in_sentence(text, off, st, stretches[:i], stretches[i + 1 :])
            if st.keep:
                self.finder.remember(st.found)
        lead_ins = self._lead_ins(text, off, sentences, spans)
        self._attribute_from_paragraph(text, off, stretches, lead_ins, state)

        quotes: list[Quote] = []
        for st in stretches:
            if not st.keep:
                continue
            quotes.append(self._quote("direct", text, off, st.span.start, st.span.end, st))
        for item in indirect:
            quotes.append(
                Quote(
                    type="indirect",
                    text=text[item.start : item.end],
                    start=off + item.start,
                    end=off + item.end,
                    speaker=self._speaker(item.found, off + item.start, item.sentence_span),
                    cue=item.cue,
                )
            )

        kept = [st for st in stretches if st.keep]
        if lead_ins and lead_ins[-1][0] >= max((st.span.outer_end for st in kept), default=0):
            state.pending = lead_ins[-1][1]
        else:
            state.pending = None
        speakers = [st.found for st in kept if st.found] + [i.found for i in indirect]
        subject = None if spans else subjects.get(sentences[-1][0]) if sentences else None
        if speakers or spans or subject is not None:
            state.previous = speakers[-1] if speakers else None
        state.subject = subject
        state.previous_open = bool(kept) and not kept[-1].span.closed
        return quotes

    def _attribute_in_sentence(
        self,
        text: str,
        off: int,
        st: _Stretch,
        before: list[_Stretch],
        after: list[_Stretch],
    ) -> None:
        s_start, s_end = st.sentence
        span = st.span
        same_before = [b for b in before if b.sentence == st.sentence]
        same_after = [a for a in after if a.sentence == st.sentence]
        lead_from = same_before[-1].span.outer_end if same_before else s_start
        tail_to = same_after[0].span.open_at if same_after else s_end
        lead = text[lead_from : span.open_at]
        tail = text[span.outer_end : tail_to]
        quoted = text[span.start : span.end]
        st.full = is_full_quote(quoted, span)

        if self.cues.scare_re.search(lead):
            st.keep = False
            return
        found, cue = self._from_response(lead, off + lead_from)
        if found is None:
            found, cue = self._from_lead(lead, off + lead_from, strict=not st.full)
        # A speaker and speech verb before the quote, in its own sentence, make even a
        # short phrase that modifies a noun the speaker's words: warned the group would
        # "hollow out" the trust; had received "reassuring but inaccurate" reports.
        reported = found is not None
        if found is None:
            found, cue = self._from_tail(tail, off + span.outer_end)
        if found is None and same_before and same_before[-1].found is not None:
            found, cue = same_before[-1].found, same_before[-1].cue
        if found is None and not st.full:
            whole = _masked(text, s_start, span.open_at, same_before)
            found, cue = self._from_lead(whole, off + s_start, strict=True)
            reported = found is not None
            if found is None and (
                self.cues.document_speech_re.search(whole) or self.cues.verb_re.search(whole)
            ):
                found = self.finder.document(whole, off + s_start)
                cue = cue or _first_cue(whole, self.cues)
        if found is None and not st.full:
            found = self._from_findings(
                _masked(text, s_start, span.open_at, same_before), off + s_start
            )
            cue = _first_cue(text[s_start : span.open_at], self.cues) if found else None
            reported = found is not None
        if found is None:
            found = self.finder.according_to(tail, off + span.outer_end)
            cue = "according to" if found else None
        if found is None:
            opening = _masked(text, s_start, span.open_at, same_before)
            found = self.finder.according_to(opening, off + s_start, opening=True)
            cue = "according to" if found else None
            reported = found is not None
        st.found, st.cue, st.own = found, cue, found is not None
        if st.full:
            return
        if found is None or (not reported and _is_label(quoted, text[span.outer_end :])):
            st.keep = False

    def _from_lead(self, lead: str, offset: int, strict: bool) -> tuple[Found | None, str | None]:
        verbs = list(self.cues.verb_re.finditer(lead))
        for m in reversed(verbs):
            region = lead[: m.start()]
            if _COORDINATED.search(region.rstrip(" ,")):
                continue
            prior = list(self.cues.verb_re.finditer(region))
            clause_from = prior[-1].end() if prior else 0
            found = self.finder.before_verb(region[clause_from:], offset + clause_from, strict)
            if found is not None:
                return found, m.group(0).lower()
            if m.group(0).lower() in self.cues.listener_verbs:
                continue  # "One board member told HSJ:": HSJ listens, it does not speak
            after = self.finder.after_verb(lead[m.end() :], offset + m.end())
            if after is not None and not lead[m.end() :].strip(" ,:").count(" ") > 12:
                return after, m.group(0).lower()
        return None, None

    def _from_response(self, lead: str, offset: int) -> tuple[Found | None, str | None]:
        """A speaker announced without a speech verb: "Ms Holroyd's response:", "In her
        words:", "In the words of X,"."""
        m = self.cues.response_re.search(lead)
        if m is None:
            return None, None
        owner = m.group("owner") or m.group("in_owner")
        if owner is not None:
            at = offset + (m.start("owner") if m.group("owner") else m.start("in_owner"))
            found = self.finder.before_verb(owner, at, strict=True)
            if found is None or found.kind == "document":
                return None, None
            return found, None
        pronoun = (m.group("pronoun") or m.group("in_pronoun")).lower()
        return self.finder.pronoun("she" if pronoun == "her" else "he", offset + m.start()), None

    def _from_findings(self, whole: str, offset: int) -> Found | None:
        """Inspection reports: a partial quote in a sentence whose subject is a named
        organisation and whose verb reports its findings ("The Office for Care Standards
        found the service had 'serious and sustained' failings"; "The CSA has rated the
        trust inadequate, warning of 'serious' failings") is the organisation's."""
        m = self.cues.finding_re.search(whole)
        if m is None:
            return None
        region = whole[: m.start()].rstrip()
        if re.search(r"\b(?:was|were|is|are|been|be|being)\s*$", region, re.I):
            return None  # passive: "The trust was rated ...", the subject is not the finder
        found = self.finder.before_verb(region, offset, strict=True)
        if found is None or found.kind == "person" or not found.name:
            return None
        return found

    def _from_tail(self, tail: str, offset: int) -> tuple[Found | None, str | None]:
        m = self.cues.verb_re.search(tail)
        if m is None:
            return None, None
        pre = tail[: m.start()]
        if not pre.strip(" ,–—"):
            return self.finder.after_verb(tail[m.end() :], offset + m.end()), m.group(0).lower()
        if len(pre.split()) <= 14 and not re.search(r"[.!?;]", pre):
            found = self.finder.before_verb(pre, offset, strict=True)
            if found is not None:
                return found, m.group(0).lower()
        return None, None

    def _lead_ins(
        self, text: str, off: int, sentences: list[tuple[int, int]], spans: list[QuotedSpan]
    ) -> list[tuple[int, Found]]:
        """Sentences with no quote that announce one: "X said:", "Ms Smith agreed."."""
        out = []
        for s, e in sentences:
            if any(s <= sp.open_at < e for sp in spans):
                continue
            sentence = text[s:e]
            m = re.search(
                rf"(?:{self.cues.verb_re.pattern})(?:\s+(?:in\s+a\s+statement|too|also))?\s*[:.]?$",
                sentence,
                re.I,
            )
            if m is None and sentence.endswith(":"):
                response, _ = self._from_response(sentence, off + s)
                if response is not None:
                    out.append((e, response))
                    continue
            if m is None:
                # a speaker's name and title alone before a colon introduce the next quote:
                # "Federation of Health Providers chief executive Tomasz Kowal:"
                if sentence.endswith(":") and len(sentence.split()) <= 15:
                    found = self.finder.before_verb(sentence[:-1], off + s, strict=True)
                    if found is not None and found.kind == "person":
                        out.append((e, found))
                continue
            found = self.finder.before_verb(sentence[: m.start()], off + s, strict=False)
            if found is not None:
                out.append((e, found))
        return out

    def _narrative_subjects(
        self, text: str, off: int, sentences: list[tuple[int, int]], spans: list[QuotedSpan]
    ) -> dict[int, Found]:
        """The person each quote-free sentence opens with, by sentence start.

        New speaker by narrative subject: a sentence whose grammatical subject is a named
        person ("Fiona Greatorex, who takes over in May, started her career as a district
        nurse."; "Joanne Pettifer's son was placed 140 miles away.") makes that person the
        one a following "she said" or quote-only paragraph means; "He/She ..." keeps the
        person the paragraph is about ("She is sharper about the national picture.").
        """
        out: dict[int, Found] = {}
        current: Found | None = None
        for s, e in sentences:
            if any(s <= sp.open_at < e for sp in spans):
                current = None
                continue
            sentence = text[s:e]
            m = re.match(r"\s*(He|She)\b", sentence)
            if m is not None:
                word = m.group(1).lower()
                if current is None or not self.finder.fits(current.name, PRONOUNS[word]):
                    current = self.finder.pronoun(word, off + s)
            else:
                current = self._named_subject(sentence, off + s)
                if current is not None:
                    self.finder.remember(current)
            if current is not None:
                out[s] = current
        return out

    def _named_subject(self, sentence: str, at: int) -> Found | None:
        """A person named in full (or with an honorific) opening `sentence` as its subject,
        possibly as a possessive ("Joanne Pettifer's son"); not one of two people ("X and
        Y were appointed") nor a name inside an organisation's."""
        m = CHUNK_RE.match(sentence)
        if m is None:
            return None
        rest = sentence[m.end() :]
        if re.match(r"\s+and\s+[A-Z]", rest) or re.match(r"\s*[:;]", rest):
            return None
        names = self.book.classify(m.group(0), at)
        if len(names) != 1 or names[0].kind != "person" or names[0].start != at:
            return None
        name = names[0]
        if " " not in name.text and not name.gender:
            return None  # one word ("Fiona") is not an introduction
        full = name.canonical or name.text
        return Found(full, "person", name.start, name.end)

    def _attribute_from_paragraph(
        self,
        text: str,
        off: int,
        stretches: list[_Stretch],
        lead_ins: list[tuple[int, Found]],
        state: _State,
    ) -> None:
        starts_with_quote = text.lstrip()[:1] in "“‘\"'«„"
        for i, st in enumerate(stretches):
            if st.found is not None or not st.keep:
                continue
            earlier = [x for x in stretches[:i] if x.own and x.keep]
            later = [x for x in stretches[i + 1 :] if x.own and x.keep]
            leads = [f for pos, f in lead_ins if pos <= st.span.open_at]
            if earlier:
                st.found, st.cue = earlier[-1].found, earlier[-1].cue
            elif leads:
                st.found = leads[-1]
            elif later and later[0].sentence[0] - st.sentence[1] < 3:
                st.found, st.cue = later[0].found, later[0].cue
            elif starts_with_quote and state.pending is not None:
                st.found = state.pending
            elif starts_with_quote and (state.previous_open or state.previous is not None):
                st.found = state.previous
            elif starts_with_quote and state.subject is not None:
                st.found = state.subject
            elif state.answering and self.finder.interviewee:
                # Q&A interviews: a quote inside an answer (or question) is the interviewee's
                at = off + st.span.open_at
                st.found = Found(self.finder.interviewee, "person", at, at)

    def _heading_speaker(self, text: str, off: int) -> Found | None:
        if len(text.split()) > 15:
            return None
        found = self.finder.before_verb(text, off, strict=True)
        return found if found is not None and found.kind == "person" else None

    # --- building quotes ------------------------------------------------------------------

    def _quote(self, kind: str, text: str, off: int, start: int, end: int, st: _Stretch) -> Quote:
        sentence = (off + st.sentence[0], off + st.sentence[1])
        return Quote(
            type=kind,  # type: ignore[arg-type]
            text=text[start:end],
            start=off + start,
            end=off + end,
            speaker=self._speaker(st.found, off + start, sentence),
            cue=st.cue,
        )

    def _speaker(self, found: Found | None, at: int, sentence: tuple[int, int]) -> Speaker | None:
        if found is not None and found.name is None and found.kind == "person":
            return Speaker(name=None, kind="person")  # an anonymous source
        if found is None or not found.name:
            return None
        speaker = found.speaker()
        if found.kind == "person":
            role = _role_for(self.ctx, found.name, at, sentence)
            if role is not None:
                speaker.role, speaker.organisation = role.role, role.organisation
        return speaker


def extract_quotes(ctx: ArticleContext) -> list[Quote]:
    """Every direct and indirect quote in the article's body, with speakers and evidence."""
    return QuoteStage(ctx).run()


# --- small rules, kept apart so tests can name them -----------------------------------------


def reads_like_headline(text: str) -> bool:
    """A short line with no closing punctuation (a heading, a headline, a teaser), or a
    teaser cut off with an ellipsis."""
    t = text.strip()
    bare = t.rstrip("”’\"' ")
    if bare.endswith(("...", "…")):
        return True
    if bare[-1:] in ".!?:;,)":
        return False
    return len(t.split()) <= 25


def _is_label(quoted: str, after: str) -> bool:
    """A one-to-three word phrase used as a modifier: the ‘twin-track’ oversight model."""
    if len(quoted.split()) > 3:
        return False
    m = re.match(r"\s+([a-z][\w\-]*)", after)
    return m is not None and m.group(1) not in _FUNCTION_AFTER


def _masked(text: str, start: int, end: int, quoted: list[_Stretch]) -> str:
    chars = list(text[start:end])
    for q in quoted:
        for k in range(max(q.span.open_at, start), min(q.span.outer_end, end)):
            chars[k - start] = " "
    return "".join(chars)


def _first_cue(text: str, cues: Cues) -> str | None:
    m = cues.verb_re.search(text) or cues.document_speech_re.search(text)
    return m.group(0).lower() if m else None


def _role_for(ctx: ArticleContext, name: str, at: int, sentence: tuple[int, int]):  # type: ignore[no-untyped-def]
    facts = [r for r in ctx.roles if r.person == name]
    if not facts:
        return None
    inside = [r for r in facts if sentence[0] <= r.start < sentence[1]]
    if inside:
        return inside[0]
    before = [r for r in facts if r.start <= at]
    if before:
        return max(before, key=lambda r: r.start)
    return min(facts, key=lambda r: r.start)
