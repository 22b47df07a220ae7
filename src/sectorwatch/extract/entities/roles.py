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

from sectorwatch.data import rows
from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.implied import byline_roles, is_predecessor, predecessor_roles
from sectorwatch.extract.entities.titles import complete_title
from sectorwatch.extract.entities.vocab import (
    canonical_title,
    honorific_pattern,
    organisation_table,
    role_vocabulary,
    status_cues,
)
from sectorwatch.extract.events.when import resolve_duration_start
from sectorwatch.model import RoleFact

_MODS = re.compile(
    r"(?:\b(?:interim|acting|incoming|outgoing|departing|retiring|former|previous|ex-|then|new|joint|"
    r"substantive|permanent|future|first|deputy|assistant|associate|executive|national|regional|"
    r"group|senior|system|clinical|medical)\s+)+$",
    re.IGNORECASE,
)
_QUALIFIERS = {"deputy", "assistant", "associate", "group", "senior", "executive", "vice"}
# "chief executive of the new Eastbrook and Harlow Vale Hospitals Group"
_AFTER_ORG = re.compile(
    r"\s+(?:of|for|at|with|in)\s+((?:the\s+)?(?:(?:new|newly\s+formed|enlarged|merged|combined)\s+)?)"
)
_POSSESSIVE_GAP = re.compile(r"(?:’s|'s|’)?\s*$")
_PRONOUN_OWNER = re.compile(r"\b(its|their|her|his)\s+$", re.IGNORECASE)
_ANAPHOR_OWNER = re.compile(r"\b(the\s+[a-z]+(?:\s+[a-z]+){0,2})(?:’s|'s)\s+$", re.IGNORECASE)
_LINK_WORDS = set(
    "currently now also until recently formerly previously has have had been is was will be "
    "becomes became to become appointed named as confirmed takes took over the a an who "
    "its their her his set made chosen selected promoted recruited would currently, from "
    "since in next later this year month org joined join joins rejoined april may june july "
    "march january february august "
    "september october november december autumn spring summer winter on".split()
)
_ACRONYM_OWNER = re.compile(r"(?<![\w’'-])([A-Z][A-Z&]{1,5})(?:’s|'s)?\s+$")
_NOT_BODIES = frozenset({"GP", "GPs", "UK", "US", "EU", "A&E", "ED"})


def _unknown_acronym(word: str) -> bool:
    """Whether capitals before a title may name a body: not a title ("CEO"), not "GP"."""
    return (
        word not in _NOT_BODIES
        and word.lower() not in role_vocabulary().canonical
        and word not in organisation_table().generic
    )


_HEAD_OWNER = re.compile(r"(?<![\w’'-])(?:[Tt]he\s+)?([A-Z][A-Za-z]+)(?:’s|'s)?\s+$")


@lru_cache(maxsize=1)
def _head_words() -> frozenset[str]:
    """Capitalised last words of organisation names that may stand for the whole name
    ("Trust", "ICB", "Board")."""
    table = organisation_table()
    return frozenset({s.split()[-1] for s in table.suffixes} | set(table.abbrevs))


# "deputy chief nurse" is another post than "chief nurse", never a fuller name for it
_OTHER_POST = {"deputy", "assistant", "associate", "vice"}
_STATUS_ORDER = ["interim", "acting", "incoming", "leaving", "former", "current"]


def _status_from(mods: str, after: str, between: str, tail: str) -> str:
    for pattern, status, where in status_cues():
        if where == "mod" and pattern.search(mods):
            return status
        if where == "after" and pattern.match(after.strip()):
            return status
    for pattern, status, where in status_cues():
        if where == "clause" and pattern.search(between):
            return status
        if where == "tail" and (pattern.search(between) or pattern.search(tail)):
            return status
    return "current"


def _status_after_comma(rest: str) -> str | None:
    """ "Ardmore chief executive Oswin Teller, is to step down": the predicate after the
    comma that closes the fact, when it starts with a status cue."""
    m = re.match(r"\s*,\s*(?:who\s+)?([^,.;:]{0,80})", rest)
    if m is None:
        return None
    for pattern, status, where in status_cues():
        if where == "tail" and pattern.match(m.group(1)):
            return status
    return None


