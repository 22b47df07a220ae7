"""role_created events: the title after "new role of", or the title next to "a new post";
`reports_to` is the person after "report(s) directly to" in that sentence or the next two."""

from __future__ import annotations

import re

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.titles import complete_title
from sectorwatch.extract.entities.vocab import canonical_title, role_vocabulary
from sectorwatch.extract.events.common import event, person_after, title_near
from sectorwatch.extract.events.rules import (
    EventKind,
    EventRule,
    Sentences,
    cues,
    cues_in,
)
from sectorwatch.extract.patterns import finditer
from sectorwatch.model import Event

_THE_GAP = re.compile(r"\s+(?:the\s+)?")


def _reports_to(ctx: ArticleContext, sentences: Sentences, i: int) -> str | None:
    """The person after "report(s) to" in the sentence or the next two, else the title
    right after it in the sentence itself ("reporting to the chief nurse")."""
    text = ctx.text
    for pattern, direction in cues("reporting_line"):
        if direction != "-":
            continue
        for s, e in sentences[i : i + 3]:
            for m in pattern.finditer(text, s, e):
                person = person_after(ctx, m.end(), min(e, m.end() + 40))
                if person:
                    return person
                gap = _THE_GAP.match(text[m.end() : e])
                title = title_near(ctx, m.end(), min(e, m.end() + 40))
                if s == sentences[i][0] and title and gap and title[1] == m.end() + gap.end():
                    return title[0]
    return None


# A post named in full after "post of" ("a new post of chief nursing information officer"),
# when the title vocabulary knows only a part of it.
_VERBATIM = re.compile(
    r"\s*((?:[a-z][\w-]*\s+){0,5}?(?:officer|director|lead|manager|adviser|advisor|nurse|"
    r"chair|head|executive|secretary|registrar|commissioner|tsar|champion|controller))\b"
)


_LIST_END = re.compile(r"\b(?:who|which|that|will|to\s+report|report)")


def _listed_posts(ctx: ArticleContext, start: int, end: int) -> list[str]:
    """The titles listed after "two new national roles": "a director of digital care and a
    director of estates", up to where the list ends (a reporting cue, a relative pronoun)."""
    stop = _LIST_END.search(ctx.text[start:end])
    limit = start + stop.start() if stop else end
    out: list[str] = []
    for t in role_vocabulary().pattern.finditer(ctx.text, start, limit):
        role, _, _ = complete_title(ctx, t.group("title"), t.end("title"))
        if role not in out:
            out.append(role)
    return out


_PLURAL_NEW = re.compile(
    r"\b(?:two|three|four|five|six|several|\d+)\s+new\s+(?:[a-z]+\s+)?(?:roles|posts|positions)\b",
    re.IGNORECASE,
)


def listed_new_posts(ctx: ArticleContext, sentences: Sentences, i: int | None) -> list[Event]:
    """ "two new national roles, a director of X and a director of Y, who will report to the
    director of delivery": one post created per title listed, each with its reports_to."""
    assert i is not None and ctx.organisations is not None
    sent = sentences[i]
    out: list[Event] = []
    for m in finditer(_PLURAL_NEW, ctx.text, *sent):
        if ctx.in_quote(m.start()):
            continue
        near = ctx.organisations.in_span(*sent)
        org = near[0].canonical if near else None
        reports_to = _reports_to(ctx, sentences, i)
        for role in _listed_posts(ctx, m.end(), sent[1]):
            out.append(
                event(
                    ctx, "role_created", (m.start(), m.end()), sent,
                    role=role, organisation=org, status="announced", reports_to=reports_to,
                )
            )  # fmt: skip
    return out


_OF_BODY = re.compile(r"\s+(?:of|at|for)\s+(?:the\s+)?")


_COMMA = re.compile(r"\s*,\s*")


def _appositive_post(ctx: ArticleContext, title_end: int, cue: int) -> bool:
    """ "named interim COO of the Health Commissioning Board, a new post that ...": only
    the organisation of the title stands between it and "a new post"."""
    assert ctx.organisations is not None
    gap = _OF_BODY.match(ctx.text[title_end:cue])
    if gap is None:
        return False
    org = ctx.organisations.starting_at(title_end + gap.end())
    return org is not None and _COMMA.fullmatch(ctx.text[org.end : cue]) is not None


