"""Feeds (RSS 2.0, Atom 1.0), sitemaps and sitemap indexes, and the file of feeds."""

from __future__ import annotations

import gzip

import pytest
from test_web_fetch import FENMOOR, OSTMERE, options
from web_site import RSS, STORIES, XML, Reply, Site, atom, page, rss, story

from sectorwatch.cli._web import feeds_file
from sectorwatch.ingest.web import Source, WebReport, read_web
from sectorwatch.ingest.web.fetch import Fetcher
from sectorwatch.model import Article

HARLOW = "/news/harlow-vale-chief-nurse"


@pytest.fixture
def site():
    with Site() as s:
        yield s


def read(site: Site, kind: str, path: str, report: WebReport | None = None, **changes):
    source = Source(kind, site.url(path))  # type: ignore[arg-type]
    return list(read_web([source], Fetcher(options(**changes)), report=report))


def summary(items):
    return [
        (i.source, i.title, i.authors, i.published)
        if isinstance(i, Article)
        else (i.source, i.reason, i.outcome)
        for i in items
    ]


def test_rss_items_are_followed_and_fill_what_the_page_lacks(site):
    headline, paragraphs = STORIES[OSTMERE]
    site.routes[OSTMERE] = Reply(body=page("", paragraphs))  # no title, author or date
    site.routes[FENMOOR] = story(FENMOOR, author="Tom Reyes", date="2024-05-01")
    site.routes["/feed.xml"] = Reply(
        body=rss(
            [
                {
                    "title": headline,
                    "link": site.url(OSTMERE),
                    "dc:creator": "Ada Finch",
                    "pubDate": "Thu, 02 May 2024 08:30:00 GMT",
                },
                {
                    "title": "A feed title the page overrides",
                    "link": FENMOOR,  # relative: resolved against the feed's URL
                    "dc:creator": "Somebody Else",
                    "pubDate": "Fri, 26 Apr 2024 08:30:00 GMT",
                },
            ]
        ),
        headers=RSS,
    )
    report = WebReport()
    assert summary(read(site, "feed", "/feed.xml", report)) == [
        (site.url(OSTMERE), headline, ["Ada Finch"], "2024-05-02"),
        (
            site.url(FENMOOR),
            "Fenmoor trust names Lena Marsh chief executive",
            ["Tom Reyes"],
            "2024-05-01",
        ),
    ]
    assert (report.feeds, report.links, report.feeds_failed) == (1, 2, 0)


def test_atom_entries_are_followed_with_their_authors_and_dates(site):
    site.routes[HARLOW] = Reply(body=page("", STORIES[HARLOW][1]))
    site.routes["/atom.xml"] = Reply(
        body=atom(
            [
                {
                    "title": "Harlow Vale appoints chief nurse",
                    "link": site.url(HARLOW),
                    "updated": "2024-05-03T10:00:00Z",
                    "published": "2024-05-02T18:00:00Z",
                    "author": "Nia Clough",
                }
            ]
        ),
        headers={"Content-Type": "application/atom+xml"},
    )
    assert summary(read(site, "feed", "/atom.xml")) == [
        (site.url(HARLOW), "Harlow Vale appoints chief nurse", ["Nia Clough"], "2024-05-02")
    ]


def test_a_page_given_as_a_feed_fails_and_names_what_it_was(site):
    site.routes["/news"] = Reply(body=page("News", ["Latest stories"]))
    assert summary(read(site, "feed", "/news")) == [
        (site.url("/news"), "not an RSS or Atom feed (text/html)", "failed")
    ]


def test_a_missing_feed_fails_with_its_status(site):
    assert summary(read(site, "feed", "/nofeed.xml")) == [
        (site.url("/nofeed.xml"), "HTTP 404 Not Found", "failed")
    ]


def test_a_sitemap_index_is_followed_to_its_sitemaps_and_their_pages(site):
    for path in STORIES:
        site.routes[path] = story(path)
    site.routes["/sitemap_index.xml"] = Reply(
        body=(
            '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{site.url('/sitemap-news.xml')}</loc></sitemap>"
            f"<sitemap><loc>{site.url('/sitemap-old.xml.gz')}</loc></sitemap>"
            "</sitemapindex>"
        ),
        headers=XML,
    )
    site.routes["/sitemap-news.xml"] = Reply(
        body=(
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
            ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"<url><loc>{site.url(FENMOOR)}</loc><news:news><news:publication_date>"
            "2024-05-01T09:00:00+01:00</news:publication_date><news:title>Fenmoor names"
            " chief executive</news:title></news:news></url>"
            f"<url><loc>{site.url(OSTMERE)}</loc><lastmod>2024-05-04</lastmod></url>"
            "</urlset>"
        ),
        headers=XML,
    )
    site.routes["/sitemap-old.xml.gz"] = Reply(
        body=gzip.compress(
            (
                '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<url><loc>{site.url(HARLOW)}</loc></url></urlset>"
            ).encode()
        ),
        headers={"Content-Type": "application/x-gzip"},
    )
    items = read(site, "sitemap", "/sitemap_index.xml")
    assert [i.source for i in items] == [site.url(FENMOOR), site.url(OSTMERE), site.url(HARLOW)]
    assert all(isinstance(i, Article) for i in items)


