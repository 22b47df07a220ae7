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
from sectorwatch.extract.quotes.cues import Cues
from sectorwatch.extract.quotes.names import CHUNK_RE, PRONOUNS, NameBook, strip_possessive
from sectorwatch.model import Speaker

AUX = {
    "has", "had", "have", "also", "then", "later", "previously", "once", "yesterday",
    "today", "recently", "further", "again", "has also", "had also", "would", "will",
    "did", "does", "was", "is", "reportedly", "publicly", "repeatedly",
}  # fmt: skip
FUNCTION = {"of", "the", "for", "and", "at", "in", "its", "their", "a", "an", "to", "on", "from"}
FINITE = re.compile(
    r"\b(?:is|was|were|are|had|has|have|will|would|must|could|should|can|may|might|"
    r"did|does|do|needs|need|wanted|wants|remains|remained|meant|means|became|become)\b",
    re.I,
)
_WORD = re.compile(r"[\w’'\-/.&]+")


@dataclass
class Found:
    name: str | None
    kind: str  # person, organisation, document
    at: int
    end: int

    def speaker(self) -> Speaker:
        return Speaker(name=self.name, kind=self.kind)  # type: ignore[arg-type]


@dataclass
class SpeakerFinder:
    ctx: ArticleContext
    cues: Cues
    book: NameBook
    recent: list[Found] = field(default_factory=list)

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
        if not stripped:
            return None
        last = strip_possessive(words[-1].strip(",")).lower() if words else ""
        if last in PRONOUNS or last in ("it", "they", "we"):
            if strict and len(words) > 1 and not self._intro_only(" ".join(words[:-1])):
                return None
            return self.pronoun(last, offset + len(stripped))
        spokes = self._spokesperson(stripped, offset)
        if spokes is not None:
            return spokes
        if len(words) > 30:
            stripped = stripped[-200:]
            offset += len(region.rstrip()) - 200 if len(region.rstrip()) > 200 else 0
        found = self._last_name(stripped, offset)
        if found is None:
            return None
        if strict and not self._subject_like(stripped, found, offset):
            return None
        return found

    def after_verb(self, text: str, offset: int) -> Found | None:
        """The speaker right after an inverted verb: "said Mr Whitcombe", "said NHS
        Providers chief executive Chris Hopson"."""
        m = re.match(r"\s*([^.,;:!?“”\"‘]*)", text)
        if m is None:
            return None
        phrase = m.group(1)
        first = phrase.split()[:1]
        if first and first[0].lower() in PRONOUNS:
            return self.pronoun(first[0].lower(), offset + m.start(1))
        if not phrase[:1].isupper() and not phrase.lower().startswith(("the ", "a ", "an ")):
            return None
        spokes = self._spokesperson(phrase, offset + m.start(1))
        if spokes is not None:
            return spokes
        if len(phrase.split()) > 14:
            return None
        return self._last_name(phrase, offset + m.start(1))

    def according_to(self, text: str, offset: int) -> Found | None:
        for cue in self.cues.according:
            m = re.search(rf"\b{re.escape(cue)}\s+", text, re.I)
            if m is None:
                continue
            rest = text[m.end() :]
            doc = self.document(rest, offset + m.end(), anchored=True)
            if doc is not None:
                return doc
            return self.after_verb(rest, offset + m.end())
        return None

    def document(self, text: str, offset: int, anchored: bool = False) -> Found | None:
        """A quoted document: "the 2017 Conservative manifesto" -> "2017 Conservative
        manifesto"; "the Care Standards Authority's well-led guidance" likewise."""
        for m in self.cues.document_re.finditer(text):
            if anchored and text[: m.start()].strip():
                return None
            np = m.group("np")
            words = [strip_possessive(w) for w in np.split()]
            if any(w.lower() in FUNCTION or w.lower() in self.cues.verbs for w in words[:-1]):
                continue
            return Found(" ".join(words), "document", offset + m.start("np"), offset + m.end())
        return None

    def pronoun(self, word: str, at: int) -> Found | None:
        gender = PRONOUNS.get(word)
        if word in ("it", "they", "we"):
            for f in reversed(self.recent):
                if f.at <= at and f.kind != "person":
                    return Found(f.name, f.kind, f.at, f.end)
            return None
        people = [f for f in self.recent if f.at <= at and f.kind == "person"]
        for f in sorted(people, key=lambda f: f.at, reverse=True):
            if self._fits(f.name, gender):
                return Found(f.name, f.kind, f.at, f.end)
        # no speaker yet: the last fitting person named before
        for pos, name in reversed(self.book.full):
            if pos <= at and self._fits(name, gender):
                return Found(name, "person", pos, pos + len(name))
        return None

    def remember(self, found: Found | None) -> None:
        if found is not None and found.name:
            self.recent.append(found)

    # --- helpers ------------------------------------------------------------------------

    def _fits(self, name: str | None, gender: str | None) -> bool:
        known = self.book.gender_of(name or "")
        return not (gender and known in ("m", "f") and known != gender)

    def _spokesperson(self, text: str, offset: int) -> Found | None:
        m = self.cues.spokesperson_re.search(text)
        if m is None:
            return None
        org = m.group("org").strip()
        chunk = CHUNK_RE.match(org)
        if chunk is None:
            return None
        name = " ".join(strip_possessive(w) for w in chunk.group(0).split())
        canonical = self._organisation_canonical(name)
        at = offset + m.start("org")
        return Found(canonical, "organisation", at, at + len(name))

    def _organisation_canonical(self, name: str) -> str:
        if self.ctx.organisations is not None:
            try:
                found = self.ctx.organisations.canonical(name)
            except Exception:  # noqa: BLE001 - a partial index must not stop quotes
                found = None
            if found:
                return found
        return name

    def _last_name(self, text: str, offset: int) -> Found | None:
        people: list[Found] = []
        orgs: list[Found] = []
        for m in CHUNK_RE.finditer(text):
            for name in self.book.classify(m.group(0), offset + m.start()):
                if name.kind == "person":
                    people.append(Found(name.canonical, "person", name.start, name.end))
                elif name.kind == "organisation":
                    canonical = self._organisation_canonical(name.text)
                    orgs.append(Found(canonical, "organisation", name.start, name.end))
        if people:
            return people[-1]
        if orgs:
            return orgs[-1]
        return None

    def _intro_only(self, text: str) -> bool:
        return bool(self.cues.intro_re.match(text + ",")) or not text.strip(" ,")

    def _subject_like(self, region: str, found: Found, offset: int) -> bool:
        """Does the piece of `region` holding the name read like a noun phrase?"""
        rel = found.at - offset
        pieces = re.split(r"([,(\)–—])", region)
        pos = 0
        chosen = region
        for piece in pieces:
            if pos <= rel < pos + len(piece):
                chosen = piece
                break
            pos += len(piece)
        if len(region.split()) > 30:
            return False
        outside = region.replace(chosen, " ")
        outside_words = [w for w in re.split(r"[\s,()–—]+", outside) if w]
        if FINITE.search(outside) and not all(w.lower() in AUX for w in outside_words[-1:]):
            # a verb before the subject: "he thought ... were the first priority, and"
            if re.search(r"\b(?:were|was|is|are|been)\b", outside, re.I):
                return False
        for w in _WORD.findall(chosen):
            lw = strip_possessive(w).lower()
            if w[:1].isupper() or w[:1].isdigit():
                continue
            if lw in FUNCTION or lw in self.cues.subject_words or lw in AUX:
                continue
            if w != strip_possessive(w):
                continue  # the institute's
            return False
        return True
