"""Who holds a title found in the text: an explicit, ordered list of named strategies
(`HOLDER_STRATEGIES`), tried in turn; the first that finds a person wins.

A strategy sees the title's site (where its phrase starts and ends, whether it is plural,
the fact found just before) and returns a `Holder`: the person, where the clause that
states the post starts, the words between the person and the title (status cues are read
there), and what else it knows (an organisation, a substantive post to return to).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.career_holders import career_holder, next_career_item
from sectorwatch.extract.entities.coreference import pronoun_referent
from sectorwatch.extract.entities.implied import is_predecessor
from sectorwatch.extract.entities.syntax_holders import attached_holder
from sectorwatch.extract.entities.vocab import honorific_pattern, role_vocabulary
from sectorwatch.extract.lexicon import lower_words, pronoun_genders, succession_verbs, words

_LINK_WORDS = lower_words("title_link_words.txt") | {m.lower() for m in words("months.txt")}
_POSTNOMINALS = lower_words("postnominals.txt")


def person_after(ctx: ArticleContext, pos: int) -> tuple[str, int] | None:
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


SUCCEEDS = re.compile(
    rf"\b(?:{succession_verbs('former')}|{succession_verbs('leaving')})\s+"
    r"(?:[A-Z][a-z]*\.?\s+)?(?:[A-Z][\w’'-]*\s+)?$"
)
# "... chief executive of X and accountable officer", "... for the past seven years and was
# previously its deputy director of nursing": a second title of the same person
AND_CHAIN = re.compile(
    r"(?:\s+(?:for|since|from|until)\s+[^,.;:]{1,30}?)?,?\s*and\s+"
    r"(?:(?:is|was|has|had|have|been|also|previously|formerly|later|then|now|currently|still|"
    r"will|would|be|become|becomes|became)\s+)*"
    r"(?:(?:from|since)\s+\w+(?:\s+\d{4})?\s+)?(?:the\s+|its\s+|their\s+|a\s+|an\s+)?"
)
# "Aisha Bello, chief executive of X, has been appointed group chief executive of Y": the
# predicate after an apposition that closed with a comma, perhaps after its time ("Jo Hale,
# who has been interim chief executive at X since May, has been appointed ...")
APPOSITIVE_CHAIN = re.compile(
    r"(?:\s*\([^()]{1,12}\))?(?:\s+(?:since|from|until)\s+[^,.;:]{1,30}?)?,\s*(?:who\s+)?"
    r"(?:(?:has|have|had|been|is|was|will|would|be|also|now|then|later|to|agreed|"
    r"become|becomes|became|appointed|named|confirmed|made|chosen|promoted|take|takes|took|up|"
    r"undertake|assume|assumes|assumed|on|as|the|a|an|its|their|his|her|first|next)\s+)+"
    r"(?:(?:role|post|position)\s+of\s+(?:the\s+|a\s+|an\s+)?)?"
)
_AS_TITLE = re.compile(
    r"\b(?:as|become|becomes|became|becoming)\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?$"
)


def successor(ctx: ArticleContext, left: int) -> tuple[str, int, str] | None:
    """ "Marcus Heller, who takes over from Ruth Emsley as chief nursing officer": the title
    is the sentence's subject's, the one named before the predecessor."""
    assert ctx.people is not None
    text = ctx.text
    prev = ctx.people.most_recent_before(left)
    if prev is None or not re.fullmatch(r"\s+as\s+(?:the\s+|its\s+)?", text[prev.end : left]):
        return None
    if not SUCCEEDS.search(text, max(0, prev.start - 40), prev.start):
        return None
    return sole_subject(ctx, prev.start, left)


def sole_subject(ctx: ArticleContext, before: int, left: int) -> tuple[str, int, str] | None:
    """The one person the sentence names before `before` (its subject)."""
    assert ctx.people is not None
    sent_s = ctx.sentence_span(left, left + 1)[0]
    names = [m for m in ctx.people.starting_in(sent_s, before) if m.end <= before]
    if len({m.canonical for m in names}) != 1:
        return None
    return names[0].canonical, names[0].start, ctx.text[names[-1].end : left]


def subject_as_title(ctx: ArticleContext, left: int) -> tuple[str, int, str] | None:
    """ "Meera Joshi, currently deputy finance director at Eastbrook, will join as chief
    financial officer": after "as"/"become", the title is the sentence's one person's."""
    if not _AS_TITLE.search(ctx.text, max(0, left - 20), left):
        return None
    return sole_subject(ctx, left, left) or _pronoun_opening(ctx, left)


