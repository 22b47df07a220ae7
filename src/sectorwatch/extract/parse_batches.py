"""The on-demand sentence parses of several articles, in one call per component.

The rules ask for the parse of one sentence at a time, deep inside their own code
(`syntax.Syntax.clause`), and a single-sentence parse pays the model's per-call cost
(tok2vec, tagger and parser each run their layers once per call: about half of a short
sentence's parse). `ParseBatches.run` runs the stages of a group of articles side by side,
each in a greenlet: an article that asks for a parse waits; once every article of the group
waits or is done, every sentence asked for is parsed in one `pipe` call per component, and
each waiting article goes on with its own parse. Each sentence is its own Doc, so its
parse is the one it gets alone (checked over every sentence the rules ask about in the four
gold sets: the same tags, heads and labels); each article's rules run in the same order
and see the same parses, so the output is unchanged.

The per-article time budget (`budget.py`) counts the article's own stages only: the timer
runs while its greenlet runs and is paused while it waits for a batch, in the main thread
(SIGALRM) and in any other (a watchdog thread: a Dask worker's task, whose parses were
once made one at a time for want of it, about a fifth slower). Without the `greenlet`
package the articles run one after another, each parse alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sectorwatch.extract.budget import Budget, Timer, article_timer, time_limit

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sectorwatch.extract.syntax import SentenceParser

try:  # a dependency in pyproject.toml; without it (a hand-made install) each article runs alone
    import greenlet as _greenlet
except ImportError:  # pragma: no cover - then each article runs alone
    _greenlet = None  # type: ignore[assignment]


@dataclass(frozen=True)
class Outcome:
    """What one article's job gave: its value, or the exception it raised."""

    value: Any = None
    error: Exception | None = None


@dataclass(frozen=True)
class _Ask:
    kind: str  # "parse" (tok2vec, tagger, parser) or "tag" (no parser)
    text: str


class ParseBatches:
    """A sentence parser (`text -> Doc`, `.tag(text)`) whose calls from inside `run` are
    answered in batches; called anywhere else it parses at once."""

    def __init__(self, parser: SentenceParser) -> None:
        self.parser = parser
        self._mine: dict[Any, Timer | None] = {}  # the greenlets being run -> their timer

    def __call__(self, text: str) -> Doc:
        return self._ask("parse", text)

    def tag(self, text: str) -> Doc:
        return self._ask("tag", text)

    def _ask(self, kind: str, text: str) -> Doc:
        current: Any = _greenlet.getcurrent() if _greenlet is not None else None
        if current is None or current not in self._mine:
            return self.parser(text) if kind == "parse" else self.parser.tag(text)
        timer = self._mine[current]
        left = timer.pause() if timer is not None else 0.0
        try:
            return current.parent.switch(_Ask(kind, text))  # type: ignore[no-any-return]
        finally:
            if timer is not None and left > 0:
                timer.resume(left)

    def run(self, jobs: Sequence[Callable[[], Any]], budget: Budget) -> list[Outcome]:
        """Each job's outcome, in order. A job that runs longer than the budget's seconds
        (its own time, not counting the waits for a batch) is stopped with OverBudget, as
        `budget.time_limit` does."""
        return run_side_by_side(jobs, budget, self)

    def _answer(self, asks: dict[int, _Ask]) -> dict[int, Any]:
        """Every asked sentence parsed, one batch per kind: article -> its Doc."""
        out: dict[int, Any] = {}
        for kind in ("parse", "tag"):
            which = [i for i, ask in asks.items() if ask.kind == kind]
            if which:
                docs = self.parser.pipe([asks[i].text for i in which], tags_only=kind == "tag")
                out.update(zip(which, docs, strict=True))
        return dict(sorted(out.items()))


def run_side_by_side(
    jobs: Sequence[Callable[[], Any]], budget: Budget, batches: object = None
) -> list[Outcome]:
    """Each job's outcome, in order: side by side with their parses batched (`batches`,
    with the greenlet package), else one after another, each under `time_limit`. Each job
    is timed while it runs, in any thread (`budget.article_timer`)."""
    if not isinstance(batches, ParseBatches) or _greenlet is None:
        return [_alone(job, budget) for job in jobs]
    with article_timer(budget) as timer:

        def body(job: Callable[[], Any]) -> Outcome:
            try:
                if timer is not None:
                    timer.resume(budget.max_seconds)
                try:
                    return Outcome(value=job())
                finally:
                    if timer is not None:
                        timer.pause()
            except Exception as exc:  # noqa: BLE001 - the caller decides what a failure does
                return Outcome(error=exc)

        outcomes: list[Outcome | None] = [None] * len(jobs)
        lets = [_greenlet.greenlet(lambda *_, job=job: body(job)) for job in jobs]
        batches._mine.update(dict.fromkeys(lets, timer))
        try:
            answers: dict[int, Any] = {i: None for i in range(len(jobs))}
            while answers:
                asks: dict[int, _Ask] = {}
                for i, answer in answers.items():
                    got = _step(lets[i], answer)
                    if isinstance(got, _Ask):
                        asks[i] = got
                    else:
                        outcomes[i] = got
                answers = batches._answer(asks)
        finally:
            for let in lets:
                batches._mine.pop(let, None)
    return [o if o is not None else Outcome(error=RuntimeError("no outcome")) for o in outcomes]


def _step(let: Any, answer: Any) -> Outcome | _Ask:
    """Run one article's greenlet until it asks for a parse or ends."""
    try:
        got = let.switch(answer)
    except Exception as exc:  # noqa: BLE001 - a timer that fired as the job ended
        return Outcome(error=exc)
    if isinstance(got, (Outcome, _Ask)):
        return got
    return Outcome(error=RuntimeError(f"unexpected switch: {got!r}"))


def _alone(job: Callable[[], Any], budget: Budget) -> Outcome:
    try:
        with time_limit(budget):
            return Outcome(value=job())
    except Exception as exc:  # noqa: BLE001 - the caller decides what a failure does
        return Outcome(error=exc)
