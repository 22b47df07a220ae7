"""Person-role-organisation facts with status, read from the shapes UK health news uses.

Every title of data/roles.tsv found in the text is a candidate. Around it:
- status words and qualifiers before it ("incoming joint finance director", "interim");
- the organisation before it ("NHS Providers chief executive", "SaTH’s COO", "its chief
  executive", "the institute’s director of policy") or after it ("chief executive of Care
  England", "... of the joint organisation"); "joint" titles with no organisation belong to
  the article's combined body;
- the person right after it ("... Chris Hopson", "Its chief executive, Stephen Ayre") or
  before it, joined by an apposition or a linking verb ("Martin Green, chief executive of",
  "Priya Raman has been appointed interim chief operating officer of", "Daniel Whitcombe,
  who becomes chief executive of"), or after "As ORG TITLE, PERSON";
- a second title joined by "and" to the first keeps the person ("Rob Webster, chief
  executive for X and chief executive lead for Y").
One fact per (person, role, organisation) per article; the most specific status wins.
Durations ("has held for the past 18 months", "since 2021") set `valid_from`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sectorwatch.data import lines, rows
from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.career_holders import PLURAL_BODIES, employer_before
from sectorwatch.extract.entities.coordinated_posts import posts_of_second_predicates
from sectorwatch.extract.entities.implied import (
    byline_roles,
    moved_from_roles,
    predecessor_roles,
)
from sectorwatch.extract.entities.owner_tails import BRACKETED_END, OwnerTail, possessive_gap
from sectorwatch.extract.entities.role_context import (
    DraftRole,
    deduplicate,
    durations_from_pronouns,
    joined_as,
    organisations_from_context,
    roles_from_verbs,
    share_organisations,
    sharing_bodies,
)
from sectorwatch.extract.entities.role_holders import Site, find_holder
from sectorwatch.extract.entities.role_status import share_former, status_of
from sectorwatch.extract.entities.titles import complete_title
from sectorwatch.extract.entities.vocab import (
    canonical_title,
    organisation_table,
    role_vocabulary,
    title_starts,
)
from sectorwatch.extract.lexicon import (
    determiners,
    lower_words,
    title_modifiers,
    title_stop_words,
    word_alternation,
)
from sectorwatch.extract.literals import finditer_at
from sectorwatch.model import RoleFact

# the former and current status words of status_cues.tsv ("immediate past", "current")
# stand in the run too
_STATUS_MODS = "|".join(
    r[2].strip().replace(" ", r"\s+")
    for r in rows("status_cues.tsv")
    if r[1].strip() == "mod" and r[0].strip() in ("former", "current")
)
_MODS = re.compile(
    rf"(?:\b(?:{title_modifiers()}|{_STATUS_MODS})(?:\s+|(?<=-)))+$",
    re.IGNORECASE,
)
# The last word of every modifier, lower case: a run of modifiers ends with one of them
_MOD_TAILS = tuple(
    sorted(
        {w.split()[-1] for w in lower_words("title_modifiers.txt")}
        | {
            alt.split()[-1].lower()
            for r in rows("status_cues.tsv")
            if r[1].strip() == "mod" and r[0].strip() in ("former", "current")
            for alt in r[2].strip().split("|")
        }
    )
)
_MOD_TAILS_PLAIN = all(re.fullmatch(r"[a-z-]+", w) for w in _MOD_TAILS)  # no regex in them
_MOD_REACH = max(map(len, _MOD_TAILS))


def _mods_before(window: str) -> str:
    """The run of modifiers that ends `window` (`_MODS`), or "". The search is skipped
    where the text before the trailing spaces ends with no modifier's last word (compared
    in lower case where that text is ASCII, so that case folding is str.lower's)."""
    end = window.rstrip()[-_MOD_REACH:]
    if _MOD_TAILS_PLAIN and end.isascii() and not end.lower().endswith(_MOD_TAILS):
        return ""
    m = _MODS.search(window)
    return m.group(0) if m else ""


_QUALIFIERS = lower_words("title_qualifiers.txt")
# "chief executive of the new Eastbrook and Harlow Vale Hospitals Group"; "... and chief
# scientific officer, at the Vale Agency"
_AFTER_ORG = re.compile(
    r"(?:,\s+at|\s+(?:in\s+common\s+)?(?:of|for|at|with|in|on))\s+"
    r"((?:both\s+)?(?:[Tt]he\s+)?(?:(?:new|newly\s+formed|enlarged|merged|combined|then|former)\s+)?)"
)
_PRONOUN_OWNER = re.compile(rf"\b({word_alternation(determiners('possessive'))})\s+$", re.I)
_ANAPHOR_OWNER = re.compile(r"\b(the\s+[a-z]+(?:\s+[a-z]+){0,2})(?:’s|'s)\s+$", re.IGNORECASE)
_ACRONYM_OWNER = re.compile(r"(?<![\w’'-])([A-Z][A-Z&]{1,5})(?:’s|'s)?\s+$")
_NOT_BODIES = frozenset(lines("not_body_acronyms.txt"))