_OPENING_PRONOUN = re.compile(r"(?:[A-Z][^,.;:]{0,40},\s+)?(He|She)\s+[a-z]")
_OPENING_WORD = re.compile(r"[A-Z][\w.’'-]*\s+")  # a relative subject's opening words
_COMMA_WHO = re.compile(r",\s*who\s")


def _pronoun_opening(ctx: ArticleContext, left: int) -> tuple[str, int, str] | None:
    """ "She came to the board in 2016 as director of strategy": the sentence's opening
    he or she, when it names nobody, is the person the earlier sentences name."""
    assert ctx.people is not None
    sent_s = ctx.sentence_span(left, left + 1)[0]
    m = _OPENING_PRONOUN.match(ctx.text, sent_s, left)
    if m is None or ctx.people.starting_in(sent_s, left):
        return None
    person = pronoun_referent(ctx, m.start(1), m.group(1))
    if person is None:
        return None
    return person, m.start(1), ctx.text[m.end(1) : left]


_PRONOUN_SUBJECT = re.compile(
    r"(?:\A|(?P<where>,\s*where\s+)|\b(?:Before\s+that|Previously|Earlier|Until\s+then|"
    r"Since\s+then|Before\s+joining\s+[^,]{1,60}),?\s+)(?P<pronoun>[Hh]e|[Ss]he)\s+"
    r"(?P<verb>(?:(?:is|was|has|had|been|also|previously|currently|briefly|then|now)\s+)+)"
    r"(?:the\s+|a\s+|an\s+)?\Z"
)


def pronoun_subject(ctx: ArticleContext, left: int) -> tuple[str, int, str, str | None] | None:
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
        for n in ctx.people.starting_in(sent_s, start)
        if n.end <= start and ctx.people.gender(n.canonical) == gender
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


def returns_to_post(ctx: ArticleContext, left: int) -> tuple[str, int, str] | None:
    """ "Fenn, who has run the trust since Graham Tull retired, will return to his post as
    chief operating officer": the nearest person before of that gender, not one whose
    post was handed over ("since Graham Tull retired")."""
    assert ctx.people is not None
    sent_s = ctx.sentence_span(left, left + 1)[0]
    m = _RETURNS_TO.search(ctx.text, max(sent_s, left - 80), left)
    if m is None:
        return None
    gender = pronoun_genders("possessive").get(m.group("owner"))
    for n in reversed(ctx.people.starting_in(sent_s, m.start())):
        if n.end > m.start():
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


def coordinated_subject(ctx: ArticleContext, left: int) -> tuple[str, int, str] | None:
    """ "Janet Holroyd, who chairs the committees-in-common and is chair of Eastbrook", "He
    trained as a psychiatrist and was previously medical director at X": a second predicate
    shares the sentence's subject (its first person, named or he/she)."""
    assert ctx.people is not None
    sent_s = ctx.sentence_span(left, left + 1)[0]
    m = _AND_PREDICATE.search(ctx.text, sent_s, left)
    if m is None:
        return None
    named = ctx.people.first_starting_in(sent_s, m.start())
    pronoun = _HE_SHE.search(ctx.text, sent_s, m.start())
    if pronoun is not None and (named is None or pronoun.start() < named.start):
        person = pronoun_referent(ctx, pronoun.start(), pronoun.group(0))
        if person is None:
            return None
        return person, pronoun.start(), ctx.text[pronoun.end() : left]
    if named is None:
        return None
    return named.canonical, named.start, ctx.text[named.end : left]


def person_after_coordinated(ctx: ArticleContext, end: int) -> tuple[str, int] | None:
    """ "The trust’s deputy chief executive and director of nursing, Julia Okafor": two
    titles joined by "and" share the person after the second."""
    m = re.match(r"\s+and\s+([a-z][a-z -]{2,60}?)(?=,\s*[A-Z])", ctx.text[end : end + 90])
    if m is None or not role_vocabulary().pattern.search(m.group(1)):
        return None
    return person_after(ctx, end + m.end())