def _person_after(ctx: ArticleContext, pos: int) -> tuple[str, int] | None:
    text = ctx.text
    m = re.match(r"[ \t]*,?[ \t]*", text[pos:])
    p = pos + (m.end() if m else 0)
    assert ctx.people is not None
    mention = ctx.people.starting_at(p)
    if mention is None:
        h = honorific_pattern().match(text[p : p + 40])
        if h:
            mention = ctx.people.starting_at(p + h.end())
    if mention is None:
        return None
    return mention.canonical, mention.end


_SUCCEEDS = re.compile(
    r"\b(?:(?:takes?|took|taking|taken|will\s+take)\s+over\s+from|succeeds?|succeeded|"
    r"succeeding|replaces?|replaced|replacing)\s+(?:[A-Z][a-z]*\.?\s+)?(?:[A-Z][\w’'-]*\s+)?$"
)
# "... chief executive of X and accountable officer", "... for the past seven years and was
# previously its deputy director of nursing": a second title of the same person
_AND_CHAIN = re.compile(
    r"(?:\s+(?:for|since|from|until)\s+[^,.;:]{1,30}?)?,?\s*and\s+"
    r"(?:(?:is|was|has|had|have|been|also|previously|formerly|later|then|now|currently|still|"
    r"will|would|be|become|becomes|became)\s+)*"
    r"(?:(?:from|since)\s+\w+(?:\s+\d{4})?\s+)?(?:the\s+|its\s+|their\s+|a\s+|an\s+)?"
)
# "Aisha Bello, chief executive of X, has been appointed group chief executive of Y": the
# predicate after an apposition that closed with a comma
_APPOSITIVE_CHAIN = re.compile(
    r",\s*(?:who\s+)?(?:(?:has|have|had|been|is|was|will|would|be|also|now|then|later|to|"
    r"become|becomes|became|appointed|named|confirmed|made|chosen|promoted|take|takes|took|up|"
    r"on|as|the|a|an|its|their|his|her|first|next)\s+)+"
)
_AS_TITLE = re.compile(
    r"\b(?:as|become|becomes|became|becoming)\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?$"
)


def _successor(ctx: ArticleContext, left: int) -> tuple[str, int, str] | None:
    """ "Marcus Heller, who takes over from Ruth Emsley as chief nursing officer": the title
    is the sentence's subject's, the one named before the predecessor."""
    assert ctx.people is not None
    text = ctx.text
    prev = ctx.people.most_recent_before(left)
    if prev is None or not re.fullmatch(r"\s+as\s+(?:the\s+|its\s+)?", text[prev.end : left]):
        return None
    if not _SUCCEEDS.search(text, max(0, prev.start - 40), prev.start):
        return None
    return _sole_subject(ctx, prev.start, left)


def _sole_subject(ctx: ArticleContext, before: int, left: int) -> tuple[str, int, str] | None:
    """The one person the sentence names before `before` (its subject)."""
    assert ctx.people is not None
    sent_s = ctx.sentence_span(left, left + 1)[0]
    names = [m for m in ctx.people.mentions() if sent_s <= m.start and m.end <= before]
    if len({m.canonical for m in names}) != 1:
        return None
    return names[0].canonical, names[0].start, ctx.text[names[-1].end : left]


def _subject_as_title(ctx: ArticleContext, left: int) -> tuple[str, int, str] | None:
    """ "Meera Joshi, currently deputy finance director at Eastbrook, will join as chief
    financial officer": after "as"/"become", the title is the sentence's one person's."""
    if not _AS_TITLE.search(ctx.text, max(0, left - 20), left):
        return None
    return _sole_subject(ctx, left, left)


_PRONOUN_SUBJECT = re.compile(
    r"(?:\A|(?P<where>,\s*where\s+)|\b(?:Before\s+that|Previously|Earlier|Until\s+then|"
    r"Since\s+then|Before\s+joining\s+[^,]{1,60}),?\s+)(?P<pronoun>[Hh]e|[Ss]he)\s+"
    r"(?P<verb>(?:(?:is|was|has|had|been|also|previously|currently|briefly|then|now)\s+)+)"
    r"(?:the\s+|a\s+|an\s+)?\Z"
)


