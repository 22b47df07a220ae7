"""Letters and statements speak for whoever sent them.

The attribution strategies find the subject of a speech verb; when that subject is a bare
document noun ("A letter, sent on behalf of the ICB's chair designate Prem Singh, said",
"A short statement from the trust confirmed", "In a letter he has thanked staff", "The
statement said" after "A statement from Trust chairman Michael Carr said"), the speaker is
the person or body the sentence names as its sender:
- "from / by / on behalf of / sent by SENDER" after the noun: the first person named in the
  next few words, else the body ("the trust" is the article's trust);
- "In a letter (to staff), X said / he wrote": the clause's subject, a pronoun resolved;
- a definite "the statement" with no sender: the sender of the last such document before;
- a fragment in a sentence of reported speech ("The agency released a short statement
  saying ... 'words'"): the sentence's reported speaker.
A document with its own name ("the State of Care report") keeps it, and so does a bare
subject noun ("the report says"); after "In a statement" with no sender the text
identifies, the words have no speaker. The speech-like nouns are data
(data/statement_nouns.txt).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.coreference import pronoun_referent
from sectorwatch.extract.lexicon import lower_words
from sectorwatch.extract.quotes.cues import load_cues
from sectorwatch.model import Quote, Speaker


@lru_cache(maxsize=1)
def _nouns() -> re.Pattern[str]:
    alt = "|".join(
        re.escape(n).replace(r"\ ", r"\s+")
        for n in sorted(lower_words("statement_nouns.txt"), key=len, reverse=True)
    )
    return re.compile(
        rf"\b(?P<det>[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:(?:short|brief|joint|"
        rf"written|formal|open|official|new)\s+)*(?P<noun>{alt})\b",
    )


_SENDER = re.compile(
    r"\s*,?\s*(?:(?:sent|issued|released|published|signed|written)\s+)?"
    r"(?:from|by|on\s+behalf\s+of|of)\s+(?:the\s+)?"
)
_SUBJECT_AFTER_IN = re.compile(r"(?:\s+to\s+[^,]{1,40})?\s*,?\s*")
_PRONOUN = re.compile(r"(he|she)\b", re.IGNORECASE)
_BREAK = re.compile(r"[,;:()]")
_HEAD_WORD = re.compile(r"([A-Z]?[a-z]+|[A-Z]{2,6})\b")
_IN_BEFORE = re.compile(r"\b[Ii]n\s+$")
_IN_ONLY = re.compile(r"\s*[Ii]n\s*")
# what may stand between a quote and the next paragraph that re-opens it
_CONTINUES = re.compile(r"[\s”’\"'.…]*\n\s*[“‘\"']?")


def _speaker_name(q: Quote) -> str | None:
    return q.speaker.name if q.speaker is not None else None


def _is_bare_noun(name: str | None) -> bool:
    """A speaker that is only a document noun with modifiers ("letter", "short statement")."""
    if not name or name[:1].isupper():
        return False
    return _nouns().search("a " + name) is not None and name.split()[-1] in {
        n.split()[-1] for n in lower_words("statement_nouns.txt")
    }


def _sender_at(ctx: ArticleContext, pos: int, sent_end: int) -> Speaker | None:
    """The person named in the sender's noun phrase from `pos` ("Trust chairman Michael
    Carr", "the ICB's chair designate Prem Singh"), else the body named there."""
    assert ctx.people is not None and ctx.organisations is not None
    window_end = min(sent_end, pos + 70)
    person = ctx.people.first_starting_in(pos, window_end)
    if person is not None:
        gap = ctx.text[pos : person.start]
        verbs = load_cues().verb_re
        if len(gap) <= 45 and not verbs.search(gap) and not _BREAK.search(gap):
            return Speaker(person.canonical)
    orgs = ctx.organisations.in_span(pos, window_end)
    if orgs and orgs[0].start <= pos + 4:
        return Speaker(orgs[0].canonical, kind="organisation")
    head = _HEAD_WORD.match(ctx.text[pos:window_end])
    if head is not None:
        word = head.group(1)
        name = ctx.organisations.resolve_head(word[:1].upper() + word[1:], pos)
        if name is None and word.isupper():
            name = ctx.organisations.resolve_head(word, pos)
        if name is not None:
            return Speaker(name, kind="organisation")
    return None