def _unknown_acronym(word: str) -> bool:
    """Whether capitals before a title may name a body: not a title ("CEO"), not "GP"."""
    return (
        word not in _NOT_BODIES
        and word.lower() not in role_vocabulary().canonical
        and word not in organisation_table().generic
    )


_HEAD_OWNER = re.compile(r"(?<![\w’'-])(?:[Tt]he\s+)?([A-Z][A-Za-z]+)(?:’s|'s)?\s+$")


# "Jules Preston, trust chairman, added": a lower-case head word standing for the body
_LOWER_HEAD_OWNER = re.compile(r"(?:^|[,(]\s*|\s(?:the|The)\s+)(trust|board)\s+$")


@lru_cache(maxsize=1)
def _head_words() -> frozenset[str]:
    """Capitalised last words of organisation names that may stand for the whole name
    ("Trust", "ICB", "Board")."""
    table = organisation_table()
    return frozenset({s.split()[-1] for s in table.suffixes} | set(table.abbrevs))


# "deputy chief nurse" is another post than "chief nurse", never a fuller name for it


_PLACE = r"[A-Z][\w’'-]+(?:(?:\s+(?:and|upon|on|under|&))?\s+[A-Z][\w’'-]+){0,4}"
_PLACE_BEFORE = re.compile(rf"(?<![\w’'-])({_PLACE})\s+$")
_PLACE_AFTER = re.compile(rf"\s+for\s+(?:the\s+)?({_PLACE})")


@lru_cache(maxsize=1)
def _parties() -> frozenset[str]:
    """Political parties (data/political_parties.txt): "Labour MP" names no constituency."""
    return frozenset(row[0].strip() for row in rows("political_parties.txt"))


def _place_of(text: str, t_start: int, t_end: int) -> tuple[str | None, int, int] | None:
    """The place a post such as MP belongs to: "for PLACE" after the title, else the
    capitalised name right before it that is no party; (place, start, end). After a party
    alone ("Labour MP Jo Pardoe") the post is the party's member's, of no place (None)."""
    after = _PLACE_AFTER.match(text, t_end)
    if after is not None:
        return after.group(1), t_start, after.end(1)
    before = _PLACE_BEFORE.search(text, max(0, t_start - 60), t_start)
    if before is None:
        return None
    words = before.group(1).split()
    while words and (words[0] in _parties() or words[0] in {"The", "A", "An", "Local", "Former"}):
        words = words[1:]
    if not words or " ".join(words) in _parties():
        return (None, t_start, t_end) if before.group(1).split()[-1] in _parties() else None
    place = " ".join(words)
    return place, t_start - len(before.group(0)) + before.group(0).index(words[0]), t_end


# "Ann Pike, digital lead; Tom Reed, workforce lead", "Tom Reed, the estates lead at the
# trust": a list item's or an apposition's area before "lead"
@lru_cache(maxsize=1)
def _area() -> re.Pattern[str]:
    stops = "|".join(sorted(title_stop_words(), key=len, reverse=True))
    return re.compile(rf",\s+(?:(?:the|its|a)\s+)?((?:(?!(?:{stops})\s)[a-z][a-z-]*\s+){{1,2}})$")


def _listed_area(ctx: ArticleContext, variant: str, left: int) -> tuple[str, int] | None:
    """The area of a "NAME, AREA lead" list item (the words, where they start)."""
    if variant.lower() != "lead":
        return None
    m = _area().search(ctx.text, max(0, left - 40), left)
    assert ctx.people is not None
    if m is None or ctx.people.ending_at(m.start()) is None:
        return None
    return " ".join(m.group(1).split()), m.start(1)


