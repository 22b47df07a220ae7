"""Role facts that events and the sentences around a post imply (a stage after events).

- Events: every appointment or departure with a person, a role and a body is the role fact
  it implies (appointment announced -> incoming, completed -> current; departure announced
  -> leaving, completed -> former; "interim" / "acting" before the title win over current
  and incoming, leaving wins over them).
- A post named in one sentence and its holder in the next: "A new interim chief executive
  has been appointed at X. Y officially took up the role on March 1" (data/post_anaphors.tsv:
  the words that open a post, the anaphors that name it again, the verbs that say how the
  person stands to it, "on an interim basis").
- A post named by its title: "Y has agreed to undertake the role of acting chief executive"
  (at the body named after it, else the post's, else Y's one body).
- Who held that post: "following the resignation of Z", "Z's departure", "while Z is on
  secondment".
- "Y will now return to her post of A and B": Y holds A and B at Y's (or the post's) body.
- The posts of events that name no title (`departure_posts`): a predecessor holds the
  successor's post; "THE chief executive of X resigned today" gives the person named after.

A fact the role stage already has (same person, same role words) is left to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sectorwatch.extract.entities.coreference import pronoun_referent
from sectorwatch.extract.entities.departure_posts import departure_posts
from sectorwatch.extract.entities.post_cues import cues, has_fact, predecessor_status, status_word
from sectorwatch.extract.entities.titles import complete_title
from sectorwatch.extract.entities.vocab import canonical_title, role_vocabulary
from sectorwatch.extract.substrate import Substrate
from sectorwatch.model import Event, Mention, RoleFact, RoleStatus

_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
# what may stand between the holder and the verb: ", who", an adverb, an appositive
_GAP_LEAD = re.compile(
    r"(?:\s*,[^,;:]{0,90},|\s*,\s*who|\s+(?:has|have|had)|\s+\w+ly|\s+(?:now|also|then|already|still))*\s*"
)
_INTERIM_BEFORE_NAME = re.compile(
    r"\b(?:[Ii]nterim|[Aa]cting)\s+(?:[a-z]+\s+){1,4}(?:[A-Z][\w.’'-]*\s+){1,4}$"
)
_MODIFIED = re.compile(r"\b(?:new|permanent|interim|acting|substantive|temporary)\b")
_POST_REACH = 5  # sentences after the one that names the post


@dataclass(frozen=True)
class _Post:
    role: str
    organisation: str
    status: RoleStatus | None  # "interim" / "acting" when the post is named so
    sentence: int
    opened: bool  # named by an opening phrase ("a new chief executive"), not an event


@lru_cache(maxsize=64)
def _stand_in_before(role: str) -> re.Pattern[str]:
    """ "interim" / "acting" before the title `role` ("interim deputy chief executive")."""
    return re.compile(rf"\b(interim|acting)\s+(?:\w+\s+)?{re.escape(role)}", re.I)


def _event_status(ctx: Substrate, e: Event) -> RoleStatus:
    if e.type == "departure":
        return "leaving" if e.status == "announced" else "former"
    sentence = e.evidence.sentence if e.evidence else ""
    assert e.role is not None
    mod = _stand_in_before(e.role).search(sentence)
    if mod:
        return status_word(mod.group(1).lower())
    return "incoming" if e.status == "announced" else "current"


def _states(ctx: Substrate, e: Event) -> bool:
    """Whether the event's own sentence names its body and its title (an event whose post
    comes from elsewhere is left to the sentence rules below)."""
    assert ctx.organisations is not None and e.role is not None
    s, end = ctx.sentence_span(e.start, e.end)
    named = any(m.canonical == e.organisation for m in ctx.organisations.in_span(s, end))
    titles = {
        canonical_title(m.group("title"))
        for m in role_vocabulary().pattern.finditer(ctx.text, s, end)
    }
    return named and e.role in titles


def _from_events(ctx: Substrate, events: list[Event], known: list[RoleFact]) -> list[RoleFact]:
    out: list[RoleFact] = []
    for e in events:
        if e.type not in ("appointment", "departure"):
            continue
        if not (e.person and e.role and e.organisation) or has_fact(
            [*known, *out], e.person, e.role
        ):
            continue
        if not _states(ctx, e):
            continue
        out.append(
            RoleFact(
                e.person, e.role, e.organisation, _event_status(ctx, e), e.start, e.end,
                evidence=e.evidence,
            )
        )  # fmt: skip
    return out


_AT_BODY = re.compile(r"\s+(?:at|of|for)\s+")
_AS = re.compile(r"as\b")
_TO_BODY = re.compile(r"\b(?:to|joins?|joined|joining)\s+(?:the\s+)?$")
_SUBJECT_LEAD = re.compile(r"(?:The\s+)?")


def _body_of_post(
    ctx: Substrate, start: int, lead: int, t_end: int, orgs: list[Mention]
) -> str | None:
    """The body of a post opened at `lead` (its title ends at `t_end`): the one named right
    after it ("at X", "of X"); for "as", the one right before it ("seconded to X as interim
    chair"; none else); else the sentence's subject (the body it opens with), else the one
    body it names."""
    at = _AT_BODY.match(ctx.text, t_end)
    if at:
        after = next((o for o in orgs if at.end() <= o.start <= at.end() + 4), None)
        if after is not None:
            return str(after.canonical)
    if _AS.match(ctx.text, lead):  # "as" opens a post only right after "to X"/"joins X"
        before = next((o for o in orgs if o.end == lead - 1), None)
        if before is None or not _TO_BODY.search(
            ctx.text, max(start, before.start - 12), before.start
        ):
            return None
        return str(before.canonical)
    subject = _SUBJECT_LEAD.match(ctx.text, start)
    first = orgs[0]
    if subject is not None and first.start == subject.end():
        return str(first.canonical)
    names = {o.canonical for o in orgs}
    return names.pop() if len(names) == 1 else None


def _open_posts(ctx: Substrate, start: int, end: int, index: int) -> list[_Post]:
    """The posts a sentence opens: "a new interim chief executive ... at X"."""
    assert ctx.organisations is not None
    found = cues()
    orgs = ctx.organisations.in_span(start, end)
    if not orgs:
        return []
    out = []
    for m in role_vocabulary().pattern.finditer(ctx.text, start, end):
        lead = found.open.search(ctx.text, max(start, m.start() - 60), m.start())
        if lead is None:
            continue
        body = _body_of_post(ctx, start, lead.start(), m.end(), orgs)
        if body is None:
            continue
        words = lead.group(0).lower()
        if not _MODIFIED.search(words) and not found.seek.search(
            ctx.text, max(start, lead.start() - 60), lead.start()
        ):
            continue  # "after serving as a non-executive director": no post opened
        status: RoleStatus | None = (
            "interim" if "interim" in words or "temporary" in words
            else "acting" if "acting" in words else None
        )  # fmt: skip
        out.append(_Post(canonical_title(m.group("title")), body, status, index, True))
    return out


def _holder_before(ctx: Substrate, sent_start: int, at: int) -> tuple[str, int, int] | None:
    """The person (a name, or "he"/"she" resolved) nearest before `at` in the sentence,
    where they are named and where the words after them begin."""
    assert ctx.people is not None
    names = [m for m in ctx.people.starting_in(sent_start, at) if m.end <= at]
    best = (names[-1].canonical, names[-1].start, names[-1].end) if names else None
    for p in _PRONOUN.finditer(ctx.text, sent_start, at):
        if best is None or p.start() >= best[2]:
            who = pronoun_referent(ctx, p.start(), p.group(0))
            best = (who, p.start(), p.end()) if who else best
    return best


def _holder_status(
    ctx: Substrate, start: int, at: int, end: int, post_status: RoleStatus | None
) -> tuple[str, RoleStatus] | None:
    """Who stands to the post named at `at` and how: the person before it and the verb
    between them ("took up", "will be retiring from"), "on an interim basis" after it."""
    found = cues()
    holder = _holder_before(ctx, start, at)
    if holder is None:
        return None
    person, named, after = holder
    if post_status is None and _INTERIM_BEFORE_NAME.search(ctx.text, max(start, named - 90), named):
        return None  # "interim chief medical officer Dr X will take up the role": X's own post
    gap = ctx.text[after:at]
    status = None
    for verb, verb_status in found.verbs:
        v = verb.search(gap)
        if v and _GAP_LEAD.fullmatch(gap, 0, v.start()):
            status = verb_status
            break
    if status in ("incoming", "current"):
        rest = ctx.text[at:end]
        basis = next((s for rx, s in found.basis if rx.search(rest)), None)
        status = basis or post_status or status
    return (person, status) if status is not None else None


def _anaphor_facts(ctx: Substrate, start: int, end: int, post: _Post) -> list[RoleFact]:
    """ "Y took up the role", "Z, who has occupied the position on an interim basis"."""
    out = []
    for a in cues().anaphor.finditer(ctx.text, start, end):
        stance = _holder_status(ctx, start, a.start(), end, post.status)
        if stance is not None:
            person, status = stance
            out.append(_fact(ctx, person, post.role, post.organisation, status, a.start(), a.end()))
    return out


def _named_post_facts(
    ctx: Substrate, start: int, end: int, post: _Post | None, known: list[RoleFact]
) -> list[RoleFact]:
    """ "Y has agreed to undertake the role of acting chief executive": the title is named;
    its body is the one named after it, else the post's (same title), else the holder's."""
    assert ctx.organisations is not None
    out = []
    for a in cues().named.finditer(ctx.text, start, end):
        t = role_vocabulary().pattern.search(ctx.text, a.end(), min(end, a.end() + 40))
        lead = _TITLE_LEAD.fullmatch(ctx.text.lower(), a.end(), t.start()) if t else None
        if t is None or lead is None:
            continue
        words = lead.group(0)
        modified = _STATUS_WORD.search(words)
        stance = _holder_status(
            ctx, start, a.start(), end, status_word(modified.group(1)) if modified else None
        )
        if stance is None:
            continue
        person, status = stance
        title, t_end, _ = complete_title(ctx, t.group("title"), t.end())
        role = _STATUS_WORD.sub("", words) + title
        at = _AT_BODY.match(ctx.text, t_end)
        named = [o for o in ctx.organisations.in_span(t_end, end) if at and o.start == at.end()]
        bodies = {f.organisation for f in known if f.person == person and f.organisation}
        body = (
            named[0].canonical if named
            else post.organisation if post is not None and post.role == title
            else bodies.pop() if len(bodies) == 1 else None
        )  # fmt: skip
        if body is not None:
            out.append(_fact(ctx, person, role, body, status, a.start(), t_end))
    return out


def _predecessor_facts(ctx: Substrate, start: int, end: int, post: _Post) -> list[RoleFact]:
    """ "following the resignation of Z", "Z's departure", "while Z is on secondment"."""
    assert ctx.people is not None
    out = []
    for m in ctx.people.starting_in(start, end):
        status = predecessor_status(ctx, m, start, end)
        if status is not None:
            out.append(
                _fact(ctx, m.canonical, post.role, post.organisation, status, m.start, m.end)
            )
    return out


_STATUS_WORD = re.compile(r"\b(interim|acting)\s+")
_TITLE_LEAD = re.compile(r"(?:[a-z-]+\s+){0,2}")  # "deputy " chief executive
_JOINED = re.compile(r"\s*(?:,|and|,\s*and)\s+")


def _return_facts(
    ctx: Substrate, start: int, end: int, post: _Post | None, known: list[RoleFact]
) -> list[RoleFact]:
    """ "Y will now return to her post of A and B": Y holds A and B."""
    out = []
    vocab = role_vocabulary()
    for r in cues().returns.finditer(ctx.text, start, end):
        holder = _holder_before(ctx, start, r.start())
        if holder is None:
            continue
        person, _, after = holder
        if not _GAP_LEAD.fullmatch(ctx.text, after, r.start()):
            continue
        bodies = {f.organisation for f in known if f.person == person and f.organisation}
        body = bodies.pop() if len(bodies) == 1 else post.organisation if post else None
        if body is None:
            continue
        at = r.end()
        while True:
            t = vocab.pattern.search(ctx.text, at, min(end, at + 40))
            lead = _TITLE_LEAD.fullmatch(ctx.text, at, t.start()) if t else None
            if t is None or lead is None:
                break
            title, t_end, _ = complete_title(ctx, t.group("title"), t.end())
            title = f"{lead.group(0).lower()}{title}"
            out.append(_fact(ctx, person, title, body, "current", at, t_end))
            joint = _JOINED.match(ctx.text, t_end)
            if joint is None:
                break
            at = joint.end()
    return out


def _fact(
    ctx: Substrate, person: str, role: str, body: str, status: RoleStatus, start: int, end: int
) -> RoleFact:
    return RoleFact(person, role, body, status, start, end, evidence=ctx.evidence(start, end))


def _from_sentences(ctx: Substrate, events: list[Event], known: list[RoleFact]) -> list[RoleFact]:
    sentences = ctx.sentences()
    event_posts: dict[int, list[Event]] = {}
    for event in events:
        if event.type in ("appointment", "departure") and event.role and event.organisation:
            event_posts.setdefault(event.start, []).append(event)
    starts = sorted(event_posts)
    out: list[RoleFact] = []
    post: _Post | None = None
    for i, (s, e) in enumerate(sentences):
        for at in starts:
            if s <= at < e and (post is None or i - post.sentence > _POST_REACH):
                ev = event_posts[at][0]
                assert ev.role is not None and ev.organisation is not None
                post = _Post(ev.role, ev.organisation, None, i, False)
        opened = _open_posts(ctx, s, e, i)
        if opened:
            post = opened[-1]
        if post is not None and i - post.sentence > _POST_REACH:
            post = None
        found = _return_facts(ctx, s, e, post, known)
        found += _named_post_facts(ctx, s, e, post, known)
        if post is not None:
            found += _anaphor_facts(ctx, s, e, post)
            if post.opened and i - post.sentence <= 1:
                found += _predecessor_facts(ctx, s, e, post)
        for f in found:
            if not has_fact([*known, *out], f.person, f.role, f.organisation):
                out.append(f)
    return out


def event_roles(ctx: Substrate, events: list[Event], roles: list[RoleFact]) -> list[RoleFact]:
    """The role facts the events and the sentences around a post imply, that `roles` (the
    role stage's) lack."""
    derived = _from_events(ctx, events, roles)
    derived += _from_sentences(ctx, events, [*roles, *derived])
    for f in departure_posts(ctx, events, [*roles, *derived]):
        if not has_fact([*roles, *derived], f.person, f.role, f.organisation):
            derived.append(f)
    return derived
