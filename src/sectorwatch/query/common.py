"""What every question needs: names to entity ids, judgements applied, evidence, and the
order in which conflicting claims are preferred (origin, then date precision, then recency).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple, TypeVar

from rapidfuzz import fuzz
from sqlalchemy import Connection, Engine

from sectorwatch import dates
from sectorwatch.errors import QueryError
from sectorwatch.store import article_reads, entity_reads, keys, page_reads
from sectorwatch.store.backends import backend_of
from sectorwatch.store.judgements import fact_edits, rejected_claims, speaker_overrides
from sectorwatch.store.reads import SOURCE_COLUMNS
from sectorwatch.store.tenure import (  # noqa: F401 - the term rules' date helpers, one copy
    ORIGIN_RANK,
    date_interval,
    date_precision,
    preference_key,
)

SNAPSHOT_KEY = "sectorwatch.snapshot"  # where a SQLite connection keeps what it read
NAMES_KEPT = 100_000  # entity names a connection keeps at most


ONE_QUESTION_KEY = "sectorwatch.one_question"  # what a connection keeps for one question


@contextmanager
def connected(source: Engine | Connection) -> Iterator[Connection]:
    """A connection for one question: `source` itself when it is a connection (a page that
    asks several questions shares one), else a new one from the engine, closed afterwards.
    A new one asks the store's change stamp once for the whole question (`_change_stamp`)."""
    if isinstance(source, Connection):
        yield source
        return
    with source.connect() as conn:
        conn.info[ONE_QUESTION_KEY] = {}
        try:
            yield conn
        finally:
            conn.info.pop(ONE_QUESTION_KEY, None)


def question_memo(conn: Connection, name: str) -> dict[Any, Any] | None:
    """A dict named `name` that lives as long as the question (or the page) `conn` is
    open for (`connected`): the questions of one page share what it read (claims' sources,
    evidence, stored terms); None on a connection that is not one question's."""
    question = conn.info.get(ONE_QUESTION_KEY)
    if question is None:
        return None
    return question.setdefault(name, {})  # type: ignore[no-any-return]


def _change_stamp(conn: Connection) -> tuple[int, ...] | None:
    """What moves whenever the store changes, as seen from this connection (on SQLite
    `PRAGMA data_version` and the connection's own `total_changes`), or None where the
    backend cannot say cheaply (`Backend.change_stamp`). A question's connection asks it
    once (a question only reads; an organisation's page asked it 11 times)."""
    backend = backend_of(conn)
    question = conn.info.get(ONE_QUESTION_KEY)
    if question is None:
        return backend.change_stamp(conn)
    if "stamp" not in question:
        question["stamp"] = backend.change_stamp(conn)
    return question["stamp"]  # type: ignore[no-any-return]


def snapshot(conn: Connection) -> dict[str, Any]:
    """A dict a connection keeps for as long as the store is unchanged, for answers that
    only a change to the store can change (the judgements in force, entity names, a
    search's matches): emptied when `_change_stamp` moves; a new empty dict each time where
    the backend gives no stamp (PostgreSQL inside a transaction that has written).
    Take it before reading what goes into it, so a write in between empties it next time.
    """
    stamp = _change_stamp(conn)
    if stamp is None:
        return {}
    info = conn.connection.info
    kept = info.get(SNAPSHOT_KEY)
    if kept is None or kept[0] != stamp:
        kept = info[SNAPSHOT_KEY] = (stamp, {})
    return kept[1]  # type: ignore[no-any-return]


T = TypeVar("T")


