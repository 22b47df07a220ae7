"""Who the parse makes the subject of a cue's verb, and the cheap checks that ask for a
parse only where it could give the caller someone (`syntactic_subjects`)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.coreference import pronoun_referent, role_noun_referent
from sectorwatch.extract.entities.vocab import role_vocabulary
from sectorwatch.extract.patterns import NON_ASCII_LETTER

_SPACES_RUN = re.compile(r"\s+")


def syntactic_subjects(
    ctx: ArticleContext, sent: tuple[int, int], cue: tuple[int, int], besides: str | None = None
) -> list[str]:
    """The people the parse makes the subject of the cue's verb: a name ("X, the first nurse
    to lead Y, is stepping down"), each of coordinated names ("X and Y were appointed"),
    he/she (the salient antecedent), or a role noun whose holder the article has named
    ("The chief executive is to step down"). Empty without a parse, and when nobody could
    be one (with `besides`, a subject the surface found: when the parse could not name
    `besides` together with someone else)."""
    assert ctx.people is not None
    if not _may_name_a_subject(ctx, sent, besides):
        return []  # no word there that `_person_at` could resolve: not worth a parse
    clause = ctx.syntax.clause(sent)
    subject = clause.subject_of(*cue) if clause is not None else None
    if subject is None:
        return []
    out: list[str] = []
    for head in (subject.head, *subject.conjuncts):
        who = _person_at(ctx, head, subject.phrase)
        if who is not None and who not in out:
            out.append(who)
    return out


_HE_SHE = re.compile(r"(?<![^\W\d_])s?he(?![^\W\d_dls])", re.I)  # "he", "she's", "hes"


def _may_name_a_subject(
    ctx: ArticleContext, sent: tuple[int, int], besides: str | None = None
) -> bool:
    """False only when the parse could not give the caller anyone (keep in step with
    `_person_at`): no word of the sentence could be a subject it resolves, other than
    `besides` (no other person's mention, no he/she, and no title of a post that someone
    named earlier holds), or, with `besides`, none could be `besides` beside someone else."""
    assert ctx.people is not None
    s, e = sent
    named = {m.canonical for m in ctx.people.mentions() if m.start < e and m.end > s}
    text = ctx.text[s:e]
    pronouns = list(_HE_SHE.finditer(text))
    if NON_ASCII_LETTER.search(text):
        return True
    if not (named - {besides} or pronouns or _may_hold_role_noun(ctx, sent, text)):
        return False
    who = _possible_subjects(ctx, sent, named, pronouns)
    if besides is None:
        return bool(who)
    return besides in who and len(who) > 1


def _possible_subjects(
    ctx: ArticleContext, sent: tuple[int, int], named: set[str], pronouns: list[re.Match[str]]
) -> set[str]:
    """Everyone `_person_at` could resolve a word of the sentence to, whatever the parse
    (a superset): the people `named` there, whom its he/she (`pronouns`) mean, and, where a
    role noun may open a phrase ("the" and a title: `role_noun_referent`), whoever holds a
    post the sentence names and, in the article's first sentences, the person named next."""
    assert ctx.people is not None
    s, e = sent
    out = set(named)
    for p in pronouns:
        who = pronoun_referent(ctx, s + p.start(), p.group(0))
        if who is not None:
            out.add(who)
    if not _role_noun_lead().search(ctx.text, s, e):
        return out
    words = _SPACES_RUN.sub(" ", ctx.text[s:e].lower())
    variants = _title_variants()
    for f in ctx.roles:
        if f.start < e and any(v in words for v in variants.get(f.role, (f.role,))):
            out.add(f.person)
    # a post nobody holds yet: the first person named in the next two sentences
    # (`coreference._named_next`, for any of the first three sentences it overlaps)
    sentences = ctx.sentences()
    for j, (a, b) in enumerate(sentences[:3]):
        if a < e and s < b and j + 1 < len(sentences):
            after = ctx.people.first_starting_in(b, sentences[min(j + 2, len(sentences) - 1)][1])
            if after is not None:
                out.add(after.canonical)
    return out


@cache
def _role_noun_lead() -> re.Pattern[str]:
    """Where a role noun subject may open: "the", up to two words and the start of a title
    (`coreference._SUBJECT_LEAD` before a title of `role_vocabulary`, less the title's
    closing lookahead: a title a phrase's end cuts short still starts there)."""
    title = role_vocabulary().pattern
    opening = title.pattern.removesuffix(r"(?![\w-])")
    assert opening != title.pattern, "a title pattern ends with its closing lookahead"
    return re.compile(rf"(?i:the\s+(?:[a-z’'-]+\s+){{0,2}})(?:{opening})", title.flags)


def _may_hold_role_noun(ctx: ArticleContext, sent: tuple[int, int], text: str) -> bool:
    """Whether the sentence has a title of a post that someone named before its end holds
    (or, when nobody holds one yet, any title)."""
    held = {f.role for f in ctx.roles if f.start < sent[1]}
    if not held:  # a role noun nobody holds yet may be named next (`role_noun_referent`)
        return bool(role_vocabulary().pattern.search(ctx.text, *sent))
    words = _SPACES_RUN.sub(" ", text.lower())
    variants = _title_variants()
    return any(v in words for role in held for v in variants.get(role, (role,)))


@lru_cache(maxsize=1)
def _title_variants() -> dict[str, tuple[str, ...]]:
    """Canonical title -> its lower-cased variants ("chief executive" -> "ceo", ...)."""
    out: dict[str, list[str]] = {}
    for variant, title in role_vocabulary().canonical.items():
        out.setdefault(title, []).append(variant)
    return {title: tuple(v) for title, v in out.items()}


def _person_at(ctx: ArticleContext, head: tuple[int, int], phrase: tuple[int, int]) -> str | None:
    assert ctx.people is not None
    mention = ctx.people.at(head[0])
    if mention is not None:
        return mention.canonical
    word = ctx.text[head[0] : head[1]]
    if word.lower() in ("he", "she"):
        return pronoun_referent(ctx, head[0], word)
    return role_noun_referent(ctx, phrase[0], phrase[1], subject=True)
