"""Open-form titles: a title of data/roles.tsv completed by the words that follow it.

"director of strategy", "head of communications", "deputy director of digital
transformation", "lead for cancer": a few words after "of"/"for" name what the post is
about, and belong to the title, kept as written in lower case. They end before a comma, a
clause word ("and" that no word follows, "at", "for", "with", "will", "reporting" ...),
a person's name, an organisation the article names, or after four words. Capitalised words
complete a title only after "of" and in a capitalised title ("Director of Provider
Improvement"), and never when they look like an organisation: a name the article uses for
one, or a word that ends organisation names ("Director of Brindle Care" is that body's).
"""

from __future__ import annotations

import re

from sectorwatch.extract.context import ArticleContext
from sectorwatch.extract.entities.vocab import (
    canonical_title,
    organisation_head_words,
    organisation_table,
    role_vocabulary,
)
from sectorwatch.extract.lexicon import lower_words, open_titles, title_stop_words

# Titles whose words after "of"/"for" complete them ("director of strategy"), those that
# take the words but stay as they are ("regional director for the North"), and the titles
# "X of" that more words complete ("head of" + "policy"): data/open_titles.tsv.
_TAILED = open_titles("tailed", "region")
_KEEP_ROLE = open_titles("region")
_MAX_WORDS = 4
_MODIFIERS = lower_words("title_modifiers.txt")
_LEAD = re.compile(r"\s+(of|for)(?=\s)")
_REGION_LEAD = re.compile(r"\s+(?:of|for)(?:\s+the)?(?=\s)")
_REGION_OF = re.compile(r"\s+of(?=\s+[A-Z])")
_WORD = re.compile(r"\s+(?:(and|&)\s+)?([A-Za-z][a-z’'-]*)(?![\w’'-])")
_OPEN_HEADS = tuple(sorted(f"{t} " for t in open_titles("open")))


def _tail(
    ctx: ArticleContext,
    pos: int,
    capitals: bool,
    limit: int = _MAX_WORDS,
    region: bool = False,
    continued: bool = False,
) -> tuple[list[str], int] | None:
    """The words completing a title from `pos` (after "of"/"for"), and where they end; a
    `region` ("the North East") is no body's name; a `continued` title ("director of
    finance" + "and business services") may go on with "and", never into a second title
    ("and chief executive")."""
    text = ctx.text
    people, orgs = ctx.people, ctx.organisations
    taken: list[tuple[str | None, str, int]] = []  # ("and" or None, word, its end)
    end = pos
    for _ in range(limit):
        m = _WORD.match(text, end)
        if m is None or "\n\n" in m.group(0):
            break
        joined, word = m.group(1), m.group(2)
        if word.lower() in title_stop_words() or (joined and not taken and not continued):
            break
        if joined and (
            role_vocabulary().pattern.match(text, m.start(2)) or word.lower() in _MODIFIERS
        ):
            break  # "director of finance and deputy chief executive": two posts
        if (word[0].isupper() and not region) and (
            word in organisation_head_words() or word in organisation_table().generic
        ):
            if capitals and people is not None and _name_follows(ctx, m.end()):
                # "Head of Health Ana Diaz": a portfolio before the holder, not a body
                taken.append((joined, word, m.end()))
                break
            # "Director of Brindle Care": the capitalised words before were a body's name
            while taken and taken[-1][1][0].isupper():
                taken.pop()
            break
        start = m.start(2)
        if word[0].isupper() and not capitals:
            break
        if people is not None and people.at(start) is not None:
            break  # "Director of Strategy Joan Pike": the name is hers
        if orgs is not None and orgs.in_span(start, m.end()):
            break  # "director of Kestrel Coast": the body, not the post's subject
        taken.append((joined, word, m.end()))
        end = m.end()
    if not taken:
        return None
    words = [w for joined, word, _ in taken for w in ((joined, word) if joined else (word,))]
    return words, taken[-1][2]


