"""Departures and appointments read from their cues: the person is the nearest person (or
he/she) before the cue in its sentence, the object of an active appointing verb ("has
appointed Helena Markby as"), or the first after "departure of" / "appointment of"; role
and organisation come from that person's role facts (the one stated in the same sentence
first), else, for an appointment, the title the cue names."""

from __future__ import annotations

import re

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.coreference import pronoun_referent
from sectorwatch.extract.entities.person_roles import role_of
from sectorwatch.extract.entities.titles import complete_title
from sectorwatch.extract.entities.vocab import role_vocabulary
from sectorwatch.extract.events import returns
from sectorwatch.extract.events.career import career_step, same_post_words
from sectorwatch.extract.events.common import (
    UNNAMED_SUBJECT,
    event,
    named_right_after,
    person_after,
    post_after,
    post_written_at,
    scare_quoted,
    subject_before,
    title_near,
)
from sectorwatch.extract.events.parsed_subjects import syntactic_subjects
from sectorwatch.extract.events.rules import cues_in
from sectorwatch.extract.events.stated_posts import antecedent_post
from sectorwatch.model import Event


def cue_events(ctx: ArticleContext, sentences, i: int, kind: str) -> list[Event]:  # type: ignore[no-untyped-def]
    """The `kind` ("departure" or "appointment") events the cues of sentence `i` state."""
    out: list[Event] = []
    sent = sentences[i]
    text = ctx.text
    assert ctx.people is not None
    for pattern, status in cues_in(kind, text, sent):
        for m in pattern.finditer(text, sent[0], sent[1]):
            if ctx.in_quote(m.start()) and not scare_quoted(ctx.text, m.start(), m.end()):
                continue
            named = (
                named_right_after(ctx, m.end())
                if kind == "appointment" and not _NAMES_PREDECESSOR.search(m.group(0))
                else None
            )
            person: str | None
            if named is not None:
                person = named  # "has appointed Helena Markby as": the object
            elif _NAMES_AFTER.search(m.group(0)):
                person = person_after(ctx, m.end(), min(sent[1], m.end() + 90))
            elif (owner := _OWNER.match(m.group(0))) is not None:
                # "on his first day in charge": whom the possessive refers to
                person = _owner(ctx, sent[0], m.start(), owner.group(0).lower() == "her")
            elif (relative := relative_subject(ctx, sent[0], m.start())) is not None:
                person = relative  # "the departure of X, who joined in May"
            else:
                found = subject_before(ctx, sent[0], m.start(), kind == "appointment")
                if found and kind == "appointment" and _object_of_preposition(ctx, found[1]):
                    found = None  # "has led the ICB since the departure of X and will ..."
                person = found[0] if found else None
                if found and UNNAMED_SUBJECT.search(text, found[1], m.start()):
                    continue  # "her successor will be appointed": nobody named
                if person is None and kind == "appointment":
                    after = ctx.people.first_starting_in(m.end(), min(sent[1], m.end() + 60))
                    if after is not None and not _AGENT.fullmatch(text, m.end(), after.start):
                        person = after.canonical  # not "... supported closely by X"
            people = [person] if person is not None else []
            if named is None and not _NAMES_AFTER.search(m.group(0)):
                people = _with_parsed_subjects(ctx, sent, (m.start(), m.end()), people)
            for who in people:
                if kind == "appointment" and returns.is_return(m.group(0)):
                    out += returns.return_events(ctx, m, status, who, sent)
                    continue
                found_event = _event_for(ctx, kind, m, status, who, sent)
                if found_event is not None:
                    out.append(found_event)
    return out


def _owner(ctx: ArticleContext, sent_s: int, cue_s: int, female: bool) -> str | None:
    """Whom "his"/"her" at `cue_s` refers to: the sentence's first person named before it
    whose gender fits ("X's first statement came on his first day"), else the pronoun's
    referent."""
    assert ctx.people is not None
    fits = ("f" if female else "m", None)
    for mention in ctx.people.starting_in(sent_s, cue_s):
        if ctx.people.gender(mention.canonical) in fits:
            return mention.canonical
    return pronoun_referent(ctx, cue_s, "she" if female else "he")


def relative_subject(ctx: ArticleContext, sent_s: int, cue_s: int) -> str | None:
    """The person a relative clause right before the cue is about: "the departure of X,
    who joined in May", "takes over from X, who has held the post since 2019": X, whatever
    role the name plays in the main clause."""
    assert ctx.people is not None
    mention = ctx.people.most_recent_before(cue_s)
    if mention is None or mention.start < sent_s:
        return None
    return mention.canonical if _WHO.fullmatch(ctx.text, mention.end, cue_s) else None


_WHO = re.compile(
    r",\s+who\s+(?:(?:has|had|have|is|was|will|would|also|now|then|previously|recently|"
    r"already|first|later|originally|briefly)\s+)*"
)


