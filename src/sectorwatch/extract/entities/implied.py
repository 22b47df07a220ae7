"""Role facts that the article implies rather than states next to a title.

- Bylines: "By Tomas Ferreira" then "Health correspondent, Albion News": the author's post
  at the publication (named there, else the article's publisher or its copyright line).
- Predecessors (data/succession_cues.tsv): "Marcus Heller, who takes over from Ruth Emsley
  as chief nursing officer", "following the resignation of Peter Vance", "since Graham Tull
  retired in March": the predecessor held the post the successor takes, at the same body.
- Posts left for another: "Ann Lowe has moved from medical director to become director of
  strategy": the post left was the person's, at the same body, former.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sectorwatch.data import rows
from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.vocab import honorific_pattern, role_vocabulary
from sectorwatch.extract.patterns import may_match
from sectorwatch.model import Evidence, Mention, RoleFact

_BY = re.compile(r"^\s*By\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3})(?P<rest>.*)$")
_COPYRIGHT = re.compile(
    r"(?:©|\([cC]\)|Copyright)\s*(?:\d{4}\s+)?(?P<name>[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){0,4})"
)


@lru_cache(maxsize=1)
def _press_titles() -> tuple[str, ...]:
    """Journalists' titles (data/boilerplate_author_roles.txt), longest first."""
    titles = {row[0].strip().lower() for row in rows("boilerplate_author_roles.txt")}
    return tuple(sorted(titles, key=len, reverse=True))


def _press_title(words: str) -> str | None:
    """ "Health Reporter" -> "health reporter": a journalist's title, or None."""
    words = re.sub(r"\s+", " ", words.strip().lower())
    if len(words.split()) > 4 or not re.fullmatch(r"[a-z -]+", words):
        return None
    return words if any(words.endswith(t) for t in _press_titles()) else None


def _publication(ctx: ArticleContext) -> str | None:
    if ctx.article.publisher:
        return ctx.article.publisher
    m = _COPYRIGHT.search(ctx.article.text)
    return m.group("name").strip() if m else None


def byline_roles(ctx: ArticleContext) -> list[RoleFact]:
    """ "By Kelly Brannigan" / "Health Reporter": the author's post at the publication."""
    article = ctx.article
    text = article.text
    paragraphs = article.paragraphs
    out = []
    for i, para in enumerate(paragraphs):
        if para.kind != "byline":
            continue
        by = _BY.match(text[para.start : para.end])
        if by is None:
            continue
        name = by.group("name")
        lines = [(para.start + by.start("rest"), para.end, by.group("rest").lstrip(" ,"))]
        if i + 1 < len(paragraphs):
            nxt = paragraphs[i + 1]
            lines.append((nxt.start, nxt.end, text[nxt.start : nxt.end]))
        for start, end, line in lines:
            head, _, pub = line.partition(",")
            title = _press_title(head)
            if title is None:
                continue
            person = (ctx.people.canonical(name) if ctx.people else None) or name
            evidence = Evidence(article.id, start, end, text[start:end], start, end)
            out.append(
                RoleFact(
                    person=person,
                    role=title,
                    organisation=pub.strip().rstrip(".") or _publication(ctx),
                    status="current",
                    start=start,
                    end=end,
                    evidence=evidence,
                )
            )
            break
    return out


@lru_cache(maxsize=1)
def _succession_cues() -> list[tuple[str, str, re.Pattern[str], re.Pattern[str] | None]]:
    """(where, status, regex before the person, regex after it) from succession_cues.tsv."""
    out = []
    for row in rows("succession_cues.tsv"):
        where, status, before = row[0].strip(), row[1].strip(), row[2].strip()
        after = re.compile(rf"\s+(?:{row[3].strip()})\b", re.I) if len(row) > 3 else None
        out.append((where, status, re.compile(rf"(?<![\w-])(?:{before})\s+$", re.I), after))
    return out


@lru_cache(maxsize=1)
def _any_succession_cue() -> re.Pattern[str]:
    """Matches where any succession cue's words before the person match (one search)."""
    alts = "|".join(f"(?:{before.pattern})" for _, _, before, _ in _succession_cues())
    return re.compile(alts or r"(?!)", re.I)


_PRIORITY = {"incoming": 0, "interim": 0, "acting": 0, "leaving": 1, "current": 2}


