"""In-document coreference that several stages need: who "he" / "she" means at a place in
the article, read from the one person index (the first person of that gender named in the
nearest earlier sentence that names one: the subject, in news prose)."""

from __future__ import annotations

from collections.abc import Iterable

from sectorwatch.extract.context import ArticleContext


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
