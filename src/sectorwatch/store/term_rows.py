"""Every post's terms of office, kept in the store (`post_terms`, migration 7).

A term's bounds can depend on a chain of other terms of its post (a successor's start ends
it; an announced successor starts when its predecessor leaves, and that start decides
which term follows the next), so answering for one person means building every term of
every post they held. The store keeps each post's terms as `store.tenure` builds them
before any judgement, one row per post:

- written in the transaction that changes the post's reports: triggers (the backend's
  `create_term_triggers`) set a post's `version` to '' when one of its occupancies or
  leadership events (or their claims) is written, changed or deleted, and `write_batch`
  rebuilds the stale posts before it commits (`refresh`);
- read only where the answer is the same as building them afresh (`query.holders`): a row
  whose `version` is the hash of the rules now and of the layout (`rules_version`), for a
  post no judgement touches (a rejected or edited claim, a merged person or
  organisation); every other post is built afresh, as before. A change to the rules
  makes every row stale at once, never wrong: `sectorwatch rebuild-terms`
  (`refresh_outdated`), or the next write to a post, rebuilds them.

`terms` is JSON: {"o": organisation id, "n": 1 if the post has an occupancy, "t": terms},
each term [person, kind, start, start basis, end, end cause, ended by, first reported,
last reported, announced, leaving, leaving reported, possible from, replaces, replaced by,
claims], each claim [id, status, valid from, valid to, observed, origin, source, article,
event status, event date], in the order the rules gave them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select

from sectorwatch.store import reads, tenure
from sectorwatch.store.schema import post_terms, posts
from sectorwatch.store.tenure import HolderClaim, Term

STALE = ""
"""The `version` of a post whose reports changed since its terms were built."""

CHUNK = 500


FORMAT = "1"
"""The layout of `terms` below: change it with the layout."""


@cache
def rules_version() -> str:
    """A hash of the rules the stored terms follow (the term rules and dates modules, the
    data file of roles held by several people at once) and of `FORMAT`."""
    digest = hashlib.sha256(FORMAT.encode())
    for name in tenure.source_files():
        digest.update(Path(name).read_bytes())
    data = resources.files("sectorwatch.data").joinpath("multi_holder_roles.txt")
    digest.update(data.read_bytes())
    return digest.hexdigest()[:16]


def build(conn: Connection, post_ids: list[str]) -> dict[str, dict[str, Any]]:
    """{post id: its stored form} for these posts, built from their reports as they are in
    the store now, before any judgement (every post given has one, with no terms when
    nothing is reported about it)."""
    grouped: dict[tuple[str, str], list[HolderClaim]] = {}
    with_occupancy: set[str] = set()
    for row in reads.holding_claims(conn, post_ids):
        cid, post, person, status, vf, vt, observed, origin, article = row[:9]
        with_occupancy.add(post)
        claim = tenure.occupancy_claim(cid, status, vf, vt, observed, origin, article)
        grouped.setdefault((post, person), []).append(claim)
    for row in reads.holding_events(conn, post_ids):
        cid, post, person, kind, status, effective, observed, article, when = row[:9]
        claim = tenure.event_claim(cid, kind, status, effective, observed, article, when)
        grouped.setdefault((post, person), []).append(claim)
    by_post = tenure.build_terms(grouped, reads.post_roles(conn, post_ids))
    orgs = {r.id: r.organisation_id for r in reads.posts_by_id(conn, post_ids)}
    return {
        post: {
            "o": orgs.get(post),
            "n": int(post in with_occupancy),
            "t": [_term_row(t) for t in by_post.get(post, [])],
        }
        for post in post_ids
    }


def _term_row(t: Term) -> list[Any]:
    return [
        t.person_id, t.kind, t.start, t.start_basis, t.end, t.end_cause, t.ended_by,
        t.first_reported, t.last_reported, t.announced, t.leaving, t.leaving_reported,
        t.possible_from.isoformat() if t.possible_from else None, t.replaces, t.replaced_by,
        [
            [c.claim_id, c.status, c.valid_from, c.valid_to, c.observed, c.origin, c.source,
             c.article_id, c.event_status, c.event_date]
            for c in t.claims
        ],
    ]  # fmt: skip


def term_of(post_id: str, row: list[Any]) -> Term:
    """A stored term as the rules built it (new objects: the caller may fill them in)."""
    (person, kind, start, start_basis, end, end_cause, ended_by, first, last, announced,
     leaving, leaving_reported, possible, replaces, replaced_by, claims) = row  # fmt: skip
    return Term(
        person, post_id, kind, start, start_basis, end, end_cause, ended_by, first, last,
        announced, leaving, leaving_reported,
        date.fromisoformat(possible) if possible else None, replaces, replaced_by,
        [HolderClaim(c[0], c[1], c[2], c[3], c[4], c[5], None, *c[6:]) for c in claims],
    )  # fmt: skip


def stored(conn: Connection, post_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """{post id: its stored form} of the posts among `post_ids` whose stored terms follow
    the rules now and are not stale."""
    wanted = sorted(set(post_ids))
    out: dict[str, dict[str, Any]] = {}
    version = rules_version()
    for at in range(0, len(wanted), CHUNK):
        read = conn.execute(_STORED, {"ids": wanted[at : at + CHUNK]})
        out.update((p, json.loads(terms)) for p, v, terms in read if v == version)
    return out


_STORED = select(post_terms.c.post_id, post_terms.c.version, post_terms.c.terms).where(
    post_terms.c.post_id.in_(bindparam("ids", expanding=True))
)
"""`stored`'s statement, built once. The version is compared in Python, not here: in the
statement, SQLite would look the rows up by version (every row has the same) instead of by
post."""


def refresh(conn: Connection, *, every: bool = False) -> int:
    """Build again the stored terms of every stale post (with `every`, of every post, and
    of the posts that have none yet), in `conn`'s transaction; how many were built."""
    if every:
        wanted = sorted(set(conn.execute(select(posts.c.id)).scalars()))
        _drop_orphans(conn)
    else:
        stale = select(post_terms.c.post_id).where(post_terms.c.version == STALE)
        wanted = sorted(conn.execute(stale).scalars())
    _rebuild(conn, wanted)
    return len(wanted)


@dataclass(frozen=True)
class Rebuilt:
    """What `refresh_outdated` did: posts built, of how many the store has."""

    built: int
    posts: int


def refresh_outdated(conn: Connection) -> Rebuilt:
    """Build again the stored terms the queries cannot read (a post with none yet, stale, or
    built under other rules: an upgrade that changed them) and drop the rows of posts the
    store no longer has, in `conn`'s transaction."""
    _drop_orphans(conn)
    version = rules_version()
    kept = dict(conn.execute(select(post_terms.c.post_id, post_terms.c.version)).all())
    every = set(conn.execute(select(posts.c.id)).scalars())
    wanted = sorted(p for p in every if kept.get(p) != version)
    _rebuild(conn, wanted)
    return Rebuilt(len(wanted), len(every))


def _drop_orphans(conn: Connection) -> None:
    """Delete the stored terms of posts the store no longer has."""
    conn.execute(delete(post_terms).where(post_terms.c.post_id.not_in(select(posts.c.id))))


def _rebuild(conn: Connection, wanted: list[str]) -> None:
    version = rules_version()
    for at in range(0, len(wanted), CHUNK):
        part = wanted[at : at + CHUNK]
        built = build(conn, part)
        conn.execute(delete(post_terms).where(post_terms.c.post_id.in_(part)))
        conn.execute(
            post_terms.insert(),
            [{"post_id": p, "version": version, "terms": _json(built[p])} for p in part],
        )


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
