"""What the event rules share: who a sentence is about, the post they hold, the dates
of a cue, and building an Event with its evidence."""

from __future__ import annotations

import re
from functools import cache

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.coreference import pronoun_referent
from sectorwatch.extract.entities.titles import complete_title
from sectorwatch.extract.entities.vocab import honorific_pattern, role_vocabulary
from sectorwatch.extract.lexicon import comes_from, succession_verbs
from sectorwatch.model import Event, RoleFact

_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)


# "was replaced by X" is the passive (events/passive_succession.py): X is the successor
TAKES_OVER_FROM = re.compile(
    rf"\b(?:(?P<done>{succession_verbs('former')}|(?:took|has\s+taken|had\s+taken)\s+over\s+(?:as|the)\s+"
    rf"[^,.;]{{1,60}}?\s+from)|{succession_verbs('leaving')}|(?:takes|will\s+take|is\s+to\s+take|"
    rf"taking)\s+over\s+(?:as|the)\s+[^,.;]{{1,60}}?\s+from)\s+(?!by\s)",
    re.IGNORECASE,
)
_PREDECESSOR_GAP = re.compile(
    r"(?:(?:the\s+)?(?:[a-z][a-z-]*,?\s+){0,6}?)?(?:[A-Z]{2,4}\s+)?(?:[A-Z][a-z]*\.?\s+)?"
)


_OPENS = "‘'“\""
_CLOSES = "’'”\""


_STOP = re.compile(r"[.!?;:]")


