"""Who is speaking: the speaker named around a speech verb, a pronoun resolved to the most
recent fitting person, an organisation behind "a spokesperson for X", a quoted document
("the 2017 Conservative manifesto"), or the source after "according to".

Every finder takes a piece of paragraph text and its offset in the article, and returns a
`Found` (name, kind, offset of the mention) or None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.coreference import role_noun_referent
from sectorwatch.extract.lexicon import (
    clause_openers,
    finite_auxiliaries,
    lower_words,
    relative_pronouns,
)
from sectorwatch.extract.quotes.clause_subjects import clause_subject, subject_pieces
from sectorwatch.extract.quotes.cues import Cues, according_re, head_of_res
from sectorwatch.extract.quotes.documents import (
    DocumentBook,
    DocumentPhrase,
    document_phrases,
    title_beside,
)
from sectorwatch.extract.quotes.found import Found
from sectorwatch.extract.quotes.incoming_speakers import incoming_speaker
from sectorwatch.extract.quotes.names import CHUNK_RE, PRONOUNS, NameReader, strip_possessive
from sectorwatch.extract.quotes.newcomers import pronoun_speaker
from sectorwatch.extract.quotes.organisation_speakers import FUNCTION, OrganisationSpeakers

AUX = lower_words("auxiliaries.txt")
FINITE = re.compile(rf"\b(?:{finite_auxiliaries(with_clause_verbs=True)})\b", re.I)
# "the 58-year-old said"
_AGED = re.compile(r"(?:^|\s)[Tt]he\s+\d{1,3}-year-old\s*$")
_WORD = re.compile(r"[\w’'\-/.&]+")
_PHRASE = re.compile(r"\s*([^.,;:!?“”\"‘]*)")
_WORD_BREAKS = re.compile(r"[\s,()–—]+")
_BE = re.compile(r"\b(?:were|was|is|are|been)\b", re.I)
# A non-restrictive relative clause between a speaker and the verb: "Mr Fenn, who is also
# the trust's chief operating officer, said ..." (English news puts biography there).
_RELATIVE = re.compile(rf"\s*(?:{relative_pronouns()})\b", re.I)
# ", who asked not to be named," or a bracket set off inside a subject
_RELATIVE_ASIDE = re.compile(rf",\s*(?:{relative_pronouns()})\b[^,]*,?|\([^)]*\)", re.I)
# Words that open an adverbial phrase or clause before the subject ("After meeting X,",
# "When the board met,", "In a statement,"), so what precedes them is not the subject.
_CLAUSE_OPENERS = clause_openers()


@dataclass
class SpeakerFinder(OrganisationSpeakers):
    ctx: ArticleContext
    cues: Cues
    book: NameReader
    recent: list[Found] = field(default_factory=list)
    docs: DocumentBook = field(init=False)
    # "icb" -> what "the ICB" first meant as a speaker
    anaphors: dict[str, str] = field(default_factory=dict)
    # the person a Q&A interview questions: "I" in an answer, "you" in a question
    interviewee: str | None = None

    def __post_init__(self) -> None:
        self.docs = DocumentBook.for_text(self.ctx.text, self.cues, self._names_a_person)

    def _names_a_person(self, text: str) -> bool:
        return self.book.has_full_name(text)

    # --- the speaker of a speech verb ------------------------------------------------------

    def before_verb(self, region: str, offset: int, strict: bool = False) -> Found | None:
        """The subject that ends `region` (the text between a clause start and its verb).

        With `strict`, the region must read like a subject: names, role titles and an
        optional opening phrase or appositive, nothing that reads like another clause.
        """
        stripped = region.rstrip()
        words = stripped.split()
        while words and words[-1].lower().strip(",") in AUX:
            stripped = stripped[: stripped.rstrip().rfind(words[-1])].rstrip()
            words = words[:-1]
        stripped = stripped.rstrip(", ")
        clause = clause_subject(stripped)
        if clause is not None and clause.shared:
            return self.before_verb(clause.text, offset, strict)
        if clause is not None:
            offset, region, stripped = offset + clause.shift, clause.text, clause.text
            words = stripped.split()
        if not stripped:
            return None
        last = strip_possessive(words[-1].strip(",")).lower() if words else ""
        if last in ("i", "you") and self.interviewee:
            # Q&A interviews: "I told them on day one:" in an answer is the interviewee
            if len(words) == 1 or self._intro_only(" ".join(words[:-1])):
                at = offset + len(stripped) - 1
                return Found(self.interviewee, "person", at, at + len(words[-1]), first_person=True)
        if last in PRONOUNS or last in ("it", "they", "we"):
            if strict and len(words) > 1 and not self._intro_only(" ".join(words[:-1])):
                return None
            return self.pronoun(last, offset + len(stripped))
        spokes = self._spokesperson(stripped, offset)
        if spokes is not None:
            return spokes
        anonymous = self.anonymous(stripped, offset)
        if anonymous is not None:
            return anonymous
        described = (
            self._aged(stripped, offset)
            or self._role_noun(stripped, offset)
            or self._head_of(stripped, offset)
        )
        if described is not None:
            return described
        if len(words) > 30:
            stripped = stripped[-200:]
            offset += len(region.rstrip()) - 200 if len(region.rstrip()) > 200 else 0
        found = self._subject_name(stripped, offset)
        if found is None:
            return self._organisation_anaphor(stripped, offset) or self._generic_body(
                stripped, offset
            )
        # a document subject may carry a participle ("The report, published on Tuesday,")
        by_document = found.kind == "document" or found.owns_document
        if strict and not by_document and not self._subject_like(stripped, found, offset):
            return None
        return found

    def after_verb(self, text: str, offset: int) -> Found | None:
        """The speaker right after an inverted verb: "said Mr Whitcombe", "said NHS
        Providers chief executive Chris Hopson"."""
        m = _PHRASE.match(text)
        if m is None:
            return None
        phrase = m.group(1)
        first = phrase.split()[:1]
        if first and first[0].lower() in PRONOUNS:
            return self.pronoun(first[0].lower(), offset + m.start(1))
        anonymous = self.anonymous(phrase.rstrip(), offset + m.start(1))
        spokes = self._spokesperson(phrase, offset + m.start(1))
        if spokes is not None:
            return spokes
        if anonymous is not None:
            return anonymous  # "said one senior source"
        if not phrase[:1].isupper() and not phrase.lower().startswith(("the ", "a ", "an ")):
            return None
        if len(phrase.split()) > 14 or not self._noun_phrase(phrase):
            return None
        return self._last_name(phrase, offset + m.start(1))

    def _noun_phrase(self, phrase: str) -> bool:
        """Names, titles and function words only ("NHS Providers chief executive Chris
        Hopson"), not a clause ("a financial recovery plan with the board and that it")."""
        for w in _WORD.findall(phrase):
            lw = strip_possessive(w).lower()
            if w[:1].isupper() or w[:1].isdigit() or w != strip_possessive(w):
                continue
            if lw in ("and", "that", "it", "was", "were", "is", "are"):
                return False
            if lw in FUNCTION or lw in self.cues.subject_words or lw in AUX:
                continue
            return False
        return True

    def according_to(self, text: str, offset: int, opening: bool = False) -> Found | None:
        """The source after "according to"; with `opening`, only when the text opens with
        it ("According to Ms Lisle, ACE has asked ...": the whole sentence is hers)."""
        for cue in self.cues.according:
            m = according_re(cue, opening).search(text)
            if m is None:
                continue
            rest = text[m.end() :]
            owner = self._possessive_owner(rest, offset + m.end())
            if owner is not None:
                return owner
            doc = self.document(rest, offset + m.end(), anchored=True)
            if doc is not None:
                return doc
            return self.after_verb(rest, offset + m.end())
        return None

    def document(self, text: str, offset: int, anchored: bool = False) -> Found | None:
        """A quoted document: "the 2017 Conservative manifesto" -> "2017 Conservative
        manifesto"; "the Care Standards Authority's well-led guidance" likewise."""
        for phrase in document_phrases(text, self.cues):
            if anchored and text[: phrase.start].strip().lower() not in ("", "the", "a", "an"):
                return None
            owner = self._document_owner(phrase, offset + phrase.start)
            if owner is not None:
                return owner
            name = self.docs.fullest(phrase, offset + phrase.start)
            return Found(name, "document", offset + phrase.start, offset + phrase.end)
        return None

    def _document_subject(
        self, text: str, head: tuple[int, int], nxt: tuple[int, int] | None, offset: int
    ) -> Found | None:
        """A subject whose head is a document: "The Stronger Together business case,
        published on Tuesday," or "A joint paper ..., Towards a Single Body,"."""
        piece = text[head[0] : head[1]]
        phrases = document_phrases(piece, self.cues)
        if not phrases:
            return None
        first = phrases[0]
        if piece[: first.start].strip().lower() not in ("", "the", "a", "an", "its", "their"):
            return None
        if first.name in self.book.org_surfaces and self.book._indexed_person(first.name) is None:
            return None  # "The Office for Care Standards found": an organisation, not a text
        at = offset + head[0] + first.start
        owner = self._document_owner(first, at)
        if owner is not None:
            return owner
        if nxt is not None:
            title = title_beside(text[nxt[0] : nxt[1]].strip())
            if title is not None:
                return Found(title, "document", offset + nxt[0], offset + nxt[1])
        return Found(self.docs.fullest(first, at), "document", at, offset + head[0] + first.end)

    def _document_owner(self, phrase: DocumentPhrase, at: int) -> Found | None:
        """The named owner of a document with no name of its own ("the Health and Care
        Inspectorate's report") speaks for it."""
        if phrase.owner is None:
            return None
        found = self._last_name(phrase.owner, at)
        if found is not None:
            return Found(found.name, found.kind, found.at, found.end, owns_document=True)
        name = self._organisation_canonical(phrase.owner, at)
        return Found(name, "organisation", at, at + len(phrase.owner), owns_document=True)

    def pronoun(self, word: str, at: int) -> Found | None:
        if word in ("it", "they", "we"):
            found = next(
                (f for f in reversed(self.recent) if f.at <= at and f.kind != "person"), None
            )
            doc = self.docs.last_before(at) if word == "it" else None
            if doc is not None and (found is None or doc.start > found.at):
                # "The report found ... It said": the nearer document is what "it" means
                return Found(self.docs.fullest(doc, doc.start), "document", doc.start, doc.end)
            return Found(found.name, found.kind, found.at, found.end) if found else None
        spoken = [(f.at, f.name) for f in self.recent if f.kind == "person" and f.name]
        name = pronoun_speaker(self.ctx, at, word, spoken)
        return Found(name, "person", at, at + len(word)) if name else None

    def remember(self, found: Found | None) -> None:
        if found is not None and found.name:
            self.recent.append(found)

    # --- helpers ------------------------------------------------------------------------

    def fits(self, name: str | None, gender: str | None) -> bool:
        known = self.book.gender_of(name or "")
        return not (gender and known in ("m", "f") and known != gender)

    def _aged(self, subject: str, offset: int) -> Found | None:
        """ "the 58-year-old said": the person the article named last before."""
        m = _AGED.search(subject)
        if m is None or not self._intro_only(subject[: m.start()]):
            return None
        at = offset + m.start()
        last = self.ctx.people.most_recent_before(at) if self.ctx.people else None
        return Found(last.canonical, "person", at, offset + m.end()) if last else None

    def _role_noun(self, subject: str, offset: int) -> Found | None:
        """ "The chief executive said", "Aldmere's new chair told staff": the person the
        substrate's coreference gives the role noun (the one holder named before)."""
        pieces = subject_pieces(_RELATIVE_ASIDE.sub(lambda m: " " * len(m.group(0)), subject))
        if not pieces or self.ctx.people is None:
            return None
        for s, e in (pieces[-1], (pieces[0][0], pieces[-1][1])):
            if self._intro_only(subject[:s]):
                name = role_noun_referent(self.ctx, offset + s, offset + e)
                name = name and incoming_speaker(self.ctx, offset + s, offset + e, name)
                if name:
                    return Found(name, "person", offset + s, offset + e)
        return None

    def _head_of(self, subject: str, offset: int) -> Found | None:
        """ "The head of the Association of Care Employers (ACE)", "the union's leader": the
        one person the article gives the top role at that organisation."""
        low = subject.lower()
        if not any(h in low for h in self.cues.head_words):
            return None
        head_of, heads_of = head_of_res("|".join(sorted(self.cues.head_words)))
        m = head_of.search(subject) or heads_of.search(subject)
        if m is None or not self._intro_only(subject[: m.start()]):
            return None
        at = offset + m.start("org")
        org = m.group("org")
        if org[:1].isupper():
            org = self._organisation_canonical(org, at)
        else:
            resolved = self._organisation_anaphor("the " + org, at - 4)
            if resolved is None or not resolved.name:
                return None
            org = resolved.name
        for role in self.cues.head_roles:
            people = {r.person for r in self.ctx.roles if r.organisation == org and r.role == role}
            if len(people) == 1:
                return Found(people.pop(), "person", at, offset + m.end())
        return None

    def anonymous(self, subject: str, offset: int) -> Found | None:
        """Anonymous sources: a subject that is only an unnamed source ("one senior source",
        "a senior manager, who asked not to be named", "one consultant at Hollins Bay",
        "another source", "an insider") is a person with no name, never a capitalised
        fragment such as "One Hollins Bay"."""
        text = _RELATIVE_ASIDE.sub("", subject).rstrip(" ,")
        m = self.cues.anonymous_re.search(text)
        if m is None or not self._intro_only(text[: m.start()]):
            return None
        at = offset + min(m.start(), len(subject))
        return Found(None, "person", at, offset + len(subject))

    def _last_name(self, text: str, offset: int) -> Found | None:
        people: list[Found] = []
        orgs: list[Found] = []
        for m in CHUNK_RE.finditer(text):
            for name in self.book.classify(m.group(0), offset + m.start()):
                if name.kind == "person":
                    people.append(Found(name.canonical, "person", name.start, name.end))
                elif name.kind == "organisation":
                    canonical = self._organisation_canonical(name.text, name.start)
                    orgs.append(Found(canonical, "organisation", name.start, name.end))
        if people:
            return people[-1]
        if orgs:
            return orgs[-1]
        return None

    def _subject_name(self, text: str, offset: int) -> Found | None:
        """The speaker in a subject with appositives: "Dev Sharma, staff-side chair at
        Harlow Vale," -> Dev Sharma (the head comes first); "the trust's chairman, Graham
        Petrie," -> Graham Petrie (the first piece naming a person). Relative clauses are
        skipped, and pieces before an adverbial opener ("After meeting X,") are not part of
        the subject. A person anywhere in the subject wins over an organisation."""
        chain: list[tuple[int, int]] = []
        for s, e in reversed(subject_pieces(text)):
            piece = text[s:e]
            if _RELATIVE.match(piece):
                continue
            chain.append((s, e))
            first = piece.split()[0].lower() if piece.split() else ""
            opener = first in _CLAUSE_OPENERS or first.endswith("ing")
            if opener and title_beside(piece.strip()) is None:
                if len(chain) > 1:
                    chain.pop()
                break
        chain.reverse()
        if chain:
            doc = self._document_subject(
                text, chain[0], chain[1] if len(chain) > 1 else None, offset
            )
            if doc is not None:
                return doc
        orgs: list[Found] = []
        if len(chain) > 1:
            # "Responding to ..., Sam Roe, will ..., union head Ana Diaz said": a titled
            # name right before the verb is the speaker, whoever the pieces before name
            s, e = chain[-1]
            found = self._last_name(text[s:e], offset + s)
            if (
                found is not None
                and found.kind == "person"
                and (
                    self.book._indexed_person(found.name or "") is not None
                    or self.book.has_full_name(found.name or "")
                )
                and not text[found.end - offset : e].strip()
            ):
                return found
        for s, e in chain:
            found = self._last_name(text[s:e], offset + s)
            if found is not None and found.kind == "person":
                return found
            if found is not None:
                orgs.append(found)
        return orgs[0] if orgs else None

    def _intro_only(self, text: str) -> bool:
        """Only openers before the subject: "Commenting,", "When the plan was published,"."""
        if self.cues.intro_re.match(text + ",") or not text.strip(" ,"):
            return True
        pieces = [text[s:e].split() for s, e in subject_pieces(text)]
        return bool(pieces) and all(p[0].lower() in _CLAUSE_OPENERS for p in pieces)

    def _subject_like(self, region: str, found: Found, offset: int) -> bool:
        """Does the piece of `region` holding the name read like a noun phrase?"""
        rel = found.at - offset
        chosen = region
        outside_parts = []
        for s, e in subject_pieces(region):
            if s <= rel < e:
                chosen = region[s:e]
            elif not _RELATIVE.match(region[s:e]):
                outside_parts.append(region[s:e])
        if len(region.split()) > 30:
            return False
        outside = " , ".join(outside_parts)
        outside_words = [w for w in _WORD_BREAKS.split(outside) if w]
        if FINITE.search(outside) and not all(w.lower() in AUX for w in outside_words[-1:]):
            # a verb before the subject: "he thought ... were the first priority, and"
            if _BE.search(outside):
                return False
        for w in _WORD.findall(chosen):
            lw = strip_possessive(w).lower()
            if w[:1].isupper() or w[:1].isdigit() or not any(c.isalnum() for c in w):
                continue  # a name, a number, or a spaced hyphen setting off an appositive
            if lw in FUNCTION or lw in self.cues.subject_words or lw in AUX:
                continue
            if w != strip_possessive(w):
                continue  # the institute's
            return False
        return True