def _owner_in_sentence(ctx: ArticleContext, s: int, e: int, before: int) -> Speaker | None:
    """The sender of the first statement noun of the sentence that starts before `before`."""
    for m in _nouns().finditer(ctx.text, s, e):
        if m.start() >= before:
            break
        sender = _SENDER.match(ctx.text, m.end())
        if sender is not None:
            found = _sender_at(ctx, sender.end(), e)
            if found is not None:
                return found
        if _IN_BEFORE.search(ctx.text[max(s, m.start() - 4) : m.start()]):
            gap = _SUBJECT_AFTER_IN.match(ctx.text, m.end())
            at = gap.end() if gap else m.end()
            pronoun = _PRONOUN.match(ctx.text, at)
            if pronoun is not None:
                name = pronoun_referent(ctx, at, pronoun.group(1))
                if name is not None:
                    return Speaker(name)
            found = _sender_at(ctx, at, e) if ctx.people is not None else None
            if found is not None and found.kind == "person":
                return found
    return None


def _opens_with_noun(ctx: ArticleContext, s: int, e: int) -> bool:
    """Whether the sentence opens "In a statement", "In its letter" (an opener, not the
    subject)."""
    m = _nouns().search(ctx.text, s, e)
    return m is not None and _IN_ONLY.fullmatch(ctx.text[s : m.start()]) is not None


def statement_owners(ctx: ArticleContext, quotes: list[Quote]) -> list[Quote]:
    """The quotes, those spoken by a bare letter or statement given to its sender."""
    if ctx.people is None or ctx.organisations is None:
        return quotes
    out: list[Quote] = []
    last_owner: Speaker | None = None
    last_end = -1
    given_to: tuple[Speaker, int] | None = None  # the last quote given to a sender, its end
    # "The agency released a statement saying ... 'words'": the sentence's reported speaker
    reporters = {
        q.evidence.sentence_start: q.speaker
        for q in quotes
        if q.type == "indirect" and q.evidence is not None and q.speaker is not None
        if q.speaker.kind != "document" and q.speaker.name
    }
    for q in quotes:
        s, e = ctx.sentence_span(q.start, q.end)
        if q.evidence is not None:
            s, e = q.evidence.sentence_start, q.evidence.sentence_end
        if (
            (q.speaker is None or _is_bare_noun(_speaker_name(q)))
            and q.type == "direct"
            and given_to is not None
            and _CONTINUES.fullmatch(ctx.text[given_to[1] : q.start])
        ):
            # the statement's next paragraph, re-opened with a quote mark
            q = replace(q, speaker=given_to[0])
        if _is_bare_noun(_speaker_name(q)):
            owner = _owner_in_sentence(ctx, s, e, max(q.start, s + 1) if q.type == "direct" else e)
            if owner is None and q.type == "direct":
                owner = _owner_in_sentence(ctx, s, e, e) or reporters.get(s)
            if owner is None and last_owner is not None and last_end <= s:
                first = _nouns().search(ctx.text, s, e)
                definite = first is not None and first.group("det").lower() in ("the", "this")
                owner = last_owner if definite else None
            if owner is not None:
                last_owner, last_end = owner, e
                q = replace(q, speaker=owner)
            elif _opens_with_noun(ctx, s, e):
                # "In a statement the group said": the noun only opens the sentence, and
                # its subject is nobody the article identifies
                q = replace(q, speaker=None)
        if q.type == "direct":
            given_to = (
                (q.speaker, q.end) if q.speaker is not None and q.speaker is last_owner else None
            )
        out.append(q)
    return out
