"""Leadership and organisational events with dates: departure, appointment, role_created,
reporting_line, merger.

Cues are data (data/event_cues.tsv); text inside quotation marks is not read for events
(a speaker's "I leave with the job half done" is a quote, not a report). For each cue:
- departure / appointment: the person is the nearest person (or he/she) before the cue in
  its sentence, or the first after "departure of" / "appointment of"; role and
  organisation come from that person's role facts (the one stated in the same sentence
  first). Role facts with status "incoming" are appointments too ("incoming joint finance
  director Julian Kelly").
- role_created: the title after "new role of", or the title next to "a new post";
  `reports_to` is the person after "report(s) directly to" in that sentence or the next two.
- reporting_line: a plural or unbound title before "report to" (subordinate: "joint
  regional directors") and the title or person after it (superior).
- merger: the organisations of the sentence (a combined body counts as its parts), or,
  after "the two organisations/bodies/boards", the pair named last before it; the stage is
  the cue's (requested > completed > proposed > announced when several match).

Dates (events/when.py): dates before the cue are the announcement, dates after it the
effective date ("She will leave on 31 March"). `Event.date` is the contract's main date:
for announced, proposed and requested events the announcement date, else the effective
date; for completed events the effective date, else the announcement date.
One event per (type, person / role / organisations) per article; a later mention fills in
what the first lacked (role, organisation, dates, reports_to).
"""

from __future__ import annotations

import re

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.roles import pronoun_referent
from sectorwatch.extract.entities.titles import complete_title
from sectorwatch.extract.entities.vocab import canonical_title, event_cues, role_vocabulary
from sectorwatch.extract.events.when import find_dates
from sectorwatch.model import Event, RoleFact

_QUOTED = re.compile(r"“[^”\n]*(?:”|$)|\"[^\"\n]*(?:\"|$)|(?<![\w])‘[^\n]*?(?:’(?![\w])|$)", re.M)
_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
_TWO = re.compile(
    r"\b(?:the\s+two|both)\s+(?:\w+\s+){0,2}?(?:organisations|bodies|boards|trusts|agencies|"
    r"organizations|providers|partners|sides)\b",
    re.IGNORECASE,
)
# "The merger will be completed in April": the merger the article has already named.
_THE_MERGER = re.compile(
    r"\b(?:the|this|their)\s+(?:planned\s+|proposed\s+|full\s+|formal\s+)?"
    r"(?:merger|acquisition|takeover)\b",
    re.IGNORECASE,
)
_SUB_MODS = {
    "joint",
    "interim",
    "acting",
    "national",
    "regional",
    "deputy",
    "site",
    "group",
    "medical",
    "clinical",
    "executive",
    "non-executive",
    "associate",
    "assistant",
}
# Which cue names the stage when several match in one sentence ("a step closer to a
# merger of" is proposed, not announced); across sentences the later stage wins.
_CUE_ORDER = {"completed": 0, "requested": 1, "proposed": 2, "announced": 3}
_MERGER_RANK = {"completed": 0, "requested": 1, "announced": 2, "proposed": 3}
_SUBORDINATE = re.compile(
    r"\b(?:the\s+)?(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|all|its|their)\s+)?"
    r"((?:(?:joint|interim|acting|national|regional|deputy|medical|clinical|executive|new)\s+)*"
    r"[a-z ]*?(?:directors|officers|executives|chairs|leads|managers|heads|teams))\b",
    re.IGNORECASE,
)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


_TAKES_OVER_FROM = re.compile(
    r"\b(?:(?P<done>took|has\s+taken|had\s+taken)|takes|taking|will\s+take|is\s+taking|to\s+take)"
    r"\s+over\s+from\s+|\b(?:(?P<done2>succeeded|replaced)|succeeds|succeeding|replaces|replacing|"
    r"will\s+succeed|will\s+replace|to\s+succeed|to\s+replace)\s+",
    re.IGNORECASE,
)
_PREDECESSOR_GAP = re.compile(r"(?:(?:the\s+)?(?:[a-z][a-z-]*\s+){0,6}?)?(?:[A-Z][a-z]*\.?\s+)?")


def _predecessor(ctx: ArticleContext, pos: int, limit: int):  # type: ignore[no-untyped-def]
    """The person right after "takes over from" at `pos`, past a title ("from interim
    finance director Tony Gill") or an honorific ("from Dame Patricia Holm")."""
    assert ctx.people is not None
    for m in ctx.people.mentions():
        if pos <= m.start < limit:
            gap = ctx.text[pos : m.start]
            return m if _PREDECESSOR_GAP.fullmatch(gap) else None
    return None


