"""Version 4: `article_signatures`, each article's stored MinHash signature
(sectorwatch.dedup, stored by sectorwatch.store.duplicates), so the near-duplicate index is
rebuilt at the start of a run from stored bytes instead of re-shingling every stored
article. Additive: a new table. A store
created at version 1 by this code already has it (version 1 creates the tables of
`schema.py`); articles stored before this version get their signature the next time the
index is loaded."""

from __future__ import annotations

from sqlalchemy import Connection

from sectorwatch.store.schema import article_signatures


def upgrade(conn: Connection) -> None:
    article_signatures.create(conn, checkfirst=True)
