"""The store: claims with evidence, entities, judgements; SQLite or PostgreSQL."""

from sectorwatch.store.db import open_store
from sectorwatch.store.writer import BatchResult, write_batch

__all__ = ["BatchResult", "open_store", "write_batch"]
