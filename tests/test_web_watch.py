"""`sectorwatch watch`: rounds that store only what is new, conditional requests, a clean
stop on Ctrl-C or SIGTERM, and the new articles on the web UI's home page."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import select
from test_web_fetch import options
from typer.testing import CliRunner
from web_site import RSS, Reply, Seen, Site, http_date, rss, story

from sectorwatch.cli._web import stored_sources
from sectorwatch.cli.main import app
from sectorwatch.ingest.web import Source
from sectorwatch.ingest.web.fetch import Fetcher
from sectorwatch.ingest.web.state import WatchState
from sectorwatch.ingest.web.watch import watch_round
from sectorwatch.scale.workers import ScaleOptions, ingest_items
from sectorwatch.store import open_store
from sectorwatch.store.schema import articles

FENMOOR = "/news/fenmoor-chief-executive"
OSTMERE = "/news/ostmere-chair"
HARLOW = "/news/harlow-vale-chief-nurse"
ROOT = Path(__file__).resolve().parents[1]


class Feed:
    """A feed whose items can change; it answers 304 to a request naming its ETag."""

    def __init__(self, site: Site, paths: list[str]) -> None:
        self.site = site
        self.version = 1
        self.paths = paths

    def __call__(self, seen: Seen) -> Reply:
        etag = f'"v{self.version}"'
        if seen.headers.get("if-none-match") == etag:
            return Reply(304, headers={"ETag": etag})
        items = [{"title": p, "link": self.site.url(p)} for p in self.paths]
        return Reply(body=rss(items), headers={**RSS, "ETag": etag})


@pytest.fixture
def site():
    with Site() as s:
        for path in (FENMOOR, OSTMERE, HARLOW):
            s.routes[path] = story(path)
        yield s


def stored(engine) -> list[str]:
    with engine.connect() as conn:
        return sorted(conn.execute(select(articles.c.source)).scalars())


def one_round(number, site, state, engine, stop=None):
    return watch_round(
        number,
        [Source("feed", site.url("/feed.xml"))],
        Fetcher(options()),
        state,
        lambda items: ingest_items(items, engine, ScaleOptions(batch_size=8)),
        known=lambda urls: stored_sources(engine, urls),
        stop=stop,
    )


def test_items_repeated_across_rounds_are_ingested_once_with_conditional_requests(site, tmp_path):
    feed = Feed(site, [FENMOOR, OSTMERE])
    site.routes["/feed.xml"] = feed
    engine = open_store(f"sqlite:///{tmp_path / 'sw.db'}")
    state = WatchState.load(tmp_path / "state.json")

    first = one_round(1, site, state, engine)
    assert first.line() == (
        "round 1: feeds 1 (not modified 0, failed 0), links 2 (already seen 0); "
        "ingested 2, unchanged 0, skipped 0, failed 0"
    )
    site.requests.clear()

    second = one_round(2, site, WatchState.load(tmp_path / "state.json"), engine)
    assert second.line() == (
        "round 2: feeds 1 (not modified 1, failed 0), links 0 (already seen 0); "
        "ingested 0, unchanged 0, skipped 0, failed 0"
    )
    assert [(r.path, r.headers.get("if-none-match")) for r in site.requests] == [
        ("/robots.txt", None),
        ("/feed.xml", '"v1"'),
    ]
    site.requests.clear()

    feed.version, feed.paths = 2, [HARLOW, FENMOOR, OSTMERE]
    third = one_round(3, site, WatchState.load(tmp_path / "state.json"), engine)
    assert third.line() == (
        "round 3: feeds 1 (not modified 0, failed 0), links 3 (already seen 2); "
        "ingested 1, unchanged 0, skipped 0, failed 0"
    )
    assert site.paths() == ["/robots.txt", "/feed.xml", HARLOW]
    assert stored(engine) == sorted(site.url(p) for p in (FENMOOR, OSTMERE, HARLOW))
    saved = json.loads((tmp_path / "state.json").read_text())
    assert saved == {
        "feeds": {site.url("/feed.xml"): {"etag": '"v2"'}},
        "seen": [site.url(p) for p in (FENMOOR, OSTMERE, HARLOW)],
    }


def test_last_modified_is_sent_back_as_if_modified_since(site, tmp_path):
    stamp = http_date(2024, 5, 2)

    def feed(seen: Seen) -> Reply:
        if seen.headers.get("if-modified-since") == stamp:
            return Reply(304)
        items = [{"title": "F", "link": site.url(FENMOOR)}]
        return Reply(body=rss(items), headers={**RSS, "Last-Modified": stamp})

    site.routes["/feed.xml"] = feed
    engine = open_store(f"sqlite:///{tmp_path / 'sw.db'}")
    state = WatchState.load(tmp_path / "state.json")
    assert one_round(1, site, state, engine).counts.ingested == 1
    again = one_round(2, site, state, engine)
    assert (again.report.not_modified, again.counts.ingested) == (1, 0)


def test_links_already_stored_by_ingest_are_not_fetched_again(site, tmp_path):
    site.routes["/feed.xml"] = Feed(site, [FENMOOR, OSTMERE])
    engine = open_store(f"sqlite:///{tmp_path / 'sw.db'}")
    ingest_items(iter(()), engine)  # an empty store
    from sectorwatch.ingest.web import read_web

    ingest_items(read_web([Source("page", site.url(FENMOOR))], Fetcher(options())), engine)
    site.requests.clear()
    result = one_round(1, site, WatchState.load(tmp_path / "state.json"), engine)
    assert (result.report.already_seen, result.counts.ingested) == (1, 1)
    assert site.paths() == ["/robots.txt", "/feed.xml", OSTMERE]


def test_a_stop_ends_the_round_between_articles_and_the_next_round_resumes(site, tmp_path):
    site.routes["/feed.xml"] = Feed(site, [FENMOOR, OSTMERE, HARLOW])
    stop = threading.Event()

    def stop_while_serving(seen: Seen) -> Reply:
        stop.set()  # as if SIGTERM came while the second page was being fetched
        return story(OSTMERE)

    site.routes[OSTMERE] = stop_while_serving
    engine = open_store(f"sqlite:///{tmp_path / 'sw.db'}")
    state = WatchState.load(tmp_path / "state.json")
    stopped = one_round(1, site, state, engine, stop=stop)
    assert stopped.stopped is True
    assert stopped.counts.summary() == "ingested 1, unchanged 0, skipped 0, failed 0"
    assert stored(engine) == [site.url(FENMOOR)]
    saved = json.loads((tmp_path / "state.json").read_text())
    assert saved == {"feeds": {}, "seen": [site.url(FENMOOR)]}  # the feed is read again

    site.routes[OSTMERE] = story(OSTMERE)
    site.requests.clear()
    resumed = one_round(2, site, WatchState.load(tmp_path / "state.json"), engine)
    assert resumed.counts.ingested == 2
    assert site.paths() == ["/robots.txt", "/feed.xml", OSTMERE, HARLOW]


def watch_env(tmp_path: Path) -> dict[str, str]:
    return {
        "SECTORWATCH_WEB_ALLOW": "127.0.0.1",
        "SECTORWATCH_WEB_HOST_DELAY": "0",
        "SECTORWATCH_WEB_TIMEOUT": "60",  # a busy CI machine must not time a page out
        "SECTORWATCH_WEB_CONTACT": "newsdesk@example.org",
        "SECTORWATCH_WATCH_STATE": str(tmp_path / "state.json"),
        "SECTORWATCH_DB": f"sqlite:///{tmp_path / 'sw.db'}",
    }


def test_watch_once_puts_the_new_articles_on_the_home_page(site, tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from sectorwatch.serve import create_app
    from sectorwatch.settings import Settings

    site.routes["/feed.xml"] = Feed(site, [FENMOOR, OSTMERE])
    (tmp_path / "feeds.txt").write_text(site.url("/feed.xml") + "\n", encoding="utf-8")
    for name, value in watch_env(tmp_path).items():
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(app, ["watch", "--feeds", str(tmp_path / "feeds.txt"), "--once"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr  # (what else was printed, should it ever be)
    assert lines[0].split(" ", 1)[1] == (
        "round 1: feeds 1 (not modified 0, failed 0), links 2 (already seen 0); "
        "ingested 2, unchanged 0, skipped 0, failed 0"
    )
    client = TestClient(create_app(Settings(db=f"sqlite:///{tmp_path / 'sw.db'}")))
    events = client.get("/.json").json()["recent_events"]
    assert sorted((e["type"], e["person"]["name"]) for e in events) == [
        ("appointment", "Lena Marsh"),
        ("departure", "Colin Barrow"),
    ]
    home = client.get("/").text
    assert "Lena Marsh" in home and "Colin Barrow" in home


def test_watch_needs_feeds(tmp_path, monkeypatch):
    monkeypatch.delenv("SECTORWATCH_WATCH_FEEDS", raising=False)
    result = CliRunner().invoke(app, ["watch", "--db", f"sqlite:///{tmp_path / 'sw.db'}"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: give --feeds FILE (or SECTORWATCH_WATCH_FEEDS), --feed or --sitemap\n"
    )


def test_an_unreadable_state_file_is_reported_not_overwritten(tmp_path, monkeypatch):
    state = tmp_path / "state.json"
    state.write_text("{not json", encoding="utf-8")
    for name, value in watch_env(tmp_path).items():
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(app, ["watch", "--feed", "https://news.example/feed.xml"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: watch state {state} cannot be read (")
    assert result.stderr.endswith("); move it away to start afresh\n")
    assert state.read_text(encoding="utf-8") == "{not json"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_watch_stops_cleanly_on_sigterm_and_ctrl_c(site, tmp_path, signum):
    site.routes["/feed.xml"] = Feed(site, [FENMOOR, OSTMERE])
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(site.url("/feed.xml") + "\n", encoding="utf-8")
    env = {**os.environ, **watch_env(tmp_path)}
    command = [sys.executable, "-c", "from sectorwatch.cli.main import main; main()"]
    process = subprocess.Popen(
        [*command, "watch", "--feeds", str(feeds), "--interval", "3600"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert process.stderr is not None
    first = process.stderr.readline()  # blocks until round 1 is stored and logged
    process.send_signal(signum)
    rest = process.communicate(timeout=120)[1]
    assert process.returncode == 0
    assert first.split(" ", 1)[1] == (
        "round 1: feeds 1 (not modified 0, failed 0), links 2 (already seen 0); "
        "ingested 2, unchanged 0, skipped 0, failed 0\n"
    )
    assert rest.splitlines() == [
        f"stopping ({signal.Signals(signum).name}) ...",
        "stopped after 1 round(s); the store is consistent",
    ]
    engine = open_store(f"sqlite:///{tmp_path / 'sw.db'}")
    assert stored(engine) == sorted(site.url(p) for p in (FENMOOR, OSTMERE))


def test_lasting_failures_are_not_fetched_again_passing_ones_are(site, tmp_path):
    site.routes["/busy"] = Reply(503, "busy")

    def feed(seen: Seen) -> Reply:  # no validators: read in full every round
        items = [{"title": t, "link": site.url(p)} for t, p in (("A", FENMOOR), ("B", "/gone"))]
        items.append({"title": "C", "link": site.url("/busy")})
        items.append({"title": "D", "link": "http://10.0.0.7/admin"})
        return Reply(body=rss(items), headers=RSS)

    site.routes["/feed.xml"] = feed
    engine = open_store(f"sqlite:///{tmp_path / 'sw.db'}")
    state = WatchState.load(tmp_path / "state.json")
    first = one_round(1, site, state, engine)
    assert first.counts.summary() == "ingested 1, unchanged 0, skipped 0, failed 3"
    site.requests.clear()
    second = one_round(2, site, state, engine)
    assert second.line() == (
        "round 2: feeds 1 (not modified 0, failed 0), links 4 (already seen 3); "
        "ingested 0, unchanged 0, skipped 0, failed 1"
    )
    assert second.counts.reasons == [
        ("failed", site.url("/busy"), "HTTP 503 Service Unavailable after 3 attempts")
    ]
    assert site.paths() == ["/robots.txt", "/feed.xml", "/busy", "/busy", "/busy"]


def test_a_sitemap_index_is_read_each_round_and_its_sitemaps_conditionally(site, tmp_path):
    def conditional(body: str, etag: str):
        def reply(seen: Seen) -> Reply:
            if seen.headers.get("if-none-match") == etag:
                return Reply(304, headers={"ETag": etag})
            return Reply(body=body, headers={"Content-Type": "application/xml", "ETag": etag})

        return reply

    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    site.routes["/index.xml"] = conditional(
        f"<sitemapindex {ns}><sitemap><loc>{site.url('/news.xml')}</loc></sitemap></sitemapindex>",
        '"i1"',
    )
    site.routes["/news.xml"] = conditional(
        f"<urlset {ns}><url><loc>{site.url(FENMOOR)}</loc></url></urlset>", '"n1"'
    )
    engine = open_store(f"sqlite:///{tmp_path / 'sw.db'}")
    state = WatchState.load(tmp_path / "state.json")

    def sitemap_round(number):
        return watch_round(
            number,
            [Source("sitemap", site.url("/index.xml"))],
            Fetcher(options()),
            state,
            lambda items: ingest_items(items, engine, ScaleOptions(batch_size=8)),
            known=lambda urls: stored_sources(engine, urls),
        )

    assert sitemap_round(1).counts.ingested == 1
    site.routes["/news.xml"] = conditional(
        f"<urlset {ns}><url><loc>{site.url(FENMOOR)}</loc></url>"
        f"<url><loc>{site.url(OSTMERE)}</loc></url></urlset>",
        '"n2"',
    )
    site.requests.clear()
    second = sitemap_round(2)
    assert second.counts.ingested == 1
    assert [(r.path, r.headers.get("if-none-match")) for r in site.requests] == [
        ("/robots.txt", None),
        ("/index.xml", None),
        ("/news.xml", '"n1"'),
        (OSTMERE, None),
    ]


def test_sigterm_in_the_middle_of_a_round_stops_between_two_articles(site, tmp_path):
    asked, signalled = threading.Event(), threading.Event()

    def second_page(seen: Seen) -> Reply:
        asked.set()
        signalled.wait(60)  # answer only once the watch has been sent SIGTERM
        return story(OSTMERE)

    site.routes[OSTMERE] = second_page
    site.routes["/feed.xml"] = Feed(site, [FENMOOR, OSTMERE, HARLOW])
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(site.url("/feed.xml") + "\n", encoding="utf-8")
    env = {**os.environ, **watch_env(tmp_path)}
    command = [sys.executable, "-c", "from sectorwatch.cli.main import main; main()"]
    process = subprocess.Popen(
        [*command, "watch", "--feeds", str(feeds), "--interval", "3600"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        assert asked.wait(120)
        process.send_signal(signal.SIGTERM)
    finally:
        signalled.set()
    err = process.communicate(timeout=120)[1].splitlines()
    assert process.returncode == 0
    assert err[0] == "stopping (SIGTERM) ..."
    assert err[1].split(" ", 1)[1] == (
        "round 1: feeds 1 (not modified 0, failed 0), links 3 (already seen 0); "
        "ingested 1, unchanged 0, skipped 0, failed 0 [stopped]"
    )
    assert err[2:] == ["stopped after 1 round(s); the store is consistent"]
    engine = open_store(f"sqlite:///{tmp_path / 'sw.db'}")
    assert stored(engine) == [site.url(FENMOOR)]
    state = json.loads((tmp_path / "state.json").read_text())
    assert state == {"feeds": {}, "seen": [site.url(FENMOOR)]}