def _pronoun_subject(ctx: ArticleContext, left: int) -> tuple[str, int, str, str | None] | None:
    """ "Before that she was deputy chief nurse at Lowmoor", "He is also chair of X",
    "... from Brackley NHS Trust, where he was deputy chief executive": he/she is the
    person the earlier sentences name; after ", where" the organisation is the one before."""
    assert ctx.organisations is not None
    sent_s = ctx.sentence_span(left, left + 1)[0]
    m = _PRONOUN_SUBJECT.search(ctx.text[sent_s:left])
    if m is None:
        return None
    start = sent_s + m.start("pronoun")
    assert ctx.people is not None
    gender = "f" if m.group("pronoun").lower() == "she" else "m"
    own = [
        n
        for n in ctx.people.mentions()
        if sent_s <= n.start and n.end <= start and ctx.people.gender(n.canonical) == gender
    ]  # "Mr Ormerod joined X from Y, where he was ...": the sentence's own subject
    person = own[0].canonical if own else pronoun_referent(ctx, start, m.group("pronoun"))
    if person is None:
        return None
    org = None
    if m.group("where"):
        found = ctx.organisations.ending_at(sent_s + m.start("where"))
        org = found.canonical if found else None
    return person, start, m.group("verb"), org


_RETURNS_TO = re.compile(
    r"\b(?:return|returns|returned|returning|go\s+back|goes\s+back|revert|reverts)\s+to\s+"
    r"(?P<owner>his|her|their)\s+(?:[a-z]+\s+){0,2}?(?:role|post|job|position)\s+as\s+"
    r"(?:the\s+)?$"
)


def _returns_to_post(ctx: ArticleContext, left: int) -> tuple[str, int, str] | None:
    """ "Fenn, who has run the trust since Graham Tull retired, will return to his post as
    chief operating officer": the nearest person before of that gender, not one whose
    post was handed over ("since Graham Tull retired")."""
    assert ctx.people is not None
    sent_s = ctx.sentence_span(left, left + 1)[0]
    m = _RETURNS_TO.search(ctx.text, max(sent_s, left - 80), left)
    if m is None:
        return None
    gender = {"his": "m", "her": "f"}.get(m.group("owner"))
    for n in reversed(ctx.people.mentions()):
        if n.end > m.start() or n.start < sent_s:
            continue
        if gender and ctx.people.gender(n.canonical) not in (gender, None):
            continue
        if is_predecessor(ctx, n):
            continue
        return n.canonical, n.start, ctx.text[n.end : left]
    return None


_AND_PREDICATE = re.compile(
    r"\band\s+(?:is|was|has\s+been|had\s+been|will\s+be|remains)\s+"
    r"(?:(?:also|previously|formerly|still|now|currently)\s+)*(?:the\s+|a\s+|an\s+)?$"
)
_HE_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


def _coordinated_subject(ctx: ArticleContext, left: int) -> tuple[str, int, str] | None:
    """ "Janet Holroyd, who chairs the committees-in-common and is chair of Eastbrook", "He
    trained as a psychiatrist and was previously medical director at X": a second predicate
    shares the sentence's subject (its first person, named or he/she)."""
    assert ctx.people is not None
    sent_s = ctx.sentence_span(left, left + 1)[0]
    m = _AND_PREDICATE.search(ctx.text, sent_s, left)
    if m is None:
        return None
    named = next((n for n in ctx.people.mentions() if sent_s <= n.start < m.start()), None)
    pronoun = _HE_SHE.search(ctx.text, sent_s, m.start())
    if pronoun is not None and (named is None or pronoun.start() < named.start):
        person = pronoun_referent(ctx, pronoun.start(), pronoun.group(0))
        if person is None:
            return None
        return person, pronoun.start(), ctx.text[pronoun.end() : left]
    if named is None:
        return None
    return named.canonical, named.start, ctx.text[named.end : left]


def _person_after_coordinated(ctx: ArticleContext, end: int) -> tuple[str, int] | None:
    """ "The trust’s deputy chief executive and director of nursing, Julia Okafor": two
    titles joined by "and" share the person after the second."""
    m = re.match(r"\s+and\s+([a-z][a-z -]{2,60}?)(?=,\s*[A-Z])", ctx.text[end : end + 90])
    if m is None or not role_vocabulary().pattern.search(m.group(1)):
        return None
    return _person_after(ctx, end + m.end())


