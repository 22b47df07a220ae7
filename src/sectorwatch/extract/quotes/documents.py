"""Documents as speakers, named as fully as the article allows.

A document noun phrase is a document noun from quote_cues_documents.txt ("report", "white
paper", "business case") with the modifiers before it, back to a determiner or the start of
a capitalised title. Its name follows how English news names documents:

- a capitalised title (or a year) before the noun starts the name, whatever precedes it:
  "its annual State of Care report" -> "State of Care report", "the 2022 Health and Care
  Workforce Plan";
- otherwise a proper-name owner stays and a common-noun owner goes: "the Care Standards
  Authority's well-led guidance" -> "Care Standards Authority well-led guidance", "the
  government's 2023 care reform white paper" -> "2023 care reform white paper";
- a definite short form ("the report", "the paper", "the 2022 plan", "the case for change")
  refers back to the last fuller document of the article with the same noun (and year);
- a title set off beside the noun names it: "A joint paper presented to both boards,
  Towards a Single Body, said ..." -> "Towards a Single Body".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from sectorwatch.extract.lexicon import determiners, lower_words
from sectorwatch.extract.quotes.cues import Cues
from sectorwatch.extract.quotes.names import strip_possessive

DETERMINERS = determiners()
DEFINITE = determiners("definite", "demonstrative", "possessive")
TITLE_JOINERS = lower_words("document_title_joiners.txt")
STOP = lower_words("document_modifier_stops.txt")
_TOKEN = re.compile(r"[^\s,;:.!?()“”\"‘]+")
_YEAR = re.compile(r"^(?:19|20)\d\d(?:/\d\d)?$")
# "The report, Steering the Supertanker: integrated care boards at three, says": a title
# set off by commas right after the document noun
_APPOSITIVE_TITLE = re.compile(r",\s+([A-Z][^,;.()“”\"]{2,120}?),")


@dataclass(frozen=True)
class DocumentPhrase:
    name: str
    noun: str  # the document noun as written, lower case ("report", "white paper")
    start: int  # offsets in the text that was searched
    end: int
    definite: bool
    titled: bool  # the name holds a capitalised title or a year
    owner: str | None = None  # "the Inspectorate's latest report": the named owner speaks


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def document_phrases(text: str, cues: Cues) -> list[DocumentPhrase]:
    """Every document noun phrase in `text`, in order."""
    out = []
    for m in cues.document_noun_re.finditer(text):
        phrase = _phrase_before(text, m.start(), m.end(), m.group(0), cues)
        if phrase is not None:
            out.append(phrase)
    return out


def _phrase_before(
    text: str, noun_start: int, noun_end: int, noun: str, cues: Cues
) -> DocumentPhrase | None:
    after = text[noun_end : noun_end + 2].strip()
    if after[:1].isupper():
        return None  # the noun is inside a longer name: "Care Standards Authority"
    words = list(_TOKEN.finditer(text[max(0, noun_start - 160) : noun_start]))
    base = max(0, noun_start - 160)
    mods: list[re.Match[str]] = []
    determiner: str | None = None
    for w in reversed(words):
        # a comma or other break between words ends the phrase
        gap_end = mods[0].start() + base if mods else noun_start
        if text[w.end() + base : gap_end].strip():
            break
        word = w.group(0)
        low = word.lower()
        inside_title = mods and word.islower() and _capitalised(mods[0].group(0))
        if low in DETERMINERS and not (inside_title and low in TITLE_JOINERS):
            determiner = low
            break
        if low in TITLE_JOINERS and inside_title:
            mods.insert(0, w)
            continue
        if len(mods) >= 7 or low in STOP or low in cues.verbs:
            break
        mods.insert(0, w)
    while mods and mods[0].group(0).lower() in TITLE_JOINERS:
        mods.pop(0)  # a joiner needs a capitalised word on both sides
    if determiner is None and not (mods and _capitalised(mods[0].group(0))):
        return None
    if determiner is None:
        before = _last_char_before(text, mods[0].start() + base)
        if before and before not in ".!?\n:;,“‘\"'(—–":
            return None  # mid-sentence capitalised word: not a title at a phrase start
    raw = [m.group(0) for m in mods]
    name = _name(raw, noun)
    if name is None:
        return None
    start = mods[0].start() + base if mods else noun_start
    titled = any(_capitalised(w) for w in name.split()[: -len(noun.split())])
    return DocumentPhrase(
        name,
        noun.lower(),
        start,
        noun_end,
        determiner in DEFINITE,
        titled or name[:1].isupper(),
        _plain_owner(raw, cues),
    )


def _last_char_before(text: str, pos: int) -> str:
    """The last character of `text[:pos]` that is not white space ("" when none): what
    `text[:pos].rstrip()[-1:]` gives, without copying the text before `pos`."""
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def _plain_owner(mods: list[str], cues: Cues) -> str | None:
    """The capitalised owner of a document with no name of its own: "the Health and Care
    Inspectorate's report", "ACE's latest survey" (but not "the CSA's well-led guidance")."""
    owner_at = max((i for i, w in enumerate(mods) if w != strip_possessive(w)), default=-1)
    if owner_at < 0:
        return None
    owner = [strip_possessive(w) for w in mods[: owner_at + 1]]
    if not _capitalised(owner[0]) or not all(
        _capitalised(w) or w.lower() in TITLE_JOINERS for w in owner
    ):
        return None
    if any(w.lower() not in cues.plain_document_words for w in mods[owner_at + 1 :]):
        return None
    return " ".join(owner)


