"""The per-article extraction budget: no article stalls a run or takes it down.

- Characters (`Settings.extract_max_chars`, SECTORWATCH_EXTRACT_MAX_CHARS, default
  1,000,000, spaCy's own cap): a longer article is not handed to spaCy (which would raise
  E088 and end the whole `nlp.pipe` stream) but fails alone. Raising the budget raises
  spaCy's `nlp.max_length` with it (`fit_pipeline`).
- Seconds (`Settings.extract_max_seconds`, SECTORWATCH_EXTRACT_MAX_SECONDS, default 60) for
  the rule stages of one article: a timer stops an article that takes longer, and it fails
  alone. In the main thread of a process (the `extract` command, `ingest`, each `--workers`
  process) the timer is SIGALRM; in another thread (a Dask worker's task) a watchdog thread
  raises the same error in the extracting thread (`PyThreadState_SetAsyncExc`), which takes
  effect at its next Python instruction (a single long call into C, such as one `sleep`,
  finishes first). Either timer can be paused and resumed (`article_timer`), so the
  articles whose parses are batched (`parse_batches.py`) are timed alike in both. 0 turns
  it off.

Either way the failure is `OverBudget`, whose message is the reason a user sees.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from sectorwatch.model import Article


class OverBudget(Exception):
    """An article over the per-article budget; `str()` says which and how to raise it."""


@dataclass(frozen=True)
class Budget:
    max_chars: int = 1_000_000
    max_seconds: int = 60

    @classmethod
    def from_settings(cls) -> Budget:
        from sectorwatch.settings import Settings

        settings = Settings.from_env()
        return cls(settings.extract_max_chars, settings.extract_max_seconds)


def fit_pipeline(nlp: Any, budget: Budget) -> None:
    """Let spaCy take every article the budget lets through."""
    nlp.max_length = max(nlp.max_length, budget.max_chars + 1)


def within_size(
    articles: Iterable[Article],
    budget: Budget,
    on_error: Callable[[Article, Exception], None] | None,
) -> Iterator[Article]:
    """The articles within the character budget; each other one goes to `on_error` (or,
    without it, raises OverBudget)."""
    for article in articles:
        if len(article.text) <= budget.max_chars:
            yield article
            continue
        exc = OverBudget(
            f"article is {len(article.text):,} characters, over the extraction budget of "
            f"{budget.max_chars:,}; raise it with SECTORWATCH_EXTRACT_MAX_CHARS"
        )
        if on_error is None:
            raise exc
        on_error(article, exc)


def over_time(seconds: int) -> str:
    """The reason an article over the time budget fails with."""
    unit = "second" if seconds == 1 else "seconds"
    return (
        f"extraction took more than the budget of {seconds} {unit} per article and was "
        "stopped; raise it with SECTORWATCH_EXTRACT_MAX_SECONDS"
    )


class Timer(Protocol):
    """An article's timer (`article_timer`): `resume(seconds)` runs it with that many
    seconds left; `pause()` stops it and gives the seconds it had left. Once run out it
    raises OverBudget in its thread, and again every half second until paused."""

    def resume(self, seconds: float) -> None: ...

    def pause(self) -> float: ...


@contextmanager
def article_timer(budget: Budget) -> Iterator[Timer | None]:
    """A stopped timer for the articles this thread extracts while the block runs (None
    without a time budget): SIGALRM in the main thread of a process, else a watchdog
    thread that raises in this one."""
    if budget.max_seconds <= 0:
        yield None
        return
    reason = over_time(budget.max_seconds)
    in_main = threading.current_thread() is threading.main_thread()
    timer = (
        _SignalTimer(reason) if in_main and hasattr(signal, "setitimer") else _ThreadTimer(reason)
    )
    try:
        yield timer
    finally:
        timer.close()


@contextmanager
def time_limit(budget: Budget) -> Iterator[None]:
    """Raise OverBudget inside the block once it has run `budget.max_seconds`; again every
    half second after that, so a stage that swallows one still stops."""
    with article_timer(budget) as timer:
        if timer is None:
            yield
            return
        timer.resume(budget.max_seconds)
        try:
            yield
        finally:
            timer.pause()


class _SignalTimer:
    """SIGALRM (the real-time interval timer); the previous handler is put back on close."""

    def __init__(self, reason: str) -> None:
        def expire(signum: int, frame: Any) -> None:
            raise OverBudget(reason)

        self._previous = signal.signal(signal.SIGALRM, expire)

    def resume(self, seconds: float) -> None:
        signal.setitimer(signal.ITIMER_REAL, seconds, 0.5)

    def pause(self) -> float:
        left, _ = signal.setitimer(signal.ITIMER_REAL, 0)
        return left

    def close(self) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._previous)


class _ThreadTimer:
    """For a thread that cannot take signals (a Dask worker's task): a watchdog thread
    raises OverBudget in it (`PyThreadState_SetAsyncExc`, delivered at its next Python
    instruction) while the timer runs, never after `pause` or `close` (one raised but not
    yet delivered is withdrawn)."""

    def __init__(self, reason: str) -> None:
        import ctypes

        class Expired(OverBudget):
            def __init__(self) -> None:
                super().__init__(reason)

        self._raise_in = ctypes.pythonapi.PyThreadState_SetAsyncExc
        self._target = ctypes.c_ulong(threading.get_ident())
        self._expired = ctypes.py_object(Expired)
        self._changed = threading.Condition()
        self._deadline: float | None = None  # monotonic seconds; None: paused
        self._closed = False
        self._watcher = threading.Thread(target=self._watch, name="sectorwatch-budget", daemon=True)
        self._watcher.start()

    def _watch(self) -> None:
        with self._changed:
            while not self._closed:
                if self._deadline is None:
                    self._changed.wait()
                    continue
                wait = self._deadline - time.monotonic()
                if wait > 0:
                    self._changed.wait(wait)
                    continue
                self._raise_in(self._target, self._expired)
                self._deadline = time.monotonic() + 0.5

    def resume(self, seconds: float) -> None:
        with self._changed:
            self._deadline = time.monotonic() + seconds
            self._changed.notify()

    def pause(self) -> float:
        with self._changed:
            if self._deadline is None:
                return 0.0
            left = max(self._deadline - time.monotonic(), 1e-3)  # run out: fires on resume
            self._deadline = None
            self._raise_in(self._target, None)
            return left

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._deadline = None
            self._raise_in(self._target, None)
            self._changed.notify()
        self._watcher.join()
