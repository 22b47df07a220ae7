"""reporting_line events: a plural or unbound title before "report to" (subordinate:
"joint regional directors"), or the post of the person the sentence is about, and the
title or person after it (superior); "The post holder will report to" after a sentence
naming a post (that post); "will serve as <post> to <title>" (the post, the title)."""

from __future__ import annotations

import re

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.coreference import pronoun_referent
from sectorwatch.extract.entities.person_roles import role_of
from sectorwatch.extract.entities.titles import complete_title
from sectorwatch.extract.entities.vocab import canonical_title, role_vocabulary
from sectorwatch.extract.events.common import (
    event,
    person_after,
    subject_before,
    title_near,
)
from sectorwatch.extract.events.role_created import creates_role, listed_posts
from sectorwatch.extract.events.rules import EventKind, EventRule, Sentences, cues_in
from sectorwatch.extract.lexicon import lower_words, plural_counts, title_modifiers
from sectorwatch.model import Event

_SUB_MODS = lower_words("subordinate_modifiers.txt")
# Which cue names the stage when several match in one sentence ("a step closer to a
# merger of" is proposed, not announced); across sentences the later stage wins.
_SUBORDINATE = re.compile(
    rf"\b(?:the\s+)?(?:(?:\d+|{plural_counts()}|all|its|their)\s+)?"
    rf"((?:(?:{title_modifiers()})\s+)*"
    r"[a-z ]*?(?:directors|officers|executives|chairs|leads|managers|heads|teams))\b",
    re.IGNORECASE,
)

_REPORT_NOUN = re.compile(
    r"\b(?:a|an|the|its|their|his|her|this|that|annual|final|interim|latest)\s+"
    r"(?:[a-z-]+\s+)?$",
    re.IGNORECASE,
)
_BOARD = re.compile(
    r"\s*(?:directly\s+)?(?:to\s+)?the\s+(?:\w+\s+)?(?:board|governing body)\b", re.I
)
_OBJECT_PRONOUN = re.compile(r"\s*(him|her)\b", re.IGNORECASE)
# "The post holder will report to ...": the subject is the post the sentence before named.
_POST_HOLDER = re.compile(
    r"\s*(?:the|this)\s+(?:new\s+)?(?:post[- ]?holder|appointee)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def _singular_subordinate(
    ctx: ArticleContext, sent: tuple[int, int], cue: int
) -> tuple[str | None, str | None]:
    """Who reports, when no plural title does: the post of the person the sentence is about
    ("She will report directly to ...", "X was appointed COO, reporting to ..."), else a
    title shortly before the cue ("The new COO will be accountable to the board")."""
    found = subject_before(ctx, sent[0], cue)
    if found is not None:
        fact = role_of(ctx, found[0], sent, ("incoming", "interim", "acting", "current"))
        if fact is None or fact.status == "former":
            return None, None
        return fact.role, fact.organisation
    titles = list(role_vocabulary().pattern.finditer(ctx.text, max(sent[0], cue - 120), cue))
    return (canonical_title(titles[-1].group("title")) if titles else None), None


def _post_before(ctx: ArticleContext, sentences: Sentences, i: int, cue: int) -> str | None:
    """ "... is to be replaced by a director of strategy. The post holder will report to X":
    the last title of the sentence before, when the cue's subject is the post's holder."""
    if i == 0 or not _POST_HOLDER.match(ctx.text, sentences[i][0], cue):
        return None
    prev = sentences[i - 1]
    titles = [
        t
        for t in role_vocabulary().pattern.finditer(ctx.text, *prev)
        if not ctx.in_quote(t.start())
    ]
    if not titles:
        return None
    return complete_title(ctx, titles[-1].group("title"), titles[-1].end("title"))[0]


_PUNCTUATION = re.compile(r"[.;,]")


def _superior_after(ctx: ArticleContext, sent: tuple[int, int], pos: int) -> str | None:
    """The title (or person, as their title when known) reported to; "the board"."""
    end = min(sent[1], pos + 40)
    title = title_near(ctx, pos, end)
    if title is not None and not _PUNCTUATION.search(ctx.text, pos, title[1]):
        return title[0]
    if _BOARD.match(ctx.text, pos):
        return "board"
    pronoun = _OBJECT_PRONOUN.match(ctx.text, pos)
    person = (
        pronoun_referent(ctx, pos + pronoun.start(1), pronoun.group(1))
        if pronoun
        else person_after(ctx, pos, end)
    )
    if person is None:
        return None
    fact = role_of(ctx, person, sent, ("current", "interim", "acting", "incoming"))
    return fact.role if fact is not None else person


_FUTURE_WORD = re.compile(r"\b(?:will|to|would)\b")


