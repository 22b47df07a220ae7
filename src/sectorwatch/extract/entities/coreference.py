"""In-document coreference that several stages need: who "he" / "she" means at a place in
the article, read from the one person index (the first person of that gender named in the
nearest earlier sentence that names one: the subject, in news prose)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.vocab import canonical_title, role_vocabulary
from sectorwatch.extract.lexicon import pronoun_genders

# what may open a role noun: "the", "its", "the trust's", "Aldmere's", then a status word
# (read by coreference and by quotes/parsed_subjects, which asks whether a parse could find one)
ROLE_NOUN_LEAD = re.compile(
    r"\s*(?:[Tt]he\s+|[Ii]ts\s+|[Tt]heir\s+)?(?:(?:[A-Z][\w&’'-]*\s+){0,4}?[\w&’'-]+(?:’s|'s)\s+)?"
    r"(?:(?P<status>new|outgoing|current|incoming|interim|acting)\s+)?"
)
_STATUS_OF_LEAD = {
    "incoming": ("incoming",),
    "new": ("incoming",),
    "outgoing": ("leaving", "former"),
    "interim": ("interim",),
    "acting": ("acting",),
}
# "of the Care Standards Board (CSB)", "at the county's largest trust": the post's body
_OF_BODY = re.compile(r"\s+(?:of|at)\s+[^,;:]{2,80}")
_NOT_NOW = ("former", "incoming")


def pronoun_referent(
    ctx: ArticleContext, offset: int, pronoun: str, salient: Iterable[tuple[int, str]] = ()
) -> str | None:
    """Who "he"/"she" at `offset` means: the latest of the `salient` people (those a stage
    has already made the topic, such as the speakers so far, each with where it was named)
    before `offset` whose gender fits; else the first person named in the nearest earlier
    sentence that names one of that gender (the subject, in news prose)."""
    assert ctx.people is not None
    gender = "f" if pronoun_genders().get(pronoun.lower()) == "f" else "m"
    for _, name in sorted((p for p in salient if p[0] <= offset), reverse=True):
        if ctx.people.gender(name) in (gender, None):
            return name
    sent_s, _ = ctx.sentence_span(offset, offset + 1)
    pos = sent_s
    for _ in range(4):
        if pos <= 0:
            break
        prev_s, prev_e = ctx.sentence_span(max(pos - 2, 0), max(pos - 1, 1))
        names = [
            m
            for m in ctx.people.starting_in(prev_s, prev_e)
            if ctx.people.gender(m.canonical) in (gender, None)
        ]
        if names:
            return names[0].canonical
        pos = prev_s
    mention = ctx.people.most_recent_before(offset, gender)
    return mention.canonical if mention else None


def role_noun_referent(
    ctx: ArticleContext, start: int, end: int, *, subject: bool = False
) -> str | None:
    """Who a role noun `ctx.text[start:end]` means ("the chief executive", "the new chair",
    "the trust's chairman", "its medical director", "the chief executive of the county's
    largest trust"): the one person the article gives that post before `start` (with "of
    ..." anywhere in the article); of several, the one who holds it now, when only one
    does. With `subject`, the span is a parsed subject phrase: "the" and up to two words of
    any kind before the title ("the beleaguered chief executive"), any words after it, and
    a post nobody holds yet is the person named next in the article's first sentences."""
    found = _subject_role_noun(ctx, start, end) if subject else _role_noun(ctx, start, end)
    if found is None:
        return None
    role, status, anywhere = found
    facts = [r for r in ctx.roles if r.role == role and (r.start < start or anywhere)]
    # "the chief executive of the regulator": a holder of that post anywhere
    people = {r.person for r in facts}
    if subject and not people:
        return _named_next(ctx, start)
    if len(people) > 1:
        # "the incoming chief executive" is the one coming; "the outgoing" one leaving
        wanted = _STATUS_OF_LEAD.get(status)
        chosen = {r.person for r in facts if r.status in wanted} if wanted else set()
        people = chosen or {r.person for r in facts if r.status not in _NOT_NOW}
    return people.pop() if len(people) == 1 else None


def _role_noun(ctx: ArticleContext, start: int, end: int) -> tuple[str, str, bool] | None:
    """The post a whole role noun names, its status word ("new", "outgoing"; "" for none),
    and whether "of ..." follows (its holder may be named anywhere)."""
    phrase = ctx.text[start:end].rstrip(" ,")
    lead = ROLE_NOUN_LEAD.match(phrase)
    if lead is None or not lead.group(0).strip():
        return None
    title = role_vocabulary().pattern.match(phrase, lead.end())
    if title is None:
        return None
    rest = phrase[title.end() :]
    if rest and not _OF_BODY.fullmatch(rest):
        return None
    return canonical_title(title.group("title")), (lead.group("status") or "").lower(), bool(rest)


# "The chief executive", "THE beleaguered chief executive", "The boss of ...'s largest trust"
_SUBJECT_LEAD = re.compile(r"(?i)the\s+(?:[a-z’'-]+\s+){0,2}?")


def _subject_role_noun(ctx: ArticleContext, start: int, end: int) -> tuple[str, str, bool] | None:
    """The post a subject phrase opening "the ..." names (see `role_noun_referent`)."""
    title = role_vocabulary().pattern.search(ctx.text, start, end)
    if title is None or not _SUBJECT_LEAD.fullmatch(ctx.text, start, title.start()):
        return None
    return canonical_title(title.group("title")), "", False


def _named_next(ctx: ArticleContext, at: int) -> str | None:
    """In the article's first sentences, a role noun whose holder is not yet named ("The
    chief executive of X has resigned. Dr Y's leadership ...") is the first person named
    in the next two sentences."""
    assert ctx.people is not None
    sentences = ctx.sentences()
    i = next((j for j, (s, e) in enumerate(sentences) if s <= at < e), None)
    if i is None or i > 2 or i + 1 >= len(sentences):
        return None
    end = sentences[min(i + 2, len(sentences) - 1)][1]
    named = ctx.people.first_starting_in(sentences[i][1], end)
    return named.canonical if named is not None else None
