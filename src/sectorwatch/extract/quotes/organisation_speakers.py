"""Organisations as speakers: "the trust said", "a spokesperson for X", "ACE's own
figures", "Inspectors found", a bare "A spokesperson said" (the organisation in focus).
Mixed into `speakers.SpeakerFinder`, whose state (recent speakers, resolved anaphors) they
share."""

from __future__ import annotations

import re
from collections import Counter

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.vocab import organisation_table
from sectorwatch.extract.lexicon import lower_words
from sectorwatch.extract.quotes.cues import Cues
from sectorwatch.extract.quotes.documents import document_phrases
from sectorwatch.extract.quotes.found import Found
from sectorwatch.extract.quotes.names import CHUNK_RE, strip_possessive

FUNCTION = lower_words("speaker_function_words.txt")
# "ACE's", "the college's" opening a source phrase: the owner
_OWNER = re.compile(
    r"\s*(?:the\s+)?(?P<owner>[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,5}|[a-z]+)(?:’s|'s)\s+"
)
# "the trust", "The ICB", "the regulator" ending a subject: a definite organisation noun
_ANAPHOR = re.compile(r"(?:^|\s)(?:the|The)\s+(?P<head>[a-z]+|[A-Z]{2,6})\s*$")
# "A government spokesperson", "An NHS England spokeswoman": the organisation before the noun
_SPOKES_BEFORE = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?P<org>[a-z]+|[A-Z][\w’'&\-]*(?:\s+[A-Z][\w’'&\-]*){0,5})\s+"
    r"(?P<spokes>spokes(?:person|woman|man|people))\b"
)
# "A spokesperson said" with no organisation named
_BARE_SPOKES = re.compile(r"(?:^|\s)(?:[Aa]n?|[Tt]he)\s+spokes(?:person|woman|man)\s*$")
# "Inspectors also found": a bare plural noun as the whole subject
_LOWER_WORD = re.compile(r"[a-z]+")
_GENERIC = re.compile(r"(?:^|\s)(?:[Tt]he\s+)?(?P<noun>[A-Za-z]+)\s*$")