def reporting_lines(ctx: ArticleContext, sentences: Sentences, i: int | None) -> list[Event]:
    assert i is not None
    sent = sentences[i]
    out: list[Event] = []
    text = ctx.text
    assert ctx.people is not None and ctx.organisations is not None
    for pattern, direction in cues_in("reporting_line", text, sent):
        if direction == "oversees":
            continue  # the oversight rule
        if direction == "as-to":
            out += _serving_as(ctx, sent, pattern)
            if out:
                return out
            continue
        for m in pattern.finditer(text, sent[0], sent[1]):
            if ctx.in_quote(m.start()):
                continue
            subs = list(_SUBORDINATE.finditer(text, sent[0], m.start()))
            subs = [s for s in subs if canonical_title(s.group(1).split()[-1][:-1]) or True]
            subs = [s for s in subs if role_vocabulary().pattern.search(s.group(1))]
            if subs:
                phrase = subs[-1].group(1).lower().strip()
                t = role_vocabulary().pattern.search(phrase)
                mods = phrase[: t.start()].split() if t else []
                keep: list[str] = []
                for w in reversed(mods):
                    if w not in _SUB_MODS:
                        break
                    keep.insert(0, w)
                sub_org = None
                sub: str | None = " ".join(keep + [phrase[t.start() :] if t else phrase])
            elif _REPORT_NOUN.search(text, max(sent[0], m.start() - 30), m.start()):
                continue  # "in a report to the board": the noun
            elif (held := _post_before(ctx, sentences, i, m.start())) is not None:
                sub, sub_org = held, None
            elif creates_role(text, sent) or listed_posts(ctx, sent):
                continue  # "a new post ..., reporting directly to X": the role's reports_to
            else:
                sub, sub_org = _singular_subordinate(ctx, sent, m.start())
            if sub is None:
                continue
            superior = _superior_after(ctx, sent, m.end())
            if superior is None or superior == sub:
                continue
            org = ctx.organisations.combined(m.start())
            if org is None:
                near = ctx.organisations.in_span(sent[0], sent[1])
                org = near[0].canonical if near else sub_org
            status = "announced" if _FUTURE_WORD.search(text[sent[0] : m.start()]) else None
            out.append(
                event(
                    ctx, "reporting_line", (m.start(), m.end()), sent,
                    subordinate=sub, superior=superior, organisation=org, status=status,
                )
            )  # fmt: skip
            return out
    return out


_TO = re.compile(r"s?\s+to\s+")
_RANK_WORDS = re.compile(r"\s*(?:(?:deputy|assistant|associate|joint|senior)\s+)*", re.IGNORECASE)


def _serving_as(
    ctx: ArticleContext, sent: tuple[int, int], pattern: re.Pattern[str]
) -> list[Event]:
    """ "X will serve as deputy medical directors to national medical director Y": the post
    after the cue reports to the title (or person) after "to"."""
    assert ctx.organisations is not None
    for m in pattern.finditer(ctx.text, *sent):
        ranks = _RANK_WORDS.match(ctx.text, m.end(), sent[1])
        at = ranks.end() if ranks else m.end()
        title = role_vocabulary().pattern.match(ctx.text, at, sent[1])
        if ctx.in_quote(m.start()) or title is None:
            continue
        sub, t_end, _ = complete_title(ctx, title.group("title"), title.end("title"))
        sub = " ".join([*ctx.text[m.end() : at].lower().split(), sub])  # rank words
        to = _TO.match(ctx.text, t_end, sent[1])
        if to is None:
            continue
        superior = _superior_after(ctx, sent, to.end())
        if superior is None or superior == sub or superior == "board":
            continue
        near = ctx.organisations.in_span(*sent)
        status = "announced" if _FUTURE_WORD.search(ctx.text[sent[0] : m.start()]) else None
        return [
            event(
                ctx, "reporting_line", (m.start(), to.end()), sent,
                subordinate=sub, superior=superior,
                organisation=near[0].canonical if near else None, status=status,
            )
        ]  # fmt: skip
    return []


_LED_BY = re.compile(r"[^.;]{0,100}?\bled\s+by\s+", re.IGNORECASE)
_OVERSEEN = re.compile(
    rf"\s+(?:the\s+)?(?:(?:\d+|{plural_counts()}|all|its|their)\s+)?",
    re.IGNORECASE,
)


def _overseer(ctx: ArticleContext, sent: tuple[int, int], cue: int) -> str | None:
    """The post of who oversees: a title just before the cue ("The chief operating officer
    will oversee"), else the post of the person the sentence is about."""
    titles = list(role_vocabulary().pattern.finditer(ctx.text, max(sent[0], cue - 60), cue))
    if titles and not ctx.people.starting_in(titles[-1].end(), cue):  # type: ignore[union-attr]
        return canonical_title(titles[-1].group("title"))
    found = subject_before(ctx, sent[0], cue)
    if found is None:
        return None
    fact = role_of(ctx, found[0], sent, ("current", "incoming", "interim", "acting"))
    return fact.role if fact is not None and fact.status != "former" else None


def oversight(ctx: ArticleContext, sentences: Sentences, i: int | None) -> list[Event]:
    """ "X will oversee the Y, led by Z": Z's post reports to X's; "X oversees the seven
    joint regional directors": they report to X's post."""
    assert i is not None
    sent = sentences[i]
    text = ctx.text
    assert ctx.organisations is not None
    for pattern, direction in cues_in("reporting_line", text, sent):
        if direction != "oversees":
            continue
        for m in pattern.finditer(text, *sent):
            if ctx.in_quote(m.start()):
                continue
            led = _LED_BY.match(text, m.end(), sent[1])
            if led is not None:
                sub = _superior_after(ctx, sent, led.end())
            else:
                gap = _OVERSEEN.match(text, m.end(), sent[1])
                plural = _SUBORDINATE.match(text, gap.end() if gap else m.end(), sent[1])
                sub = plural.group(1).lower() if plural else None
                if plural is None or not role_vocabulary().pattern.search(plural.group(1)):
                    sub = None
            superior = _overseer(ctx, sent, m.start())
            if sub is None or superior is None or sub == superior or sub == "board":
                continue
            near = ctx.organisations.in_span(*sent)
            org = ctx.organisations.combined(m.start()) or (near[0].canonical if near else None)
            status = "announced" if _FUTURE_WORD.search(m.group(0)) else None
            return [
                event(
                    ctx, "reporting_line", (m.start(), m.end()), sent,
                    subordinate=sub, superior=superior, organisation=org, status=status,
                )
            ]  # fmt: skip
    return []


KIND = EventKind(
    type="reporting_line",
    key=lambda e: (e.subordinate, e.superior),
    rules=(
        EventRule("reports to", 50, reporting_lines),
        EventRule("oversees", 55, oversight),
    ),
)
