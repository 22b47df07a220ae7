"""Appointments told by a verb of being and the post right after it, and the post "the
role" stands for.

- "X will be acting chief executive and registrar", "X will be designate interim chief
  executive of the ICB": an announced appointment to that post.
- "X has been chief executive of Y since October 2021", "who has served as interim chief
  executive at Y since August last year": tenure with a stated start, a completed
  appointment dated by its "since" (ANNOTATION_GUIDE: tenure wording with an explicit
  start); a stand-in's tenure told by its length ("For the past two months X has been the
  acting chief executive"), a completed appointment, undated.
- "A new interim chief executive has been appointed at X. Y took up the role on 1 March":
  the role a cue names only as "the role" / "the post" is the title of the sentences just
  before (`antecedent_post`).
"""

from __future__ import annotations

import re

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.titles import complete_title
from sectorwatch.extract.entities.vocab import role_vocabulary
from sectorwatch.extract.events.common import event, post_after, subject_before, title_near
from sectorwatch.extract.events.rules import Sentences
from sectorwatch.extract.patterns import finditer
from sectorwatch.model import Event

_WILL_BE = re.compile(
    r"\b(?:will|shall)\s+(?:now\s+|also\s+)?be(?:\s+the|\s+its|\s+their|\s+our)?\s+", re.I
)
_TENURE = re.compile(
    r"\b(?:has|have|had)\s+(?:been|served\s+as|acted\s+as)(?:\s+the|\s+its|\s+their)?\s+", re.I
)
# What may come between the verb and the title: status words, a possessive body
# ("CHFT's interim chief nurse").
_LEAD_IN = re.compile(
    r"(?:(?:[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}[’']s\s+)?"
    r"(?:(?:interim|acting|designate|joint|permanent|substantive|new|next)\s+)*)",
    re.IGNORECASE,
)
_SINCE = re.compile(r"[^.;]{0,120}?\bsince\b", re.IGNORECASE)
# A stand-in's tenure told by its length ("For the past two months X has been the acting
# chief executive"): the stand-in post was taken up, undated.
_FOR_THE_PAST = re.compile(
    r"\bfor\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:days?|weeks?|months?)\b", re.IGNORECASE
)
_STAND_IN = re.compile(r"(?:interim|acting)\b", re.IGNORECASE)


def _title_at(ctx: ArticleContext, at: int, end: int) -> tuple[str, int, int] | None:
    """The title starting at `at` past status words, with where it ends."""
    lead = _LEAD_IN.match(ctx.text, at, end)
    start = lead.end() if lead else at
    title = title_near(ctx, start, min(end, start + 40))
    if title is None or title[1] != start:
        return None
    return title


def _post(ctx: ArticleContext, at: int, end: int) -> tuple[str | None, str | None]:
    lead = _LEAD_IN.match(ctx.text, at, end)
    return post_after(ctx, lead.end() if lead else at, end)


def _stood_in(ctx: ArticleContext, sent: tuple[int, int], m: re.Match[str]) -> bool:
    """ "For the past two months X has been the acting chief executive"."""
    return (
        _STAND_IN.match(ctx.text, m.end(), sent[1]) is not None
        and _FOR_THE_PAST.search(ctx.text, *sent) is not None
    )


def copula_appointments(ctx: ArticleContext, sentences: Sentences, i: int | None) -> list[Event]:
    """ "X will be <title>": an announced appointment; "X has been <title> ... since D": a
    completed one, dated D."""
    assert i is not None
    sent = sentences[i]
    out: list[Event] = []
    for pattern, status in ((_WILL_BE, "announced"), (_TENURE, "completed")):
        for m in finditer(pattern, ctx.text, *sent):
            if ctx.in_quote(m.start()) or _title_at(ctx, m.end(), sent[1]) is None:
                continue
            since = None
            if status == "completed":
                since = _SINCE.match(ctx.text, m.end(), sent[1])
                if since is None and not _stood_in(ctx, sent, m):
                    continue  # tenure with no start gives the role only
            found = subject_before(ctx, sent[0], m.start())
            if found is None:
                continue
            role, organisation = _post(ctx, m.end(), sent[1])
            e = event(
                ctx, "appointment", (m.start(), m.end()), sent,
                person=found[0], role=role, organisation=organisation, status=status,
            )  # fmt: skip
            if since is not None:
                dated = ctx.dates.find(ctx.text[since.end() : sent[1]], past=True)
                value = dated[0].value if dated and dated[0].start < 40 else None
                from dataclasses import replace

                e = replace(e, date=value, effective=value, announced=None, date_range=None)
            out.append(e)
    return out


_THE_ROLE = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:role|post|position|job)\b", re.I)


_BODY_AFTER = re.compile(r"\s+(?:\w+\s+){0,3}?(?:of|at|for|with|in)\s+(?:the\s+)?")


def antecedent_post(
    ctx: ArticleContext, cue: str, sent_start: int
) -> tuple[str | None, str | None] | None:
    """The post "the role" in `cue` stands for: the last title of the 300 characters before
    the sentence, with the body named right after it ("appointed at X"), else None."""
    if not _THE_ROLE.search(cue):
        return None
    window_start = max(0, sent_start - 300)
    titles = list(role_vocabulary().pattern.finditer(ctx.text, window_start, sent_start))
    if not titles:
        return None
    last = titles[-1]
    role, end, _ = complete_title(ctx, last.group("title"), last.end("title"))
    assert ctx.organisations is not None
    gap = _BODY_AFTER.match(ctx.text[end:sent_start])
    body = ctx.organisations.starting_at(end + gap.end()) if gap else None
    return role, body.canonical if body else None
