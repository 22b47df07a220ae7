"""The organisation index of one article: every organisation mention resolved to the
fullest name (built by `organisation_finder.build_organisation_index`).

`OrganisationIndex` answers: `canonical(surface)`, `aliases()`, `mentions()`, and for the
roles and events stages `ending_at(pos)`, `starting_at(pos)`, `in_span(start, end)`,
`most_recent_before(offset)`, `parts(name)` (the two halves of a combined body),
`combined()` (the article's combined body, if any) and `resolve_anaphor(phrase, offset)`
("the joint organisation", "the institute", "its").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from sectorwatch.data import lines
from sectorwatch.extract.entities.vocab import SPACES, OrganisationTable
from sectorwatch.model import Mention
from sectorwatch.orgnames import is_organisation_name

_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[0].isupper() or w == "&")


# Words an acronym may leave out at the end of a name: "Harlow Vale University Hospitals
# NHS Trust (HVUH)".
_UNSPOKEN_TAIL = frozenset(lines("acronym_unspoken_tail.txt"))


def _core(name: str) -> str:
    """ "Westmarch Ambulance Service NHS Trust" -> "Westmarch Ambulance Service": the name
    without an NHS trust tail, so "the service" finds it."""
    words = name.split()
    while len(words) > 2 and words[-1] in _UNSPOKEN_TAIL:
        words.pop()
    return " ".join(words)


def _fits(words: list[str], letters: str) -> bool:
    """Whether `letters` are the initials of `words`, with or without an NHS trust tail."""
    if _initials(words).upper() == letters:
        return True
    core = list(words)
    while core and core[-1] in _UNSPOKEN_TAIL:
        core.pop()
    return len(core) < len(words) and bool(core) and _initials(core).upper() == letters


def fits_blend(words: list[str], acronym: str) -> bool:
    """Whether a mixed-case short name stands for `words`: the initials of every word,
    connectors too ("SaTH": Shrewsbury and Telford Hospital NHS Trust), or its capitalised
    pieces opening the name's first words ("WestCom": Westmoor Community Health NHS Trust)."""
    if acronym.isupper() or not words or not words[0][0].isupper():
        return False
    core = list(words)
    while len(core) > 2 and core[-1] in _UNSPOKEN_TAIL:
        core.pop()
    if acronym in ("".join(w[0] for w in words), "".join(w[0] for w in core)):
        return True
    pieces = re.findall(r"[A-Z][a-z]+", acronym)
    return (
        len(pieces) >= 2
        and "".join(pieces) == acronym
        and len(words) > len(pieces)
        and all(w.lower().startswith(p.lower()) for w, p in zip(words, pieces, strict=False))
    )


def fits_short_name(words: list[str], letters: str, acronym: str) -> bool:
    return _fits(words, letters) or fits_blend(words, acronym)


def unexpanded_short_names(
    text: str, table: OrganisationTable, found: Iterable[str] | None = None
) -> frozenset[str]:
    """The shipped short names ("CQC", "NMC") of `text` whose body the text never names in
    full: the article supports only the short name, so that is the name it keeps (a
    combined body's short name, "NHSE/I", still names its parts). `found`: the surfaces
    `table.pattern` finds in `text`, when the caller has them."""
    short: set[str] = set()
    written: set[str] = set()
    if found is None:
        found = [m.group(0) for m in table.pattern.finditer(text)]
    for surface in found:
        name = table.lookup(surface)
        if name is None:
            continue
        if " " in surface or name in table.parts:
            written.add(name)
        else:
            short.add(surface)
    return frozenset(a for a in short if table.lookup(a) not in written)


_OWNER_WORD = re.compile(r"[A-Z][\w-]*(?:’s|'s)\s+(.+)")


def without_place_owners(mentions: list[Mention]) -> list[Mention]:
    """ "London’s Hurley Group" where the article also names "Hurley Group": the possessive
    word is a place or owner before the name, not part of it ("King’s College Hospital",
    never named without "King’s", keeps it)."""
    names = {m.canonical for m in mentions}
    out = []
    for m in mentions:
        owned = _OWNER_WORD.fullmatch(m.canonical)
        if owned is not None and owned.group(1) in names:
            m = replace(m, canonical=owned.group(1))
        out.append(m)
    return out