# Cues whose post is only the title right after them ("its first ever chief nurse", "is
# to be replaced by a director of X").
_FIRST = re.compile(r"\b(?:first|replaced\s+by)\b", re.IGNORECASE)


_ENDS_OF = re.compile(r"\bof\s*$")


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
            verbatim = _VERBATIM.match(ctx.text, m.end(), sent[1])
            if title is not None and verbatim and len(verbatim.group(1)) > len(title[0]):
                title = (verbatim.group(1).lower(), title[1], verbatim.end())
            if _FIRST.search(m.group(0)):
                if title is None or title[1] != m.end() + 1:
                    continue
            elif title is None or not _ENDS_OF.search(m.group(0)):
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


_THE_NEW = re.compile(r"\bthe\s+new\s+(?:(?:joint|single|shared)\s+)?", re.IGNORECASE)


def unheld_new_posts(ctx: ArticleContext, sentences: Sentences, i: int | None) -> list[Event]:
    """ "Recruitment for the new joint chief executive of both trusts is under way", "the
    new COO will have Mr Stevens as her boss": a new post that nobody in the article holds
    is a post created (a named holder right after it makes it an appointment instead)."""
    assert i is not None and ctx.people is not None and ctx.organisations is not None
    sent = sentences[i]
    text = ctx.text
    for m in _THE_NEW.finditer(text, *sent):
        if ctx.in_quote(m.start()):
            continue
        title = title_near(ctx, m.end(), min(sent[1], m.end() + 40))
        if title is None or title[1] != m.end() or text[title[2] - 1] == "s":
            continue
        modifier = text[m.start() : m.end()].split()[2:]  # "joint", "single", "shared"
        role = " ".join([w.lower() for w in modifier] + [title[0]])
        if any(f.role == role for f in ctx.roles) or _held(ctx, title[0], modifier):
            continue
        org = ctx.organisations.combined(m.start())
        near = ctx.organisations.in_span(*sent)
        return [
            event(
                ctx, "role_created", (m.start(), title[2]), sent,
                role=role, organisation=org or (near[0].canonical if near else None),
                status="announced", reports_to=_reports_to(ctx, sentences, i),
            )
        ]  # fmt: skip
    return []


_HOLDER_GAP = re.compile(
    r"[\s,]*(?:(?:as|is|was|becomes|became)\s+)?(?:the\s+|its\s+)?(?:[A-Z][\w&’']*\s+){0,3}"
)


def _held(ctx: ArticleContext, role: str, modifier: list[str]) -> bool:
    """Whether the article names someone next to the title anywhere ("the new chief
    executive, Jane Doe", "the appointment of X as NHS chief executive"); with a modifier
    ("joint"), only that post counts."""
    assert ctx.people is not None
    text = ctx.text
    for t in role_vocabulary().pattern.finditer(text):
        if canonical_title(t.group("title")) != role:
            continue
        if modifier and text[max(0, t.start() - 12) : t.start()].split()[-1:] != modifier[-1:]:
            continue
        after = ctx.people.first_starting_in(t.end(), t.end() + 6)
        before = ctx.people.most_recent_before(t.start())
        if after is not None or (
            before is not None
            and t.start() - before.end < 30
            and _HOLDER_GAP.fullmatch(text, before.end, t.start())
        ):
            return True
    return False


def creates_role(text: str, sent: tuple[int, int]) -> bool:
    """Whether a sentence creates a post ("a new post ...", "the role")."""
    return any(p.search(text, *sent) for p, _ in cues_in("role_created", text, sent)) or bool(
        re.search(
            r"\b(?:the|this)\s+(?:role|post|position|postholder|post-holder)\b",
            text[sent[0] : sent[1]],
            re.I,
        )
    )


KIND = EventKind(
    type="role_created",
    key=lambda e: e.role,
    rules=(
        EventRule("new posts", 40, new_posts),
        EventRule("new posts nobody holds", 45, unheld_new_posts),
        EventRule("new posts listed", 42, listed_new_posts),
    ),
)


def listed_posts(ctx: ArticleContext, sent: tuple[int, int]) -> bool:
    """Whether the sentence lists new posts ("two new national roles, ...")."""
    return _PLURAL_NEW.search(ctx.text, *sent) is not None
