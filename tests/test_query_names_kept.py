"""The entity names a connection keeps (`query.common.names_of`) are looked up by the ids
asked for, never walked whole (issue 16): on a large store a search fills that cache with
up to 100,000 names, and walking it made every later `who`, `orgchart` and `person` cost
more as the store grew."""

from __future__ import annotations

from store_factory import APPOINTED, build

from sectorwatch.query.common import names_of, require_entity, snapshot
from sectorwatch.store import write_batch


class NoWalk(dict):  # type: ignore[type-arg]
    """A name cache that fails when anything walks its keys."""

    def keys(self):  # type: ignore[no-untyped-def]
        raise AssertionError("the whole name cache was walked")

    def __iter__(self):  # type: ignore[no-untyped-def]
        raise AssertionError("the whole name cache was walked")


def test_names_of_looks_up_only_the_ids_asked_for(engine):
    write_batch(engine, [build(APPOINTED)])
    with engine.connect() as conn:
        pike = require_entity(conn, "Jonah Pike", "person")[0]
        kept = snapshot(conn)
        kept["names"] = NoWalk({f"p-filler-{n}": f"Filler {n}" for n in range(1000)})
        assert names_of(conn, {pike, "p-no-such-person"}) == {pike: "Jonah Pike"}
        assert names_of(conn, {pike, "p-filler-7"}) == {
            pike: "Jonah Pike",
            "p-filler-7": "Filler 7",
        }
        assert (
            dict.__len__(snapshot(conn)["names"]) == 1002
        )  # both new ids kept, None for the unknown