def extract_roles(ctx: ArticleContext) -> list[RoleFact]:
    text = ctx.text
    vocab = role_vocabulary()
    orgs, people = ctx.organisations, ctx.people
    if orgs is None or people is None:
        return []
    facts: list[DraftRole] = []
    # person, end, organisation of the last fact, and whether its person came first
    last: tuple[str, int, str | None, bool] | None = None
    substantive: list[DraftRole] = []  # "will return to his post as COO": where he acts
    unowned: list[DraftRole] = []  # "the group's chair" of a body never named: no guess
    bodiless: list[DraftRole] = []  # a career post with no body of its own: left out
    starts = ctx.once("title_starts", lambda: title_starts(text))
    for m in finditer_at(vocab.pattern, text, starts):
        t_start, t_end = m.start("title"), m.end("title")
        variant = m.group("title")
        mods = _mods_before(text[max(0, t_start - 80) : t_start])
        left = t_start - len(mods)
        role = canonical_title(variant)
        quals = [w for w in mods.lower().split() if w in _QUALIFIERS]
        if variant.lower().endswith("s") and role != variant.lower() and not quals:
            plural = True
        else:
            plural = False
        # "director of strategy", "head of policy"; "head of Care England" is its chief
        # executive
        role, end, variant = complete_title(ctx, variant, t_end)
        if quals:
            role = " ".join(quals + [role])
        if text[end : end + 12].strip().lower().startswith(("designate", "elect")):
            after = text[end : end + 12]
            end += len(after) - len(after.lstrip()) + len(after.split()[0])
        else:
            after = ""

        # The organisation before: "NHSI chair", "SaTH’s COO", "its chief executive".
        organisation = None
        owner_unknown = seat = False
        before = text[max(0, left - 120) : left]
        tail = OwnerTail.of(before)
        # a bracketed short name ending the text is left out: it needs a ")" there
        bracketed = tail.stripped.endswith(")")
        unbracketed = BRACKETED_END.sub("", before) if bracketed else before
        gap = possessive_gap(unbracketed)
        org_end = left - (len(before) - len(unbracketed)) - gap
        pre = orgs.ending_at(org_end)
        if pre is not None:
            organisation, left = pre.canonical, pre.start
            outer = _mods_before(text[max(0, left - 60) : left])
            if outer:
                mods = outer + mods
                left -= len(outer)
        elif (
            tail.may_name_head(_head_words())
            and (h := _HEAD_OWNER.search(before) or _LOWER_HEAD_OWNER.search(before)) is not None
            and (h.group(1) in _head_words() or h.group(1).capitalize() in _head_words())
        ):
            # "Trust chairman Graham Petrie", "ICB chair Howard Ince", "X, trust chairman,":
            # the article's trust.
            organisation = orgs.resolve_head(
                h.group(1).capitalize() if h.group(1).islower() else h.group(1), left
            )
            if organisation:
                left -= len(h.group(0))
        elif tail.may_have_determiner() and (p := _PRONOUN_OWNER.search(before)) is not None:
            owner = p.group(1).lower()
            if owner == "our":  # "Owen Hale, our chief executive": the press release's body
                organisation = orgs.resolve_anaphor("our", left)
            elif owner == "its" or owner == "their":
                sent_s = ctx.sentence_span(left, left + 1)[0]
                prev_s = ctx.sentence_span(sent_s - 2, sent_s - 1)[0] if sent_s > 1 else None
                organisation = orgs.subject_before(sent_s, left, prev_s)
                organisation = organisation or orgs.resolve_anaphor("its", left)
            else:
                ref = people.most_recent_before(
                    left - len(p.group(0)), "f" if owner == "her" else "m"
                )
                prior = [f for f in facts if ref is not None and f.person == ref.canonical]
                organisation = prior[0].organisation if prior else None
            left -= len(p.group(0))
        elif tail.may_have_possessive() and (a := _ANAPHOR_OWNER.search(before)) is not None:
            organisation = orgs.resolve_anaphor(a.group(1), left)
            if organisation:
                left -= len(a.group(0))
            else:
                owner_unknown = True  # "the group's chair": some body, maybe never named
        elif (
            tail.may_have_acronym()
            and (acr := _ACRONYM_OWNER.search(before)) is not None
            and _unknown_acronym(acr.group(1))
        ):
            # "MPU GP committee chair Dr Anjali Sethi-Booth": a body the article never expands
            organisation = orgs.canonical(acr.group(1))
            left -= len(acr.group(0))
        owned = organisation is not None and re.search(r"\b(?:its|their)\s+$|’s\s+$|'s\s+$", before)
        area = _listed_area(ctx, variant, left) if organisation is None else None
        if area is not None:  # "Ann Pike, digital lead; Tom Reed, workforce lead"
            role, left = f"{area[0]} {role}", area[1]
        elif variant.lower() in vocab.after_org_only and pre is None and not owned:
            # "Council leader", "NHS Improvement chief"; or "leader of Fernhurst Council"
            post_org = _AFTER_ORG.match(text, end)
            if post_org is None or orgs.starting_at(post_org.end()) is None:
                continue

        if variant.lower() in vocab.of_place:
            # "Fernhurst and Leybourne MP Claire Dunmore", "the MP for Fernhurst and Leybourne"
            # "Sam Ode MP": the name before is the holder's, not a constituency
            named = people.ending_at(len(text[:t_start].rstrip())) is not None
            place = (None, t_start, t_end) if named else _place_of(text, t_start, t_end)
            if place is None:
                continue
            # a constituency is no organisation: "MP for Fernhurst and Leybourne", of none
            left, end = min(left, place[1]), max(end, place[2])
            role = f"{role} for {place[0]}" if place[0] else role
            owner_unknown = seat = True
        # The organisation after: "chief executive of Care England".
        post = _AFTER_ORG.match(text, end)
        if post is not None:
            # "of both A and B" names the bodies; "of both organisations" refers to them
            after_org = orgs.starting_at(post.end()) or orgs.starting_at(post.start(1))
            if after_org is not None:
                # "Westmarch branch secretary of the Ambulance Workers' Association": the
                # body after "of"/"for" is the post's; the name before is its branch
                of = re.match(r"\s+(?:of|for)\s", post.group(0)) is not None
                organisation = after_org.canonical if of else organisation or after_org.canonical
                end = after_org.end
            else:
                anaphor = re.match(  # "of the trust", "of the Trust"
                    r"the\s+[A-Za-z][a-z]+(?:\s+[a-z]+){0,2}",
                    text[post.end() - len(post.group(1)) :],
                )
                if anaphor:
                    for k in range(len(anaphor.group(0).split()), 1, -1):
                        phrase = " ".join(anaphor.group(0).split()[:k])
                        name = orgs.resolve_anaphor(phrase, post.start())
                        if name:
                            organisation = organisation or name
                            end = post.end() - len(post.group(1)) + len(phrase)
                            break
        if organisation is None and "joint" in mods.lower():
            organisation = orgs.combined()

        if organisation is None and PLURAL_BODIES.match(text, end):
            continue  # "chief executive on a number of health boards": none named
        if plural:
            continue  # "chief executives": no one holder (none looked for, none parsed)
        # The person: the first of the ordered holder strategies that finds one.
        holder = find_holder(ctx, Site(left, end, plural, last))
        if holder is None:
            continue
        person, clause_start, between = holder.person, holder.clause_start, holder.between
        appositive, end = holder.appositive, holder.end or end
        organisation = organisation or holder.organisation
        returning = holder.returning and organisation is None
        sent_s, sent_e = ctx.sentence_span(clause_start, end)
        if seat:
            organisation = None  # an MP's post is of no organisation
        elif organisation is None:
            organisation = joined_as(ctx, left) or employer_before(ctx, left)
        tail_clause = re.split(r"[,.;:]", text[end:sent_e], maxsplit=1)[0][:80]
        status = status_of(mods, after, between, tail_clause, text[end:sent_e], holder.status)
        valid_from = None
        since = re.search(
            r"\bsince\s+[^,.;]{1,30}|\bfor the (?:past|last) [^,.;]{1,30}", tail_clause
        )
        if since:
            valid_from = ctx.dates.duration_start(since.group(0))
        start = min(clause_start, left)
        # "The two trusts have shared a chair, Philippa Rowe": the post of each of them
        sharers = sharing_bodies(ctx, left) if organisation is None else ()
        for body in sharers or (organisation,):
            facts.append(
                DraftRole(
                    person=person,
                    role=role,
                    organisation=body,
                    status=status,  # type: ignore[arg-type]
                    start=start,
                    end=end,
                    valid_from=valid_from,
                    evidence=ctx.evidence(start, end),
                )
            )
        last = (person, end, organisation, appositive)
        if owner_unknown and organisation is None:
            unowned.append(facts[-1])
        if holder.career and organisation is None:
            bodiless.append(facts[-1])
        if returning:
            substantive.append(facts[-1])
    facts.extend(roles_from_verbs(ctx))
    facts.extend(posts_of_second_predicates(ctx, facts))
    facts.sort(key=lambda f: f.start)
    share_organisations(text, facts)
    share_former(text, facts)
    facts = [f for f in facts if f.organisation or all(f is not b for b in bodiless)]
    organisations_from_context(ctx, [f for f in facts if all(f is not u for u in unowned)])
    for f in substantive:
        acting = [a for a in facts if a.person == f.person and a.status in ("acting", "interim")]
        if acting and acting[0].organisation:
            f.organisation = acting[0].organisation
    durations_from_pronouns(ctx, facts)
    emitted = [f.emit() for f in facts]
    implied = predecessor_roles(ctx, emitted) + byline_roles(ctx) + moved_from_roles(ctx, emitted)
    facts.extend(DraftRole.of(f) for f in implied)
    facts.sort(key=lambda f: f.start)
    return deduplicate(facts)