def test_a_sitemap_with_entities_is_read_without_expanding_them(site):
    site.routes["/evil.xml"] = Reply(
        body=(
            '<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            "<url><loc>&x;</loc></url></urlset>"
        ),
        headers=XML,
    )
    assert read(site, "sitemap", "/evil.xml") == []
    assert site.paths() == ["/robots.txt", "/evil.xml"]


def test_a_feed_item_on_a_private_address_is_refused(site):
    site.routes[FENMOOR] = story(FENMOOR)
    site.routes["/feed.xml"] = Reply(
        body=rss(
            [
                {"title": "Fine", "link": site.url(FENMOOR)},
                {"title": "Internal", "link": "http://10.0.0.7/admin"},
                {"title": "Other loopback", "link": f"http://127.0.0.2:{site.port}/x"},
            ]
        ),
        headers=RSS,
    )
    hint = "allow it with SECTORWATCH_WEB_ALLOW if it is yours"
    assert summary(read(site, "feed", "/feed.xml")) == [
        (
            site.url(FENMOOR),
            "Fenmoor trust names Lena Marsh chief executive",
            [],
            None,
        ),
        ("http://10.0.0.7/admin", f"refused: 10.0.0.7 is a private address; {hint}", "failed"),
        (
            f"http://127.0.0.2:{site.port}/x",
            f"refused: 127.0.0.2 is a loopback address; {hint}",
            "failed",
        ),
    ]
    assert site.paths() == ["/robots.txt", "/feed.xml", FENMOOR]


def test_feed_items_robots_txt_disallows_are_skipped_not_failed(site):
    site.routes["/robots.txt"] = Reply(
        body="User-agent: Sectorwatch\nDisallow: /members/\n",
        headers={"Content-Type": "text/plain"},
    )
    site.routes["/feed.xml"] = Reply(
        body=rss([{"title": "Members only", "link": site.url("/members/a")}]), headers=RSS
    )
    assert summary(read(site, "feed", "/feed.xml")) == [
        (site.url("/members/a"), "disallowed by robots.txt", "skipped")
    ]


def test_a_feed_item_that_is_not_html_is_skipped(site):
    site.routes["/board-papers.pdf"] = Reply(
        body=b"%PDF-1.7", headers={"Content-Type": "application/pdf"}
    )
    site.routes["/feed.xml"] = Reply(
        body=rss([{"title": "Papers", "link": site.url("/board-papers.pdf")}]), headers=RSS
    )
    assert summary(read(site, "feed", "/feed.xml")) == [
        (site.url("/board-papers.pdf"), "not HTML (application/pdf)", "skipped")
    ]


def test_the_feeds_file_has_one_url_a_line_comments_and_sitemap_lines(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text(
        "# outlets\n"
        "https://news.example/feed.xml\n"
        "\n"
        "sitemap https://trust.example/sitemap.xml  # newsroom\n"
        "feed http://regulator.example/atom\n",
        encoding="utf-8",
    )
    assert feeds_file(str(path)) == [
        Source("feed", "https://news.example/feed.xml"),
        Source("sitemap", "https://trust.example/sitemap.xml"),
        Source("feed", "http://regulator.example/atom"),
    ]


def test_a_feeds_file_line_that_is_not_a_url_is_named(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("https://news.example/feed.xml\nnews.example/rss\n", encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        feeds_file(str(path))
    assert str(caught.value) == f"{path}:2: not an http or https URL: 'news.example/rss'"


def test_an_item_in_two_feeds_is_fetched_once_in_first_seen_order(site):
    for path in (FENMOOR, OSTMERE, HARLOW):
        site.routes[path] = story(path)
    site.routes["/a.xml"] = Reply(
        body=rss([{"title": "F", "link": FENMOOR}, {"title": "O", "link": OSTMERE}]), headers=RSS
    )
    site.routes["/b.xml"] = Reply(
        body=rss([{"title": "H", "link": HARLOW}, {"title": "F", "link": FENMOOR}]), headers=RSS
    )
    sources = [Source("feed", site.url("/a.xml")), Source("feed", site.url("/b.xml"))]
    report = WebReport()
    items = list(read_web(sources, Fetcher(options()), report=report))
    assert [i.source for i in items] == [site.url(p) for p in (FENMOOR, OSTMERE, HARLOW)]
    assert site.paths().count(FENMOOR) == 1
    assert (report.feeds, report.links) == (2, 3)


def test_a_news_sitemap_title_and_date_fill_what_the_page_lacks(site):
    site.routes[HARLOW] = Reply(body=page("", STORIES[HARLOW][1]))
    site.routes["/news-sitemap.xml"] = Reply(
        body=(
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
            ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"<url><loc>{site.url(HARLOW)}</loc><news:news>"
            "<news:publication_date>2024-05-03T07:45:00+01:00</news:publication_date>"
            "<news:title>Harlow Vale names chief nurse</news:title></news:news></url></urlset>"
        ),
        headers=XML,
    )
    assert summary(read(site, "sitemap", "/news-sitemap.xml")) == [
        (site.url(HARLOW), "Harlow Vale names chief nurse", [], "2024-05-03")
    ]
