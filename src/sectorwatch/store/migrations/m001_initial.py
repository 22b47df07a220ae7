"""Version 1: every table of `sectorwatch.store.schema` and the full-text indexes."""

from __future__ import annotations

from sqlalchemy import Connection

from sectorwatch.store import fts
from sectorwatch.store.schema import metadata


def upgrade(conn: Connection) -> None:
    metadata.create_all(conn)
    fts.create(conn)
