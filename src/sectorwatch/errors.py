"""Errors a user can act on. Each has a code, says what was wrong and what to do."""

from __future__ import annotations


class SectorwatchError(Exception):
    """Base class: `code` is stable and documented; `str()` is the message for a user."""

    code = "SW000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ModelNotInstalled(SectorwatchError):
    code = "SW001"


class SettingsError(SectorwatchError):
    """A SECTORWATCH_* setting that cannot be used (a number that is not one, out of range)."""

    code = "SW002"


class ReadError(SectorwatchError):
    """An input could not be read as an article; the batch goes on without it."""

    code = "SW100"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(SectorwatchError):
    code = "SW200"


class StoreWriteError(StoreError):
    """The store refused a write for a reason of its own (a full disk, a locked or lost
    database): the run stops; `counts`, when set, is what it had done so far."""

    code = "SW201"
    counts: object | None = None


class QueryError(SectorwatchError):
    code = "SW300"


class GoldError(SectorwatchError):
    code = "SW400"