# "Dr Imelda Frost, a GP in Leeds and chair of ...": a description, then "and" a title
_DESCRIBED_AND = re.compile(
    r",\s+(?:a|an)\s+(?:[a-z][a-z-]*\s+|GP\s+){1,4}?"
    r"(?:(?:in|at|from)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}\s+)?and\s+(?:the\s+|an?\s+)?"
)


def _person_before(ctx: ArticleContext, left: int) -> tuple[str, int, str] | None:
    """The person joined to a title starting at `left` by apposition or a linking verb."""
    assert ctx.people is not None
    mention = ctx.people.most_recent_before(left)
    if mention is None or left - mention.end > 90:
        return None
    between = ctx.text[mention.end : left]
    if "\n" in between or between.count(",") > 2 or re.search(r"[.;:?!‘“\"]", between):
        return None
    if _SUCCEEDS.search(ctx.text, max(0, mention.start - 40), mention.start):
        return None  # "takes over from Ruth Emsley as chief nursing officer": not hers
    if _DESCRIBED_AND.fullmatch(between):
        return mention.canonical, mention.start, between
    masked = between
    assert ctx.organisations is not None
    for o in ctx.organisations.in_span(mention.end, left):
        a, b = o.start - mention.end, o.end - mention.end
        masked = masked[:a] + " org" + " " * (b - a - 4) + masked[b:]
    words = re.findall(r"[\w’'-]+|,", masked.lower())
    if not words or words[0] != ",":
        if any(w == "," for w in words):
            return None
    if any(w not in _LINK_WORDS and w != "," and not w.isdigit() for w in words):
        return None
    if not words or words == [","] or any(w != "," for w in words):
        return mention.canonical, mention.start, between
    return None


_PLACE = r"[A-Z][\w’'-]+(?:(?:\s+(?:and|upon|on|under|&))?\s+[A-Z][\w’'-]+){0,4}"
_PLACE_BEFORE = re.compile(rf"(?<![\w’'-])({_PLACE})\s+$")
_PLACE_AFTER = re.compile(rf"\s+for\s+(?:the\s+)?({_PLACE})")


@lru_cache(maxsize=1)
def _parties() -> frozenset[str]:
    """Political parties (data/political_parties.txt): "Labour MP" names no constituency."""
    return frozenset(row[0].strip() for row in rows("political_parties.txt"))


def _place_of(text: str, t_start: int, t_end: int) -> tuple[str, int, int] | None:
    """The place a post such as MP belongs to: "for PLACE" after the title, else the
    capitalised name right before it that is no party; (place, start, end)."""
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
        return None
    place = " ".join(words)
    return place, t_start - len(before.group(0)) + before.group(0).index(words[0]), t_end


