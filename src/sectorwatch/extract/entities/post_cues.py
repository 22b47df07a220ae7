"""The cues that carry a post across sentences (data/post_anaphors.tsv, and the
predecessor rows of data/succession_cues.tsv), read once, for the stage after events
(`event_roles`, `departure_posts`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import cast, get_args

from sectorwatch.data import rows
from sectorwatch.extract.substrate import Substrate
from sectorwatch.model import Mention, RoleFact, RoleStatus

_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Cues:
    open: re.Pattern[str]
    seek: re.Pattern[str]
    anaphor: re.Pattern[str]
    named: re.Pattern[str]
    verbs: list[tuple[re.Pattern[str], RoleStatus]]
    basis: list[tuple[re.Pattern[str], RoleStatus]]
    predecessors: list[tuple[re.Pattern[str], re.Pattern[str] | None, RoleStatus]]
    returns: re.Pattern[str]


_STATUSES: frozenset[str] = frozenset(get_args(RoleStatus))


def _rx(phrase: str) -> str:
    return rf"(?<![\w-])(?:{phrase})"


def status_word(word: str) -> RoleStatus:
    word = word.strip()
    if word not in _STATUSES:
        raise ValueError(f"post_anaphors.tsv: {word!r} is not a role status")
    return cast(RoleStatus, word)


def _succession_rows() -> list[tuple[re.Pattern[str], re.Pattern[str] | None, RoleStatus]]:
    """The predecessor cues of data/succession_cues.tsv ("replaces", "following the
    resignation of", "since ... retired")."""
    out = []
    for row in rows("succession_cues.tsv"):
        after = re.compile(rf"\s+(?:{row[3].strip()})\b", re.I) if len(row) > 3 else None
        before = re.compile(rf"(?<![\w-])(?:{row[2].strip()})\s+$", re.I)
        out.append((before, after, status_word(row[1])))
    return out


@lru_cache(maxsize=1)
def cues() -> Cues:
    found: dict[str, list[list[str]]] = {}
    for row in rows("post_anaphors.tsv"):
        found.setdefault(row[0].strip(), []).append(row)
    flags = re.IGNORECASE
    return Cues(
        open=re.compile(rf"{_rx(found['open'][0][2])}\s+$", flags),
        seek=re.compile(rf"{_rx(found['seek'][0][2])}\s+$", flags),
        named=re.compile(_rx(found["named"][0][2]), flags),
        anaphor=re.compile(rf"{_rx(found['anaphor'][0][2])}(?![\w-])(?!\s+of\b)", flags),
        verbs=[(re.compile(rf"{_rx(r[2])}\s*$", flags), status_word(r[1])) for r in found["verb"]],
        basis=[(re.compile(_rx(r[2]), flags), status_word(r[1])) for r in found["basis"]],
        predecessors=[
            *_succession_rows(),
            *(
                (
                    re.compile(rf"{_rx(r[2])}$" if r[2] else r"$", flags),
                    re.compile(r[3].rstrip("\n"), flags) if len(r) > 3 and r[3].strip() else None,
                    status_word(r[1]),
                )
                for r in found["predecessor"]
            ),
        ],
        returns=re.compile(_rx(found["return"][0][2]), flags),
    )


def _key(name: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORDS.findall(name))


def has_fact(facts: list[RoleFact], person: str, role: str, body: str | None = None) -> bool:
    """Whether `facts` give the person that role (at `body`, if given)."""
    return any(
        _key(f.person) == _key(person)
        and _key(f.role) == _key(role)
        and (body is None or _key(f.organisation or "") == _key(body))
        for f in facts
    )


def predecessor_status(ctx: Substrate, m: Mention, start: int, end: int) -> RoleStatus | None:
    """The status a predecessor cue gives the person named at `m` in the sentence
    [start, end) ("following the resignation of Z", "Z's departure", "replaces Z"), or
    None where no cue names them so."""
    surface = ctx.text[m.start : m.end]
    after = ctx.text[m.end : end]
    if surface.endswith(("’s", "'s")):
        after = surface[-2:] + after
    for before, then, status in cues().predecessors:
        if before.search(ctx.text, max(start, m.start - 80), m.start) is None:
            continue
        if then is not None and then.match(after) is None:
            continue
        return status
    return None
