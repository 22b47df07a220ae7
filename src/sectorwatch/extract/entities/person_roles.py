"""The one "role of this person" look-up: which of a person's role facts a fact at a
place in the article is about (an event's post, a quote's speaker role)."""

from __future__ import annotations

from sectorwatch.extract.context import ArticleContext
from sectorwatch.model import RoleFact


def role_of(
    ctx: ArticleContext,
    person: str,
    sent: tuple[int, int],
    prefer: tuple[str, ...] = (),
    organisation: str | None = None,
    near: int | None = None,
) -> RoleFact | None:
    """The role fact of `person` that a fact in the sentence `sent` is about (with
    `organisation`, only their facts at that body). A fact stated in the sentence itself
    comes first, the one whose status is earliest in `prefer` before the others ("X,
    currently COO at A, will become chief executive of B": for an appointment, the
    incoming post). Else, with `near` (an offset), the latest fact stated before it, or
    the article's first; without, the first whose status is in `prefer`, or the first."""
    facts = [
        f
        for f in ctx.roles
        if f.person == person and (organisation is None or f.organisation == organisation)
    ]
    same = [f for f in facts if sent[0] <= f.start < sent[1]]
    same.sort(key=lambda f: prefer.index(f.status) if f.status in prefer else len(prefer))
    if same:
        return same[0]
    if near is not None and facts:
        before = [f for f in facts if f.start <= near]
        return max(before, key=lambda f: f.start) if before else min(facts, key=lambda f: f.start)
    group = [f for f in facts if f.status in prefer] or facts
    return group[0] if group else None