def extract_roles(ctx: ArticleContext) -> list[RoleFact]:
    text = ctx.text
    vocab = role_vocabulary()
    orgs, people = ctx.organisations, ctx.people
    if orgs is None or people is None:
        return []
    facts: list[RoleFact] = []
    # person, end, organisation of the last fact, and whether its person came first
    last: tuple[str, int, str | None, bool] | None = None
    substantive: list[RoleFact] = []  # "will return to his post as COO": where he acts
    unowned: list[RoleFact] = []  # "the group's chair" of a body never named: no guess
    for m in vocab.pattern.finditer(text):
        t_start, t_end = m.start("title"), m.end("title")
        variant = m.group("title")
        mods_m = _MODS.search(text[max(0, t_start - 80) : t_start])
        mods = mods_m.group(0) if mods_m else ""
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
        owner_unknown = False
        before = text[max(0, left - 120) : left]
        gap = _POSSESSIVE_GAP.search(re.sub(r"\s*\([A-Z][A-Za-z&]{1,9}\)\s*$", "", before))
        unbracketed = re.sub(r"\s*\([A-Z][A-Za-z&]{1,9}\)\s*$", "", before)
        org_end = left - (len(before) - len(unbracketed)) - (len(gap.group(0)) if gap else 0)
        pre = orgs.ending_at(org_end)
        if pre is not None:
            organisation, left = pre.canonical, pre.start
            outer = _MODS.search(text[max(0, left - 60) : left])
            if outer:
                mods = outer.group(0) + mods
                left -= len(outer.group(0))
        elif (h := _HEAD_OWNER.search(before)) is not None and h.group(1) in _head_words():
            # "Trust chairman Graham Petrie", "ICB chair Howard Ince": the article's trust.
            organisation = orgs.resolve_head(h.group(1), left)
            if organisation:
                left -= len(h.group(0))
        elif (p := _PRONOUN_OWNER.search(before)) is not None:
            owner = p.group(1).lower()
            if owner == "its" or owner == "their":
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
        elif (a := _ANAPHOR_OWNER.search(before)) is not None:
            organisation = orgs.resolve_anaphor(a.group(1), left)
            if organisation:
                left -= len(a.group(0))
            else:
                owner_unknown = True  # "the group's chair": some body, maybe never named
        elif (acr := _ACRONYM_OWNER.search(before)) is not None and _unknown_acronym(acr.group(1)):
            # "MPU GP committee chair Dr Anjali Sethi-Booth": a body the article never expands
            organisation = orgs.canonical(acr.group(1))
            left -= len(acr.group(0))
        owned = organisation is not None and re.search(r"\b(?:its|their)\s+$|’s\s+$|'s\s+$", before)
        if variant.lower() in vocab.after_org_only and pre is None and not owned:
            # "Council leader", "NHS Improvement chief"; or "leader of Fernhurst Council"
            post_org = _AFTER_ORG.match(text, end)
            if post_org is None or orgs.starting_at(post_org.end()) is None:
                continue

        if variant.lower() in vocab.of_place:
            # "Fernhurst and Leybourne MP Claire Dunmore", "the MP for Fernhurst and Leybourne"
            place = _place_of(text, t_start, t_end)
            if place is None:
                continue
            organisation, left, end = place[0], min(left, place[1]), max(end, place[2])
        # The organisation after: "chief executive of Care England".
        post = _AFTER_ORG.match(text, end)
        if post is not None:
            after_org = orgs.starting_at(post.end())
            if after_org is not None:
                # "Westmarch branch secretary of the Ambulance Workers' Association": the
                # body after "of"/"for" is the post's; the name before is its branch
                of = re.match(r"\s+(?:of|for)\s", post.group(0)) is not None
                organisation = after_org.canonical if of else organisation or after_org.canonical
                end = after_org.end
            else:
                anaphor = re.match(
                    r"the\s+[a-z]+(?:\s+[a-z]+){0,2}", text[post.end() - len(post.group(1)) :]
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

        # The person: after the title, before it, or after "As ORG TITLE,".
        person = None
        returning = False
        appositive = False  # the person stands before the title ("Martin Green, chief ...")
        clause_start = left
        found = _person_after(ctx, end) or _person_after_coordinated(ctx, end)
        between = ""
        if found is not None and not plural:
            person, p_end = found
            end = p_end
        elif last is not None and last[1] <= left and _AND_CHAIN.fullmatch(text[last[1] : left]):
            person, appositive = last[0], last[3]
            between = text[last[1] : left]
            organisation = organisation or last[2]
        elif (
            last is not None
            and last[3]
            and last[1] <= left
            and _APPOSITIVE_CHAIN.fullmatch(text[last[1] : left])
        ):
            # "Owen Hartley, Eastbrook's finance director, will become the group's CFO"
            person, between = last[0], text[last[1] : left]
        elif (b := _successor(ctx, left) or _person_before(ctx, left)) is not None:
            person, clause_start, between = b
            appositive = clause_start < left
        elif (b := _returns_to_post(ctx, left)) is not None:
            # "will return to his substantive role as chief operating officer": at the body
            # where he is acting or interim
            person, clause_start, between = b
            returning = organisation is None
        elif (b := _subject_as_title(ctx, left)) is not None:
            person, clause_start, between = b
        elif (c := _pronoun_subject(ctx, left)) is not None:
            person, clause_start, between, where_org = c
            organisation = organisation or where_org
        elif (b := _coordinated_subject(ctx, left)) is not None:
            person, clause_start, between = b
        if person is None or plural:
            continue
        if re.match(r"\s*,?\s*(?:as\s+)?$", text[max(0, left - 4) : left], re.I) and re.search(
            r"\bAs\s+$", text[max(0, left - 4) : left]
        ):
            pass
        sent_s, sent_e = ctx.sentence_span(clause_start, end)
        if organisation is None:
            organisation = _joined_as(ctx, left)
        tail_clause = re.split(r"[,.;:]", text[end:sent_e], maxsplit=1)[0][:80]
        status = _status_from(mods, after, between, tail_clause[:60])
        if status == "current" and not tail_clause.strip():
            status = _status_after_comma(text[end:sent_e]) or status
        if status == "current" and re.search(r"\bfrom\s+\w+", between):
            status = "incoming"
        valid_from = None
        since = re.search(
            r"\bsince\s+[^,.;]{1,30}|\bfor the (?:past|last) [^,.;]{1,30}", tail_clause
        )
        if since:
            valid_from = resolve_duration_start(since.group(0), ctx.article.published)
        start = min(clause_start, left)
        # "The two trusts have shared a chair, Philippa Rowe": the post of each of them
        sharers = _sharing_bodies(ctx, left) if organisation is None else ()
        for body in sharers or (organisation,):
            facts.append(
                RoleFact(
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
        if returning:
            substantive.append(facts[-1])
    facts.extend(_roles_from_verbs(ctx))
    facts.sort(key=lambda f: f.start)
    _share_organisations(text, facts)
    _organisations_from_context(ctx, [f for f in facts if all(f is not u for u in unowned)])
    for f in substantive:
        acting = [a for a in facts if a.person == f.person and a.status in ("acting", "interim")]
        if acting and acting[0].organisation:
            f.organisation = acting[0].organisation
    _durations_from_pronouns(ctx, facts)
    facts.extend(predecessor_roles(ctx, facts))
    facts.extend(byline_roles(ctx))
    facts.sort(key=lambda f: f.start)
    return _deduplicate(facts)


_SHARED_POST = re.compile(
    r"\b(?:share|shares|shared|sharing)\s+(?:a|an|the|one|their)\s+(?:joint\s+)?$", re.I
)


_PAIR_SUBJECT = re.compile(
    r"(?:The|Both)\s+(?:two\s+)?(trusts|boards|organisations|bodies|agencies)\b", re.I
)


def _sharing_bodies(ctx: ArticleContext, left: int) -> tuple[str, ...]:
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


_JOINED_AS = re.compile(r"\s+as\s+(?:the\s+|its\s+|their\s+)?$")
_JOIN_VERB = re.compile(
    r"\b(?:join|joins|joined|joining|rejoins?|rejoined|returns?\s+to|returned\s+to|"
    r"moves?\s+to|moved\s+to|arrives?\s+at|arrived\s+at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _joined_as(ctx: ArticleContext, left: int) -> str | None:
    """ "will join Kestrel Coast as chief nursing officer": the body joined."""
    assert ctx.organisations is not None
    text = ctx.text
    m = _JOINED_AS.search(text, max(0, left - 12), left)
    if m is None:
        return None
    org = ctx.organisations.ending_at(m.start())
    if org is None or not _JOIN_VERB.search(text, max(0, org.start - 30), org.start):
        return None
    return org.canonical


@lru_cache(maxsize=1)
def _press_titles() -> frozenset[str]:
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
        rf"(?:,\s*who)?\s+(?:also\s+)?(?P<verb>{alt})\s+(?:the\s+)?", re.IGNORECASE
    )
    return pattern, table


def _roles_from_verbs(ctx: ArticleContext) -> list[RoleFact]:
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
        valid_from = (
            resolve_duration_start(since.group(1), ctx.article.published) if since else None
        )
        out.append(
            RoleFact(
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


def _share_organisations(text: str, facts: list[RoleFact]) -> None:
    """ "chief executive and accountable officer of North Wendover ICB": the organisation
    after the second title is the first title's too."""
    for a, b in zip(facts, facts[1:], strict=False):
        if a.person != b.person or a.organisation is not None or b.organisation is None:
            continue
        if a.end <= b.start and re.fullmatch(r",?\s*and\s+(?:the\s+)?", text[a.end : b.start]):
            a.organisation = b.organisation


def _organisations_from_context(ctx: ArticleContext, facts: list[RoleFact]) -> None:
    """A title with no organisation ("Chief executive Daniel Whitcombe said") belongs to the
    body the article was talking about: the same person's stated organisation for that
    title, else the organisation named last before the fact that no other fact claims
    (not a publication someone "told")."""
    assert ctx.organisations is not None
    text = ctx.text
    claimed = [(f.start, f.end) for f in facts if f.organisation is not None]
    stated = {(f.person, f.role): f.organisation for f in facts if f.organisation}
    mentions = ctx.organisations.mentions()
    for f in facts:
        if f.organisation is not None or f.role in _press_titles():
            continue
        if (f.person, f.role) in stated:
            f.organisation = stated[(f.person, f.role)]
            continue
        for m in reversed(mentions):
            if m.end > f.start or any(s <= m.start < e for s, e in claimed):
                continue
            if re.search(
                r"\b(?:told|to|by|in|for)\s+(?:the\s+)?$", text[max(0, m.start - 8) : m.start]
            ):
                continue
            f.organisation = m.canonical
            break
        else:
            before = [m for m in mentions if m.end <= f.start]
            f.organisation = before[-1].canonical if before else None


_HELD = re.compile(
    r"\b(he|she)\s+(?:has|had)\s+(?:held|been|led|run)\b[^.]{0,60}?"
    r"(\bfor the (?:past|last) [^,.;’']{1,25}|\bsince (?:\d{4}|[A-Z][a-z]+(?: \d{4})?))"
)


def _durations_from_pronouns(ctx: ArticleContext, facts: list[RoleFact]) -> None:
    """ "... the one he has held for the past 18 months": the sentence's subject's role."""
    text = ctx.text
    for m in _HELD.finditer(text):
        person = pronoun_referent(ctx, m.start(1), m.group(1))
        if person is None:
            continue
        valid_from = resolve_duration_start(m.group(2), ctx.article.published)
        for f in facts:
            if f.person == person and f.valid_from is None and valid_from:
                f.valid_from = valid_from
                break


def pronoun_referent(ctx: ArticleContext, offset: int, pronoun: str) -> str | None:
    """Who "he"/"she" at `offset` means: the first person named in the nearest earlier
    sentence that names one of that gender (the subject, in news prose)."""
    assert ctx.people is not None
    gender = "f" if pronoun.lower() in {"she", "her", "hers"} else "m"
    sent_s, _ = ctx.sentence_span(offset, offset + 1)
    pos = sent_s
    for _ in range(4):
        if pos <= 0:
            break
        prev_s, prev_e = ctx.sentence_span(max(pos - 2, 0), max(pos - 1, 1))
        names = [
            m
            for m in ctx.people.mentions()
            if prev_s <= m.start < prev_e and ctx.people.gender(m.canonical) in (gender, None)
        ]
        if names:
            return names[0].canonical
        pos = prev_s
    mention = ctx.people.most_recent_before(offset, gender)
    return mention.canonical if mention else None


def _deduplicate(facts: list[RoleFact]) -> list[RoleFact]:
    best: dict[tuple[str, str, str | None], RoleFact] = {}
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
        if _STATUS_ORDER.index(f.status) < _STATUS_ORDER.index(statuses[key]):
            statuses[key] = f.status
    out = []
    with_org = {(f.person, f.role) for f in best.values() if f.organisation}
    for key, f in list(best.items()):
        words = set(f.role.split())
        for other in best.values():
            if other is f or (other.person, other.organisation) != (f.person, f.organisation):
                continue
            extra = set(other.role.split()) - words
            if words < set(other.role.split()) and not extra & _OTHER_POST:
                best.pop(key)
                break
    for key, f in best.items():
        if f.organisation is None and (f.person, f.role) in with_org:
            continue
        f.status = statuses[key]  # type: ignore[assignment]
        out.append(f)
    return sorted(out, key=lambda f: f.start)