def _strip(surface: str) -> str:
    surface = SPACES.sub(" ", surface.strip())
    surface = _POSSESSIVE.sub("", surface)
    if surface.lower().startswith("the ") and not surface.startswith("The King"):
        surface = surface[4:]
    return surface


class OrganisationIndex:
    def __init__(
        self,
        mentions: list[Mention],
        resolver: dict[str, str],
        table: OrganisationTable,
        combined_parts: dict[str, tuple[str, ...]],
        unwritten: frozenset[str] = frozenset(),
    ) -> None:
        self._unwritten = unwritten
        self._mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self._mentions]
        self._resolver = resolver
        self._table = table
        self._parts = combined_parts
        self._by_end: dict[int, Mention] = {}
        self._by_start: dict[int, Mention] = {}
        # Mention indices by canonical name (in order of first mention), for resolve_head.
        self._of_name: dict[str, list[int]] = {}
        for i, m in enumerate(self._mentions):
            self._of_name.setdefault(m.canonical, []).append(i)
        self._names_by_head: dict[str, list[str]] = {}
        for m in self._mentions:
            if m.end not in self._by_end or m.start < self._by_end[m.end].start:
                self._by_end[m.end] = m
            if m.start not in self._by_start or m.end > self._by_start[m.start].end:
                self._by_start[m.start] = m

    def canonical(self, surface: str) -> str:
        """The fullest name the article supports for `surface` ("NHSI" -> "NHS Improvement"
        where the article writes the full name; a short name it never expands stays as
        written, see `written_short_names`)."""
        key = _strip(surface)
        return (
            self._resolver.get(key)
            or self._resolver.get(key.lower())
            or (None if key in self._unwritten else self._table.lookup(key))
            or key
        )

    def aliases(self) -> dict[str, list[str]]:
        """Canonical name -> the other names the article uses for it."""
        out: dict[str, list[str]] = {}
        for m in self._mentions:
            surface = _strip(m.text)
            names = out.setdefault(m.canonical, [])
            if surface != m.canonical and surface not in names and is_organisation_name(surface):
                names.append(surface)
        return out

    def mentions(self) -> list[Mention]:
        return list(self._mentions)

    def parts(self, name: str) -> tuple[str, ...]:
        """The bodies a combined name joins ("NHS England and NHS Improvement" -> both)."""
        return self._parts.get(name, ())

    def joined_parts(self, name: str) -> tuple[str, ...]:
        """The bodies of a combination the article only joins with "and" ("A and B"), not
        one the organisation table knows as one body; () for any other name."""
        if name in self._table.parts:
            return ()
        return self._parts.get(name, ())

    def combined(self, before: int | None = None) -> str | None:
        """The combined body named last before `before` (if given), else the one the article
        talks about most, if any."""
        if before is not None:
            i = bisect_left(self._starts, before)
            for m in reversed(self._mentions[:i]):
                if m.canonical in self._parts and m.end <= before:
                    return m.canonical
        counts = Counter(m.canonical for m in self._mentions if m.canonical in self._parts)
        return counts.most_common(1)[0][0] if counts else None

    def ending_at(self, pos: int) -> Mention | None:
        """The longest mention that ends at `pos`."""
        return self._by_end.get(pos)

    def starting_at(self, pos: int) -> Mention | None:
        return self._by_start.get(pos)

    def in_span(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self._starts, start)
        j = bisect_right(self._starts, end)
        return [m for m in self._mentions[i:j] if m.end <= end]

    def most_recent_before(self, offset: int, head: str | None = None) -> Mention | None:
        """The last mention ending before `offset` (whose name ends with `head`, if given)."""
        i = bisect_left(self._starts, offset)
        for m in reversed(self._mentions[:i]):
            if m.end > offset:
                continue
            if head is None or m.canonical.lower().endswith(head.lower()):
                return m
        return None

    def anaphor_rule(self, phrase: str) -> str | None:
        """How "the joint organisation", "the two trusts", "its" ... is resolved
        (data/organisations.tsv `@anaphor` rows: combined, pair, head, its, main), or None."""
        return self._table.anaphors.get(SPACES.sub(" ", phrase.lower().strip()))

    def resolve_anaphor(self, phrase: str, offset: int) -> str | None:
        """What "the joint organisation", "the institute", "its" ... before `offset` means."""
        rule = self.anaphor_rule(phrase)
        if rule == "combined":
            return self.combined(offset)
        if rule == "pair":
            noun = phrase.split()[-1].lower().rstrip("s")
            return self._pair_before(offset, noun if noun in ("trust", "board") else None)
        if rule == "head":
            return self.resolve_head(phrase.split()[-1], offset)
        if rule == "its":
            m = self.most_recent_before(offset)
            return m.canonical if m else None
        if rule == "main":
            return self.most_named()
        return None

    def most_named(self) -> str | None:
        """The organisation the article names most (the first named wins a tie)."""
        counts = Counter(m.canonical for m in self._mentions)
        if not counts:
            return None
        first: dict[str, int] = {}
        for i, m in enumerate(self._mentions):
            first.setdefault(m.canonical, i)
        return max(counts, key=lambda n: (counts[n], -first[n]))

    def _pair_before(self, offset: int, head: str | None = None) -> str | None:
        """ "both organisations": the combined body of the last two bodies named (whose
        names end with `head`, "the two trusts"), if the article has one."""
        seen = self.last_two(offset, head)
        if len(seen) < 2:
            return None
        key = frozenset(seen[:2])
        for name, parts in self._parts.items():
            if frozenset(parts) == key:
                return name
        return None

    def last_two(self, offset: int, head: str | None = None) -> list[str]:
        """The last two bodies named before `offset` (whose names end with `head`)."""
        seen: list[str] = []
        i = bisect_left(self._starts, offset)
        for m in reversed(self._mentions[:i]):
            if m.end > offset:
                continue
            names = self._parts.get(m.canonical) or (m.canonical,)
            for n in names:
                if head and not n.lower().endswith(head):
                    continue
                if n not in seen:
                    seen.append(n)
            if len(seen) >= 2:
                break
        return seen[:2]

    def resolve_head(self, word: str, offset: int) -> str | None:
        """What a bare "Trust", "ICB" or "Board" near `offset` means: the organisation of
        the article whose name ends so (an abbreviation counts as its expansion), the one
        named last before `offset`, else the one named most."""
        names = self._names_by_head.get(word)
        if names is None:
            names = self._names_by_head[word] = self._names_ending_with(word)
        if not names:
            return None
        # The body the article is about (named most), the one named last when tied.
        counts = {n: len(self._of_name[n]) for n in names}
        counts[min(names, key=lambda n: self._of_name[n][0])] += 1  # the article's subject
        last = {n: self._last_before(n, offset) for n in names}
        return max(counts, key=lambda n: (counts[n], last[n]))

    def _names_ending_with(self, word: str) -> list[str]:
        """The article's organisation names (in order of first mention) a bare `word` may
        stand for; each name is tested once, not each of its mentions."""
        heads = {word.lower()}
        if word in self._table.abbrevs:
            heads.add(self._table.abbrevs[word].lower())
        word_l = word.lower()
        endings = tuple(" " + h for h in heads)
        return [
            name
            for name in self._of_name
            if " " in name
            and name not in self._parts
            and (
                _core(name).lower().endswith(endings)
                or name.lower().endswith(endings)
                or name.lower().startswith((word_l + " of ", word_l + " for "))
            )
        ]

    def _last_before(self, name: str, offset: int) -> int:
        """The index of the last mention of `name` that ends by `offset`, else -1."""
        indices = self._of_name[name]
        j = bisect_left(indices, bisect_left(self._starts, offset)) - 1
        while j >= 0 and self._mentions[indices[j]].end > offset:
            j -= 1
        return indices[j] if j >= 0 else -1

    def subject_before(self, sent_start: int, offset: int, prev_start: int | None) -> str | None:
        """The organisation a sentence is about: the first named in it before `offset`,
        else the first named in the sentence before (from `prev_start`)."""
        here = [m for m in self.in_span(sent_start, offset) if m.end <= offset]
        if here:
            return here[0].canonical
        if prev_start is not None:
            prev = self.in_span(prev_start, sent_start)
            if prev:
                return prev[0].canonical
        return None