# "Dr Imelda Frost, a GP in Leeds and chair of ...": a description, then "and" a title
_DESCRIBED_AND = re.compile(
    r",\s+(?:a|an)\s+(?:[a-z][a-z-]*\s+|GP\s+){1,4}?"
    r"(?:(?:in|at|from)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}\s+)?and\s+(?:the\s+|an?\s+)?"
)


# "Mr Hale who, until the reshuffle last weekend, was chief executive of": a time aside
_WHO_ASIDE = re.compile(
    r"\bwho\s*,\s*(?:until|since|before|after|in|from|between|during)\b[^,]{1,50},\s*", re.I
)


def person_before(ctx: ArticleContext, left: int) -> tuple[str, int, str] | None:
    """The person joined to a title starting at `left` by apposition or a linking verb."""
    assert ctx.people is not None
    mention = ctx.people.most_recent_before(left)
    if mention is None or left - mention.end > 90:
        return None
    between = ctx.text[mention.end : left]
    if "\n" in between or between.count(",") > 2 or re.search(r"[.;:?!‘“\"]", between):
        return None
    if SUCCEEDS.search(ctx.text, max(0, mention.start - 40), mention.start):
        return None  # "takes over from Ruth Emsley as chief nursing officer": not hers
    if _DESCRIBED_AND.fullmatch(between):
        return mention.canonical, mention.start, between
    masked = between
    assert ctx.organisations is not None
    for o in ctx.organisations.in_span(mention.end, left):
        a, b = o.start - mention.end, o.end - mention.end
        masked = masked[:a] + " org" + " " * (b - a - 4) + masked[b:]
    words = re.findall(r"[\w’'-]+|,", _WHO_ASIDE.sub("who ", masked).lower())
    while words and words[0] in _POSTNOMINALS:
        words.pop(0)  # "Dame Ann Pike DBE FRCP, chair of ...": letters after the name
    if not words or words[0] != ",":
        if any(w == "," for w in words):
            return None
    if any(w not in _LINK_WORDS and w != "," and not w.isdigit() for w in words):
        return None
    if not words or words == [","] or any(w != "," for w in words):
        return mention.canonical, mention.start, between
    return None


@dataclass(frozen=True)
class Site:
    """A title in the text: its phrase runs from `left` to `end`; `last` is the fact found
    just before (person, end, organisation, whether the person came first)."""

    left: int
    end: int
    plural: bool
    last: tuple[str, int, str | None, bool] | None


@dataclass(frozen=True)
class Holder:
    person: str
    clause_start: int
    between: str = ""
    end: int | None = None  # the fact ends here (a name after the title)
    appositive: bool = False  # the person stands before the title ("X, chief ...")
    organisation: str | None = None  # the post's body, when the title has none
    returning: bool = False  # "will return to his post as COO": where he now acts
    status: str | None = None  # the status the words before the title give
    career: bool = False  # a career history's post: kept only with a body of its own


@dataclass(frozen=True)
class HolderStrategy:
    name: str
    find: Callable[[ArticleContext, Site], Holder | None]


def _named_after(ctx: ArticleContext, site: Site) -> Holder | None:
    found = person_after(ctx, site.end) or person_after_coordinated(ctx, site.end)
    if found is None or site.plural:
        return None
    return Holder(found[0], site.left, end=found[1])


def _and_chain(ctx: ArticleContext, site: Site) -> Holder | None:
    last = site.last
    if last is None or last[1] > site.left:
        return None
    if not AND_CHAIN.fullmatch(ctx.text[last[1] : site.left]):
        return None
    between = ctx.text[last[1] : site.left]
    return Holder(last[0], site.left, between, appositive=last[3], organisation=last[2])