def _successor_fact(
    ctx: ArticleContext, facts: list[RoleFact], who: Mention, sent: tuple[int, int]
) -> RoleFact | None:
    """The post the predecessor `who` handed over: a fact of another person in the same
    sentence (the one that spans `who`, else the nearest before, else after; incoming and
    acting posts first, former ones never), else the sentence subject's one incoming post."""
    text = ctx.text
    as_title = re.match(r"\s+as\s", text[who.end : who.end + 5]) is not None
    near = [
        f
        for f in facts
        if sent[0] <= f.start < sent[1] and f.person != who.canonical and f.status != "former"
    ]

    def rank(f: RoleFact) -> tuple[int, int, int]:
        apposition = text[f.start : f.end].startswith(f.person.split()[-1] + ",") or bool(
            re.match(r"[^,]{2,40},\s", text[f.start : f.end])
        )
        where = 0 if as_title and f.start <= who.start and f.end >= who.end else 1
        distance = who.start - f.end if f.end <= who.start else 1000 + f.start - who.end
        priority = _PRIORITY.get(f.status, 2) + (2 if apposition and f.status == "current" else 0)
        return where, priority, distance

    if near:
        return min(near, key=rank)
    assert ctx.people is not None
    subject = next((m for m in ctx.people.mentions() if sent[0] <= m.start < who.start), None)
    if subject is None or subject.canonical == who.canonical:
        return None
    new = [f for f in facts if f.person == subject.canonical and _PRIORITY.get(f.status) == 0]
    return new[0] if len({(f.role, f.organisation) for f in new}) == 1 else None


def _succession_status(ctx: ArticleContext, who: Mention) -> str | None:
    """The status a succession cue around `who` gives them ("former" for "since Graham Tull
    retired"), or None when `who` is nobody's predecessor."""
    text = ctx.text
    window = text[max(0, who.start - 60) : who.start]
    honorific = re.search(r"(?:[A-Z][a-z]+\.?\s+)$", window)
    untitled = (
        window[: honorific.start()]
        if honorific and honorific_pattern().match(honorific.group(0))
        else None
    )
    cue = _any_succession_cue()
    if not may_match(cue, window):  # no cue's required words (`untitled` starts `window`)
        return None
    if cue.search(window) is None and (untitled is None or cue.search(untitled) is None):
        return None  # no cue's words before the person, with or without the honorific
    for where, status, before, after in _succession_cues():
        hit = before.search(window)
        if hit is None and honorific and honorific_pattern().match(honorific.group(0)):
            hit = before.search(window[: honorific.start()])
        if hit is None or (where == "around" and not (after and after.match(text, who.end))):
            continue
        return status
    return None


def is_predecessor(ctx: ArticleContext, who: Mention) -> bool:
    return _succession_status(ctx, who) is not None


def predecessor_roles(ctx: ArticleContext, facts: list[RoleFact]) -> list[RoleFact]:
    """ "Mr Oduya will join ACE in March, taking over from Dame Patricia Holm": Dame
    Patricia held the post Mr Oduya takes (chair of ACE)."""
    assert ctx.people is not None
    out = []
    for who in ctx.people.mentions():
        status = _succession_status(ctx, who)
        if status is None:
            continue
        sent = ctx.sentence_span(who.start, who.end)
        if any(f.person == who.canonical and sent[0] <= f.start < sent[1] for f in facts):
            continue  # "takes over from acting chief executive Nadia Farouk": stated
        post = _successor_fact(ctx, facts, who, sent)
        if post is None or post.organisation is None:
            continue
        out.append(
            RoleFact(
                person=who.canonical,
                role=post.role,
                organisation=post.organisation,
                status=status,  # type: ignore[arg-type]
                start=who.start,
                end=who.end,
                evidence=ctx.evidence(who.start, who.end),
            )
        )
    return out


_FROM = re.compile(r"\bfrom\s+(?:(?:her|his|their)\s+[a-z]+\s+(?:as\s+)?)?(?:the\s+|a\s+)?", re.I)
_TO_BECOME = re.compile(r"\s+to\s+(?:become|be)\s", re.I)


def moved_from_roles(ctx: ArticleContext, facts: list[RoleFact]) -> list[RoleFact]:
    """ "Ann Lowe has moved from medical director to become director of strategy": the
    post left ("from TITLE to become" before the new post, in its sentence) was the
    person's, at the new post's body, and is former."""
    text = ctx.text
    vocab = role_vocabulary()
    out = []
    for f in facts:
        if f.status not in ("incoming", "current", "interim", "acting") or not f.organisation:
            continue
        s, e = ctx.sentence_span(f.start, f.end)
        for m in _FROM.finditer(text, s, e):
            title = vocab.pattern.match(text, m.end(), e)
            if title is None or not _TO_BECOME.match(text, title.end()):
                continue
            if text.lower().find(f.role, title.end(), e) < 0:
                continue  # the new post is not this fact's
            word = re.sub(r"\s+", " ", title.group("title").lower())
            role = vocab.canonical.get(word, word)
            if role == f.role or any(g.person == f.person and g.role == role for g in facts):
                continue
            out.append(
                RoleFact(
                    person=f.person,
                    role=role,
                    organisation=f.organisation,
                    status="former",
                    start=title.start(),
                    end=title.end(),
                    evidence=ctx.evidence(title.start(), title.end()),
                )
            )
            break
    return out
