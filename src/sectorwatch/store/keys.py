"""How names, roles and facts become keys: normalised names, blocking tokens, stable ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache

from sectorwatch.data import lines

_PUNCT = re.compile(r"[^\w\s/&-]")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@cache
def honorifics() -> frozenset[str]:
    return frozenset(ln.strip().lower().rstrip(".") for ln in lines("honorifics.txt"))


@cache
def role_aliases() -> list[tuple[re.Pattern[str], str]]:
    pairs = [ln.split("\t") for ln in lines("role_aliases.tsv")]
    pairs.sort(key=lambda p: -len(p[0].split()))
    return [(re.compile(rf"\b{re.escape(w.strip())}\b"), r.strip()) for w, r in pairs]


def _plain(value: str) -> str:
    value = unicodedata.normalize("NFKC", value).translate(_QUOTES).lower()
    value = _PUNCT.sub(" ", value.replace("'", ""))
    return " ".join(value.split())


@cache
def postnominals() -> frozenset[str]:
    return frozenset(ln.strip().lower().replace(".", "") for ln in lines("postnominals.txt"))


_POSSESSIVE = re.compile(r"(?<=\w)'s$")


def person_norm(name: str) -> str:
    """ "Dr Leonie Marsh" -> "leonie marsh"; "Dame Jo Bloggs DBE, FRCN" -> "jo bloggs"."""
    tokens = _plain(name).split()
    while len(tokens) > 1 and tokens[0].rstrip(".") in honorifics():
        tokens = tokens[1:]
    while len(tokens) > 2 and tokens[-1].replace(".", "") in postnominals():
        tokens = tokens[:-1]
    return " ".join(tokens)


def without_possessive(name: str) -> str | None:
    """ "the BMA's" -> "the BMA"; None when `name` ends in no possessive."""
    stripped = _POSSESSIVE.sub("", name.strip().translate(_QUOTES))
    return stripped if stripped != name.strip().translate(_QUOTES) else None


def without_postnominals(name: str) -> str:
    """ "Jo Bloggs CBE, FRCN" -> "Jo Bloggs" (as written, at least two words kept)."""
    words = name.strip().split()
    while len(words) > 2 and words[-1].strip(",.").replace(".", "").lower() in postnominals():
        words = words[:-1]
    return " ".join(words).rstrip(",")


def possessive_of_organisation(owner: str) -> bool:
    """Whether "<owner>'s" is the possessive of an organisation ("the BMA's", "NHS
    England's") rather than a name that is itself a possessive ("Guy's", "St George's")."""
    words = [w for w in owner.split() if w.lower() != "the"]
    if not words or words[0].rstrip(".").lower() in ("st", "saint"):
        return False
    return len(words) >= 2 or (len(words[0]) >= 2 and words[0].isupper())


def organisation_norm(name: str) -> str:
    """ "The NHS Confederation" -> "nhs confederation"; "&" -> "and"."""
    tokens = _plain(name.replace("&", " and ")).split()
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join(tokens)


def name_norm(kind: str, name: str) -> str:
    return person_norm(name) if kind == "person" else organisation_norm(name)


def role_norm(role: str) -> str:
    value = _plain(role)
    for pattern, replacement in role_aliases():
        value = pattern.sub(replacement, value)
    return " ".join(value.split())


def block_key(kind: str, norm: str) -> str:
    """The token candidates must share: a person's surname, an organisation's first word."""
    tokens = norm.split() or [""]
    return tokens[-1] if kind == "person" else tokens[0]


def slug(value: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    return s[:60] or "x"


def digest(*parts: object) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


def post_id(organisation_id: str | None, role: str) -> str:
    return "post-" + digest(organisation_id, role_norm(role))
