"""The posts that events without a title imply (read by the stage after events):

- A predecessor: "Mr Hale will take over from Ann Rees, who has occupied the position on an
  interim basis" (a departure of Ann Rees, no title): she held the successor's post, the one
  the article gives Mr Hale (same title, same body), whichever sentence gave it.
- A role-noun subject: "THE beleaguered chief executive of X resigned today." (a departure
  whose person the next sentence names): that person held the title at X.
"""

from __future__ import annotations

import re

from sectorwatch.extract.entities.coreference import pronoun_referent
from sectorwatch.extract.entities.post_cues import cues, predecessor_status
from sectorwatch.extract.entities.vocab import canonical_title, role_vocabulary
from sectorwatch.extract.substrate import Substrate
from sectorwatch.model import Event, RoleFact, RoleStatus

_LEAD_PRONOUN = re.compile(r"\s*(?:He|She)\b")
# "THE chief executive of", "The beleaguered chief executive at": the sentence's subject
_ROLE_SUBJECT = re.compile(r"\s*(?:THE|The)\s+(?:[a-z’'-]+\s+){0,2}?")
_OF_BODY = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?")


def _event_status(e: Event) -> RoleStatus:
    if e.type == "departure":
        return "leaving" if e.status == "announced" else "former"
    return "incoming" if e.status == "announced" else "current"


def _successor(ctx: Substrate, start: int, before: int, person: str) -> str | None:
    """The sentence's subject, named before the predecessor (or "He"/"She" opening it)."""
    assert ctx.people is not None
    for m in ctx.people.starting_in(start, before):
        if m.canonical != person:
            return m.canonical
    lead = _LEAD_PRONOUN.match(ctx.text, start)
    if lead:
        return pronoun_referent(ctx, lead.end() - 2, lead.group(0).strip())
    return None


def _predecessor_posts(ctx: Substrate, e: Event, facts: list[RoleFact]) -> list[RoleFact]:
    """The successor's posts (at the article's main body, where they have several)."""
    assert ctx.people is not None and e.person is not None
    start, end = ctx.sentence_span(e.start, e.end)
    named = [m for m in ctx.people.starting_in(start, end) if m.canonical == e.person]
    for m in named:
        status = predecessor_status(ctx, m, start, end)
        successor = _successor(ctx, start, m.start, e.person) if status else None
        if status is None or successor is None:
            continue
        rest = ctx.text[m.end : end]
        basis = next((s for rx, s in cues().basis if rx.search(rest)), None)
        posts = {
            (f.role, f.organisation)
            for f in facts
            if f.person == successor and f.organisation and f.status != "former"
        }
        if len({body for _, body in posts}) > 1:  # the successor's post at the main body
            main = ctx.organisations.most_named() if ctx.organisations else None
            posts = {(role, body) for role, body in posts if body == main}
        return [
            RoleFact(e.person, role, body, basis or status, m.start, m.end,
                     evidence=ctx.evidence(m.start, m.end))
            for role, body in sorted(posts)
            if body is not None
        ]  # fmt: skip
    return []


def _role_subject_post(ctx: Substrate, e: Event) -> list[RoleFact]:
    """ "THE beleaguered chief executive of X resigned today." """
    assert ctx.organisations is not None and e.person is not None
    start, end = ctx.sentence_span(e.start, e.end)
    title = role_vocabulary().pattern.search(ctx.text, start, min(end, start + 60))
    lead = _ROLE_SUBJECT.fullmatch(ctx.text, start, title.start()) if title else None
    of = _OF_BODY.match(ctx.text, title.end()) if title and lead else None
    if title is None or of is None:
        return []
    body = next((o for o in ctx.organisations.in_span(of.end(), end) if o.start == of.end()), None)
    if body is None:
        return []
    role = canonical_title(title.group("title"))
    evidence = ctx.evidence(title.start(), body.end)
    return [
        RoleFact(e.person, role, body.canonical, _event_status(e), title.start(), body.end,
                 evidence=evidence)
    ]  # fmt: skip


def departure_posts(ctx: Substrate, events: list[Event], facts: list[RoleFact]) -> list[RoleFact]:
    """The posts of the appointments and departures that name no title (see the module)."""
    out: list[RoleFact] = []
    for e in events:
        if e.type not in ("appointment", "departure") or not e.person or e.role:
            continue
        found = _role_subject_post(ctx, e)
        if not found and e.type == "departure":
            found = _predecessor_posts(ctx, e, facts)
        out += found
    return out
