"""What an ingest did, and a Rich progress bar while it does it.

Every input ends in exactly one of four counts: `ingested` (extracted and stored),
`unchanged` (already stored by this extractor version: a re-run or a resumed run skips it),
`skipped` (not an article: a filtered page, an image, an empty file) and `failed` (broken
input, or an extraction error). Skipped and failed inputs keep their reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from time import perf_counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.console import Console

    from sectorwatch.ingest import ReadFailure
    from sectorwatch.store.writer import BatchResult

MAX_REASONS = 1000
"""Reasons kept in memory for a report; the counts go on beyond this."""


@dataclass
class IngestCounts:
    ingested: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    duplicates: int = 0
    """Ingested articles linked to an earlier near-duplicate (included in `ingested`)."""
    reasons: list[tuple[str, str, str]] = field(default_factory=list)
    """(outcome, source, reason) for skipped and failed inputs, the first MAX_REASONS."""
    warnings: list[tuple[str, str]] = field(default_factory=list)
    """(source, warning) for articles kept without a bad optional field, the first
    MAX_REASONS."""
    warned: int = 0

    def warn(self, source: str, warning: str) -> None:
        self.warned += 1
        if len(self.warnings) < MAX_REASONS:
            self.warnings.append((source, warning))

    @property
    def seen(self) -> int:
        return self.ingested + self.unchanged + self.skipped + self.failed

    def note(self, outcome: str, source: str, reason: str) -> None:
        if outcome == "skipped":
            self.skipped += 1
        else:
            self.failed += 1
        if len(self.reasons) < MAX_REASONS:
            self.reasons.append((outcome, source, reason))

    def record(self, failures: Iterable[ReadFailure], written: BatchResult) -> set[str]:
        """Count one written batch: its inputs that failed to read or extract and what the
        store did with the rest. Returns the ids of the articles it stored."""
        for failure in failures:
            self.note(failure.outcome, failure.source, failure.reason)
        self.ingested += len(written.ingested) + len(written.replaced)
        self.unchanged += len(written.unchanged)
        for article_id, reason in written.skipped:
            self.note("skipped", article_id, reason)
        for source, reason in written.failed:
            self.note("failed", source, reason)
        return set(written.ingested) | set(written.replaced)

    def add(self, other: IngestCounts) -> None:
        self.ingested += other.ingested
        self.unchanged += other.unchanged
        self.skipped += other.skipped
        self.failed += other.failed
        self.duplicates += other.duplicates
        room = MAX_REASONS - len(self.reasons)
        self.reasons.extend(other.reasons[: max(room, 0)])

    def summary(self) -> str:
        """The closing line: `ingested 120, unchanged 30, skipped 12, failed 1`."""
        text = (
            f"ingested {self.ingested}, unchanged {self.unchanged}, "
            f"skipped {self.skipped}, failed {self.failed}"
        )
        if self.duplicates:
            text += f" ({self.duplicates} near-duplicates linked)"
        if self.warned:
            text += f" ({self.warned} warning{'s' if self.warned > 1 else ''})"
        return text

    def as_dict(self) -> dict[str, Any]:
        warnings = {"warnings": [{"source": s, "warning": w} for s, w in self.warnings]}
        return (
            {
                "ingested": self.ingested,
                "unchanged": self.unchanged,
                "skipped": self.skipped,
                "failed": self.failed,
                "duplicates": self.duplicates,
                "failures": [
                    {"source": source, "reason": reason}
                    for outcome, source, reason in self.reasons
                    if outcome != "skipped"
                ],
                "skips": [
                    {"source": source, "reason": reason}
                    for outcome, source, reason in self.reasons
                    if outcome == "skipped"
                ],
            }
        ) | (warnings if self.warnings else {})


class IngestProgress:
    """A Rich progress line with articles/s on standard error (or `console`), or nothing
    at all when `silent`.

    Use as a context manager; call `update(counts)` after each stored batch.
    """

    def __init__(
        self, silent: bool = False, total: int | None = None, console: Console | None = None
    ) -> None:
        self.silent = silent
        self.total = total
        self.console = console
        self.started = perf_counter()
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> IngestProgress:
        self.started = perf_counter()
        if self.silent:
            return self
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        columns: list[Any] = [SpinnerColumn(), TextColumn("[bold]ingest")]
        if self.total:
            columns += [BarColumn(), MofNCompleteColumn()]
        columns += [
            TextColumn("{task.fields[counts]}"),
            TextColumn("[cyan]{task.fields[rate]:.1f} articles/s"),
            TimeElapsedColumn(),
        ]
        if self.console is None:  # standard output carries only results
            from rich.console import Console

            self.console = Console(stderr=True)
        self._progress = Progress(*columns, console=self.console, transient=False)
        self._progress.__enter__()
        self._task = self._progress.add_task("ingest", total=self.total, counts="", rate=0.0)
        return self

    def update(self, counts: IngestCounts) -> None:
        if self._progress is None:
            return
        self._progress.update(
            self._task,
            completed=counts.ingested + counts.unchanged,
            counts=counts.summary(),
            rate=self.rate(counts),
        )

    def rate(self, counts: IngestCounts) -> float:
        """Articles extracted and stored per second since the start."""
        elapsed = perf_counter() - self.started
        return counts.ingested / elapsed if elapsed > 0 else 0.0

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)
            self._progress = None
