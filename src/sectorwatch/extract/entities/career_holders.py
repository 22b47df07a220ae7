"""Holders of the posts of a career history, when the words between the person and the
title are more than a linking verb.

- "In 1998 she was appointed as medical director of X and in 2006 became chief executive of
  Y", "Earlier in his career, he was a senior adviser at Z": he or she right before the
  career phrase, after a fronted phrase, is the person the earlier sentences name.
- "Dr Marsh joined X in 2019 after having been chief nurse at Y", "Her most recent role
  was a stint as interim managing director at Z", "His previous roles included serving as
  director of care at W", "where he has held roles including programme director at V": a
  career phrase (data/career_links.tsv) ties the title to the sentence's one named person,
  its opening he or she, or its opening "her"/"his"; after ", where" the post's body is the
  one named before it.
- "... eight years as X at A, three years as Y at B and Z at C": each item of the list
  after a career phrase is the same person's, with the body of its own item.

A post found this way needs its own body (stated in its item, or before ", where"): a
career post with none is left out rather than given the article's body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sectorwatch.data import rows
from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.coreference import pronoun_referent
from sectorwatch.extract.patterns import may_match


@dataclass(frozen=True)
class CareerHolder:
    person: str
    clause_start: int
    between: str
    status: str | None  # the status the career phrase gives, or None (status_cues.tsv)
    organisation: str | None = None  # the body before ", where"


_ARTICLE = r"(?:(?:the|a|an)\s+)?"
_ADVERBS = r"(?:(?:also|then|later|previously|briefly|subsequently|first|once)\s+)*"


@lru_cache(maxsize=1)
def _links() -> tuple[tuple[re.Pattern[str], str | None, bool], ...]:
    """(phrase right before a title, its status, whether it is a career phrase proper)."""
    out = []
    for row in rows("career_links.tsv"):
        status, phrase = row[0].strip(), row[1].strip()
        pattern = re.compile(rf"(?<![\w-])(?:{phrase}),?\s+{_ARTICLE}$", re.IGNORECASE)
        out.append((pattern, None if status == "-" else status, status != "-"))
    return tuple(out)


@lru_cache(maxsize=1)
def _any_link() -> re.Pattern[str]:
    """Matches where any career phrase of `_links` matches."""
    alts = "|".join(f"(?:{pattern.pattern})" for pattern, _, _ in _links())
    return re.compile(alts or r"(?!)", re.IGNORECASE)


def _link(
    ctx: ArticleContext, sent_s: int, left: int
) -> tuple[re.Match[str], str | None, bool] | None:
    """The career phrase that ends right before the title at `left`, if any."""
    start = max(sent_s, left - 120)
    if not may_match(_any_link(), ctx.text[start:left]):
        return None  # none of the phrases' required words in the stretch
    if _any_link().search(ctx.text, start, left) is None:
        return None  # no phrase ends there (one search for all of them)
    for pattern, status, proper in _links():
        m = pattern.search(ctx.text, start, left)
        if m is not None:
            return m, status, proper
    return None


# he/she right before the phrase: "In 1998 she was appointed as", "Earlier, he was"
_PRONOUN_BEFORE = re.compile(r"(?<![\w’'-])(?P<p>[Hh]e|[Ss]he)\s+(?P<gap>(?:[\w’'-]+\s+){0,6}?)$")
_WHERE = re.compile(r",\s*where\s+$")
# "Her most recent role was", "His other previous roles included": the sentence's opening
_POSSESSIVE_OPENING = re.compile(r"(?:[A-Z][^,.;:]{0,40},\s+)?(?P<p>Her|His)\s+[a-z]")
# words that put another clause between a named subject and the phrase
_OTHER_CLAUSE = re.compile(
    r"\b(?:whose|which|that|said|says|told|replac\w*|succeed\w*|predecessor|successor)\b|[;:‘“\"]",
    re.IGNORECASE,
)
_ONLY_ADVERBS = re.compile(rf"{_ADVERBS}(?:(?:has|had|is|was|have)\s+)?{_ADVERBS}")


_YEAR = re.compile(r"\b(?:[Ii]n|[Ff]rom|[Bb]y)\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b")


def _dated_before(ctx: ArticleContext, start: int, end: int) -> bool:
    """Whether the clause dates the step in a year before the article's."""
    published = ctx.article.published
    m = _YEAR.search(ctx.text, start, end)
    return bool(published and m and int(m.group(1)) < int(published[:4]))