def _name(mods: list[str], noun: str) -> str | None:
    owner_at = max((i for i, w in enumerate(mods) if w != strip_possessive(w)), default=-1)
    owner = [strip_possessive(w) for w in mods[: owner_at + 1]]
    rest = mods[owner_at + 1 :]
    if any(w != strip_possessive(w) for w in rest):
        return None
    title_at = next((i for i, w in enumerate(rest) if _capitalised(w)), None)
    if title_at is not None:
        words = rest[title_at:]
    elif (
        owner
        and _capitalised(owner[0])
        and all(_capitalised(w) or w.lower() in TITLE_JOINERS for w in owner)
    ):
        words = owner + rest
    else:
        words = rest
    return " ".join([*words, noun]).strip() or None


def title_beside(piece: str) -> str | None:
    """A capitalised title standing alone in an appositive ("Towards a Single Body"); a
    subtitle after a colon is not part of the name ("Steering the Supertanker: integrated
    care boards at three" -> "Steering the Supertanker")."""
    words = piece.split(":", 1)[0].split()
    if len(words) < 2 or not _capitalised(words[0]) or not _capitalised(words[-1]):
        return None
    if not all(_capitalised(w) or w.lower() in TITLE_JOINERS or w == "the" for w in words):
        return None
    return " ".join(words)


@dataclass
class DocumentBook:
    """The documents an article names, to resolve "the report" to its fuller name."""

    phrases: list[DocumentPhrase] = field(default_factory=list)  # article offsets
    titles: dict[str, set[str]] = field(default_factory=dict)  # noun -> appositive titles

    @classmethod
    def for_text(
        cls, text: str, cues: Cues, is_person: Callable[[str], bool] = lambda _: False
    ) -> DocumentBook:
        phrases = document_phrases(text, cues)
        titles: dict[str, set[str]] = {}
        for p in phrases:
            m = _APPOSITIVE_TITLE.match(text, p.end)
            title = title_beside(m.group(1)) if m else None
            # "Commenting on the report, Owain Pritchard-Rees, ...": a person, not a title
            if title is not None and not is_person(title):
                titles.setdefault(p.noun.split()[-1], set()).add(title)
        return cls(phrases, titles)

    def fullest(self, phrase: DocumentPhrase, at: int) -> str:
        """The name of `phrase`, or of the document it refers back to."""
        if phrase.titled:
            return phrase.name
        bare = phrase.name.lower() == phrase.noun
        if not phrase.definite:
            return self._only_title(phrase) if bare else phrase.name
        words = phrase.name.split()
        years = [w for w in words if _YEAR.match(w)]
        plain = [w.lower() for w in words[: -len(phrase.noun.split())] if not _YEAR.match(w)]
        i = bisect_left([p.start for p in self.phrases], at)
        for p in reversed(self.phrases[:i]):
            if p.noun.split()[-1] != phrase.noun.split()[-1] or len(p.name) <= len(phrase.name):
                continue
            if any(y not in p.name.split() for y in years):
                continue
            if any(w not in p.name.lower().split() for w in plain):
                continue
            return p.name
        return self._only_title(phrase) if bare else phrase.name

    def _only_title(self, phrase: DocumentPhrase) -> str:
        """ "a report" or "the report" in an article that names one report by its title
        in an appositive ("The report, Steering the Supertanker, says ...")."""
        titles = self.titles.get(phrase.noun.split()[-1], set())
        return next(iter(titles)) if len(titles) == 1 else phrase.name

    def last_before(self, at: int) -> DocumentPhrase | None:
        i = bisect_left([p.start for p in self.phrases], at)
        return self.phrases[i - 1] if i else None
