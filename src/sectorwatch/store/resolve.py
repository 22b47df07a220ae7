"""Cross-article entity resolution: a name read in an article -> a stable entity id.

Candidates are blocked on a name token (a person's surname, an organisation's first word),
scored with rapidfuzz on the names and with context (a shared organisation or role), and
the best above a threshold is reused; otherwise a new entity is created. An entity's id
never changes once given; a human merge maps other ids to the oldest (`referents`), and a
human split of an entity in one article sends that article's mentions to the new entity on
every re-ingest, so automatic resolution never merges across a negative judgement.

Names an article states are one organisation ("the consultants committee (the CCSC)", the
extractor's organisation aliases) join the entities the store already knows by each: the
join is appended as a merge judgement by `STATED_ALIAS_AUTHOR`, so `sectorwatch split`
undoes it like any merge, and a pair ever judged (merged or split) is never joined again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache

from rapidfuzz import fuzz
from sqlalchemy import BindParameter, Connection, bindparam, null, select, union_all

from sectorwatch.orgnames import is_organisation_name
from sectorwatch.store import keys
from sectorwatch.store.rows import PendingRows
from sectorwatch.store.schema import (
    aliases,
    entities,
    events,
    judgements,
    occupancies,
    posts,
    quotes,
    referents,
)

STATED_ALIAS_AUTHOR = "sectorwatch (stated alias)"
"""The author of the merge judgements a stated alias appends."""

PERSON_THRESHOLD = 0.74
ORGANISATION_FUZZ = 94.0

NEW_SEQ = 1 << 62
"""Entities created in this batch are not inserted until the batch is flushed; they sort
after every stored entity, in creation order, as their `seq` will."""

# Names repeat across facts and articles; the keys are pure functions of the name.
person_norm = lru_cache(maxsize=1 << 16)(keys.person_norm)
organisation_norm = lru_cache(maxsize=1 << 16)(keys.organisation_norm)
role_norm = lru_cache(maxsize=1 << 14)(keys.role_norm)


def name_norm(kind: str, name: str) -> str:
    return person_norm(name) if kind == "person" else organisation_norm(name)


# Statements built once; each execution only binds values.
_SEQ = select(entities.c.seq).where(entities.c.id == bindparam("id"))
_EXISTS = select(entities.c.id).where(entities.c.id == bindparam("id"))
_ALIASES_OF = select(aliases.c.norm).where(aliases.c.entity_id == bindparam("id"))
_BLOCK = select(aliases.c.entity_id, aliases.c.norm).where(
    aliases.c.kind == bindparam("kind"), aliases.c.block == bindparam("block")
)
_IDS: BindParameter[list[str]] = bindparam("ids", expanding=True)
_CONTEXT = union_all(
    select(posts.c.organisation_id.label("org"), posts.c.role.label("role"))
    .join(occupancies, occupancies.c.post_id == posts.c.id)
    .where(occupancies.c.person_id.in_(_IDS)),
    select(quotes.c.speaker_organisation_id, null()).where(quotes.c.speaker_id.in_(_IDS)),
    select(events.c.organisation_id, null()).where(events.c.person_id.in_(_IDS)),
)
_PAIR_JUDGED = select(judgements.c.id).where(
    judgements.c.kind.in_(["merge", "split"]),
    judgements.c.article_id.is_(None),
    judgements.c.subject.in_(bindparam("pair", expanding=True)),
    judgements.c.object.in_(bindparam("pair2", expanding=True)),
)
_SPLITS = (
    select(judgements.c.article_id, judgements.c.kind, judgements.c.subject, judgements.c.object)
    .where(judgements.c.article_id.in_(bindparam("articles", expanding=True)))
    .where(judgements.c.kind.in_(["split", "merge"]))
    .order_by(judgements.c.id)
)


@dataclass
class Context:
    """What the article says around a name: organisation ids and role keys."""

    organisations: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)


def first_name_score(a: str, b: str) -> float:
    """How well two normalised person names agree, 0..1 (same surname assumed)."""
    ta, tb = a.split(), b.split()
    if a == b:
        return 1.0
    if len(ta) == 1 or len(tb) == 1:
        return 0.6  # a surname alone: context must decide
    fa, fb = ta[0], tb[0]
    if len(fa) == 1 or len(fb) == 1:
        return 0.85 if fa[0] == fb[0] else 0.0
    ratio = fuzz.ratio(a, b) / 100
    if fa != fb and (fa.startswith(fb) or fb.startswith(fa)):
        return max(ratio, 0.85)  # Rob / Robert
    return ratio if ratio >= 0.9 else 0.0


class Resolver:
    """Resolves names inside one write transaction; caches what it has looked up.

    New entities and aliases go to `rows` (written when the batch is flushed); lookups
    see them as if they were stored.
    """

    def __init__(
        self, conn: Connection, rows: PendingRows, article_ids: Iterable[str] = ()
    ) -> None:
        self.conn = conn
        self.rows = rows
        self.canonical: dict[str, str] = dict(
            conn.execute(select(referents.c.referent_id, referents.c.entity_id)).all()
        )
        self._aliases: dict[str, set[str]] = {}
        self._blocks: dict[tuple[str, str], dict[str, set[str]]] = {}
        self._unloaded: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        self._context: dict[str, Context] = {}
        self._splits: dict[str, str] = {}
        self._judged: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
        self._ids: set[str] = set()
        self._seqs: dict[str, int] = {}
        self._article: str | None = None
        self.joined = False  # a stated alias joined stored entities: referents to rebuild
        ids = list(article_ids)
        for i in range(0, len(ids), 500):
            chunk = {"articles": ids[i : i + 500]}
            for article_id, kind, subject, obj in conn.execute(_SPLITS, chunk):
                self._judged[article_id].append((kind, subject, obj))

    # -- per article ---------------------------------------------------------------
    def begin_article(self, article_id: str) -> None:
        """Apply the human splits for this article (entity -> split-off entity); they were
        loaded for the whole batch when the resolver was made."""
        self._splits = {}
        self._article = article_id
        for kind, subject, obj in self._judged.get(article_id, ()):
            if kind == "split" and obj:
                self._splits[subject] = obj
            else:
                self._splits.pop(subject, None)

    # -- public --------------------------------------------------------------------
    def organisation(self, name: str, extra_aliases: list[str] | tuple[str, ...] = ()) -> str:
        # "Trust", "the service", "ICB" stand for whichever body an article is about: they
        # are never evidence that two articles mean the same organisation.
        extra_aliases = [a for a in extra_aliases if is_organisation_name(a)]
        owner = keys.without_possessive(name)
        if owner is not None and is_organisation_name(owner):
            # "the BMA's" is the BMA itself, never a new organisation: when the BMA is
            # known, or the name is not itself a possessive ("Guy's", "St George's")
            known = self._exact("organisation", organisation_norm(owner)) is not None
            if known or keys.possessive_of_organisation(owner):
                return self.organisation(owner, extra_aliases)
        norm = organisation_norm(name)
        found = self._exact("organisation", norm)
        stated = [self._exact("organisation", organisation_norm(a)) for a in extra_aliases]
        for other in stated:
            found = found or other
        if found is not None:
            for other in dict.fromkeys(o for o in stated if o and o != found):
                found = self._join_stated(found, other, name)
        if found is None and len(norm) > 8:
            best, best_score = None, 0.0
            for entity_id, norms in self._block("organisation", norm).items():
                score = max(fuzz.ratio(norm, n) for n in norms)
                if score > best_score:
                    best, best_score = entity_id, score
            if best is not None and best_score >= ORGANISATION_FUZZ:
                found = best
        entity_id = self._apply_split(found) if found else self._create("organisation", name)
        for alias in (name, *extra_aliases):
            if alias == name or is_organisation_name(alias):
                self.add_alias(entity_id, "organisation", alias)
        return entity_id

    def person(self, name: str, context: Context | None = None) -> str:
        norm = person_norm(name)
        context = context or Context()
        best, best_score = None, 0.0
        for entity_id, norms in self._block("person", norm).items():
            name_score = max(first_name_score(norm, n) for n in norms)
            if name_score == 0.0:
                continue
            score = 0.75 * name_score + 0.25 * self._context_score(entity_id, context)
            if score > best_score:
                best, best_score = entity_id, score
        if best is not None and best_score >= PERSON_THRESHOLD:
            entity_id = self._apply_split(best)
        else:
            entity_id = self._create("person", name)
        self.add_alias(entity_id, "person", name)
        self.note_context(entity_id, context)
        return entity_id

    def known_organisation(self, norm: str) -> str | None:
        """The organisation known (stored or in this batch) by exactly this name key."""
        found = self._exact("organisation", norm)
        return self._apply_split(found) if found else None

    def note_context(self, entity_id: str, context: Context) -> None:
        own = self._context_of(entity_id)
        own.organisations |= context.organisations
        own.roles |= context.roles

    def add_alias(self, entity_id: str, kind: str, alias: str) -> None:
        norm = name_norm(kind, alias)
        if not norm:
            return
        known = self._aliases_of(entity_id)
        if norm in known:
            return
        known.add(norm)
        block = keys.block_key(kind, norm)
        self.rows.add(
            aliases,
            {
                "entity_id": entity_id,
                "alias": alias.strip(),
                "norm": norm,
                "block": block,
                "kind": kind,
            },
        )
        cached = self._blocks.get((kind, block))
        if cached is not None:
            cached.setdefault(entity_id, set()).add(norm)
        else:  # not loaded yet: join the stored aliases when it is
            self._unloaded[(kind, block)].append((entity_id, norm))

    # -- internals -----------------------------------------------------------------
    def _join_stated(self, a: str, b: str, name: str) -> str:
        """Join two organisations an article states are one (module docstring); returns
        the one to use (the older), or `a` when the pair was ever judged."""
        if self._canon(a) == self._canon(b):
            return a
        judged = self.conn.execute(_PAIR_JUDGED, {"pair": [a, b], "pair2": [a, b]}).first()
        if judged is not None or (a in self._splits or b in self._splits):
            return a
        keep, other = sorted((a, b), key=self._seq)
        self.rows.add(
            judgements,
            {
                "kind": "merge",
                "subject": keep,
                "object": other,
                "article_id": None,
                "author": STATED_ALIAS_AUTHOR,
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "note": f"stated as one organisation ({name}) in article {self._article}",
            },
        )
        self.joined = True
        for referent, canonical in list(self.canonical.items()):
            if canonical == other:
                self.canonical[referent] = keep
        self.canonical[other] = keep
        for cached in self._blocks.values():
            if other in cached:
                cached.setdefault(keep, set()).update(cached.pop(other))
        return keep

    def _canon(self, entity_id: str) -> str:
        return self.canonical.get(entity_id, entity_id)

    def _apply_split(self, entity_id: str) -> str:
        return self._splits.get(entity_id, entity_id)

    def _exact(self, kind: str, norm: str) -> str | None:
        if not norm:
            return None
        candidates = self._block(kind, norm)
        matches = [e for e, norms in candidates.items() if norm in norms]
        return min(matches, key=self._seq) if matches else None

    def _seq(self, entity_id: str) -> int:
        if entity_id not in self._seqs:
            self._seqs[entity_id] = self.conn.execute(_SEQ, {"id": entity_id}).scalar_one()
        return self._seqs[entity_id]

    def _block(self, kind: str, norm: str) -> dict[str, set[str]]:
        block = keys.block_key(kind, norm)
        cached = self._blocks.get((kind, block))
        if cached is None:
            cached = defaultdict(set)
            stored = self.conn.execute(_BLOCK, {"kind": kind, "block": block})
            pending = self._unloaded.pop((kind, block), [])
            for entity_id, alias_norm in [*stored, *pending]:
                cached[self._canon(entity_id)].add(alias_norm)
            self._blocks[(kind, block)] = cached
        return cached

    def _aliases_of(self, entity_id: str) -> set[str]:
        if entity_id not in self._aliases:
            self._aliases[entity_id] = set(
                self.conn.execute(_ALIASES_OF, {"id": entity_id}).scalars()
            )
        return self._aliases[entity_id]

    def _context_of(self, entity_id: str) -> Context:
        """Organisations and roles the store links to a person (all referents), in one
        query. Rows of this batch are not stored yet, but an entity's context is always
        loaded before the batch writes a row that names it."""
        if entity_id not in self._context:
            ids = [entity_id] + [r for r, c in self.canonical.items() if c == entity_id]
            orgs, roles = set(), set()
            for org, role in self.conn.execute(_CONTEXT, {"ids": ids}):
                orgs.add(org)
                if role is not None:
                    roles.add(role)
            orgs.discard(None)
            self._context[entity_id] = Context(orgs, roles)
        return self._context[entity_id]

    def _context_score(self, entity_id: str, context: Context) -> float:
        own = self._context_of(entity_id)
        if own.organisations & context.organisations:
            return 1.0
        if own.roles & context.roles:
            return 0.5
        return 0.0

    def _create(self, kind: str, name: str) -> str:
        base = ("p-" if kind == "person" else "o-") + keys.slug(name_norm(kind, name))
        entity_id, n = base, 1
        while entity_id in self._ids or self._exists(entity_id):
            n += 1
            entity_id = f"{base}-{n}"
        self._ids.add(entity_id)
        self._seqs[entity_id] = NEW_SEQ + len(self._ids)
        shown = keys.without_postnominals(name) if kind == "person" else name.strip()
        self.rows.add(entities, {"id": entity_id, "kind": kind, "name": shown})
        self._context[entity_id] = Context()
        self._aliases[entity_id] = set()
        return entity_id

    def _exists(self, entity_id: str) -> bool:
        return self.conn.execute(_EXISTS, {"id": entity_id}).first() is not None