class OrganisationSpeakers:
    ctx: ArticleContext
    cues: Cues
    recent: list[Found]
    anaphors: dict[str, str]

    def _intro_only(self, text: str) -> bool:
        raise NotImplementedError

    def _last_name(self, text: str, offset: int) -> Found | None:
        raise NotImplementedError

    def _possessive_owner(self, text: str, offset: int) -> Found | None:
        """ "ACE's own figures", "the college's most recent survey": the owner is the source
        when what it owns has no title of its own (a titled document names itself)."""
        m = _OWNER.match(text)
        if m is None:
            return None
        owned = document_phrases(text[m.end() : m.end() + 80], self.cues)
        if owned and owned[0].start == 0 and owned[0].titled:
            return None
        owner = m.group("owner")
        at = offset + m.start("owner")
        if owner[:1].isupper():
            return self._last_name(owner, at)
        return self._organisation_anaphor("the " + owner, at - 4)

    def _organisation_anaphor(self, subject: str, offset: int) -> Found | None:
        """A definite short name standing for an organisation of the article: "the trust
        said", "the ICB confirmed", "The regulator said" (resolved by the organisation
        index to the one it names last before, or names most)."""
        m = _ANAPHOR.search(subject)
        if m is None or self.ctx.organisations is None:
            return None
        if not self._intro_only(subject[: m.start()]):
            return None  # "He told staff that the board agreed": the board is not the speaker
        phrase, head = m.group(0).strip(), m.group("head")
        at = offset + m.start()
        # an article keeps one referent for "the ICB" as a speaker, even after it names
        # another ICB in passing ("... to become chief executive of Tarrant Valley ICB")
        name = self.anaphors.get(head.lower())
        if name is None:
            name = self._resolved_anaphor(phrase, head, at)
            if name:
                self.anaphors[head.lower()] = name
        return Found(name, "organisation", at, offset + m.end()) if name else None

    def anaphor_name(self, phrase: str, head: str, at: int) -> str | None:
        """The organisation "the trust" (`phrase`, its `head` word) at `at` would name, as
        `_organisation_anaphor` reads it (the article's referent for the head word kept so
        far, else resolved), without keeping it."""
        return self.anaphors.get(head.lower()) or self._resolved_anaphor(phrase, head, at)

    def _resolved_anaphor(self, phrase: str, head: str, at: int) -> str | None:
        assert self.ctx.organisations is not None
        try:
            name = self.ctx.organisations.resolve_anaphor(phrase, at)
            name = name or self.ctx.organisations.resolve_head(head, at)
        except Exception:  # noqa: BLE001 - a partial index must not stop quotes
            name = None
        return name or self._named_with(head, at) or self._of_kind(phrase, at)

    def _of_kind(self, phrase: str, at: int) -> str | None:
        """ "the regulator" -> the Nursing and Widget Council: the organisation named last
        before `at` whose kind in the shipped registry is the phrase's anaphor rule."""
        table = organisation_table()
        kind = table.anaphors.get(" ".join(phrase.lower().split()))
        if self.ctx.organisations is None or kind is None:
            return None
        for m in reversed(self.ctx.organisations.mentions()):
            if m.end <= at and table.kinds.get(m.canonical) == kind:
                return m.canonical
        return None

    def _named_with(self, head: str, at: int) -> str | None:
        """ "the college" -> the Royal College of Community Nursing: the organisation named
        last before `at` with the head as one of its words."""
        if self.ctx.organisations is None or not head.islower():
            return None
        for m in reversed(self.ctx.organisations.mentions()):
            if m.end <= at and head in m.canonical.lower().split():
                return m.canonical
        return None

    def _generic_body(self, subject: str, offset: int) -> Found | None:
        """ "Inspectors also found that ...": the body of the article whose name fits the
        plural (the Health and Care Inspectorate), named before, else anywhere."""
        m = _GENERIC.search(subject)
        if m is None or self.ctx.organisations is None:
            return None
        words = self.cues.generic_bodies.get(m.group("noun").lower())
        if not words or not self._intro_only(subject[: m.start()]):
            return None
        at = offset + m.start("noun")
        fitting = [
            o
            for o in self.ctx.organisations.mentions()
            if set(_LOWER_WORD.findall(o.canonical.lower())) & set(words)
        ]
        before = [o for o in fitting if o.end <= at]
        chosen = before[-1] if before else (fitting[0] if fitting else None)
        if chosen is None:
            return None
        return Found(chosen.canonical, "organisation", at, offset + m.end("noun"))

    def _spokesperson(self, text: str, offset: int) -> Found | None:
        bare = _BARE_SPOKES.search(text)
        if bare is not None and self._intro_only(text[: bare.start()]):
            # a spokesperson with no organisation that can be resolved is anonymous
            at = offset + bare.start()
            return self._organisation_in_focus(at) or Found(None, "person", at, at)
        m = self.cues.spokesperson_re.search(text)
        if m is None:
            m = _SPOKES_BEFORE.search(text)
            if m is None or m.group("org").lower() in FUNCTION:
                return None
            org = m.group("org")
            at = offset + m.start("org")
            if org[:1].islower():
                # "a government spokesperson"; "a trust spokesman" -> the article's trust
                resolved = None
                if self.ctx.organisations is not None:
                    try:
                        resolved = self.ctx.organisations.resolve_head(org, at)
                    except Exception:  # noqa: BLE001
                        resolved = None
                return Found(resolved or org, "organisation", at, at + len(org))
            name = " ".join(strip_possessive(w) for w in org.split())
            return Found(self._organisation_canonical(name), "organisation", at, at + len(org))
        org = m.group("org").strip()
        chunk = CHUNK_RE.match(org)
        if chunk is None:
            # "a spokeswoman for the trust": the organisation "the trust" stands for
            anaphor = self._organisation_anaphor("the " + org, offset + m.start("org") - 4)
            return anaphor if anaphor is not None and anaphor.name else None
        name = " ".join(strip_possessive(w) for w in chunk.group(0).split())
        canonical = self._organisation_canonical(name)
        at = offset + m.start("org")
        return Found(canonical, "organisation", at, at + len(name))

    def _organisation_in_focus(self, at: int) -> Found | None:
        """Whom a bare "A spokesperson said" speaks for: the organisation that spoke last,
        when nobody has spoken since, else the organisation the article names far more
        often than any other; None when that is not clear."""
        before = [f for f in self.recent if f.at <= at]
        if before and before[-1].kind == "organisation" and before[-1].name:
            last = before[-1]
            return Found(last.name, "organisation", at, at)
        if self.ctx.organisations is None:
            return None
        counts = Counter(m.canonical for m in self.ctx.organisations.mentions() if m.start < at)
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 3:
            return None
        if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        return Found(ranked[0][0], "organisation", at, at)

    def _organisation_canonical(self, name: str, at: int | None = None) -> str:
        """The fullest name of an organisation ("CSA" -> "Care Standards Authority"); a bare
        head ("ICB", "Trust") means the article's organisation whose name ends so."""
        if self.ctx.organisations is None:
            return name
        try:
            found = self.ctx.organisations.canonical(name)
            if (not found or found == name) and " " not in name and at is not None:
                found = self.anaphors.get(name.lower()) or (
                    self.ctx.organisations.resolve_head(name, at) or found
                )
                if found and found != name:
                    self.anaphors.setdefault(name.lower(), found)
        except Exception:  # noqa: BLE001 - a partial index must not stop quotes
            found = None
        return found or name
