"""The holder of a title that an apposition or a relative clause attaches to a name, read
from the dependency parse (syntax where syntax decides).

"Adrian Vale, the experienced medical director of Ashby General Hospital, said ...", "Ruth
Orme, who was until May the trust's chief nurse, ...", "Professor Vale is also the
experienced medical director of ...": the words between the name and the title are more
than the surface strategies read, but the parse makes the title part of an apposition
(`name_apposition`), a relative clause (`name_relative_clause`) or the complement of a verb
whose subject is the name (`name_complement`; patterns in data/dependency_patterns.json).
Only a sentence with a person named shortly before the title is parsed, and only when no surface
strategy found a holder and the title is not followed by a body the article describes but
never names ("at the enlarged trust").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.lexicon import determiners, word_alternation

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sectorwatch.extract.syntax import Clause

_REACH = 100  # the nearest name at most this far before the title: parse only then
# each pattern's last two nodes: the name, and the phrase that holds the title
_PATTERNS = ("name_apposition", "name_relative_clause", "name_complement")
# "X, a district nursing team leader in Y": a description, not a post
_INDEFINITE = re.compile(
    rf"\b(?:{word_alternation(determiners('indefinite'))})\s+(?:[\w’'-]+\s+){{0,4}}$", re.I
)
# "X, the region's director of performance": an owner the article never names as a body
_OWNER = re.compile(r"\b(the\s+[a-z]+)(?:’s|'s)\s+(?:[\w-]+\s+){0,2}$")


def _title_head(clause: Clause, left: int, end: int) -> Token | None:
    """The token of the title phrase [left, end) whose head lies outside it."""
    inside = [t for t in clause.doc if left <= clause.offset + t.idx < end]
    for t in inside:
        if t.head not in inside or t.head is t:
            return t
    return None


# "director of community nursing at the enlarged trust": a body the text describes
_DESCRIBED_BODY = re.compile(r"\s+(?:at|of|for)\s+(the\s+[a-z]+\s+[a-z]+)\b")


def _unnamed_body_after(ctx: ArticleContext, end: int) -> bool:
    """Whether the title is followed by a described body the article never names as such
    ("at the enlarged trust"): the parse would find the holder, but not the post's body."""
    assert ctx.organisations is not None
    m = _DESCRIBED_BODY.match(ctx.text, end)
    return m is not None and ctx.organisations.resolve_anaphor(m.group(1), end) is None


def attached_holder(ctx: ArticleContext, left: int, end: int) -> tuple[str, int, str] | None:
    """(person, where their name starts, the words between) for the title at [left, end)
    that the parse puts inside an apposition or relative clause of a named person."""
    people = ctx.people
    assert people is not None
    sent = ctx.sentence_span(left, left + 1)
    named = [m for m in people.starting_in(sent[0], left) if m.end <= left]
    if not named or left - named[-1].end > _REACH:
        return None
    before = ctx.text[max(sent[0], left - 60) : left]
    if _INDEFINITE.search(before):
        return None
    owner = _OWNER.search(before)
    assert ctx.organisations is not None
    if owner and ctx.organisations.resolve_anaphor(owner.group(1), left) is None:
        return None
    if _unnamed_body_after(ctx, end):
        return None
    clause = ctx.syntax.clause(sent)
    if clause is None:
        return None
    title = _title_head(clause, left, end)
    if title is None:
        return None
    best: tuple[int, str, int, int] | None = None  # (subtree size, person, start, end)
    for name in _PATTERNS:
        for *_, name_i, part_i in clause.matches.get(name, []):
            part = clause.doc[part_i]
            if not part.left_edge.i <= title.i <= part.right_edge.i:
                continue
            mention = people.at(clause.offset + clause.doc[name_i].idx)
            if mention is None or mention.end > left:
                continue
            size = part.right_edge.i - part.left_edge.i
            if best is None or size < best[0]:
                best = (size, mention.canonical, mention.start, mention.end)
    if best is None:
        return None
    return best[1], best[2], ctx.text[best[3] : left]
