"""Government and national posts: "Care Minister Dee Rowan", "the Chancellor", "Health
Secretary Omar Pike", "the chief medical officer for Wales".

Their holders serve no NHS body, so the organisation the roles stage took from context (the
body the article was talking about) is wrong for them:
- a minister's or secretary's post keeps its title as written ("care minister", "prime
  minister", "health and social care secretary", "minister of state for care services"),
  and its organisation only when the sentence names a department or a government
  ("minister for the third sector at the Cabinet Office");
- a nation's professional post (chief medical officer, chief nursing officer) keeps an
  organisation only when its sentence names it or owns the title ("the trust's chief
  nursing officer", "will join Kestrel Coast as chief nursing officer").
The kinds of post are data (data/national_posts.tsv, government_words.txt,
portfolio_words.txt).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from sectorwatch.data import rows
from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.lexicon import lower_words, title_stop_words, word_alternation, words
from sectorwatch.model import RoleFact


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    """Title head -> "government" or "national"."""
    return {row[1].strip(): row[0].strip() for row in rows("national_posts.tsv") if len(row) > 1}


@lru_cache(maxsize=1)
def _government_title() -> re.Pattern[str]:
    """A minister's or secretary's title as written, with its portfolio words before it and
    "of state" / "for PORTFOLIO" after it."""
    portfolio = "|".join(
        re.escape(w) for w in sorted(lower_words("portfolio_words.txt"), key=len, reverse=True)
    )
    return re.compile(
        rf"(?:(?<![\w-])|(?<=\b[Tt]hen-))((?:(?:{portfolio})\s+){{0,5}}(?:minister|secretary)"
        r"(?:\s+of\s+state)?(?:\s+for\s+(?:the\s+)?[a-z]+(?:\s+(?:and\s+)?[a-z]+){0,3})?)(?![\w-])",
        re.IGNORECASE,
    )


def is_national_title(role: str) -> bool:
    """Whether a title is a government or national post ("care minister", "chief medical
    officer"): one that no NHS body in the article holds."""
    role = role.lower()
    if _government_title().search(role):
        return True
    return any(role == head or role.endswith(" " + head) for head in _kinds())


_TRAILING = re.compile(rf"\s+(?:{word_alternation(title_stop_words())})$", re.IGNORECASE)
_OWNED = re.compile(r"(?:\b(?:its|their)|’s|'s)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


def _written_title(ctx: ArticleContext, fact: RoleFact) -> tuple[str, int] | None:
    """The government title in the fact's own words, lower case, and where it ends."""
    best = None
    sent_end = ctx.sentence_span(fact.start, fact.end)[1]
    window = max(0, fact.start - 40)
    for m in _government_title().finditer(ctx.text, window, min(sent_end, fact.end + 80)):
        if m.start() >= fact.end:
            break
        if m.end() <= fact.start:
            continue
        title = m.group(1).lower()
        while (cut := _TRAILING.sub("", title)) != title:
            title = cut
        title = re.sub(r"^(?:and|&)\s+", "", title)
        if best is None or len(title) > len(best[0]):
            best = (title, m.start(1) + len(title))
    return best


@lru_cache(maxsize=1)
def _nation_qualifier() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A nation before the title ("England's", "Welsh") or after it ("for Wales")."""
    nations = "|".join(re.escape(n) for n in sorted(words("nations.txt"), key=len, reverse=True))
    before = re.compile(rf"(?<![\w-])(?:{nations})(?:’s|'s|’|')?\s+(?:[a-z-]+\s+){{0,3}}$")
    after = re.compile(rf"\s+(?:for|in)\s+(?:{nations})(?![\w-])")
    return before, after


_AT_BODY = re.compile(r"\s+(?:in|at|of|within)\s+")


def _department_after(ctx: ArticleContext, end: int) -> str | None:
    """ "minister for care services in the Department of Health": the department."""
    assert ctx.organisations is not None
    m = _AT_BODY.match(ctx.text, end)
    if m is None:
        return None
    org = ctx.organisations.starting_at(m.end())
    if org is None and ctx.text.startswith("the ", m.end()):
        org = ctx.organisations.starting_at(m.end() + 4)
    return org.canonical if org is not None and _is_government(org.canonical) else None


def _is_government(name: str) -> bool:
    return any(word in name for word in words("government_words.txt"))


def _named_in_sentence(ctx: ArticleContext, fact: RoleFact) -> bool:
    assert ctx.organisations is not None
    s, e = ctx.sentence_span(fact.start, fact.end)
    return any(m.canonical == fact.organisation for m in ctx.organisations.in_span(s, e))


def _national_post(ctx: ArticleContext, fact: RoleFact) -> RoleFact:
    kind = _kinds().get(fact.role)
    if kind is None or ctx.organisations is None:
        return fact
    if kind == "government":
        written = _written_title(ctx, fact)
        role = written[0] if written else fact.role
        org = fact.organisation
        if org is not None and not (_is_government(org) and _named_in_sentence(ctx, fact)):
            org = None
        if org is None and written:
            org = _department_after(ctx, written[1])
        return replace(fact, role=role, organisation=org)
    if fact.organisation is None:
        return fact
    title_at = ctx.text.lower().find(fact.role.split()[0], fact.start, fact.end)
    before, after = _nation_qualifier()
    if title_at >= 0:
        title_end = title_at + len(fact.role)
        nation = before.search(ctx.text, max(0, title_at - 40), title_at)
        if nation or after.match(ctx.text, title_end):
            return replace(fact, organisation=None)
        if _OWNED.search(ctx.text, max(0, title_at - 40), title_at):
            return fact
    if _named_in_sentence(ctx, fact):
        return fact
    return replace(fact, organisation=None)


def national_posts(ctx: ArticleContext, facts: list[RoleFact]) -> list[RoleFact]:
    """The facts with government and national posts worded and placed as above; a fact
    that becomes a copy of another is dropped."""
    out: list[RoleFact] = []
    seen: set[tuple[str, str, str | None]] = set()
    for fact in facts:
        fact = _national_post(ctx, fact)
        key = (fact.person, fact.role, fact.organisation)
        if key not in seen:
            seen.add(key)
            out.append(fact)
    return out