_PORTFOLIO = re.compile(
    r"\s+((?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:(?:and|&|of)\s+)?[A-Z][\w’'-]*){0,6})"
    r"(?=,?\s+(?:at|of|in|with)\s+((the\s+)?[A-Za-z]+))"
)


def _name_follows(ctx: ArticleContext, pos: int) -> bool:
    """Whether a person's name starts right after `pos` (one space on)."""
    assert ctx.people is not None
    m = re.match(r"[ \t]+", ctx.text[pos : pos + 3])
    return m is not None and ctx.people.starting_at(pos + m.end()) is not None


def _portfolio(ctx: ArticleContext, pos: int) -> tuple[list[str], int] | None:
    """A portfolio in title case before the body that holds the post ("Executive Director
    of Resources and Digital Services at the Vale Council"): its words, and where they end.
    Not a body's own name, nor a person's; only when a body the article names follows."""
    m = _PORTFOLIO.match(ctx.text, pos)
    orgs, people = ctx.organisations, ctx.people
    if m is None or orgs is None:
        return None
    phrase = re.sub(r"\s+", " ", m.group(1))
    if organisation_table().lookup(phrase) or organisation_table().lookup(
        re.sub(r"^the ", "", phrase)
    ):
        return None
    if people is not None and people.starting_in(m.start(1), m.end(1)):
        return None
    body = m.group(2)
    named = orgs.starting_at(m.start(2) + len(m.group(3) or "")) is not None
    if not named and not (m.group(3) and orgs.resolve_anaphor(body, m.start(2))):
        return None  # "at the trust": the article's trust
    return phrase.split(), m.end(1)


def complete_title(ctx: ArticleContext, variant: str, t_end: int) -> tuple[str, int, str]:
    """The canonical title of a matched `variant` ending at `t_end`, completed by the words
    that follow it ("director" + "of provider improvement"), where it ends, and the variant
    it stands on. "head of" with no words to take is the variant "head" ("head of Care
    England" is that body's chief executive)."""
    text = ctx.text
    role = canonical_title(variant)
    capitals = variant[:1].isupper()
    if role in _KEEP_ROLE:
        # "regional director for the South of England Sam Bell": the region, any case,
        # ends before the holder's name
        lead = _REGION_LEAD.match(text, t_end)
        found = _tail(ctx, lead.end(), True, region=True) if lead else None
        end = t_end
        while found is not None:
            end = found[1]
            inner = _REGION_OF.match(text, end)  # "the South of England"
            found = _tail(ctx, inner.end(), True, region=True) if inner else None
        return role, end, variant
    if role in _TAILED:
        lead = _LEAD.match(text, t_end)
        found = _portfolio(ctx, lead.end()) if lead else None
        if lead and found is None:
            found = _tail(ctx, lead.end(), capitals and lead.group(1) == "of")
        if found is None or lead is None:
            return role, t_end, variant
        words, end = found
        if role in _KEEP_ROLE:
            return role, end, variant
        phrase = " ".join(w.lower() for w in words)
        return f"{role} {lead.group(1)} {phrase}", end, variant
    written = re.sub(r"\s+", " ", variant.lower())
    if written.startswith(_OPEN_HEADS) and (role == written or written.count(" ") > 1):
        # "director of nursing" + "practice"; "Director of finance" + "and business services"
        limit = _MAX_WORDS - len(written.split()) + 2
        found = _tail(ctx, t_end, capitals, limit, continued=written.count(" ") > 1)
        if found is not None:
            words, end = found
            return f"{written} {' '.join(words)}", end, variant
        return role, t_end, variant
    if role.endswith(" of"):
        found = _tail(ctx, t_end, capitals)
        if found is not None:
            words, end = found
            return f"{role} {' '.join(w.lower() for w in words)}", end, variant
        variant = variant[: -len(" of")].rstrip()
        return canonical_title(variant), t_end - len(" of"), variant
    return role, t_end, variant
