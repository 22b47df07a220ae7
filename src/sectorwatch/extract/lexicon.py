"""The word lists of extraction, each read once from its data file (`data/README.md` says
what each holds); no stage keeps a list of its own."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from sectorwatch.data import lines, rows


@cache
def words(name: str) -> frozenset[str]:
    """The entries of a data file of words, as written."""
    return frozenset(lines(name))


@cache
def lower_words(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lines(name))


def calendar_words() -> frozenset[str]:
    """Month and day names, capitalised as written."""
    return words("months.txt") | words("weekdays.txt")


@lru_cache(maxsize=1)
def comes_from_verbs() -> str:
    """A regex alternation of the verbs of arriving from an employer (comes_from_verbs.txt)."""
    return "|".join(re.escape(w) for w in sorted(words("comes_from_verbs.txt"), key=len)[::-1])


def comes_from(space: str = r"\s") -> re.Pattern[str]:
    """ "who joins from", "moved to X from": ending right before the employer's name."""
    return re.compile(
        rf"\b(?:{comes_from_verbs()}){space}+(?:to{space}+\S+{space}+)?from{space}+"
        rf"(?:the{space}+)?$",
        re.IGNORECASE,
    )


@cache
def succession_verbs(status: str) -> str:
    """The regex alternation of the "before" rows of data/succession_cues.tsv with this
    status: "former" (took over from, succeeded, replaced: done) or "leaving" (takes over
    from, succeeds, will replace: to come)."""
    return "|".join(
        row[2].strip()
        for row in rows("succession_cues.tsv")
        if row[0].strip() == "before" and row[1].strip() == status and "\\s+of" not in row[2]
    )


@cache
def finite_auxiliaries(with_clause_verbs: bool = False) -> str:
    """A regex alternation of the finite auxiliaries and modals (finite_auxiliaries.txt),
    with the other clause-showing finite verbs (finite_clause_verbs.txt) when asked."""
    found = set(lines("finite_auxiliaries.txt"))
    if with_clause_verbs:
        found |= set(lines("finite_clause_verbs.txt"))
    return "|".join(re.escape(w) for w in sorted(found, key=len, reverse=True))


@cache
def finite_auxiliary_words() -> frozenset[str]:
    """The finite auxiliaries and modals (finite_auxiliaries.txt), lower case."""
    return lower_words("finite_auxiliaries.txt")


@cache
def title_stop_words() -> frozenset[str]:
    """Words that end the words completing a title (title_tail_stops.txt) and the finite
    auxiliaries and modals (finite_auxiliaries.txt): "director of strategy will", "lead
    for cancer at"."""
    return (
        lower_words("title_tail_stops.txt")
        | finite_auxiliary_words()
        | lower_words("relative_pronouns.txt")
    )


@cache
def weekday_numbers() -> dict[str, int]:
    """Day names (weekdays.txt, Monday first), lower case, to their number (Monday 0)."""
    return {d.lower(): i for i, d in enumerate(lines("weekdays.txt"))}


def word_alternation(found: Iterable[str]) -> str:
    """A regex alternation of whole words, longest first (escaped)."""
    return "|".join(re.escape(w) for w in sorted(found, key=lambda w: (-len(w), w)))


def relative_pronouns() -> str:
    """A regex alternation of the relative pronouns (relative_pronouns.txt)."""
    return word_alternation(lower_words("relative_pronouns.txt"))


@cache
def title_modifiers() -> str:
    """A regex alternation of the words that may stand in a run before a title
    (title_modifiers.txt): "interim", "then-", "deputy"."""
    return word_alternation(lower_words("title_modifiers.txt"))


def name_connectors() -> frozenset[str]:
    """The words that join a name's capitalised words ("of", "and", "upon"): name_connectors.txt."""
    return lower_words("name_connectors.txt")


def name_particles() -> frozenset[str]:
    """The particles inside a person's name ("von", "der", "bin"): name_particles.txt."""
    return lower_words("name_particles.txt")


@cache
def determiners(*kinds: str) -> frozenset[str]:
    """The determiners of determiners.tsv of these kinds ("indefinite", "definite",
    "demonstrative", "possessive"), or all of them."""
    return frozenset(
        row[0].strip().lower()
        for row in rows("determiners.tsv")
        if not kinds or row[1].strip() in kinds
    )


def subordinating_conjunctions() -> frozenset[str]:
    """ "after", "when", "because": subordinating_conjunctions.txt."""
    return lower_words("subordinating_conjunctions.txt")


@cache
def clause_openers() -> frozenset[str]:
    """Words opening an adverbial phrase or clause before a subject ("After meeting X,", "In
    a statement,"): clause_openers.txt with the subordinating conjunctions."""
    return lower_words("clause_openers.txt") | subordinating_conjunctions()


@cache
def number_words() -> dict[str, int]:
    """Number words to their number ("six" -> 6, "a" -> 1): number_words.tsv. Read only."""
    return {row[0].strip().lower(): int(row[1]) for row in rows("number_words.tsv")}


@cache
def plural_counts() -> str:
    """A regex alternation of the number words of two or more ("two", "ten", "eighteen")."""
    return word_alternation([w for w, n in number_words().items() if n > 1])


@cache
def open_titles(*hows: str) -> frozenset[str]:
    """The open-form titles of open_titles.tsv completed in these ways ("tailed", "region",
    "open")."""
    return frozenset(row[0].strip() for row in rows("open_titles.tsv") if row[1].strip() in hows)


@cache
def pronoun_genders(*cases: str) -> dict[str, str]:
    """Third-person pronouns of these cases ("subject", "object", "possessive",
    "independent"; all without any) to the gender they give, "f" or "m"
    (pronoun_genders.tsv). Read only."""
    return {
        row[0].strip(): row[1].strip()
        for row in rows("pronoun_genders.tsv")
        if not cases or row[2].strip() in cases
    }