_OWNER = re.compile(r"his|her(?=\s)", re.IGNORECASE)
_AGENT = re.compile(r"[^.;]*?\bby\s+(?:[a-z]+\s+){0,3}")
# "departure of X", "the post is being filled by X": the person is the one named after.
_NAMES_AFTER = re.compile(r"\b(?:of|by)\s*$")
# "to replace Dido Harding", "will succeed X": the name after the cue is the one replaced.
_NAMES_PREDECESSOR = re.compile(r"(?:replace[sd]?|succeed[sd]?)$", re.IGNORECASE)
_PREPOSITION = re.compile(
    r"\b(?:(?:since|after|following|before|until|when)(?:\s+the\s+[a-z]+\s+of)?|of)\s+$"
)


def _object_of_preposition(ctx: ArticleContext, end: int) -> bool:
    """Whether the person named up to `end` is the object of a preposition ("the departure
    of Colin Draper"), so not the subject of a later verb."""
    assert ctx.people is not None
    mention = ctx.people.ending_at(end)
    if mention is None:
        return False
    return _PREPOSITION.search(ctx.text, max(0, mention.start - 60), mention.start) is not None


_JOINED_SUBJECTS = re.compile(r"\s(?:and|&)\s")


def _with_parsed_subjects(
    ctx: ArticleContext, sent: tuple[int, int], cue: tuple[int, int], people: list[str]
) -> list[str]:
    """The parse decides where the surface cannot: the verb's subject when the surface
    found nobody, and the others of coordinated subjects ("X and Y were appointed joint
    chairs") when the surface's person is one of them."""
    if people and not _JOINED_SUBJECTS.search(ctx.text, sent[0], cue[0]):
        return people  # nothing coordinated before the cue: no parse needed
    assert ctx.people is not None
    if not people and not (
        ctx.people.starting_in(sent[0], cue[0])
        or role_vocabulary().pattern.search(ctx.text, sent[0], cue[0])
    ):
        return []  # no name and no role noun before the cue: the parse has nobody to give
    parsed = syntactic_subjects(ctx, sent, cue, besides=people[0] if people else None)
    if not people:
        return parsed
    if people[0] in parsed:
        return people + [p for p in parsed if p not in people]
    return people


def _event_for(ctx, kind, m, status, person, sent) -> Event | None:  # type: ignore[no-untyped-def]
    """The event of one person at one cue, with the post they hold or take."""
    prefer: tuple[str, ...] = ("leaving", "current", "interim", "acting", "former")
    if kind == "appointment":
        prefer = ("incoming", "interim", "acting", "current")
    fact = role_of(ctx, person, sent, prefer)
    verb_post = _VERB_POST.search(m.group(0)) if kind == "appointment" else None
    if verb_post is not None:
        return _verb_post_event(ctx, m, status, person, sent, verb_post.group(1).lower())
    antecedent = None
    named_post = None
    if kind == "appointment" and fact is not None and fact.status != "incoming":
        # "X, chief officer of A, will take up the role": the post the sentences before
        # name, not the one X holds; "X ... will also become deputy chief executive": the
        # post written right after the cue
        antecedent = antecedent_post(ctx, m.group(0), sent[0])
        named_post = _post_right_after(ctx, m.end(), sent[1]) if antecedent is None else None
        other = antecedent or named_post
        if other is not None and other[0] is not None and same_post_words(other[0], fact.role):
            antecedent = named_post = None  # the post X holds, told again: keep its body
        elif other is not None:
            fact = None
    if (
        antecedent is None
        and named_post is None
        and kind == "appointment"
        and (fact is None or fact.status in ("former", "leaving"))
    ):
        after = _past_agent(ctx, m.end(), sent[1])
        title = title_near(ctx, after, min(sent[1], after + 40))
        antecedent = antecedent_post(ctx, m.group(0), sent[0]) if title is None else None
        if antecedent is not None:
            fact = None  # "X took up the role": the post the sentences before name
        elif title is None and not _POST_ELSEWHERE.match(m.group(0)):
            if fact is None or fact.status == "leaving":
                return None  # "was made a dame": no post, and none to leave
    if kind == "departure" and fact is not None and fact.status == "incoming":
        fact = None
    if kind == "departure":
        fact = _post_left(ctx, person, m.end(), sent) or fact
    role = fact.role if fact else None
    organisation = fact.organisation if fact else None
    if antecedent is not None:
        role, organisation = antecedent
    elif named_post is not None:
        role, organisation = named_post
    elif kind == "appointment" and fact is None and _NAMES_AFTER.search(m.group(0)):
        role, organisation = _subject_post(ctx, sent[0], m.start())
    elif kind == "appointment" and fact is None:
        after = _past_agent(ctx, m.end(), sent[1])
        role, organisation = post_after(ctx, after, sent[1])
        if organisation is None and after != m.end():
            organisation = _agent(ctx, m.end())  # "appointed by X as its chief nurse"
    found = event(
        ctx, kind, (m.start(), m.end()), sent,
        person=person, role=role, organisation=organisation, status=status,
    )  # fmt: skip
    if kind != "appointment":
        return found
    return career_step(ctx, found, m, post_known=antecedent is not None)