def kept_in_snapshot(
    conn: Connection, name: str, key: Hashable, limit: int, compute: Callable[[], T]
) -> T:
    """`compute()` for `key`, kept with the connection while the store is unchanged
    (`snapshot`, under `name`): the last `limit` keys asked, the least recently asked
    dropped first; `limit` 0 keeps none. What is kept is shared: read it, never change it.
    An exception from `compute` is raised, and nothing kept."""
    found: OrderedDict[Hashable, Any] | None = None
    if limit > 0:
        found = snapshot(conn).setdefault(name, OrderedDict())  # before reading the store
    if found is not None and key in found:
        found.move_to_end(key)
        return found[key]  # type: ignore[no-any-return]
    value = compute()
    if found is not None:
        found[key] = value
        while len(found) > limit:
            found.popitem(last=False)
    return value


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
    """The judgements in force. Shared between questions: read it, never change it."""

    rejected: set[str] = field(default_factory=set)
    speakers: dict[str, str | None] = field(default_factory=dict)
    canonical: dict[str, str] = field(default_factory=dict)
    edits: dict[str, dict[str, str]] = field(default_factory=dict)  # claim -> {field: value}

    @classmethod
    def load(cls, conn: Connection) -> Judged:
        """The judgements in force. A SQLite connection keeps the answer until the store
        changes (`snapshot`), so a web server reads the judgements once per change of the
        store instead of once per question."""
        kept = snapshot(conn)
        if "judged" not in kept:
            canonical = entity_reads.merged_ids(conn)
            kept["judged"] = cls(
                rejected_claims(conn), speaker_overrides(conn), canonical, fact_edits(conn)
            )
        return kept["judged"]  # type: ignore[no-any-return]

    def canon(self, entity_id: str | None) -> str | None:
        return self.canonical.get(entity_id, entity_id) if entity_id else None

    def edited(self, claim_id: str, **values: str | None) -> dict[str, str | None]:
        """`values` (a claim's fields as extracted) with the edits judged on that claim."""
        changed = self.edits.get(claim_id)
        if not changed:
            return values
        return {k: changed.get(k, v) for k, v in values.items()}

    def cluster(self, entity_id: str) -> list[str]:
        root = self.canon(entity_id) or entity_id
        return [root] + [r for r, c in self.canonical.items() if c == root]


def today() -> str:
    return date.today().isoformat()


def check_date(value: str | None, what: str = "date") -> str | None:
    """`value` when it is a real partial date (a year, a month that exists, a day that
    exists in its month); else QueryError naming `what` (the option) and the forms."""
    if value is None:
        return None
    try:
        dates.interval(value)
    except ValueError:
        raise QueryError(
            f"{what} {value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD "
            "(2019, 2019-03 or 2019-03-04)"
        ) from None
    return value


def entity_kind(conn: Connection, entity_id: str) -> Any:
    """(id, kind) of the entity with this id, or None; read once a question (a page looks
    its entity up, then each of its questions finds it by id)."""
    memo = question_memo(conn, "entity_kinds")
    if memo is None:
        return entity_reads.entity_kind(conn, entity_id)
    if entity_id not in memo:
        memo[entity_id] = entity_reads.entity_kind(conn, entity_id)
    return memo[entity_id]


def find_entities(conn: Connection, name: str, kind: str | None = None) -> list[str]:
    """Canonical ids of the entities called `name` (an id, an exact alias, else a close one)."""
    judged = Judged.load(conn)
    row = entity_kind(conn, name)
    if row is not None and (kind is None or row.kind == kind):
        return [judged.canon(row.id) or row.id]
    kinds = [kind] if kind else ["person", "organisation"]
    found: list[str] = []
    for k in kinds:
        norm = keys.name_norm(k, name)
        rows = entity_reads.aliases_in_block(conn, k, keys.block_key(k, norm))
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
    """The names of the entities `ids` that exist (kept with the connection: `snapshot`)."""
    ids = {i for i in ids if i}
    if not ids:
        return {}
    known: dict[str, str | None] = snapshot(conn).setdefault("names", {})
    missing = {i for i in ids if i not in known}  # not `ids - known.keys()`: O(len(known))
    if missing:
        if len(known) + len(missing) > NAMES_KEPT:
            known.clear()
        rows = entity_reads.names_by_id(conn, missing)
        known.update(dict.fromkeys(missing))  # None: no such entity
        known.update(rows)
    return {i: name for i in ids if (name := known[i]) is not None}


def aliases_of(conn: Connection, ids: list[str]) -> list[str]:
    """Every name the entities `ids` (a merged cluster) were read as, sorted."""
    return sorted(set(entity_reads.alias_names(conn, ids)))


def newest_first(items: list[Any], *tiebreak: str) -> list[Any]:
    """Newest report first (`observed`); ties in the order of the `tiebreak` attributes."""
    ordered = sorted(items, key=lambda x: tuple(getattr(x, a) for a in tiebreak))
    return sorted(ordered, key=lambda x: x.observed or "", reverse=True)


def first_line(value: str | None, width: int = 160) -> str | None:
    """A title from `ARTICLE_TITLE`: an untitled article is named by its first non-empty
    line, cut to `width` characters."""
    if value is None:
        return None
    line = next((ln.strip() for ln in value.splitlines() if ln.strip()), "")
    if not line:
        return None
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


