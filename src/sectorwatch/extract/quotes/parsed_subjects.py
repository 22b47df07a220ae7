"""The subject of a speech verb by the dependency parse, where the surface rules cannot
read it: "It comes weeks after trust chairman Kit Vale announced he was ...", "Dr Ana
Ruiz, aged 59, who heads the trust, has announced she will retire".

Only a sentence whose speech verb found no subject on the surface is parsed (on demand,
`extract/syntax.py`). The subject is the verb's own `nsubj` (never the subject of a verb
that governs it), read as a person (a mention at its head, a pronoun, a role noun), else as
an organisation (a mention in its words, "the trust"). The verb reports speech when its
complement is a clause with a subject of its own (`verb_clause_complement` in
data/dependency_patterns.json).

A sentence is not parsed where no subject the parse could give would be read as a speaker
(`could_speak`: no person or organisation mention, role title, "he"/"she" or "the ..."
naming an organisation before the verb), so the parse could not change the answer.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from sectorwatch.extract.entities.coreference import ROLE_NOUN_LEAD, role_noun_referent
from sectorwatch.extract.entities.vocab import role_vocabulary
from sectorwatch.extract.quotes.found import Found
from sectorwatch.extract.quotes.names import PRONOUNS

if TYPE_CHECKING:
    from sectorwatch.extract.quotes.speakers import SpeakerFinder
    from sectorwatch.extract.syntax import Subject


# every "the trust" `_organisation_anaphor` reads (overlapping: "the the trust" holds two);
# its head word is a whole run of letters ending a token
_THE_HEAD = re.compile(r"(?=(?P<phrase>(?:the|The)\s+(?P<head>[a-z]+|[A-Z]+)))")
# where a word of a role title may end inside a run of letters: spaCy splits "chair-elect"
_HYPHEN_AFTER_WORD = re.compile(r"(?<=\w)-")
# a pronoun `_speaker_of` reads, as a whole word (a token's letters are a whole run of
# letters, except in the tokenizer's special cases: see `_splits_letters`)
_PRONOUN_WORD = re.compile(
    rf"(?<![^\W\d_])(?:{'|'.join(sorted(PRONOUNS))})(?![^\W\d_])", re.IGNORECASE
)


@lru_cache(maxsize=1)
def _splits_letters() -> re.Pattern[str]:
    """The English tokenizer's special cases that end a token between two letters
    ("cannot" -> "can" "not", "don't" -> "do" "n't"), any case, as a whole word (a special
    case is a whole chunk between spaces once the affixes, never letters, are cut off):
    where one occurs, a token may end inside a run of letters."""
    from spacy.lang.en import English
    from spacy.symbols import ORTH

    keys = set()
    for key, tokens in English.Defaults.tokenizer_exceptions.items():
        pos = 0
        for token in tokens[:-1]:
            pos += len(token[ORTH])
            if key[pos - 1 : pos].isalpha() and key[pos : pos + 1].isalpha():
                keys.add(key.lower())
    alternation = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{alternation})(?![^\W\d_])", re.IGNORECASE)


def parsed_speaker(
    finder: SpeakerFinder, verb: tuple[int, int], sentence: tuple[int, int]
) -> tuple[Found, bool] | None:
    """The speaker of the speech verb at article span `verb`, and whether the verb
    reports a clause, by the parse of its sentence; None when the parse gives no subject
    (or no subject before the verb could be a speaker: then the sentence is not parsed)."""
    if not could_speak(finder, sentence[0], verb[0]):
        return None
    clause = finder.ctx.syntax.clause(sentence)
    subject = clause.subject_of(*verb, governing=False) if clause is not None else None
    if clause is None or subject is None or subject.head[1] > verb[0]:
        return None
    found = _speaker_of(finder, subject)
    return (found, clause.reports_a_clause(*verb)) if found is not None else None


def coordinated_speaker(
    finder: SpeakerFinder, verb: tuple[int, int], sentence: tuple[int, int]
) -> Found | None:
    """The speaker of a speech verb coordinated with an earlier verb ("He has led the
    trust since 2016 and said:", "But she resisted and told the paper:"): the subject of
    the verb it is joined to, by the parse."""
    clause = finder.ctx.syntax.clause(sentence)
    if clause is None:
        return None
    tokens = [t for t in clause.doc if verb[0] <= clause.offset + t.idx < verb[1]]
    if not tokens or tokens[0].dep_ != "conj":
        return None
    subject = clause.subject_of(*verb, governing=True)
    if subject is None or subject.head[1] > verb[0]:
        return None
    return _speaker_of(finder, subject)


def parsed_clause(finder: SpeakerFinder, verb: tuple[int, int], sentence: tuple[int, int]) -> bool:
    """Whether the speech verb at article span `verb` reports a clause, by the parse (for
    a sentence whose quoted fragment hides the clause's verb from the surface rules:
    "said Ms Orme “brings a wealth of experience”")."""
    clause = finder.ctx.syntax.clause(sentence)
    return clause is not None and clause.reports_a_clause(*verb)


def could_speak(finder: SpeakerFinder, start: int, end: int) -> bool:
    """Whether some subject inside the article span [start, end) could be read as a
    speaker by `_speaker_of`; False only where none could, whatever the parse: no "he",
    "him", "she" or "her" in the words, no person mention touching the span, and no role
    title, organisation mention (but a pair: "the two trusts") or "the ..." that names an
    organisation in it (each a condition `_speaker_of` needs). A subject's head and phrase
    lie inside the span, since its head ends before the verb; its words are whole runs of
    letters but in the tokenizer's special cases ("cannot"), where it answers True."""
    ctx = finder.ctx
    words = ctx.text[start:end]
    if not words.strip() or _splits_letters().search(words) is not None:
        return bool(words.strip())
    if _PRONOUN_WORD.search(words) is not None:
        return True
    people = ctx.people
    if people is not None and (people.starting_in(start, end) or people.at(start) is not None):
        return True
    if people is not None and ctx.roles and _has_role_noun(words):
        return True
    if ctx.organisations is None:
        return False
    orgs = ctx.organisations
    if any(orgs.anaphor_rule(o.text) != "pair" for o in orgs.in_span(start, end)):
        return True  # a body that could be the subject's ("the two trusts" never is)
    for m in _THE_HEAD.finditer(words):
        head = m.group("head")
        if head[0].isupper() and not 2 <= len(head) <= 6:
            continue  # "the" then more than six capitals: not an abbreviation's head
        at = start + m.start()
        # the anaphor's offset is its "the", or the space before it when the subject
        # starts earlier
        if any(finder.anaphor_name(m.group("phrase"), head, a) for a in (at, at - 1)):
            return True
    return False


def _has_role_noun(words: str) -> bool:
    """Whether some phrase of `words` could be a role noun as `role_noun_referent` reads
    one: a lead ("the", "its", "the trust's", "new", read by coreference's own pattern) and
    a vocabulary title right after it, the title ending where a phrase may end (before a
    character its end check allows, at the end of `words`, or where spaCy splits a word at
    a hyphen: "chair-elect")."""
    pattern = role_vocabulary().pattern
    ends = [len(words), *(m.start() for m in _HYPHEN_AFTER_WORD.finditer(words))]
    for q in range(1, len(words)):
        if not words[q - 1].isspace():
            continue  # a lead ends with a space
        if not any(pattern.match(words, q, k) for k in ends if k > q):
            continue
        if any(ROLE_NOUN_LEAD.fullmatch(words, p, q) and words[p:q].strip() for p in range(q)):
            return True
    return False


def _speaker_of(finder: SpeakerFinder, subject: Subject) -> Found | None:
    ctx = finder.ctx
    head_s, head_e = subject.head
    start = subject.phrase[0]
    word = ctx.text[head_s:head_e].lower()
    if word in PRONOUNS:
        return finder.pronoun(word, head_s)
    if ctx.people is not None:
        mention = ctx.people.at(head_s)
        if mention is not None:
            return Found(mention.canonical, "person", mention.start, mention.end)
        name = role_noun_referent(ctx, start, head_e)
        if name is not None:
            return Found(name, "person", start, head_e)
    if ctx.organisations is not None:
        orgs = ctx.organisations.in_span(start, head_e)
        if orgs and ctx.organisations.anaphor_rule(orgs[-1].text) == "pair":
            return None  # "the two trusts say": two bodies, not one speaker
        if orgs and orgs[-1].end >= head_e - 1:
            return Found(orgs[-1].canonical, "organisation", orgs[-1].start, orgs[-1].end)
        return finder._organisation_anaphor(ctx.text[start:head_e], start)
    return None
