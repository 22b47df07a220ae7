"""What the roles stage settles once every title has been read: posts stated by a verb
("chairs the new body"), organisations shared by two titles or taken from context, and
durations stated with a pronoun; then one fact per (person, role, organisation)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, fields
from functools import lru_cache

from sectorwatch.data import rows
from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.coreference import pronoun_referent
from sectorwatch.extract.lexicon import lower_words
from sectorwatch.extract.spans import SpanSet
from sectorwatch.model import Evidence, RoleFact, RoleStatus


@dataclass
class DraftRole:
    """A role fact while the roles stage settles it (organisation from context, status,
    durations); `emit` gives the frozen RoleFact the stage hands on."""

    person: str
    role: str
    organisation: str | None
    status: RoleStatus
    start: int
    end: int
    valid_from: str | None = None
    valid_to: str | None = None
    evidence: Evidence | None = None

    def emit(self) -> RoleFact:
        return RoleFact(**{f.name: getattr(self, f.name) for f in fields(RoleFact)})

    @classmethod
    def of(cls, fact: RoleFact) -> DraftRole:
        return cls(**{f.name: getattr(fact, f.name) for f in fields(RoleFact)})


_OTHER_POST = lower_words("other_post_words.txt")
STATUS_ORDER = ["interim", "acting", "incoming", "leaving", "former", "current"]


_SHARED_POST = re.compile(
    r"\b(?:share|shares|shared|sharing)\s+(?:a|an|the|one|their)\s+(?:joint\s+)?$", re.I
)


_PAIR_SUBJECT = re.compile(
    r"(?:The|Both)\s+(?:two\s+)?(trusts|boards|organisations|bodies|agencies)\b", re.I
)


def sharing_bodies(ctx: ArticleContext, left: int) -> tuple[str, ...]:
    """ "The two trusts have shared a chair": the bodies of the sentence's combined subject."""
    assert ctx.organisations is not None
    if _SHARED_POST.search(ctx.text, max(0, left - 30), left) is None:
        return ()
    sent_s = ctx.sentence_span(left, left + 1)[0]
    subject = ctx.organisations.subject_before(sent_s, left, None)
    if subject is not None:
        return ctx.organisations.parts(subject)
    pair = _PAIR_SUBJECT.match(ctx.text, sent_s, left)
    if pair is None:
        return ()
    head = pair.group(1).lower().rstrip("s")
    return tuple(ctx.organisations.last_two(sent_s, head if head in ("trust", "board") else None))