class ClaimSource(NamedTuple):
    """What a claim's row says about where it was read (`SOURCE_COLUMNS`)."""

    claim_id: str
    article_id: str | None
    evidence_id: str | None
    extractor: str
    extractor_version: str
    origin: str
    confidence: float

    @classmethod
    def of(cls, claim_id: str, row: Any, at: int) -> ClaimSource:
        """From `row`, whose `SOURCE_COLUMNS` start at position `at`."""
        return cls(claim_id, *row[at : at + len(SOURCE_COLUMNS)])


def evidence_of(conn: Connection, sources: list[ClaimSource]) -> dict[str, EvidenceRef]:
    """`evidence_for` from claim rows already read: each sentence and each article is read
    once, however many claims share it (and once a question: `question_memo`)."""
    memo = question_memo(conn, "evidence_of")
    if memo is None:
        return _evidence_of(conn, sources)
    found = _evidence_of(conn, [s for s in sources if s.claim_id not in memo])
    memo.update((s.claim_id, found.get(s.claim_id)) for s in sources if s.claim_id not in memo)
    return {s.claim_id: ref for s in sources if (ref := memo[s.claim_id]) is not None}


def _evidence_of(conn: Connection, sources: list[ClaimSource]) -> dict[str, EvidenceRef]:
    if not sources:
        return {}
    sentences: dict[str, tuple[str, int, int]] = {}
    for part in _chunks(sorted({s.evidence_id for s in sources if s.evidence_id})):
        rows = article_reads.sentences(conn, part)
        sentences.update((r[0], (r[1], r[2], r[3])) for r in rows)
    about: dict[str, tuple[str | None, str | None, str]] = {}
    for part in _chunks(sorted({s.article_id for s in sources if s.article_id})):
        rows = article_reads.articles_about(conn, part)
        about.update((r[0], (first_line(r[1]), r[2], r[3])) for r in rows)
    out: dict[str, EvidenceRef] = {}
    for s in sources:
        said = sentences.get(s.evidence_id or "")
        article = about.get(s.article_id or "")
        if said is None or article is None:
            continue  # as evidence_for's inner joins: no sentence or no article, no evidence
        out[s.claim_id] = EvidenceRef(
            s.claim_id, s.article_id or "", *article, *said,
            s.extractor, s.extractor_version, s.origin, s.confidence,
        )  # fmt: skip
    return out


def sources_with_evidence(
    conn: Connection, claim_ids: set[str]
) -> tuple[dict[str, ClaimSource], dict[str, EvidenceRef]]:
    """Where each of `claim_ids` was read (an unknown claim's source is empty) and the
    evidence of those that have it, as `evidence_of` gives it, read in one statement
    (`page_reads.claims_with_evidence`) rather than the claims, then their sentences, then
    their articles; the evidence is kept for the question, as `evidence_of` keeps it."""
    found = page_reads.claims_with_evidence(conn, claim_ids)
    sources: dict[str, ClaimSource] = {}
    out: dict[str, EvidenceRef] = {}
    width = len(SOURCE_COLUMNS)
    for cid in claim_ids:
        row = found.get(cid)
        if row is None:
            sources[cid] = ClaimSource(cid, *(None,) * width)  # type: ignore[arg-type]
            continue
        source = sources[cid] = ClaimSource.of(cid, row, 1)
        said, article = row[1 + width : 5 + width], row[5 + width :]
        if said[0] is None or article[0] is None:
            continue  # as evidence_of: no sentence or no article, no evidence
        out[cid] = EvidenceRef(
            cid, source.article_id or "", first_line(article[1]), article[2], article[3],
            said[1], said[2], said[3],
            source.extractor, source.extractor_version, source.origin, source.confidence,
        )  # fmt: skip
    memo = question_memo(conn, "evidence_of")
    if memo is not None:
        memo.update((cid, out.get(cid)) for cid in claim_ids)
    return sources, out


def _chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def evidence_for(conn: Connection, claim_ids: list[str]) -> dict[str, EvidenceRef]:
    if not claim_ids:
        return {}
    out: dict[str, EvidenceRef] = {}
    for chunk in range(0, len(claim_ids), 500):
        part = claim_ids[chunk : chunk + 500]
        rows = article_reads.claim_evidence(conn, part)
        for r in rows:
            out[r[0]] = EvidenceRef(r[0], r[1], first_line(r[2]), *r[3:])  # type: ignore[call-arg]
    return out
