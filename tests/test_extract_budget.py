"""Issue 14, items 2 and 8: an article over the per-article budget (characters or seconds,
or spaCy's 1,000,000-character cap) fails alone and the others are extracted; zero-width
characters do not hide quotes, and offsets still point into the text as read. Articles and
names are invented."""

from __future__ import annotations

import json
import threading
import time

from typer.testing import CliRunner

from sectorwatch.cli.main import app
from sectorwatch.extract import pipeline
from sectorwatch.ingest.text import read_text

SMALL = (
    "Wrenford hospice names chair\n\nBy Lorcan Stanhope\n\n"
    "Wrenford Hospice has appointed Marigold Pennycress as its chair. She joins from the "
    "Copperdene Care Partnership.\n"
)
PARAGRAPH = (
    'Idris Fenwick, chief executive of Tidewell Community Health NHS Trust, said: "We are '
    'proud of what our staff have done for patients this winter."\n\n'
)


def _extract(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["extract", *args])


def _sources(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [json.loads(line)["source"] for line in result.stdout.splitlines()]


def test_a_body_over_spacys_million_characters_fails_alone(tmp_path):
    big = "Tidewell trust report\n\n" + PARAGRAPH * (1_000_000 // len(PARAGRAPH) + 1)
    (tmp_path / "a-big.txt").write_text(big, encoding="utf-8")
    (tmp_path / "b-small.txt").write_text(SMALL, encoding="utf-8")
    result = _extract(str(tmp_path))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert _sources(result) == [str(tmp_path / "b-small.txt")]
    assert result.stderr.splitlines() == [
        f"failed {tmp_path / 'a-big.txt'}: article is {len(big):,} characters, over the "
        "extraction budget of 1,000,000; raise it with SECTORWATCH_EXTRACT_MAX_CHARS",
        "1 read, 0 skipped, 1 failed",
    ]


def test_the_character_budget_is_a_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("SECTORWATCH_EXTRACT_MAX_CHARS", str(len(SMALL)))
    (tmp_path / "a.txt").write_text(SMALL, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SMALL + PARAGRAPH, encoding="utf-8")
    result = _extract(str(tmp_path))
    assert _sources(result) == [str(tmp_path / "a.txt")]
    assert result.stderr.splitlines()[0] == (
        f"failed {tmp_path / 'b.txt'}: article is {len(SMALL + PARAGRAPH):,} characters, over "
        f"the extraction budget of {len(SMALL)}; raise it with SECTORWATCH_EXTRACT_MAX_CHARS"
    )


def test_an_article_over_the_time_budget_is_stopped_and_fails_alone(tmp_path, monkeypatch):
    monkeypatch.setenv("SECTORWATCH_EXTRACT_MAX_SECONDS", "1")
    real = pipeline.extract_events

    def stalls_on_one(ctx):  # type: ignore[no-untyped-def]
        if "Stalling" in ctx.article.text:
            time.sleep(30)  # a stage that would stall the worker
        return real(ctx)

    monkeypatch.setattr(pipeline, "extract_events", stalls_on_one)
    (tmp_path / "a.txt").write_text("Stalling trust report\n\n" + PARAGRAPH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SMALL, encoding="utf-8")
    started = time.monotonic()
    result = _extract(str(tmp_path))
    assert time.monotonic() - started < 20
    assert result.exit_code == 1, result.output
    assert _sources(result) == [str(tmp_path / "b.txt")]
    assert result.stderr.splitlines()[0] == (
        f"failed {tmp_path / 'a.txt'}: extraction took more than the budget of 1 second per "
        "article and was stopped; raise it with SECTORWATCH_EXTRACT_MAX_SECONDS"
    )


def test_workers_fail_an_article_over_budget_alone(monkeypatch):
    from sectorwatch.scale.workers import extract_batch

    monkeypatch.setenv("SECTORWATCH_EXTRACT_MAX_CHARS", str(len(SMALL)))
    small, big = read_text(SMALL, "small.txt"), read_text(SMALL + PARAGRAPH, "big.txt")
    output = extract_batch([big, small], "en_core_web_sm", 8, None)
    assert [e.article.source for e in output.extractions] == ["small.txt"]
    assert [(f.source, f.reason) for f in output.failures] == [
        (
            "big.txt",
            f"article is {len(SMALL + PARAGRAPH):,} characters, over the extraction budget "
            f"of {len(SMALL)}; raise it with SECTORWATCH_EXTRACT_MAX_CHARS",
        )
    ]


ZERO_WIDTH = (
    "Copperdene trust chief welcomes funding\n\n"
    'Tamsin Ollerton, chief executive of Copperdene Hospitals NHS Foundation Trust, said: "We '
    'welcome the funding, which will help us open the new ward in the spring."\n\n'
    '"It is the right decision for patients," said Casimir Quarrie, chair of the Eelbrook '
    "Integrated Care Board.\n\n"
    'Wenna Tallis, director of nursing at the trust, said: "Our nurses have waited a long time '
    'for this news."\n'
)


def _with_invisible(text: str) -> str:
    """Zero-width spaces after every word, a joiner and a soft hyphen inside names, a BOM."""
    text = text.replace(" ", " \u200b").replace("Tallis", "Tal\u00adlis")
    return "\ufeff" + text.replace("Quarrie", "Quar\u200drie").replace('"', '\u2060"')


def test_zero_width_characters_hide_no_quote_and_offsets_point_into_the_text_as_read(
    extractor,
):
    plain = extractor.extract(read_text(ZERO_WIDTH, "plain.txt"))
    text = _with_invisible(ZERO_WIDTH)
    marked = extractor.extract(read_text(text, "marked.txt"))
    assert marked.article.text == text
    visible = str.maketrans("", "", "\u200b\u200d\u00ad\u2060\ufeff")
    assert [
        (text[q.start : q.end].translate(visible), q.speaker and q.speaker.name)
        for q in marked.quotes
    ] == [(q.text, q.speaker and q.speaker.name) for q in plain.quotes]
    assert len(plain.quotes) == 3
    for q in marked.quotes:
        ev = q.evidence
        assert ev is not None
        assert text[ev.sentence_start : ev.sentence_end] == ev.sentence


def test_the_time_budget_also_stops_an_article_in_a_thread_that_cannot_take_signals(
    monkeypatch,
):
    from sectorwatch.extract import Extractor

    monkeypatch.setenv("SECTORWATCH_EXTRACT_MAX_SECONDS", "1")
    real = pipeline.extract_events

    def loops_on_one(ctx):  # type: ignore[no-untyped-def]
        while "Stalling" in ctx.article.text:  # a rule stuck in a loop, as on a Dask worker
            time.sleep(0.01)
        return real(ctx)

    monkeypatch.setattr(pipeline, "extract_events", loops_on_one)
    stalled, small = (
        read_text("Stalling trust report\n\n" + PARAGRAPH, "a.txt"),
        read_text(SMALL, "b.txt"),
    )
    failed: list[tuple[str, str]] = []
    done: list[str] = []

    def run() -> None:
        extractor = Extractor()
        for e in extractor.extract_many(
            [stalled, small], on_error=lambda a, exc: failed.append((a.source, str(exc)))
        ):
            done.append(e.article.source)

    worker = threading.Thread(target=run)
    started = time.monotonic()
    worker.start()
    worker.join(20)
    assert not worker.is_alive()
    assert time.monotonic() - started < 20
    assert done == ["b.txt"]
    assert failed == [
        (
            "a.txt",
            "extraction took more than the budget of 1 second per article and was stopped; "
            "raise it with SECTORWATCH_EXTRACT_MAX_SECONDS",
        )
    ]
    time.sleep(1.2)  # the watchdog is gone: nothing is raised in this thread afterwards