# "Owen Tate, who joins from Brindle Care, will ...": the name after it is where the
# person comes from (an employer, however it was tagged), never the subject.
_COMES_FROM = re.compile(
    r"\b(?:joins|joining|joined|moves|moving|moved|comes|coming|came|arrives|arriving|arrived|"
    r"returns|returning|transfers|transferring)\s+(?:to\s+\S+\s+)?from\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _follows_takeover(ctx: ArticleContext, start: int) -> bool:
    """Whether a person named at `start` is the one being taken over from (or the place a
    newcomer comes from)."""
    text = ctx.text
    window = text[max(0, start - 70) : start]
    if _COMES_FROM.search(window):
        return True
    return any(
        _PREDECESSOR_GAP.fullmatch(window[m.end() :]) for m in _TAKES_OVER_FROM.finditer(window)
    )


def _subject_before(
    ctx: ArticleContext, sent_s: int, cue_s: int, skip_predecessor: bool = False
) -> tuple[str, int] | None:
    """The person the sentence is about, named (or he/she) nearest before the cue; not the
    one taken over from ("Heller, who takes over from Ruth Emsley, will become ...")."""
    assert ctx.people is not None
    mention = ctx.people.most_recent_before(cue_s)
    while (
        skip_predecessor
        and mention is not None
        and mention.start >= sent_s
        and _follows_takeover(ctx, mention.start)
    ):
        mention = ctx.people.most_recent_before(mention.start)
    best = (mention.canonical, mention.end) if mention and mention.start >= sent_s else None
    for p in _PRONOUN.finditer(ctx.text, sent_s, cue_s):
        if best is None or p.end() > best[1]:
            who = pronoun_referent(ctx, p.start(), p.group(0))
            if who:
                best = (who, p.end())
    return best


def _person_after(ctx: ArticleContext, pos: int, limit: int) -> str | None:
    assert ctx.people is not None
    for m in ctx.people.mentions():
        if pos <= m.start < limit:
            return m.canonical
    return None


def _named_right_after(ctx: ArticleContext, pos: int) -> str | None:
    """The person named right after an active appointing verb ("named Dr Casimir Oboh")."""
    assert ctx.people is not None
    m = re.match(r"\s+", ctx.text[pos : pos + 3])
    mention = ctx.people.starting_at(pos + (m.end() if m else 0))
    return mention.canonical if mention else None


def _role_of(ctx: ArticleContext, person: str, sent: tuple[int, int], prefer: tuple[str, ...]):
    facts = [f for f in ctx.roles if f.person == person]
    same = [f for f in facts if sent[0] <= f.start < sent[1]]
    # in the cue's own sentence, the fact whose status fits the event comes first
    # ("X, currently COO at A, will become chief executive of B": the incoming post)
    same.sort(key=lambda f: prefer.index(f.status) if f.status in prefer else len(prefer))
    for group in (same, [f for f in facts if f.status in prefer], facts):
        if group:
            return group[0]
    return None


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
    published = ctx.article.published
    past = find_dates(text[sent[0] : sent[1]], published, future=False)
    ahead = find_dates(text[sent[0] : sent[1]], published, future=True) if future else past
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


def _main_date(status: str | None, announced: str | None, effective: str | None) -> str | None:
    if status == "completed":
        return effective or announced
    return announced or effective


def _main_range(e: Event, ranges: dict[str, str | None]) -> str | None:
    """The season range ("2024-06/2024-08") of whichever date became `Event.date`."""
    if e.date is None:
        return None
    for name in ("announced", "effective"):
        if getattr(e, name) == e.date and ranges.get(name):
            return ranges[name]
    return None


def _event(
    ctx: ArticleContext, kind: str, cue: tuple[int, int], sent: tuple[int, int], **kw
) -> Event:
    future = kw.get("status") in ("announced", "proposed", "requested")
    announced, effective, ranges = _dates(ctx, sent, cue, future)
    e = Event(type=kind, start=sent[0], end=sent[1], **kw)  # type: ignore[arg-type]
    e.announced, e.effective = announced, effective
    e.date = _main_date(e.status, announced, effective)
    e.date_range = _main_range(e, ranges)
    e.evidence = ctx.evidence(sent[0], sent[1])
    return e


def _title_near(ctx: ArticleContext, start: int, end: int) -> tuple[str, int, int] | None:
    """The first title between `start` and `end`, completed ("director of strategy")."""
    m = role_vocabulary().pattern.search(ctx.text, start, end)
    if not m:
        return None
    role, t_end, _ = complete_title(ctx, m.group("title"), m.end("title"))
    return role, m.start(), t_end


# "Ruth Emsley retires next month, and her successor will be appointed by ...": the
# subject of the cue is someone not yet named.
_UNNAMED_SUBJECT = re.compile(
    r"\b(?:his|her|their|a|the|its)\s+(?:permanent\s+|new\s+|eventual\s+)?"
    r"(?:successor|replacement)s?\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def _post_after(ctx: ArticleContext, pos: int, end: int) -> tuple[str | None, str | None]:
    """The post an appointment cue names when no role fact holds it ("steps up from deputy
    to chief nursing officer at X"): the title within a few words, and the organisation
    right after it ("of", "at", "for", "with")."""
    title = _title_near(ctx, pos, min(end, pos + 40))
    if title is None:
        return None, None
    assert ctx.organisations is not None
    gap = re.match(r"\s*(?:of|at|for|with|in)\s+(?:the\s+)?", ctx.text[title[2] : end])
    org = ctx.organisations.starting_at(title[2] + gap.end()) if gap else None
    return title[0], org.canonical if org else None


def _people_events(ctx, sent, quoted, out: list[Event]) -> None:
    text = ctx.text
    for kind in ("departure", "appointment"):
        for pattern, status in event_cues()[kind]:
            for m in pattern.finditer(text, sent[0], sent[1]):
                if _inside(quoted, m.start()):
                    continue
                tail = text[m.end() : sent[1]]
                named = _named_right_after(ctx, m.end()) if kind == "appointment" else None
                person: str | None
                if named is not None:
                    person = named  # "has appointed Helena Markby as": the object
                elif re.search(r"\bof\s*$", m.group(0)):
                    person = _person_after(ctx, m.end(), min(sent[1], m.end() + 90))
                else:
                    found = _subject_before(ctx, sent[0], m.start(), kind == "appointment")
                    person = found[0] if found else None
                    if found and _UNNAMED_SUBJECT.search(text, found[1], m.start()):
                        continue  # "her successor will be appointed": nobody named
                    if person is None and kind == "appointment":
                        person = _person_after(ctx, m.end(), min(sent[1], m.end() + 60))
                if person is None:
                    continue
                prefer: tuple[str, ...] = ("leaving", "current", "interim", "acting", "former")
                if kind == "appointment":
                    prefer = ("incoming", "interim", "acting", "current")
                fact = _role_of(ctx, person, sent, prefer)
                if kind == "appointment" and (fact is None or fact.status in ("former", "leaving")):
                    title = _title_near(ctx, m.end(), min(sent[1], m.end() + 40))
                    if title is None and (fact is None or fact.status == "leaving"):
                        continue  # "was made a dame": no post, and none to leave
                if kind == "departure" and fact is not None and fact.status == "incoming":
                    fact = None
                del tail
                role = fact.role if fact else None
                organisation = fact.organisation if fact else None
                if kind == "appointment" and fact is None:
                    role, organisation = _post_after(ctx, m.end(), sent[1])
                out.append(
                    _event(
                        ctx, kind, (m.start(), m.end()), sent,
                        person=person, role=role, organisation=organisation, status=status,
                    )
                )  # fmt: skip


def _predecessor_departures(ctx: ArticleContext, sent, quoted, out: list[Event]) -> None:  # type: ignore[no-untyped-def]
    """ "taking over from interim finance director Tony Gill", "succeeds Ruth Emsley": the
    person taken over from leaves that post (announced, or completed for "took over")."""
    text = ctx.text
    for m in _TAKES_OVER_FROM.finditer(text, sent[0], sent[1]):
        if _inside(quoted, m.start()):
            continue
        who = _predecessor(ctx, m.end(), min(sent[1], m.end() + 70))
        if who is None:
            continue
        fact = _role_of(ctx, who.canonical, sent, ("current", "leaving", "interim", "acting"))
        if fact is not None and fact.status == "incoming":
            fact = None
        status = "completed" if (m.group("done") or m.group("done2")) else "announced"
        out.append(
            _event(
                ctx, "departure", (m.start(), m.end()), sent,
                person=who.canonical,
                role=fact.role if fact else None,
                organisation=fact.organisation if fact else None,
                status=status,
            )
        )  # fmt: skip


def _incoming_appointments(ctx: ArticleContext) -> list[Event]:
    out = []
    assert ctx.people is not None
    for f in ctx.roles:
        if f.status != "incoming":
            continue
        named = [m for m in ctx.people.mentions() if f.start <= m.start < f.end]
        if named and all(
            _COMES_FROM.search(ctx.text, max(0, m.start - 40), m.start) for m in named
        ):
            continue  # "who joins from Brindle Care": a former employer, not a person
        sent = ctx.sentence_span(f.start, f.end)
        out.append(
            _event(
                ctx, "appointment", (f.start, f.end), sent,
                person=f.person, role=f.role, organisation=f.organisation, status="announced",
            )
        )  # fmt: skip
    return out


def _reports_to(ctx: ArticleContext, sentences: list[tuple[int, int]], i: int) -> str | None:
    text = ctx.text
    for pattern, _ in event_cues()["reporting_line"]:
        for s, e in sentences[i : i + 3]:
            for m in pattern.finditer(text, s, e):
                person = _person_after(ctx, m.end(), min(e, m.end() + 40))
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


def _role_created(ctx, sentences, i, quoted, out: list[Event]) -> None:
    text = ctx.text
    sent = sentences[i]
    for pattern, _ in event_cues()["role_created"]:
        for m in pattern.finditer(text, sent[0], sent[1]):
            if _inside(quoted, m.start()):
                continue
            title = _title_near(ctx, m.end(), min(sent[1], m.end() + 30))
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
                _event(
                    ctx, "role_created", (m.start(), m.end()), sent,
                    role=title[0], organisation=org, status="announced",
                    reports_to=_reports_to(ctx, sentences, i),
                )
            )  # fmt: skip
            return


_REPORT_NOUN = re.compile(
    r"\b(?:a|an|the|its|their|his|her|this|that|annual|final|interim|latest)\s+"
    r"(?:[a-z-]+\s+)?$",
    re.IGNORECASE,
)
_BOARD = re.compile(
    r"\s*(?:directly\s+)?(?:to\s+)?the\s+(?:\w+\s+)?(?:board|governing body)\b", re.I
)
_OBJECT_PRONOUN = re.compile(r"\s*(him|her)\b", re.IGNORECASE)


def _creates_role(text: str, sent: tuple[int, int]) -> bool:
    return any(p.search(text, *sent) for p, _ in event_cues()["role_created"]) or bool(
        re.search(
            r"\b(?:the|this)\s+(?:role|post|position|postholder|post-holder)\b",
            text[sent[0] : sent[1]],
            re.I,
        )
    )


def _singular_subordinate(
    ctx: ArticleContext, sent: tuple[int, int], cue: int
) -> tuple[str | None, str | None]:
    """Who reports, when no plural title does: the post of the person the sentence is about
    ("She will report directly to ...", "X was appointed COO, reporting to ..."), else a
    title shortly before the cue ("The new COO will be accountable to the board")."""
    found = _subject_before(ctx, sent[0], cue)
    if found is not None:
        fact = _role_of(ctx, found[0], sent, ("incoming", "interim", "acting", "current"))
        if fact is None or fact.status == "former":
            return None, None
        return fact.role, fact.organisation
    titles = list(role_vocabulary().pattern.finditer(ctx.text, max(sent[0], cue - 120), cue))
    return (canonical_title(titles[-1].group("title")) if titles else None), None


def _superior_after(ctx: ArticleContext, sent: tuple[int, int], pos: int) -> str | None:
    """The title (or person, as their title when known) reported to; "the board"."""
    end = min(sent[1], pos + 40)
    title = _title_near(ctx, pos, end)
    if title is not None and not re.search(r"[.;,]", ctx.text[pos : title[1]]):
        return title[0]
    if _BOARD.match(ctx.text, pos):
        return "board"
    pronoun = _OBJECT_PRONOUN.match(ctx.text, pos)
    person = (
        pronoun_referent(ctx, pos + pronoun.start(1), pronoun.group(1))
        if pronoun
        else _person_after(ctx, pos, end)
    )
    if person is None:
        return None
    fact = _role_of(ctx, person, sent, ("current", "interim", "acting", "incoming"))
    return fact.role if fact is not None else person


def _reporting_lines(ctx, sent, quoted, out: list[Event]) -> None:
    text = ctx.text
    assert ctx.people is not None and ctx.organisations is not None
    for pattern, _ in event_cues()["reporting_line"]:
        for m in pattern.finditer(text, sent[0], sent[1]):
            if _inside(quoted, m.start()):
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
            elif _creates_role(text, sent):
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
            status = (
                "announced"
                if re.search(r"\b(?:will|to|would)\b", text[sent[0] : m.start()])
                else None
            )
            out.append(
                _event(
                    ctx, "reporting_line", (m.start(), m.end()), sent,
                    subordinate=sub, superior=superior, organisation=org, status=status,
                )
            )  # fmt: skip
            return


def _merger_orgs(ctx: ArticleContext, sentences, i: int) -> list[str]:
    assert ctx.organisations is not None
    orgs = ctx.organisations

    def names(s: int, e: int) -> list[str]:
        out: list[str] = []
        for m in orgs.in_span(s, e):
            for name in orgs.parts(m.canonical) or (m.canonical,):
                if name not in out and name != "NHS":
                    out.append(name)
        return out

    here = names(*sentences[i])
    if len(here) >= 2:
        return here[:2]
    if not (_TWO.search(ctx.text, *sentences[i]) or _THE_MERGER.search(ctx.text, *sentences[i])):
        return []
    for j in range(i - 1, max(-1, i - 6), -1):
        found = names(*sentences[j])
        if len(found) >= 2:
            return found[:2]
    combined = orgs.combined(sentences[i][0])
    return list(orgs.parts(combined)) if combined else []


def _mergers(ctx, sentences, i, quoted, out: list[Event]) -> None:
    text = ctx.text
    sent = sentences[i]
    stage = None
    cue = None
    for pattern, value in sorted(event_cues()["merger"], key=lambda pv: _CUE_ORDER[pv[1]]):
        for m in pattern.finditer(text, sent[0], sent[1]):
            if _inside(quoted, m.start()) or re.search(r"\bmergers\b", m.group(0), re.I):
                continue
            if re.search(r"\buntil\b[^,.;]*$", text[sent[0] : m.start()], re.I):
                continue  # "until the two bodies are formally merged": a condition
            stage, cue = value, (m.start(), m.end())
            break
        if stage:
            break
    if stage is None or cue is None:
        return
    organisations = _merger_orgs(ctx, sentences, i)
    if len(organisations) < 2:
        return
    out.append(_event(ctx, "merger", cue, sent, organisations=organisations, status=stage))


def _key(e: Event) -> tuple:
    if e.type in ("departure", "appointment"):
        return (e.type, e.person)
    if e.type == "role_created":
        return (e.type, e.role)
    if e.type == "reporting_line":
        return (e.type, e.subordinate, e.superior)
    return (e.type, frozenset(e.organisations))


def _merge(events: list[Event]) -> list[Event]:
    kept: dict[tuple, Event] = {}
    for e in events:
        k = _key(e)
        if k not in kept:
            kept[k] = e
            continue
        first = kept[k]
        if (
            e.type == "merger"
            and _MERGER_RANK[e.status or "proposed"] < _MERGER_RANK[first.status or "proposed"]
        ):
            e.announced = e.announced or first.announced
            kept[k] = e
            continue
        for name in ("role", "organisation", "reports_to", "announced", "effective"):
            if getattr(first, name) is None and getattr(e, name) is not None:
                setattr(first, name, getattr(e, name))
        date = _main_date(first.status, first.announced, first.effective)
        if date != first.date:
            first.date = date
            first.date_range = e.date_range if e.date == date else None
    return sorted(kept.values(), key=lambda e: e.start)


def extract_events(ctx: ArticleContext) -> list[Event]:
    if ctx.people is None or ctx.organisations is None:
        return []
    text = ctx.text
    quoted = _quoted_spans(text)
    starts, ends = ctx._sentences()
    sentences = list(zip(starts, ends, strict=False))
    events: list[Event] = []
    for i, sent in enumerate(sentences):
        _people_events(ctx, sent, quoted, events)
        _predecessor_departures(ctx, sent, quoted, events)
        _role_created(ctx, sentences, i, quoted, events)
        _reporting_lines(ctx, sent, quoted, events)
        _mergers(ctx, sentences, i, quoted, events)
    events.extend(_incoming_appointments(ctx))
    return _merge(events)


__all__ = ["extract_events", "RoleFact"]
