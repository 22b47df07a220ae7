"""The quote stage's domain knowledge, read once from the data files in `sectorwatch/data`.

speech_verbs.txt, quote_cues.txt (sections), quote_cues_documents.txt,
quote_cues_organisation_words.txt, honorifics.txt, roles.tsv (role words only) and the
stance lexicons. See src/sectorwatch/data/README.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from sectorwatch.data import lines
from sectorwatch.extract.patterns import trie_alternation


def _sections(name: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line.lower())
    return sections


def _pairs(lines: list[str]) -> dict[str, tuple[str, ...]]:
    """ "inspectors: inspectorate, commission" -> {"inspectors": ("inspectorate", ...)}."""
    out = {}
    for line in lines:
        key, _, values = line.partition(":")
        out[key.strip()] = tuple(v.strip() for v in values.split(",") if v.strip())
    return out


def _alternation(words: list[str]) -> str:
    ordered = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _tree_alternation(words: Iterable[str]) -> str:
    """`_alternation` of lower-case words (the speech verbs, the document nouns) as a prefix
    tree, for a case-insensitive pattern: the same matches, faster."""
    return trie_alternation(sorted({w.strip() for w in words if w.strip()}), fold=True)


def _anonymous_re(nouns: list[str]) -> re.Pattern[str]:
    """An unnamed source as the whole subject: a quantifier or indefinite article, up to four
    modifiers, an anonymous noun, an optional place ("at Hollins Bay", "close to the
    board"); or "another" / "one" alone ("Another said")."""
    heads = _alternation(nouns)
    return re.compile(
        r"(?:^|(?<=\s))(?:(?P<det>[Oo]ne|[Aa]nother|[Aa]n?|[Ss]ome|[Ss]everal|[Tt]wo|[Tt]hree|"
        r"[Oo]ther|[Mm]any)\s+(?:[\w’'\-&]+\s+){0,4}?"
        rf"(?:{heads})(?:e?s)?"
        r"(?:\s+(?:at|from|in|of|on|within|inside|with|close\s+to|familiar\s+with)\s+"
        r"[\w’'\-& ]+?)?"
        r"|(?P<alone>[Aa]nother|[Oo]ne))\s*$"
    )


def _response_re(nouns: list[str]) -> re.Pattern[str]:
    """ "Ms Holroyd's response:", "Her reply was:", "In her words:", "In the words of X,"."""
    heads = _alternation(nouns)
    return re.compile(
        rf"(?:^|(?<=[\s.]))(?:(?P<owner>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){{0,3}})(?:’s|'s)"
        rf"|(?P<pronoun>[Hh]is|[Hh]er))\s+(?:own\s+)?(?:{heads})(?:\s+(?:was|is))?\s*[:,]?\s*$"
        rf"|(?:^|(?<=[\s.]))[Ii]n\s+(?P<in_pronoun>his|her)\s+(?:own\s+)?words\s*[:,]?\s*$"
        rf"|(?:^|(?<=[\s.]))[Ii]n\s+the\s+words\s+of\s+(?P<in_owner>[^,:]+?)\s*[:,]?\s*$"
    )


@dataclass(frozen=True)
class Cues:
    verbs: frozenset[str]  # every speech-verb form, lower case
    that_only_verbs: frozenset[str]  # forms that report speech only with "that"
    any_complement_verbs: frozenset[str]  # forms that report speech with any complement
    verb_re: re.Pattern[str]
    according: tuple[str, ...]
    statement: tuple[str, ...]
    spokesperson_re: re.Pattern[str]
    scare_re: re.Pattern[str]
    document_speech_re: re.Pattern[str]
    document_nouns: tuple[str, ...]
    document_noun_re: re.Pattern[str]
    organisation_words: frozenset[str]
    honorifics: frozenset[str]
    subject_words: frozenset[str]
    role_titles: frozenset[str]  # capitalised, these split a run of names ("CEO", "Chair")
    intro_re: re.Pattern[str]
    plain_document_words: frozenset[str]  # "latest", "annual": a document with no name
    head_roles: tuple[str, ...]  # "the head of X": the roles that make someone its head
    head_words: frozenset[str]
    generic_bodies: dict[str, tuple[str, ...]]  # "inspectors" -> words in the body's name
    anonymous_re: re.Pattern[str]  # "one senior source", "an insider": a person with no name
    listener_verbs: frozenset[str]  # "told HSJ": the object listens, it does not speak
    response_re: re.Pattern[str]  # "Ms Holroyd's response:", "In her words:"
    finding_re: re.Pattern[str]  # "found", "warning of": an inspectorate's findings
    welcome: tuple[str, ...]
    concern: tuple[str, ...]
    negation: frozenset[str]


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    verbs: set[str] = set()
    that_only: set[str] = set()
    any_complement: set[str] = set()
    for line in lines("speech_verbs.txt"):
        form = line.rstrip("*+").strip().lower()
        verbs.add(form)
        if line.endswith("*"):
            that_only.add(form)
        elif line.endswith("+"):
            any_complement.add(form)
    sections = _sections("quote_cues.txt")
    documents = [d.lower() for d in lines("quote_cues_documents.txt")]
    honorifics = {h.lower().rstrip(".") for h in lines("honorifics.txt")}
    role_words: set[str] = set()
    for line in lines("roles.tsv"):
        for part in line.replace("\t", "|").split("|"):
            role_words.update(w.lower() for w in part.lstrip("!").split())
    subject_words = role_words | set(sections.get("subject_words", []))
    spokes = _alternation(sections.get("spokesperson", []))
    return Cues(
        verbs=frozenset(verbs),
        that_only_verbs=frozenset(that_only),
        any_complement_verbs=frozenset(any_complement),
        verb_re=re.compile(rf"(?<![\w’'-])(?:{_tree_alternation(verbs)})(?![\w’'-])", re.I),
        according=tuple(sections.get("according", [])),
        statement=tuple(sections.get("statement", [])),
        spokesperson_re=re.compile(
            rf"\b(?:{spokes})\s+(?:for|from|at|of)\s+(?:the\s+)?(?P<org>[A-Z][^,.;:“”\"‘]*)", re.I
        ),
        scare_re=re.compile(rf"(?:{_alternation(sections.get('scare', []))})\W*$", re.I),
        document_speech_re=re.compile(
            rf"\b(?:{_alternation(sections.get('document_speech', []))})\b", re.I
        ),
        document_nouns=tuple(documents),
        document_noun_re=re.compile(
            r"(?<![\w-])(?:" + _tree_alternation(documents) + r")(?![\w-]|['’]s\b)", re.I
        ),
        organisation_words=frozenset(w.lower() for w in lines("quote_cues_organisation_words.txt")),
        honorifics=frozenset(honorifics),
        subject_words=frozenset(subject_words),
        role_titles=frozenset(sections.get("title_words", [])),
        intro_re=re.compile(rf"^\s*(?:{_alternation(sections.get('intro', []))})\b[^,]*,\s*", re.I),
        plain_document_words=frozenset(sections.get("plain_document_words", [])),
        head_roles=tuple(sections.get("head_roles", [])),
        head_words=frozenset(sections.get("head_words", [])),
        generic_bodies=_pairs(sections.get("generic_bodies", [])),
        anonymous_re=_anonymous_re(sections.get("anonymous_nouns", [])),
        listener_verbs=frozenset(sections.get("listener_verbs", [])),
        response_re=_response_re(sections.get("response_nouns", [])),
        finding_re=re.compile(
            rf"(?<![\w’'-])(?:{_alternation(sections.get('finding_verbs', []))})(?![\w’'-])", re.I
        ),
        welcome=tuple(w.lower() for w in lines("stance_welcome.txt")),
        concern=tuple(w.lower() for w in lines("stance_concern.txt")),
        negation=frozenset(w.lower() for w in lines("stance_negation.txt")),
    )


@lru_cache(maxsize=64)
def according_re(cue: str, opening: bool) -> re.Pattern[str]:
    """ "according to" (a cue of quote_cues.txt) and the space after it; with `opening`,
    only at the start of the text. Compiled once per cue."""
    pattern = rf"^\s*{re.escape(cue)}\s+" if opening else rf"\b{re.escape(cue)}\s+"
    return re.compile(pattern, re.I)


@lru_cache(maxsize=4)
def head_of_res(heads: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "The head of the Association of Care Employers (ACE)" and "the union's leader"
    (`heads`: the alternation of head words), each ending the subject; compiled once."""
    return re.compile(
        rf"(?:^|\s)(?:[Tt]he\s+)?(?:{heads})\s+of\s+(?:the\s+)?(?P<org>[A-Z][^,;:]*?)"
        r"(?:\s*\([A-Z]{2,}\))?\s*$"
    ), re.compile(
        rf"(?:^|\s)(?:[Tt]he\s+)?(?P<org>[A-Z][\w&\- ]*?|[a-z]+)(?:’s|'s)\s+(?:{heads})\s*$"
    )
