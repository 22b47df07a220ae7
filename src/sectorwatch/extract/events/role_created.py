"""role_created events: the title after "new role of", or the title next to "a new post";
`reports_to` is the person after "report(s) directly to" in that sentence or the next two."""

from __future__ import annotations

import re

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.titles import complete_title
from sectorwatch.extract.entities.vocab import role_vocabulary
from sectorwatch.extract.events.common import event, person_after, title_near
from sectorwatch.extract.events.rules import EventKind, EventRule, Sentences, cues, cues_in
from sectorwatch.model import Event


def _reports_to(ctx: ArticleContext, sentences: Sentences, i: int) -> str | None:
    text = ctx.text
    for pattern, _ in cues("reporting_line"):
        for s, e in sentences[i : i + 3]:
            for m in pattern.finditer(text, s, e):
                person = person_after(ctx, m.end(), min(e, m.end() + 40))
                if person:
                    return person
    return None


def _appositive_post(ctx: ArticleContext, title_end: int, cue: int) -> bool:
    """ "named interim COO of the Health Commissioning Board, a new post that ...": only
    the organisation of the title stands between it and "a new post"."""
    assert ctx.organisations is not None
    gap = re.match(r"\s+(?:of|at|for)\s+(?:the\s+)?", ctx.text[title_end:cue])
    if gap is None:
        return False
    org = ctx.organisations.starting_at(title_end + gap.end())
    return org is not None and re.fullmatch(r"\s*,\s*", ctx.text[org.end : cue]) is not None


def new_posts(ctx: ArticleContext, sentences: Sentences, i: int | None) -> list[Event]:
    assert i is not None
    out: list[Event] = []
    text = ctx.text
    sent = sentences[i]
    for pattern, _ in cues_in("role_created", text, sent):
        for m in pattern.finditer(text, sent[0], sent[1]):
            if ctx.in_quote(m.start()):
                continue
            title = title_near(ctx, m.end(), min(sent[1], m.end() + 30))
            if title is None or not re.search(r"\bof\s*$", m.group(0)):
                before = [
                    t
                    for t in role_vocabulary().pattern.finditer(text, sent[0], m.start())
                    if m.start() - t.end() < 40 or _appositive_post(ctx, t.end(), m.start())
                ]
                if before:
                    t = before[-1]
                    title = (complete_title(ctx, t.group("title"), t.end("title"))[0], 0, 0)
            if title is None:
                continue
            assert ctx.organisations is not None
            org = ctx.organisations.combined(m.start())
            if org is None:
                near = ctx.organisations.in_span(sent[0], sent[1])
                org = near[0].canonical if near else None
            out.append(
                event(
                    ctx, "role_created", (m.start(), m.end()), sent,
                    role=title[0], organisation=org, status="announced",
                    reports_to=_reports_to(ctx, sentences, i),
                )
            )  # fmt: skip
            return out
    return out


def creates_role(text: str, sent: tuple[int, int]) -> bool:
    """Whether a sentence creates a post ("a new post ...", "the role")."""
    return any(p.search(text, *sent) for p, _ in cues("role_created")) or bool(
        re.search(
            r"\b(?:the|this)\s+(?:role|post|position|postholder|post-holder)\b",
            text[sent[0] : sent[1]],
            re.I,
        )
    )


KIND = EventKind(
    type="role_created",
    key=lambda e: e.role,
    rules=(EventRule("new posts", 40, new_posts),),
)