_RIGHT_AFTER = re.compile(
    r"\s+(?:as\s+)?(?:(?:the|an?|its|their|interim|acting|new|permanent)\s+)*"
)


def _post_right_after(
    ctx: ArticleContext, cue_end: int, sent_end: int
) -> tuple[str | None, str | None] | None:
    """The post written right after the cue ("will become interim deputy chief
    executive of X"), or None when no title starts there."""
    gap = _RIGHT_AFTER.match(ctx.text, cue_end, sent_end)
    return post_written_at(ctx, gap.end(), sent_end) if gap else None


_BY = re.compile(r"\s+by\s+(?:the\s+)?")


def _past_agent(ctx: ArticleContext, cue_end: int, sent_end: int) -> int:
    """Where the post of a passive cue is written: past its agent body ("has been appointed
    by Orchard Trust as its chief nurse"), else right after the cue."""
    assert ctx.organisations is not None
    gap = _BY.match(ctx.text, cue_end, sent_end)
    body = ctx.organisations.starting_at(gap.end()) if gap else None
    return body.end if body is not None else cue_end


def _agent(ctx: ArticleContext, cue_end: int) -> str | None:
    assert ctx.organisations is not None
    gap = _BY.match(ctx.text, cue_end)
    body = ctx.organisations.starting_at(gap.end()) if gap else None
    return body.canonical if body is not None else None


def _subject_post(ctx: ArticleContext, sent_s: int, cue_s: int) -> tuple[str | None, None]:
    """The post a passive cue's subject names ("The medical director role has been covered
    by X", "Her post is being filled by X"): the last title before the cue, if any."""
    titles = list(role_vocabulary().pattern.finditer(ctx.text, sent_s, cue_s))
    if not titles:
        return None, None
    last = titles[-1]
    role, _, _ = complete_title(ctx, last.group("title"), last.end("title"))
    return role, None


# Cues that are an appointment with no title after them: a fronted "Appointed in April
# 2021, X ..." (the post is the subject's), "will join X", "arrived in 2015", "has been in
# charge of X since 2011" (a body joined or run, post unstated), "her role is being filled
# by X" (the post is the subject's).
_POST_ELSEWHERE = re.compile(
    r"(?-i:Appointed)\b|.*\b(?:join(?:s|ed)?|by|arrived|in\s+charge|in\s+post|since)$",
    re.IGNORECASE,
)


# "will chair the new agency", "is to lead X": the verb is the post (a leader of no stated
# title for "lead").
_VERB_POST = re.compile(r"\b(chair|head|lead)$", re.IGNORECASE)
_VERB_POSTS = {"chair": "chair", "head": "head", "lead": None}


_THE_GAP = re.compile(r"\s+(?:the\s+)?")


def _verb_post_event(ctx, m, status, person, sent, verb: str) -> Event:  # type: ignore[no-untyped-def]
    """The appointment "X will chair/head/lead Y" states: the post of the verb at the body
    named right after it, else the post a role fact of the sentence gives."""
    assert ctx.organisations is not None
    gap = _THE_GAP.match(ctx.text[m.end() : sent[1]])
    body = ctx.organisations.starting_at(m.end() + (gap.end() if gap else 0))
    role = _VERB_POSTS[verb]
    fact = role_of(ctx, person, sent, ("incoming", "interim", "acting", "current"))
    if role is None and fact is not None and sent[0] <= fact.start < sent[1]:
        role = fact.role
    organisation = body.canonical if body else None
    return event(
        ctx, "appointment", (m.start(), m.end()), sent,
        person=person, role=role, organisation=organisation, status=status,
    )  # fmt: skip


_LEFT_BODY = re.compile(
    r"[ \t]+(?:from[ \t]+|as[ \t]+[^,.;]{1,60}?[ \t]+(?:of|at)[ \t]+)?(?:the[ \t]+)?"
)


def _post_left(ctx: ArticleContext, person: str, cue_end: int, sent: tuple[int, int]):  # type: ignore[no-untyped-def]
    """The role fact of `person` at the body the cue names right after it ("will leave
    Greyhurst in the spring", "stepped down from the trust"): a departure is from that body,
    whichever post the sentence's other facts name."""
    assert ctx.organisations is not None
    gap = _LEFT_BODY.match(ctx.text, cue_end, sent[1])
    named = ctx.organisations.starting_at(gap.end() if gap else cue_end)
    if named is None:
        return None
    prefer = ("leaving", "current", "interim", "acting")
    return role_of(ctx, person, sent, prefer, organisation=named.canonical)
