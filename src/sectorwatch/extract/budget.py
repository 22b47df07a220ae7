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
  finishes first). 0 turns it off.

Either way the failure is `OverBudget`, whose message is the reason a user sees.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

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


@contextmanager
def time_limit(budget: Budget) -> Iterator[None]:
    """Raise OverBudget inside the block once it has run `budget.max_seconds`; again every
    half second after that, so a stage that swallows one still stops."""
    seconds = budget.max_seconds
    if seconds <= 0:
        yield
        return
    reason = over_time(seconds)
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        with _alarm(seconds, reason):
            yield
    else:
        with _watchdog(seconds, reason):
            yield


@contextmanager
def _alarm(seconds: int, reason: str) -> Iterator[None]:
    def expire(signum: int, frame: Any) -> None:
        raise OverBudget(reason)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.5)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _watchdog(seconds: int, reason: str) -> Iterator[None]:
    """The budget for a thread that cannot take signals: a watchdog thread raises
    OverBudget(reason) in this one while the block runs, never after it."""
    import ctypes

    class Expired(OverBudget):
        def __init__(self) -> None:
            super().__init__(reason)

    target = ctypes.c_ulong(threading.get_ident())
    raise_in = ctypes.pythonapi.PyThreadState_SetAsyncExc
    done = threading.Event()
    lock = threading.Lock()
    inside = [True]

    def watch() -> None:
        wait = float(seconds)
        while not done.wait(wait):
            with lock:
                if inside[0]:
                    raise_in(target, ctypes.py_object(Expired))
            wait = 0.5

    watcher = threading.Thread(target=watch, name="sectorwatch-budget", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        with lock:
            inside[0] = False
            raise_in(target, None)  # one raised but not yet delivered is withdrawn
        done.set()
