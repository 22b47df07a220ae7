"""The on-demand sentence parses of a group of articles are answered in batches: the stages
of each article run side by side, an article that asks for a parse waits, and every
sentence asked for is parsed in one call per component; each article gets the parse it
would get alone, a failing or stalling article fails alone."""

from __future__ import annotations

import time

from quote_articles import make_article

from sectorwatch.extract.budget import Budget, OverBudget, over_time
from sectorwatch.extract.parse_batches import ParseBatches, run_side_by_side


class FakeParser:
    """Answers a text with its upper-cased form; records each call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[str]]] = []

    def __call__(self, text: str) -> str:
        self.calls.append(("parse", [text]))
        return text.upper()

    def tag(self, text: str) -> str:
        self.calls.append(("tag", [text]))
        return text.title()

    def pipe(self, texts: list[str], tags_only: bool = False) -> list[str]:
        self.calls.append(("tag" if tags_only else "parse", list(texts)))
        return [t.title() if tags_only else t.upper() for t in texts]


def test_the_parses_that_articles_ask_for_one_at_a_time_come_in_one_batch_per_round():
    parser = FakeParser()
    batches = ParseBatches(parser)  # type: ignore[arg-type]

    def article(name: str, sentences: int):  # type: ignore[no-untyped-def]
        return lambda: [batches(f"{name} {i}") for i in range(sentences)] + [batches.tag(name)]

    outcomes = run_side_by_side([article("a", 2), article("b", 1)], Budget(), batches)

    assert [o.value for o in outcomes] == [["A 0", "A 1", "A"], ["B 0", "B"]]
    assert [o.error for o in outcomes] == [None, None]
    assert parser.calls == [
        ("parse", ["a 0", "b 0"]),
        ("parse", ["a 1"]),
        ("tag", ["b"]),
        ("tag", ["a"]),
    ]


def test_outside_a_group_a_parse_is_answered_at_once():
    parser = FakeParser()
    assert ParseBatches(parser)("one sentence") == "ONE SENTENCE"  # type: ignore[arg-type]
    assert parser.calls == [("parse", ["one sentence"])]


def test_an_article_whose_stages_raise_fails_alone():
    batches = ParseBatches(FakeParser())  # type: ignore[arg-type]

    def fails() -> str:
        batches("first")
        raise ValueError("bad article")

    outcomes = run_side_by_side([fails, lambda: batches("second")], Budget(), batches)

    assert isinstance(outcomes[0].error, ValueError)
    assert str(outcomes[0].error) == "bad article"
    assert (outcomes[1].value, outcomes[1].error) == ("SECOND", None)


def test_an_article_over_the_time_budget_is_stopped_and_the_others_go_on():
    batches = ParseBatches(FakeParser())  # type: ignore[arg-type]

    def stalls() -> None:
        batches("first")
        while True:
            time.sleep(0.01)

    outcomes = run_side_by_side(
        [lambda: batches("quick"), stalls, lambda: batches("also quick")],
        Budget(max_seconds=1),
        batches,
    )

    assert isinstance(outcomes[1].error, OverBudget)
    assert str(outcomes[1].error) == over_time(1)
    assert [(o.value, o.error) for o in (outcomes[0], outcomes[2])] == [
        ("QUICK", None),
        ("ALSO QUICK", None),
    ]


def test_a_sentence_parsed_in_a_batch_has_the_parse_it_has_alone(extractor):
    parser = extractor.parse.parser
    sentences = [
        "Ann Kell, who has led Fenwick NHS Trust since 2019, is to step down in May.",
        "The trust said its board had appointed Bob Marr as interim chief executive.",
        "He told staff he was proud of them.",
    ]

    def tree(doc):  # type: ignore[no-untyped-def]
        return [(t.text, t.tag_, t.dep_, t.head.i) for t in doc]

    alone = [tree(parser(s)) for s in sentences]
    assert [tree(d) for d in parser.pipe(sentences)] == alone
    assert [[t[:2] for t in tree(d)] for d in parser.pipe(sentences, tags_only=True)] == [
        [t[:2] for t in a] for a in alone
    ]


def test_extraction_with_batched_parses_is_the_extraction_with_parses_alone(extractor, monkeypatch):
    from sectorwatch.extract.syntax import SentenceParser

    batched_calls: list[list[str]] = []
    pipe = SentenceParser.pipe

    def recording_pipe(self, texts, tags_only=False):  # type: ignore[no-untyped-def]
        batched_calls.append(list(texts))
        return pipe(self, texts, tags_only)

    monkeypatch.setattr(SentenceParser, "pipe", recording_pipe)
    articles = [
        make_article(
            "Ann Kell, who has led Fenwick NHS Trust since 2019, is to step down. "
            "She said she was proud of the staff."
        ),
        make_article(
            "Bob Marr and Cy Dunn were appointed joint chairs of Harlow Care Trust, the trust said."
        ),
        make_article(  # two people before the verb: which of them spoke is the parse's answer
            "Ann Kell, chief executive of Fenwick NHS Trust, and Bob Marr, its chair, both said "
            "the merger would go ahead."
        ),
        make_article(
            "The trust's chair, who was appointed by Bob Marr in 2019, said the merger would go "
            "ahead."
        ),
    ]
    batched = list(extractor.extract_many(articles))
    batches = extractor.parse
    try:
        extractor.parse = batches.parser  # each sentence parsed alone, articles in turn
        alone = list(extractor.extract_many(articles))
    finally:
        extractor.parse = batches
    assert batched == alone
    # the rules asked for at least one parse (which ones is the rules' business)
    asked = [text for call in batched_calls for text in call]
    askers = {i for text in asked for i, a in enumerate(articles) if text in a.text}
    assert len(batched_calls) == 1 and askers == {2, 3}  # two articles' parses, in one call


def test_without_a_time_budget_the_timer_is_left_alone():
    import signal

    batches = ParseBatches(FakeParser())  # type: ignore[arg-type]
    previous = signal.signal(signal.SIGALRM, lambda *_: None)
    signal.setitimer(signal.ITIMER_REAL, 100)
    try:
        outcomes = run_side_by_side([lambda: batches("one")], Budget(max_seconds=0), batches)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert (outcomes[0].value, outcomes[0].error) == ("ONE", None)
    assert 99 < left <= 100


def test_in_a_thread_that_cannot_take_signals_parses_are_batched_and_a_stalling_article_stopped():
    import threading

    parser = FakeParser()
    batches = ParseBatches(parser)  # type: ignore[arg-type]

    def stalls() -> None:
        batches("first")
        while True:
            time.sleep(0.01)

    found: list[list] = []

    def run() -> None:  # as a Dask worker runs its task: not the main thread
        outcomes = run_side_by_side(
            [lambda: batches("quick"), stalls, lambda: batches("also quick")],
            Budget(max_seconds=1),
            batches,
        )
        found.append([(o.value, isinstance(o.error, OverBudget)) for o in outcomes])
        found.append([str(o.error) for o in outcomes if o.error])

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(20)

    assert not worker.is_alive()
    assert found == [
        [("QUICK", False), (None, True), ("ALSO QUICK", False)],
        [over_time(1)],
    ]
    assert parser.calls == [("parse", ["quick", "first", "also quick"])]  # one batch