def career_holder(ctx: ArticleContext, left: int) -> CareerHolder | None:
    """The holder of the title at `left` that a career phrase ties to a subject."""
    assert ctx.people is not None and ctx.organisations is not None
    sent_s = ctx.sentence_span(left, left + 1)[0]
    found = _link(ctx, sent_s, left)
    if found is None:
        return None
    link, status, proper = found
    text = ctx.text
    if status is None and _dated_before(ctx, sent_s, link.start()):
        status = "former"  # "In 1998 she was appointed as": a step of years ago
    between = text[link.start() : left]
    if link.group(0)[:1] == "," or link.group(0)[:3].lower() == "and":
        # "She has been X of A since 2019 and before that Y of B": the sentence's subject
        return _coordinated(ctx, sent_s, link.start(), between, status, joined=True)
    pron = _PRONOUN_BEFORE.search(text, sent_s, link.start())
    if pron is not None and (proper or _ONLY_ADVERBS.fullmatch(pron.group("gap"))):
        named = [m for m in ctx.people.starting_in(sent_s, pron.start()) if m.end <= pron.start()]
        person = None
        gender = "f" if pron.group("p").lower() == "she" else "m"
        own = [n for n in named if ctx.people.gender(n.canonical) == gender]
        if own and len({n.canonical for n in own}) == 1:
            person = own[0].canonical  # "Mr Ormerod joined X from Y, where he had held ..."
        elif not named:
            person = pronoun_referent(ctx, pron.start(), pron.group("p"))
        if person is None:
            return None
        org = None
        head = text[sent_s : pron.start()]
        if _WHERE.search(head):
            body = ctx.organisations.ending_at(sent_s + _WHERE.search(head).start())  # type: ignore[union-attr]
            org = body.canonical if body else None
        return CareerHolder(person, pron.start(), text[pron.end("p") : left], status, org)
    if not proper:
        return _coordinated(ctx, sent_s, link.start(), between, status)
    named = [m for m in ctx.people.starting_in(sent_s, link.start()) if m.end <= link.start()]
    if named:
        if len({m.canonical for m in named}) != 1:
            return None
        gap = text[named[-1].end : link.start()]
        if _OTHER_CLAUSE.search(gap) or "\n" in gap:
            return None
        return CareerHolder(named[0].canonical, named[0].start, gap + between, status)
    opening = _POSSESSIVE_OPENING.match(text, sent_s, link.start())
    if opening is None:
        return None
    person = pronoun_referent(ctx, opening.start("p"), opening.group("p"))
    if person is None:
        return None
    return CareerHolder(person, opening.start("p"), between, status)


# "... and in 2006 became": a second predicate of the sentence's subject
_AND_BEFORE = re.compile(
    r"\band\s+(?:(?:in|by|from|during)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\s+)?(?:he\s+|she\s+)?$"
)
_SUBJECT_PRONOUN = re.compile(r"(?<![\w’'-])([Hh]e|[Ss]he)\s")


def _coordinated(
    ctx: ArticleContext,
    sent_s: int,
    at: int,
    between: str,
    status: str | None,
    joined: bool = False,
) -> CareerHolder | None:
    """ "In 1998 she was appointed as X and in 2006 became Y" (or a phrase `joined` by
    "and" or a comma): the subject of the first
    predicate (the sentence's one named person, or its first he or she)."""
    assert ctx.people is not None
    text = ctx.text
    if not joined and _AND_BEFORE.search(text, sent_s, at) is None:
        return None
    named = [m for m in ctx.people.starting_in(sent_s, at) if m.end <= at]
    pron = _SUBJECT_PRONOUN.search(text, sent_s, at)
    if pron is not None and (not named or pron.start() < named[0].start):
        person = pronoun_referent(ctx, pron.start(), pron.group(1))
        return CareerHolder(person, pron.start(), between, status) if person else None
    if not named or len({m.canonical for m in named}) != 1:
        return None
    return CareerHolder(named[0].canonical, named[0].start, between, status)


# ", three years as Y at B", ", and Z at C", ", then W": the next item of a career list
_NEXT_ITEM = re.compile(
    rf"\s*,\s*(?:and\s+)?(?:then\s+|later\s+)?(?:(?:[\w-]+\s+){{0,2}}(?:years?|months?|decades?)\s+as\s+)?{_ARTICLE}"
    rf"|\s+and\s+(?:then\s+|later\s+)?(?:(?:[\w-]+\s+){{0,2}}(?:years?|months?|decades?)\s+as\s+)?{_ARTICLE}"
)


def next_career_item(ctx: ArticleContext, left: int, last_end: int) -> bool:
    """Whether the title at `left` is the next item of a career list whose item before ends
    at `last_end`, in a sentence with a career phrase before it."""
    if last_end > left or not _NEXT_ITEM.fullmatch(ctx.text, last_end, left):
        return False
    sent_s = ctx.sentence_span(left, left + 1)[0]
    if last_end < sent_s:
        return False
    head = ctx.text[sent_s:last_end]
    return any(
        proper and re.search(p.pattern.removesuffix("$"), head, re.IGNORECASE)
        for p, _, proper in _links()
    )


# "works for the Kestrel Institute as", "worked at X for ten years as"
_EMPLOYER_AS = re.compile(
    r"(?:\s+(?:for|over)\s+(?:[\w-]+\s+){1,2}(?:years?|months?)|\s+(?:in|from|since)\s+(?:19|20)\d\d)?"
    rf"\s+as\s+{_ARTICLE}$"
)
_WORKS_FOR = re.compile(
    r"\b(?:works?|worked|working|serves?|served|serving)\s+(?:for|at|with)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def employer_before(ctx: ArticleContext, left: int) -> str | None:
    """ "X currently works for the Kestrel Institute as head of research": the employer."""
    assert ctx.organisations is not None
    m = _EMPLOYER_AS.search(ctx.text, max(0, left - 40), left)
    if m is None:
        return None
    org = ctx.organisations.ending_at(m.start())
    if org is None or not _WORKS_FOR.search(ctx.text, max(0, org.start - 30), org.start):
        return None
    return org.canonical  # type: ignore[no-any-return]


# "served as chief executive on a number of health boards": bodies the text never names
PLURAL_BODIES = re.compile(
    r"\s+(?:on|at|of|for|in|with|across)\s+(?:a\s+(?:number|range|variety)\s+of|several|"
    r"various|many|numerous|other|two|three|four|five)\s"
)