def scare_quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a few words set in quotation marks of their own inside
    narration ("announced he was ‘standing down’"), not a passage of speech."""
    if start == 0 or text[start - 1] not in _OPENS:
        return False
    tail = text[end : end + 25]
    close = next((i for i, c in enumerate(tail) if c in _CLOSES), None)
    return close is not None and not _STOP.search(tail, 0, close)


def predecessor(ctx: ArticleContext, pos: int, limit: int):  # type: ignore[no-untyped-def]
    """The person right after "takes over from" at `pos`, past a title ("from interim
    finance director Tony Gill") or an honorific ("from Dame Patricia Holm")."""
    assert ctx.people is not None
    m = ctx.people.first_starting_in(pos, limit)
    if m is None:
        return None
    return m if _PREDECESSOR_GAP.fullmatch(ctx.text[pos : m.start]) else None


# "Owen Tate, who joins from Brindle Care, will ...": the name after it is where the
# person comes from (an employer, however it was tagged), never the subject.
COMES_FROM = comes_from()


def _follows_takeover(ctx: ArticleContext, start: int) -> bool:
    """Whether a person named at `start` is the one being taken over from (or the place a
    newcomer comes from)."""
    text = ctx.text
    window = text[max(0, start - 70) : start]
    if COMES_FROM.search(window):
        return True
    return any(
        _PREDECESSOR_GAP.fullmatch(window[m.end() :]) for m in TAKES_OVER_FROM.finditer(window)
    )


# "Gary Doherty, Mr Richard's deputy, has agreed ...": a possessor is not the subject (but
# "Mr Jesky's term finishes" is the cue itself, right after the name).
_POSSESSIVE = re.compile(r"[’']s?\s+(?!term\b)\S")
_OWNS = re.compile(r"[’']s?$")


_TERM = re.compile(r"\s+term\b")


def _possessor(text: str, start: int, end: int, cue: int) -> bool:
    """Whether the name at text[start:end] is a possessor ("Mr Richard's deputy")."""
    if _OWNS.search(text, start, end):
        return not _TERM.match(text[end:cue])
    return _POSSESSIVE.match(text, end, cue) is not None


def subject_before(
    ctx: ArticleContext, sent_s: int, cue_s: int, skip_predecessor: bool = False
) -> tuple[str, int] | None:
    """The person the sentence is about, named (or he/she) nearest before the cue; not the
    one taken over from ("Heller, who takes over from Ruth Emsley, will become ...")."""
    assert ctx.people is not None
    mention = ctx.people.most_recent_before(cue_s)
    while (
        mention is not None
        and mention.start >= sent_s
        and (
            (skip_predecessor and _follows_takeover(ctx, mention.start))
            or _possessor(ctx.text, mention.start, mention.end, cue_s)
        )
    ):
        mention = ctx.people.most_recent_before(mention.start)
    named = mention if mention and mention.start >= sent_s else None
    best = (named.canonical, named.end) if named else None
    for p in _PRONOUN.finditer(ctx.text, sent_s, cue_s):
        if best is None or p.end() > best[1]:
            who = pronoun_referent(ctx, p.start(), p.group(0))
            if (
                named is not None
                and who != named.canonical
                and _names_of(ctx, sent_s, cue_s) == {named.canonical}
                and (
                    _TELLS.search(ctx.text, max(sent_s, p.start() - 30), p.start())
                    or _POSSESSIVE_OF[p.group(0).lower()].search(ctx.text[named.end : p.start()])
                )
            ):
                # "X, chief executive of Y, announced he was ...", "X will leave her post
                # when she becomes ...": the sentence's one named person, whom a possessive
                # of the same gender has already referred to
                who = named.canonical
            elif (
                who is not None
                and who not in _names_of(ctx, sent_s, p.start())
                and _RELATIVE_PRONOUN.search(ctx.text, max(sent_s, p.start() - 20), p.start())
            ):
                # "X had been advising Y in a role of Z, to which she was appointed": the
                # pronoun of a relative clause is the sentence's first person it fits
                who = _first_fitting(ctx, sent_s, p.start(), p.group(0)) or who
            if who:
                best = (who, p.end())
    return best


_RELATIVE_PRONOUN = re.compile(r",\s+(?:to|in|for|from|of)\s+which\s+$", re.IGNORECASE)


def _first_fitting(ctx: ArticleContext, start: int, end: int, pronoun: str) -> str | None:
    """The first person named between `start` and `end` whose gender fits he/she."""
    assert ctx.people is not None
    fits = ("f" if pronoun.lower() == "she" else "m", None)
    for mention in ctx.people.starting_in(start, end):
        if ctx.people.gender(mention.canonical) in fits:
            return mention.canonical
    return None


# "X announced he ...", "X said that she ...", "X decided in May she would ...": the
# pronoun is the teller (or the one deciding).
_TELLS = re.compile(
    r"\b(?:announced|said|revealed|confirmed|told\s+\w+|added|stated|indicated|explained|"
    r"decided|agreed)(?:\s+(?:in|on|last|earlier|this)\s+\w+)?(?:\s+that)?\s+$",
    re.IGNORECASE,
)


_POSSESSIVE_OF = {"he": re.compile(r"\b(?i:his)\b"), "she": re.compile(r"\b(?i:her)\b")}


def _names_of(ctx: ArticleContext, start: int, end: int) -> set[str]:
    assert ctx.people is not None
    return {m.canonical for m in ctx.people.starting_in(start, end)}


def person_after(ctx: ArticleContext, pos: int, limit: int) -> str | None:
    """The first person named after `pos`, past a possessor ("covered by Westmoor Hospital's
    Professor X": whatever "Westmoor Hospital" was tagged as, X is the one)."""
    assert ctx.people is not None
    m = ctx.people.first_starting_in(pos, limit)
    if m is not None and _CLAUSE_BREAK.search(ctx.text, pos, m.start):
        return None  # "the departure of X at the end of 2022, with Y appointed ...": not Y
    while m is not None:
        n = ctx.people.first_starting_in(m.end, limit)
        if n is None or not _OWNS_NEXT.fullmatch(ctx.text, m.end, n.start):
            break
        m = n
    return m.canonical if m is not None else None


_CLAUSE_BREAK = re.compile(r"\s[–—]\s|;|,\s+(?:with|and|while|but|as|after|before)\s")
# A possessor between two names: "Westmoor and Exeter Hospital's (WEH) Professor ".
_OWNS_NEXT = re.compile(r"[^,.;]{0,40}?[’']s?\s+(?:\([^()]{1,20}\)\s+)?(?:[A-Z][a-z]*\.?\s+)?")


_SPACES = re.compile(r"\s+")


def named_right_after(ctx: ArticleContext, pos: int) -> str | None:
    """The person named right after an active appointing verb ("named Dr Casimir Oboh")."""
    assert ctx.people is not None
    m = _SPACES.match(ctx.text[pos : pos + 3])
    at = pos + (m.end() if m else 0)
    mention = ctx.people.starting_at(at)
    if mention is None and (title := _honorifics().match(ctx.text[at : at + 40])):
        mention = ctx.people.starting_at(at + title.end())  # "appointed Professor X as"
    if mention is None:
        return None
    return person_after(ctx, mention.start, mention.end + 60)  # past a possessor


@cache
def _honorifics() -> re.Pattern[str]:
    return honorific_pattern()


# Words that put the dates after the cue in the future ("will take up the post in June");
# without them an announced event's dates are past ("The boards approved it on Tuesday").
_FUTURE = re.compile(
    r"\b(?:will|shall|to\s+(?:be|become|take|join|start|leave|retire|step|merge|act)|"
    r"is\s+to|are\s+to|due|set|expected|plans?|from|next|later|until|by|intends?|would)\b",
    re.IGNORECASE,
)


def _dates(ctx: ArticleContext, sent: tuple[int, int], cue: tuple[int, int], future: bool):
    """Dates before the cue are when it was announced (read as past), dates after it when
    it takes effect (read as future when the sentence looks forward)."""
    text = ctx.text
    announced = effective = None
    ranges: dict[str, str | None] = {}
    future = future and bool(_FUTURE.search(text, cue[0], sent[1]))
    past = ctx.dates.find(text[sent[0] : sent[1]], future=False)
    ahead = ctx.dates.find(text[sent[0] : sent[1]], future=True) if future else past
    for d_past, d_ahead in zip(past, ahead, strict=False):
        pos = sent[0] + d_past.start
        d = d_past if pos < cue[0] else d_ahead
        if d.value is None or d.kind == "since":
            continue
        if pos < cue[0] and d.kind == "point" and announced is None:
            announced = d.value
            ranges["announced"] = d.range
        elif effective is None:
            effective = d.value
            ranges["effective"] = d.range
    return announced, effective, ranges


def main_date(status: str | None, announced: str | None, effective: str | None) -> str | None:
    if status == "completed":
        return effective or announced
    return announced or effective


def _main_range(
    date: str | None, announced: str | None, effective: str | None, ranges: dict[str, str | None]
) -> str | None:
    """The season range ("2024-06/2024-08") of whichever date became `Event.date`."""
    if date is None:
        return None
    for name, value in (("announced", announced), ("effective", effective)):
        if value == date and ranges.get(name):
            return ranges[name]
    return None


def event(
    ctx: ArticleContext, kind: str, cue: tuple[int, int], sent: tuple[int, int], **kw
) -> Event:
    future = kw.get("status") in ("announced", "proposed", "requested")
    announced, effective, ranges = _dates(ctx, sent, cue, future)
    date = main_date(kw.get("status"), announced, effective)
    return Event(
        type=kind,  # type: ignore[arg-type]
        start=sent[0],
        end=sent[1],
        announced=announced,
        effective=effective,
        date=date,
        evidence=ctx.evidence(sent[0], sent[1]),
        date_range=_main_range(date, announced, effective, ranges),
        **kw,
    )


def post_event(
    ctx: ArticleContext,
    kind: str,
    cue: tuple[int, int],
    sent: tuple[int, int],
    person: str,
    post: RoleFact | None,
    status: str,
) -> Event:
    """An appointment or departure of `person` in `post` (its role and organisation; both
    None when no post is known)."""
    return event(
        ctx, kind, cue, sent,
        person=person,
        role=post.role if post else None,
        organisation=post.organisation if post else None,
        status=status,
    )  # fmt: skip


def title_near(ctx: ArticleContext, start: int, end: int) -> tuple[str, int, int] | None:
    """The first title between `start` and `end`, completed ("director of strategy")."""
    m = role_vocabulary().pattern.search(ctx.text, start, end)
    if not m:
        return None
    role, t_end, _ = complete_title(ctx, m.group("title"), m.end("title"))
    return role, m.start(), t_end


# "Ruth Emsley retires next month, and her successor will be appointed by ...": the
# subject of the cue is someone not yet named.
UNNAMED_SUBJECT = re.compile(
    r"\b(?:his|her|their|a|the|its)\s+(?:permanent\s+|new\s+|eventual\s+)?"
    r"(?:successor|replacement)s?\s+(?:\w+\s+){0,2}$"
    # "it was decided who would take over the job": a question, nobody named
    r"|\b(?:decided|decide|decides|deciding|know|knows|known|clear|unclear|confirmed|announced|"
    r"asked|ask|choose|chosen|about|over|whether)\s+who\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


_BODY_GAP = re.compile(r"\s*(?:of|at|for|with|in)\s+(?:the\s+)?(?:then\s+|former\s+)?")


def post_after(ctx: ArticleContext, pos: int, end: int) -> tuple[str | None, str | None]:
    """The post an appointment cue names when no role fact holds it ("steps up from deputy
    to chief nursing officer at X"): the title within a few words, and the organisation
    right after it ("of", "at", "for", "with")."""
    title = title_near(ctx, pos, min(end, pos + 40))
    if title is None:
        return None, None
    assert ctx.organisations is not None
    gap = _BODY_GAP.match(ctx.text[title[2] : end])  # "chief executive of the then X"
    org = ctx.organisations.starting_at(title[2] + gap.end()) if gap else None
    return title[0], org.canonical if org else None


# Rank words a title search starts after ("deputy chief executive").
_RANKS = re.compile(r"(?:(?:deputy|assistant|associate|joint|senior)\s+)*", re.I)


def post_written_at(ctx: ArticleContext, at: int, end: int) -> tuple[str, str | None] | None:
    """The post whose title starts at `at` (past rank words: "deputy chief executive of
    X"), with the body right after it; None when no title starts there."""
    ranks = _RANKS.match(ctx.text, at, end)
    start = ranks.end() if ranks else at
    title = title_near(ctx, start, min(end, start + 40))
    if title is None or title[1] != start:
        return None
    role, organisation = post_after(ctx, start, end)
    if role is None:
        return None
    words = " ".join(ctx.text[at:start].lower().split())
    if words and not role.startswith(words):
        role = f"{words} {role}"
    return role, organisation
