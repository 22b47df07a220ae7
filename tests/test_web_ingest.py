"""`sectorwatch ingest URL...`, `--feed`, `--sitemap`, `--feeds`: the web through the same
extract/store path as files, one line per failing URL, the batch going on."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from typer.testing import CliRunner
from web_site import RSS, XML, Reply, Site, rss, story

from sectorwatch.cli.main import app
from sectorwatch.store import open_store
from sectorwatch.store.schema import articles

FENMOOR = "/news/fenmoor-chief-executive"
OSTMERE = "/news/ostmere-chair"
HARLOW = "/news/harlow-vale-chief-nurse"


@pytest.fixture
def site(monkeypatch):
    monkeypatch.setenv("SECTORWATCH_WEB_ALLOW", "127.0.0.1")
    monkeypatch.setenv("SECTORWATCH_WEB_HOST_DELAY", "0")
    monkeypatch.setenv("SECTORWATCH_WEB_TIMEOUT", "30")  # no page of the fictional site is slow
    monkeypatch.setenv("SECTORWATCH_WEB_BACKOFF", "0")
    with Site() as s:
        yield s


def ingest(db, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["ingest", *args, "--db", f"sqlite:///{db}", "--silent"])


def stored(db) -> list[tuple[str, str | None]]:
    engine = open_store(f"sqlite:///{db}")
    with engine.connect() as conn:
        rows = conn.execute(select(articles.c.source, articles.c.title).order_by(articles.c.source))
        result = [tuple(r) for r in rows]
    engine.dispose()
    return result


def test_urls_are_ingested_and_each_failure_is_reported_with_its_status(site, tmp_path):
    site.routes[FENMOOR] = story(FENMOOR)
    site.routes["/papers.pdf"] = Reply(
        body=b"%PDF-1.7", headers={"Content-Type": "application/pdf"}
    )
    db = tmp_path / "sw.db"
    urls = [site.url(FENMOOR), site.url("/gone"), site.url("/papers.pdf")]
    result = ingest(db, *urls)
    assert result.exit_code == 1
    assert result.stdout == "ingested 1, unchanged 0, skipped 0, failed 2\n"
    assert result.stderr.splitlines() == [
        f"failed {site.url('/gone')}: HTTP 404 Not Found",
        f"failed {site.url('/papers.pdf')}: not HTML (application/pdf)",
    ]
    assert stored(db) == [(site.url(FENMOOR), "Fenmoor trust names Lena Marsh chief executive")]
    again = ingest(db, site.url(FENMOOR))
    assert (again.exit_code, again.stdout) == (0, "ingested 0, unchanged 1, skipped 0, failed 0\n")
    assert len(stored(db)) == 1


def test_a_feed_a_sitemap_and_a_feeds_file_in_one_run(site, tmp_path):
    for path in (FENMOOR, OSTMERE, HARLOW):
        site.routes[path] = story(path)
    site.routes["/feed.xml"] = Reply(
        body=rss([{"title": "Fenmoor", "link": site.url(FENMOOR)}]), headers=RSS
    )
    site.routes["/sitemap.xml"] = Reply(
        body=(
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{site.url(OSTMERE)}</loc></url></urlset>"
        ),
        headers=XML,
    )
    site.routes["/other.xml"] = Reply(
        body=rss([{"title": "Harlow", "link": site.url(HARLOW)}, {"title": "F", "link": FENMOOR}]),
        headers=RSS,
    )
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{site.url('/other.xml')}\n", encoding="utf-8")
    db = tmp_path / "sw.db"
    result = ingest(
        db,
        "--feed",
        site.url("/feed.xml"),
        "--sitemap",
        site.url("/sitemap.xml"),
        "--feeds",
        str(feeds),
        "--json",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "ingested": 3,
        "unchanged": 0,
        "skipped": 0,
        "failed": 0,
        "duplicates": 0,
        "failures": [],
        "skips": [],
    }
    assert [source for source, _ in stored(db)] == sorted(
        site.url(p) for p in (FENMOOR, OSTMERE, HARLOW)
    )


def test_files_and_urls_go_together(site, tmp_path):
    site.routes[OSTMERE] = story(OSTMERE)
    text = tmp_path / "note.txt"
    text.write_text(
        "Kestrel Bay trust appoints finance director\n\n"
        "Kestrel Bay Community Trust has appointed Omar Haddad as its finance director.\n",
        encoding="utf-8",
    )
    db = tmp_path / "sw.db"
    result = ingest(db, str(text), site.url(OSTMERE))
    assert (result.exit_code, result.stdout) == (
        0,
        "ingested 2, unchanged 0, skipped 0, failed 0\n",
    )
    assert [s for s, _ in stored(db)] == sorted([site.url(OSTMERE), str(text)])


def test_ingest_with_no_input_at_all_is_a_usage_error(tmp_path):
    result = ingest(tmp_path / "sw.db")
    assert result.exit_code == 2
    assert result.stderr == "error: give PATH..., URL..., --feed, --sitemap or --feeds\n"


def test_a_bad_feeds_file_is_a_usage_error(tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("not a url\n", encoding="utf-8")
    result = ingest(tmp_path / "sw.db", "--feeds", str(feeds))
    assert result.exit_code == 2
    assert result.stderr == f"error: {feeds}:1: not an http or https URL: 'not a url'\n"


def test_urls_are_not_sent_to_a_dask_cluster(tmp_path):
    result = CliRunner().invoke(
        app,
        ["ingest", "https://news.example/a", "--engine", "dask", "--scheduler", "tcp://x:1"],
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --engine: URLs, --feed, --sitemap and --feeds need --engine local\n"
    )


def test_a_feeds_file_without_feeds_is_a_usage_error(tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# nothing yet\n\n", encoding="utf-8")
    for command in (["ingest", "--feeds", str(feeds)], ["watch", "--feeds", str(feeds)]):
        result = CliRunner().invoke(app, [*command, "--db", f"sqlite:///{tmp_path / 'sw.db'}"])
        assert result.exit_code == 2
        assert result.stderr == f"error: {feeds} lists no feeds\n"
