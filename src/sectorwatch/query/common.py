"""What every question needs: names to entity ids, judgements applied, evidence, and the
order in which conflicting claims are preferred (origin, then date precision, then recency).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import Connection, select

from sectorwatch import dates
from sectorwatch.errors import QueryError
from sectorwatch.store import keys
from sectorwatch.store.judgements import rejected_claims, speaker_overrides
from sectorwatch.store.schema import aliases, articles, claims, entities, evidence, referents

ORIGIN_RANK = {"curated": 0, "extracted": 1, "inferred": 2}


@dataclass
class EvidenceRef:
    """Where a claim was read: the article, its date and the sentence."""

    claim_id: str
    article_id: str
    title: str | None
    published: str | None
    source: str
    sentence: str
    start: int
    end: int
    extractor: str
    extractor_version: str
    origin: str
    confidence: float


@dataclass
class Judged:
    """The judgements in force, loaded once per question."""

    rejected: set[str] = field(default_factory=set)
    speakers: dict[str, str | None] = field(default_factory=dict)
    canonical: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: Connection) -> Judged:
        canonical = dict(conn.execute(select(referents.c.referent_id, referents.c.entity_id)).all())
        return cls(rejected_claims(conn), speaker_overrides(conn), canonical)

    def canon(self, entity_id: str | None) -> str | None:
        return self.canonical.get(entity_id, entity_id) if entity_id else None

    def cluster(self, entity_id: str) -> list[str]:
        root = self.canon(entity_id) or entity_id
        return [root] + [r for r, c in self.canonical.items() if c == root]


def today() -> str:
    return date.today().isoformat()


def check_date(value: str | None, what: str = "date") -> str | None:
    if value is not None and not dates.is_partial_date(value):
        raise QueryError(f"{what} {value!r} is not a date: use 2019, 2019-03 or 2019-03-04")
    return value


def find_entities(conn: Connection, name: str, kind: str | None = None) -> list[str]:
    """Canonical ids of the entities called `name` (an id, an exact alias, else a close one)."""
    judged = Judged.load(conn)
    row = conn.execute(select(entities.c.id, entities.c.kind).where(entities.c.id == name)).first()
    if row is not None and (kind is None or row.kind == kind):
        return [judged.canon(row.id) or row.id]
    kinds = [kind] if kind else ["person", "organisation"]
    found: list[str] = []
    for k in kinds:
        norm = keys.name_norm(k, name)
        rows = conn.execute(
            select(aliases.c.entity_id, aliases.c.norm).where(
                aliases.c.kind == k, aliases.c.block == keys.block_key(k, norm)
            )
        ).all()
        exact = [e for e, n in rows if n == norm]
        close = [e for e, n in rows if fuzz.token_sort_ratio(n, norm) >= 90]
        for e in exact or close:
            c = judged.canon(e) or e
            if c not in found:
                found.append(c)
    return found


def require_entity(conn: Connection, name: str, kind: str | None = None) -> list[str]:
    found = find_entities(conn, name, kind)
    if not found:
        what = kind or "person or organisation"
        raise QueryError(
            f"no {what} called {name!r} in the store; try `sectorwatch search {name!r}`"
        )
    return found


def names_of(conn: Connection, ids: set[str]) -> dict[str, str]:
    ids = {i for i in ids if i}
    if not ids:
        return {}
    rows = conn.execute(select(entities.c.id, entities.c.name).where(entities.c.id.in_(ids)))
    return dict(rows.all())


def aliases_of(conn: Connection, ids: list[str]) -> list[str]:
    """Every name the entities `ids` (a merged cluster) were read as, sorted."""
    rows = conn.execute(select(aliases.c.alias).where(aliases.c.entity_id.in_(ids)))
    return sorted(set(rows.scalars()))


def evidence_for(conn: Connection, claim_ids: list[str]) -> dict[str, EvidenceRef]:
    if not claim_ids:
        return {}
    out: dict[str, EvidenceRef] = {}
    for chunk in range(0, len(claim_ids), 500):
        part = claim_ids[chunk : chunk + 500]
        rows = conn.execute(
            select(
                claims.c.id,
                claims.c.article_id,
                articles.c.title,
                articles.c.published,
                articles.c.source,
                evidence.c.sentence,
                evidence.c.start,
                evidence.c.end,
                claims.c.extractor,
                claims.c.extractor_version,
                claims.c.origin,
                claims.c.confidence,
            )
            .join(evidence, evidence.c.id == claims.c.evidence_id)
            .join(articles, articles.c.id == claims.c.article_id)
            .where(claims.c.id.in_(part))
        )
        for r in rows:
            out[r[0]] = EvidenceRef(*r)  # type: ignore[call-arg]
    return out


def date_precision(*values: str | None) -> int:
    return max((dates.precision(v) for v in values if v and dates.is_partial_date(v)), default=0)


def preference_key(origin: str, precision: int, observed: str | None) -> tuple[Any, ...]:
    """Sort key: curated before extracted before inferred, then more precise dates, then
    the more recent report."""
    recency = dates.interval(observed)[1].toordinal() if observed else 0
    return (ORIGIN_RANK.get(origin, 9), -precision, -recency)