def _relative_subject(ctx: ArticleContext, person: str, end: int) -> bool:
    """Whether the sentence opens with the person and a relative clause that holds the fact
    ending at `end` ("Jo Hale, who has served as chief nurse at X, ...")."""
    head = ctx.text[ctx.sentence_span(end - 1, end)[0] : end]
    # (?:[A-Z][\w.’'-]*\s+){0,2}PERSON,\s*who\s, matched at 2, 1, 0 words without a pattern
    if not person or person[0].isspace():
        raise ValueError("a person's name that is empty or opens with a space")
    starts = [0]
    while len(starts) < 3 and (word := _OPENING_WORD.match(head, starts[-1])) is not None:
        starts.append(word.end())
    for at in reversed(starts):
        who = _COMMA_WHO.match(head, at + len(person)) if head.startswith(person, at) else None
        if who is not None:
            return "," not in head[who.end() :]
    return False


def _appositive_chain(ctx: ArticleContext, site: Site) -> Holder | None:
    """ "Owen Hartley, Eastbrook's finance director, will become the group's CFO"."""
    last = site.last
    if last is None or last[1] > site.left:
        return None
    if not last[3] and not _relative_subject(ctx, last[0], last[1]):
        return None
    if not APPOSITIVE_CHAIN.fullmatch(ctx.text[last[1] : site.left]):
        return None
    return Holder(last[0], site.left, ctx.text[last[1] : site.left])


def _before(ctx: ArticleContext, site: Site) -> Holder | None:
    b = successor(ctx, site.left) or person_before(ctx, site.left)
    if b is None:
        return None
    # "who, until the reshuffle, was minister": an earlier post, kept only with its body
    aside = _WHO_ASIDE.search(b[2]) is not None
    return Holder(b[0], b[1], b[2], appositive=b[1] < site.left, career=aside)


def _returning(ctx: ArticleContext, site: Site) -> Holder | None:
    b = returns_to_post(ctx, site.left)
    return Holder(b[0], b[1], b[2], returning=True) if b else None


def _as_title(ctx: ArticleContext, site: Site) -> Holder | None:
    b = subject_as_title(ctx, site.left)
    return Holder(b[0], b[1], b[2]) if b else None


def _pronoun(ctx: ArticleContext, site: Site) -> Holder | None:
    c = pronoun_subject(ctx, site.left)
    if c is None:
        return None
    # "..., where he was director of X": a body named before "where", never a guess
    where = re.search(r",\s*where\s+$", ctx.text[max(0, c[1] - 12) : c[1]]) is not None
    return Holder(c[0], c[1], c[2], organisation=c[3], career=where and c[3] is None)


def _attached(ctx: ArticleContext, site: Site) -> Holder | None:
    b = attached_holder(ctx, site.left, site.end)
    return Holder(b[0], b[1], b[2], appositive=True) if b else None


def _coordinated(ctx: ArticleContext, site: Site) -> Holder | None:
    b = coordinated_subject(ctx, site.left)
    return Holder(b[0], b[1], b[2]) if b else None


def _career(ctx: ArticleContext, site: Site) -> Holder | None:
    c = career_holder(ctx, site.left)
    if c is None:
        return None
    return Holder(
        c.person,
        c.clause_start,
        c.between,
        organisation=c.organisation,
        status=c.status,
        career=True,
    )


def _career_item(ctx: ArticleContext, site: Site) -> Holder | None:
    last = site.last
    if last is None or not next_career_item(ctx, site.left, last[1]):
        return None
    return Holder(last[0], site.left, ctx.text[last[1] : site.left], status="former", career=True)


HOLDER_STRATEGIES: tuple[HolderStrategy, ...] = (
    HolderStrategy("name after the title", _named_after),
    HolderStrategy("second title joined by and", _and_chain),
    HolderStrategy("predicate after an apposition", _appositive_chain),
    HolderStrategy("successor or name before the title", _before),
    HolderStrategy("return to a substantive post", _returning),
    HolderStrategy("subject of as / become", _as_title),
    HolderStrategy("he or she as subject", _pronoun),
    HolderStrategy("subject of a coordinated predicate", _coordinated),
    HolderStrategy("apposition or relative clause of a name (parse)", _attached),
    HolderStrategy("subject of a career phrase", _career),
    HolderStrategy("next item of a career list", _career_item),
)


def find_holder(ctx: ArticleContext, site: Site) -> Holder | None:
    """The holder the first strategy that finds one gives."""
    for strategy in HOLDER_STRATEGIES:
        holder = strategy.find(ctx, site)
        if holder is not None:
            return holder
    return None
