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
from functools import lru_cache

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.person_roles import role_of
from sectorwatch.extract.entities.vocab import role_vocabulary
from sectorwatch.extract.quotes.attribution import (
    OPENERS,
    attribute_from_paragraph,
    attribute_in_sentence,
    from_response,
    is_label,
)
from sectorwatch.extract.quotes.closing_attribution import closing_attribution
from sectorwatch.extract.quotes.cues import Cues, load_cues
from sectorwatch.extract.quotes.indirect import Reported, find_indirect
from sectorwatch.extract.quotes.marks import QuotedSpan
from sectorwatch.extract.quotes.names import CHUNK_RE, PRONOUNS, NameReader
from sectorwatch.extract.quotes.speakers import Found, SpeakerFinder
from sectorwatch.model import Paragraph, Quote, Speaker

_QUESTION_MARK = re.compile(r"Q\s*[:.]\s")
_YOU = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)
_HE_OR_SHE = re.compile(r"\s*(He|She)\b")
_AND_CAPITAL = re.compile(r"\s+and\s+[A-Z]")
_COLON_NEXT = re.compile(r"\s*[:;]")
_SPACE_CAPITAL = re.compile(r" [A-Z]")


@lru_cache(maxsize=4)
def _lead_in_re(verbs: str) -> re.Pattern[str]:
    """A sentence ending on a speech verb (`verbs`: the alternation of speech verbs):
    "X said:", "Ms Smith agreed.", "X said in a statement."; compiled once."""
    return re.compile(rf"(?:{verbs})(?:\s+(?:in\s+a\s+statement|too|also))?\s*[:.]?$", re.I)


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
        self.book = NameReader.for_article(self.ctx, self.cues)
        self.finder = SpeakerFinder(self.ctx, self.cues, self.book)
        self.questions = self._interview_questions()
        if self.questions:
            self.finder.interviewee = self._interviewee()

    def _cut_off(self, line: Paragraph, text: str) -> bool:
        """The article's last line stopping mid-sentence (a page stored only up to a
        length): a sentence cut short, not a headline, when it runs to ten words or more,
        or when a quote opened in it is cut short ("Mr Hope said: “I have se")."""
        last = self.ctx.lines[-1] if self.ctx.lines else None
        if line != last or not text.rstrip()[-1:].isalnum():
            return False
        spans = self.ctx.line_quotes(line)
        return len(text.split()) >= 10 or (bool(spans) and not spans[-1].closed)

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
            if _QUESTION_MARK.match(body) or (
                body.endswith("?")
                and len(body.split()) <= 60
                and body[:1] not in OPENERS
                and _YOU.search(body)
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
        if reads_like_headline(text) and not self._cut_off(para, text):
            # a heading or caption between paragraphs: a quote paragraph after it still
            # continues the speaker before it, unless the heading names the next one
            heading = None if spans else self._heading_speaker(text, off)
            state.pending, state.previous_open = heading, False
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
            attribute_in_sentence(self, text, off, st, stretches[:i], stretches[i + 1 :])
            _in_reported_speech(st, text, indirect, self.cues)
            if st.keep:
                self.finder.remember(st.found)
        lead_ins = self._lead_ins(text, off, sentences, spans)
        attribute_from_paragraph(self, text, off, stretches, lead_ins, state)
        closing_attribution(text, off, indirect, stretches, self.cues)

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

    def _lead_ins(
        self, text: str, off: int, sentences: list[tuple[int, int]], spans: list[QuotedSpan]
    ) -> list[tuple[int, Found]]:
        """Sentences with no quote that announce one: "X said:", "Ms Smith agreed."."""
        out = []
        lead_in = _lead_in_re(self.cues.verb_re.pattern)
        for s, e in sentences:
            if any(s <= sp.open_at < e for sp in spans):
                continue
            sentence = text[s:e]
            m = lead_in.search(sentence)
            if m is None and sentence.endswith(":"):
                response, _ = from_response(self, sentence, off + s)
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
            m = _HE_OR_SHE.match(sentence)
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
        if _AND_CAPITAL.match(rest) or _COLON_NEXT.match(rest):
            return None
        names = self.book.classify(m.group(0), at)
        titled = role_vocabulary().pattern.match(sentence, m.end() + 1)
        if (len(names) == 1 and names[0].kind == "organisation") or (
            titled is not None and _SPACE_CAPITAL.match(sentence[titled.end() : titled.end() + 2])
        ):
            # "Widget Academy chair Jo Vale is to step down": a body, a title, then the person
            return self._titled_after_body(sentence, m.end(), at)
        if len(names) != 1 or names[0].kind != "person" or names[0].start != at:
            return None
        name = names[0]
        if " " not in name.text and not name.gender:
            return None  # one word ("Fiona") is not an introduction
        full = name.canonical or name.text
        return Found(full, "person", name.start, name.end)

    def _titled_after_body(self, sentence: str, end: int, at: int) -> Found | None:
        """ "Wrenby Care chair Ola Brandt, who ..., is to step down": the person after the
        body and a role title is the subject."""
        title = role_vocabulary().pattern.match(sentence, end + 1)
        if title is None or sentence[end : title.start()] != " " or self.ctx.people is None:
            return None
        person = self.ctx.people.starting_at(at + title.end() + 1)
        if sentence[title.end() : title.end() + 1] != " ":
            return None
        if person is None:  # a name the person index missed, read as the quotes read names
            chunk = CHUNK_RE.match(sentence, title.end() + 1)
            names = self.book.classify(chunk.group(0), at + chunk.start()) if chunk else []
            if len(names) != 1 or names[0].kind != "person" or " " not in names[0].text:
                return None
            return Found(
                names[0].canonical or names[0].text, "person", names[0].start, names[0].end
            )
        return Found(person.canonical, "person", person.start, person.end)

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
            role = role_of(self.ctx, found.name, sentence, near=at)
            if role is not None:
                return replace(speaker, role=role.role, organisation=role.organisation)
        return speaker


def extract_quotes(ctx: ArticleContext) -> list[Quote]:
    """Every direct and indirect quote in the article's body, with speakers and evidence."""
    return QuoteStage(ctx).run()


# --- small rules, kept apart so tests can name them -----------------------------------------


def reads_like_headline(text: str) -> bool:
    """A short line with no closing punctuation (a heading, a headline, a teaser), or a
    teaser cut off with an ellipsis (not a long quote paragraph trailing off with one)."""
    t = text.strip()
    bare = t.rstrip("”’\"' ")
    if bare.endswith(("...", "…")):
        return not (t[:1] in OPENERS and len(t.split()) >= 12)
    if bare[-1:] in ".!?:;,)":
        return False
    return len(t.split()) <= 25


def _in_reported_speech(st: _Stretch, text: str, indirect: list[Reported], cues: Cues) -> None:
    """A quoted phrase of three words or more with no speaker of its own inside a sentence
    of reported speech ("X - said was a chance to 'speed up the work'") is the reported
    speaker's words; a shorter one may be a label or a rating ("rated 'requires
    improvement'"), and a scare quote ("so-called 'corridor care'") never is."""
    if st.found is not None:
        return
    item = next((i for i in indirect if i.start <= st.span.open_at < i.end), None)
    quoted = text[st.span.start : st.span.end]
    if item is None or len(quoted.split()) < 3 or is_label(quoted, text[st.span.outer_end :]):
        return
    if cues.scare_re.search(text[st.sentence[0] : st.span.open_at]):
        return
    st.found, st.cue, st.keep, st.own = item.found, item.cue, True, True
