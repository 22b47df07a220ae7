"""In-document coreference that several stages need: who "he" / "she" means at a place in
the article, read from the one person index (the first person of that gender named in the
nearest earlier sentence that names one: the subject, in news prose)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.vocab import canonical_title, role_vocabulary

# what may open a role noun: "the", "its", "the trust's", "Aldmere's", then a status word
_ROLE_NOUN_LEAD = re.compile(
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
    gender = "f" if pronoun.lower() in {"she", "her", "hers"} else "m"
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


def role_noun_referent(ctx: ArticleContext, start: int, end: int) -> str | None:
    """Who a role noun `ctx.text[start:end]` means ("the chief executive", "the new chair",
    "the trust's chairman", "its medical director", "the chief executive of the county's
    largest trust"): the one person the article gives that post before `start` (with "of
    ..." anywhere in the article); of several, the one who holds it now, when only one
    does."""
    phrase = ctx.text[start:end].rstrip(" ,")
    lead = _ROLE_NOUN_LEAD.match(phrase)
    if lead is None or not lead.group(0).strip():
        return None
    title = role_vocabulary().pattern.match(phrase, lead.end())
    if title is None:
        return None
    rest = phrase[title.end() :]
    if rest and not _OF_BODY.fullmatch(rest):
        return None
    role = canonical_title(title.group("title"))
    facts = [r for r in ctx.roles if r.role == role and (r.start < start or rest)]
    # "the chief executive of the regulator": a holder of that post anywhere
    people = {r.person for r in facts}
    if len(people) > 1:
        # "the incoming chief executive" is the one coming; "the outgoing" one leaving
        wanted = _STATUS_OF_LEAD.get((lead.group("status") or "").lower())
        chosen = {r.person for r in facts if r.status in wanted} if wanted else set()
        people = chosen or {r.person for r in facts if r.status not in _NOT_NOW}
    return people.pop() if len(people) == 1 else None
