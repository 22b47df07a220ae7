"""A post whose organisation the text leaves to context belongs to the body the article
is about, not to whichever body was named last (or to none).

"Deputy chief executive Mike Proctor had served as interim", "Christine Mayer, currently
vice-chairman of the trust", "X, who has been chief executive for the past three years":
the roles stage gives such a title the organisation named last before it, which in real
news is often another body (a previous employer, a regulator quoted in between), or none.
When the fact's organisation is not named in its own sentence (it came from context), or
it has none and the sentence names no organisation, and the article has a main body (the
organisation it names most, at least `MIN_MENTIONS` times, the first named winning a tie;
else the body its headline or lead sentence opens with), the fact is that body's. A
national or government post never is (`national_posts`), nor a post of a body the
sentence names.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.national_posts import is_national_title
from sectorwatch.extract.entities.role_context import DESCRIBED_BODY, STATUS_ORDER, press_titles
from sectorwatch.extract.entities.vocab import organisation_table, role_vocabulary
from sectorwatch.model import RoleFact

MIN_MENTIONS = 3


def main_body(ctx: ArticleContext) -> str | None:
    """The body the article is about: the one it names most, at least `MIN_MENTIONS`
    times; else the body its headline or lead sentence opens with ("NHS England yesterday
    announced ..."): the subject of the news."""
    assert ctx.organisations is not None
    name = ctx.organisations.most_named()
    if name is None:
        return None
    count = sum(1 for m in ctx.organisations.mentions() if m.canonical == name)
    return name if count >= MIN_MENTIONS else lead_subject(ctx)


LEAD_SENTENCES = 2


def lead_subject(ctx: ArticleContext) -> str | None:
    """The organisation that opens one of the article's first sentences (its subject)."""
    assert ctx.organisations is not None
    for s, _ in ctx.sentences()[:LEAD_SENTENCES]:
        while ctx.text[s : s + 1].isspace():
            s += 1
        start = s + 4 if ctx.text.startswith(("The ", "the "), s) else s
        m = ctx.organisations.starting_at(start) or ctx.organisations.starting_at(s)
        if m is not None:
            return m.canonical
    return None


# "chief nurse and director of midwifery at X": the body after the second title is the
# first's too (`role_context.share_organisations`)
_SHARED_BODY = re.compile(r",?\s+and\s+(?:[a-z][\w-]*\s+){1,5}(?:at|of|for|with)\s+(?:the\s+)?")


def posts_of_the_main_body(ctx: ArticleContext, facts: list[RoleFact]) -> list[RoleFact]:
    if ctx.organisations is None:
        return facts
    body = main_body(ctx)
    if body is None:
        return facts
    out = []
    for f in facts:
        if f.organisation != body and (f.organisation or not is_national_title(f.role)):
            s, e = ctx.sentence_span(f.start, f.end)
            mentions = ctx.organisations.in_span(s, e)
            # a body from context is stated only where the sentence names it by the fact
            # ("... after the BBC revealed" names no employer)
            by_fact = {
                m.canonical
                for m in mentions
                if m.start < f.end
                or not ctx.text[f.end : m.start].strip(" ,")
                or DESCRIBED_BODY.fullmatch(ctx.text, f.end, m.start)
                or _SHARED_BODY.fullmatch(ctx.text, f.end, m.start)
            }
            org = f.organisation
            stated = org in by_fact or org in ctx.text[s : f.end] if org else bool(mentions)
            if not stated and not _owned(ctx, f):
                f = replace(f, organisation=body)
        out.append(f)
    return out


# an owner word inside the fact or right before it ("its chair", "the group's chair"); a
# pair anywhere before it in the sentence ("The two trusts have shared a chair")
_OWNER = re.compile(r"\b(?:its|their|his|her)\s|\w(?:’s|'s)\s", re.I)
_OWNER_BEFORE = re.compile(r"\b(?:its|their|his|her|\w+(?:’s|'s))\s+$", re.I)
_PAIR_OWNER = re.compile(r"\b(?:both|the\s+two)\s", re.I)


def _owned(ctx: ArticleContext, f: RoleFact) -> bool:
    """Whether the roles stage read the organisation from the text, not from context: an
    owner word it resolved ("its chair", "the group's chair", "both organisations"), a
    combined body (only ever stated), a place's post (MP) or a journalist's title."""
    assert ctx.organisations is not None
    s = ctx.sentence_span(f.start, f.end)[0]
    return (
        _OWNER.search(ctx.text, max(s, f.start), f.end) is not None
        or _OWNER_BEFORE.search(ctx.text, max(s, f.start - 30), f.start) is not None
        or _PAIR_OWNER.search(ctx.text, s, f.end) is not None
        or bool(ctx.organisations.parts(f.organisation or ""))
        or f.role.lower().split(" for ")[0] in role_vocabulary().of_place  # "MP for X"
        or f.role.lower().split()[-1] in {t.split()[-1] for t in press_titles() if t}
    )


def named_bodies(ctx: ArticleContext, facts: list[RoleFact]) -> list[RoleFact]:
    """A post whose organisation is a bare head ("ICB", "CCG", "NHS Trust") is the post of
    the article's body whose name ends so, and of no named body when there is none."""
    if ctx.organisations is None:
        return facts
    table = organisation_table()
    out: list[RoleFact] = []
    for f in facts:
        org = f.organisation or ""
        if org and (org in table.suffixes or org in table.abbrevs or org in table.generic):
            named = ctx.organisations.resolve_head(org.split()[-1], f.start)
            f = replace(f, organisation=named if named and named != org else None)
        out.append(f)
    return out


def one_fact_per_post(ctx: ArticleContext, facts: list[RoleFact]) -> list[RoleFact]:
    """The refinements above may give two facts one (person, role, organisation) ("leading
    Westmoor ICS" and "interim chief executive of the ICB" in one sentence): one fact, the
    first, with the most specific status of the two (`STATUS_ORDER`)."""
    kept: dict[tuple[str, str, str | None], RoleFact] = {}
    for f in facts:
        key = (f.person, f.role, f.organisation)
        first = kept.get(key)
        if first is None:
            kept[key] = f
        elif STATUS_ORDER.index(f.status) < STATUS_ORDER.index(first.status):
            kept[key] = replace(first, status=f.status)
    return list(kept.values())