# "joined Kestrel Coast as", "joined Marlow Fen in 2009 as", "came to the board of X in
# 2016 as": the time phrase between the body and "as" is optional
_JOINED_AS = re.compile(
    r"(?:\s+(?:in|on|during)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d|\s+(?:in|on)\s+[A-Z][a-z]+"
    r"(?:\s+\d{1,2})?|\s+(?:last|this|earlier\s+this)\s+(?:year|month|spring|summer|autumn|"
    r"winter))?\s+as\s+(?:the\s+|its\s+|their\s+|an?\s+)?$"
)
_JOIN_VERB = re.compile(
    r"\b(?:join|joins|joined|joining|rejoins?|rejoined|returns?\s+to|returned\s+to|"
    r"moves?\s+to|moved\s+to|arrives?\s+at|arrived\s+at|came\s+to|comes\s+to|"
    r"started\s+(?:at|with))\s+(?:the\s+)?(?:board\s+(?:of|at)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


def joined_as(ctx: ArticleContext, left: int) -> str | None:
    """ "will join Kestrel Coast as chief nursing officer", "joined Marlow Fen in 2009 as
    director of nursing", "came to the board of X in 2016 as": the body joined."""
    assert ctx.organisations is not None
    text = ctx.text
    m = _JOINED_AS.search(text, max(0, left - 40), left)
    if m is None:
        return None
    org = ctx.organisations.ending_at(m.start())
    if org is None or not _JOIN_VERB.search(text, max(0, org.start - 50), org.start):
        return None
    return org.canonical


@lru_cache(maxsize=1)
def press_titles() -> frozenset[str]:
    """Journalists' titles (data/boilerplate_author_roles.txt): never a health body's post."""
    return frozenset(row[0].strip().lower() for row in rows("boilerplate_author_roles.txt"))


@lru_cache(maxsize=1)
def _verb_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One regex over data/role_verbs.tsv: "PERSON (, who) chairs ..."; verb -> title."""
    table: dict[str, tuple[str, str]] = {}
    for row in rows("role_verbs.tsv"):
        for verb in row[0].split("|"):
            table[re.sub(r"\s+", " ", verb.strip().lower())] = (row[1].strip(), row[2].strip())
    alt = "|".join(
        re.escape(v).replace(r"\ ", r"\s+") for v in sorted(table, key=len, reverse=True)
    )
    pattern = re.compile(
        rf"(?:,\s*who)?\s+(?:(?:also|now|currently)\s+)?(?P<verb>{alt})\s+(?:the\s+)?",
        re.IGNORECASE,
    )
    return pattern, table


def roles_from_verbs(ctx: ArticleContext) -> list[DraftRole]:
    """ "Lord Ashdown chairs the new body", "Peter Vance, who had led Saltmarsh and Tennby
    Hospitals since 2019": the post a verb states, when a body follows it."""
    assert ctx.people is not None and ctx.organisations is not None
    pattern, table = _verb_pattern()
    text = ctx.text
    out = []
    for person in ctx.people.mentions():
        m = pattern.match(text, person.end)
        if m is None:
            continue
        org_start = m.end() - (4 if m.group(0).lower().endswith("the ") else 0)
        org = ctx.organisations.starting_at(org_start) or ctx.organisations.starting_at(m.end())
        if org is None:
            continue
        title, status = table[re.sub(r"\s+", " ", m.group("verb").lower())]
        since = re.match(r",?\s+(since\s+[^,.;]{1,30})", text[org.end : org.end + 40])
        valid_from = ctx.dates.duration_start(since.group(1)) if since else None
        out.append(
            DraftRole(
                person=person.canonical,
                role=title,
                organisation=org.canonical,
                status=status,  # type: ignore[arg-type]
                start=person.start,
                end=org.end,
                valid_from=valid_from,
                evidence=ctx.evidence(person.start, org.end),
            )
        )
    return out


def verb_post(ctx: ArticleContext, pos: int) -> tuple[str, str, str, int] | None:
    """The post a verb of data/role_verbs.tsv at `pos` states, with the body right after
    it: (title, status, organisation, where the body ends)."""
    assert ctx.organisations is not None
    pattern, table = _verb_pattern()
    m = pattern.match(ctx.text, pos)
    if m is None:
        return None
    org_start = m.end() - (4 if m.group(0).lower().endswith("the ") else 0)
    org = ctx.organisations.starting_at(org_start) or ctx.organisations.starting_at(m.end())
    if org is None:
        return None
    title, status = table[re.sub(r"\s+", " ", m.group("verb").lower())]
    return title, status, org.canonical, org.end


def share_organisations(text: str, facts: list[DraftRole]) -> None:
    """ "chief executive and accountable officer of North Wendover ICB": the organisation
    after the second title is the first title's too."""
    for a, b in zip(facts, facts[1:], strict=False):
        if a.person != b.person or a.organisation is not None or b.organisation is None:
            continue
        if a.end <= b.start and re.fullmatch(r",?\s*and\s+(?:the\s+)?", text[a.end : b.start]):
            a.organisation = b.organisation


def organisations_from_context(ctx: ArticleContext, facts: list[DraftRole]) -> None:
    """A title with no organisation ("Chief executive Daniel Whitcombe said") belongs to the
    body the article was talking about: the same person's stated organisation for that
    title, else the organisation named last before the fact that no other fact claims
    (not a publication someone "told")."""
    assert ctx.organisations is not None
    claimed = [(f.start, f.end) for f in facts if f.organisation is not None]
    bodies: dict[tuple[str, str], set[str]] = {}
    for f in facts:
        if f.organisation:
            bodies.setdefault((f.person, f.role), set()).add(f.organisation)
    # the same title at one body only: that body; at several (a career history), none
    stated = {key: next(iter(orgs)) for key, orgs in bodies.items() if len(orgs) == 1}
    mentions = ctx.organisations.mentions()
    starts = [m.start for m in mentions]
    claimed_spans = SpanSet(claimed)
    for f in facts:
        if f.organisation is not None or f.role in press_titles():
            continue
        if f.role in lower_words("government_titles.txt"):
            continue
        if (f.person, f.role) in stated:
            f.organisation = stated[(f.person, f.role)]
            continue
        f.organisation = described_body_after(ctx, f.end) or _body_before(
            ctx, mentions, starts, claimed_spans, f.start
        )


# "chief nurse at the regulatory body NHS Improvement", "director at the national agency X":
# lower-case words that describe the body stand between the post and its name; "CNO Jo
# Hale is based at X": the body where the holder named after the title works
DESCRIBED_BODY = re.compile(
    r"\s+(?:at|of|for|with)\s+(?:the\s+(?:[a-z][\w-]*\s+){1,3}|The\s+)"
    r"|\s+(?:is|was|has\s+been|had\s+been)\s+based\s+at\s+(?:the\s+)?"
)


def described_body_after(ctx: ArticleContext, end: int) -> str | None:
    """The body a post names after a description: "at the regulatory body X"."""
    assert ctx.organisations is not None
    m = DESCRIBED_BODY.match(ctx.text, end)
    if m is None:
        return None
    org = ctx.organisations.starting_at(m.end())
    return org.canonical if org is not None else None


def _body_before(ctx, mentions, starts, claimed, at):  # type: ignore[no-untyped-def]
    """The organisation named last before `at` that no fact claims and nobody "told"
    (spans looked up by bisection), else the last named before it."""
    text = ctx.text
    for m in reversed(mentions[: bisect_left(starts, at)]):
        if m.end > at or claimed.covers(m.start):
            continue
        if re.search(
            r"\b(?:told|to|by|in|for)\s+(?:the\s+)?$", text[max(0, m.start - 8) : m.start]
        ):
            continue
        return m.canonical  # type: ignore[no-any-return]
    for m in reversed(mentions[: bisect_left(starts, at)]):
        if m.end <= at:
            return m.canonical  # type: ignore[no-any-return]
    return None


_HELD = re.compile(
    r"\b(he|she)\s+(?:has|had)\s+(?:held|been|led|run)\b[^.]{0,60}?"
    r"(\bfor the (?:past|last) [^,.;’']{1,25}|\bsince (?:\d{4}|[A-Z][a-z]+(?: \d{4})?))"
)


def durations_from_pronouns(ctx: ArticleContext, facts: list[DraftRole]) -> None:
    """ "... the one he has held for the past 18 months": the sentence's subject's role."""
    text = ctx.text
    for m in _HELD.finditer(text):
        person = pronoun_referent(ctx, m.start(1), m.group(1))
        if person is None:
            continue
        valid_from = ctx.dates.duration_start(m.group(2))
        for f in facts:
            if f.person == person and f.valid_from is None and valid_from:
                f.valid_from = valid_from
                break


def deduplicate(facts: list[DraftRole]) -> list[RoleFact]:
    best: dict[tuple[str, str, str | None], DraftRole] = {}
    statuses: dict[tuple[str, str, str | None], str] = {}
    for f in facts:
        key = (f.person, f.role, f.organisation)
        if key not in best:
            best[key] = f
            statuses[key] = f.status
            continue
        kept = best[key]
        short = kept.evidence is not None and len(kept.evidence.sentence) < 60
        if short and f.evidence is not None and len(f.evidence.sentence) >= 60:
            f.valid_from = f.valid_from or kept.valid_from
            best[key] = f
        else:
            kept.valid_from = kept.valid_from or f.valid_from
        if STATUS_ORDER.index(f.status) < STATUS_ORDER.index(statuses[key]):
            statuses[key] = f.status
    out: list[RoleFact] = []
    with_org = {(f.person, f.role) for f in best.values() if f.organisation}
    same_holder: dict[tuple[str, str | None], list[DraftRole]] = {}
    for f in best.values():
        same_holder.setdefault((f.person, f.organisation), []).append(f)
    for key, f in list(best.items()):
        words = set(f.role.split())
        for other in same_holder[(f.person, f.organisation)]:
            if other is f or best.get((other.person, other.role, other.organisation)) is not other:
                continue
            extra = set(other.role.split()) - words
            if words < set(other.role.split()) and not extra & _OTHER_POST:
                best.pop(key)
                break
    for key, f in best.items():
        if f.organisation is None and (f.person, f.role) in with_org:
            continue
        f.status = statuses[key]  # type: ignore[assignment]
        out.append(f.emit())
    return sorted(out, key=lambda f: f.start)
