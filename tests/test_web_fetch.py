"""Fetching pages politely and safely, against a fictional site on 127.0.0.1.

Waits are counted, never timed: `WebOptions.sleep` and `clock` are replaced by a fake clock.
"""

from __future__ import annotations

import threading

import pytest
from web_site import STORIES, Reply, Site, page, story, story_text

from sectorwatch.ingest import ReadFailure
from sectorwatch.ingest.web import Source, WebOptions, read_web
from sectorwatch.ingest.web.fetch import Fetcher
from sectorwatch.ingest.web.guard import AllowList, Refused, kind_of, parse_url
from sectorwatch.model import Article

FENMOOR = "/news/fenmoor-chief-executive"
OSTMERE = "/news/ostmere-chair"


class FakeClock:
    """Time that passes only when someone sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


def options(fake: FakeClock | None = None, **changes) -> WebOptions:
    clock = fake or FakeClock()
    base = dict(
        allow="127.0.0.1",
        host_delay=0.0,
        timeout=30.0,  # generous: only the slow-response test asks for a short one
        backoff=0.5,
        concurrency=1,
        sleep=clock.sleep,
        clock=clock.clock,
    )
    return WebOptions(**{**base, **changes})


def read(site: Site, *paths: str, **changes) -> list[Article | ReadFailure]:
    sources = [Source("page", p if "://" in p else site.url(p)) for p in paths]
    return list(read_web(sources, Fetcher(options(**changes))))


@pytest.fixture
def site():
    with Site() as s:
        yield s


def test_a_page_becomes_an_article_whose_source_is_its_canonical_url(site):
    site.routes[FENMOOR] = story(
        FENMOOR, author="Tom Reyes", date="2024-05-01", canonical="/news/2024/fenmoor"
    )
    [article] = read(site, FENMOOR)
    assert isinstance(article, Article)
    assert article.source == site.url("/news/2024/fenmoor")
    assert article.text == story_text(FENMOOR)
    assert article.title == "Fenmoor trust names Lena Marsh chief executive"
    assert article.authors == ["Tom Reyes"]
    assert article.published == "2024-05-01"
    assert article.format == "html"
    assert site.paths() == ["/robots.txt", FENMOOR]


def test_redirects_are_followed_and_the_url_that_answered_is_the_source(site):
    site.routes["/old"] = Reply(301, headers={"Location": "/mid"})
    site.routes["/mid"] = Reply(302, headers={"Location": site.url(OSTMERE)})
    site.routes[OSTMERE] = story(OSTMERE)
    [article] = read(site, "/old")
    assert isinstance(article, Article)
    assert article.source == site.url(OSTMERE)
    assert site.paths() == ["/robots.txt", "/old", "/mid", OSTMERE]


def test_a_redirect_chain_longer_than_the_bound_fails(site):
    for n in range(5):
        site.routes[f"/r{n}"] = Reply(302, headers={"Location": f"/r{n + 1}"})
    assert read(site, "/r0", max_redirects=2) == [
        ReadFailure(site.url("/r0"), "too many redirects (more than 2)")
    ]
    assert site.paths() == ["/robots.txt", "/r0", "/r1", "/r2"]


def test_a_missing_page_fails_with_its_status_and_the_batch_goes_on(site):
    site.routes[OSTMERE] = story(OSTMERE)
    missing, found = read(site, "/gone", OSTMERE)
    assert missing == ReadFailure(site.url("/gone"), "HTTP 404 Not Found")
    assert isinstance(found, Article) and found.source == site.url(OSTMERE)


def test_429_is_retried_after_the_retry_after_the_server_asked_for(site):
    answers = iter([Reply(429, "slow down", {"Retry-After": "3"}), story(OSTMERE)])
    site.routes[OSTMERE] = lambda seen: next(answers)
    clock = FakeClock()
    [article] = read(site, OSTMERE, fake=clock)
    assert isinstance(article, Article)
    assert clock.sleeps == [3.0]
    assert site.paths() == ["/robots.txt", OSTMERE, OSTMERE]


def test_5xx_backs_off_exponentially_then_gives_up(site):
    site.routes["/busy"] = Reply(503, "busy")
    clock = FakeClock()
    result = read(site, "/busy", retries=2, fake=clock)
    assert result == [
        ReadFailure(site.url("/busy"), "HTTP 503 Service Unavailable after 3 attempts")
    ]
    assert clock.sleeps == [0.5, 1.0]


def test_a_retry_after_beyond_the_bound_is_not_waited_for(site):
    site.routes["/later"] = Reply(429, "", {"Retry-After": "3600"})
    clock = FakeClock()
    result = read(site, "/later", max_retry_after=60.0, fake=clock)
    assert result == [
        ReadFailure(
            site.url("/later"),
            "HTTP 429 Too Many Requests; Retry-After 3600 s is over the 60 s bound"
            " (SECTORWATCH_WEB_MAX_RETRY_AFTER)",
        )
    ]
    assert clock.sleeps == []


def test_a_response_slower_than_the_timeout_fails(site):
    site.routes["/slow"] = Reply(body="<p>late</p>", delay=5.0)
    site.routes[OSTMERE] = story(OSTMERE)
    slow, fine = read(site, "/slow", OSTMERE, timeout=1.0)
    assert slow == ReadFailure(site.url("/slow"), "timed out after 1 s")
    assert isinstance(fine, Article)


def test_a_body_over_the_size_cap_is_not_read(site):
    site.routes["/huge"] = Reply(body="<p>" + "x" * 5000 + "</p>")
    assert read(site, "/huge", max_bytes=2000) == [
        ReadFailure(
            site.url("/huge"),
            "response is 5 kB, over the 2 kB limit; raise it with SECTORWATCH_WEB_MAX_BYTES",
        )
    ]


def test_a_page_that_is_not_html_fails_when_named(site):
    site.routes["/report.pdf"] = Reply(
        body=b"%PDF-1.7", headers={"Content-Type": "application/pdf"}
    )
    assert read(site, "/report.pdf") == [
        ReadFailure(site.url("/report.pdf"), "not HTML (application/pdf)")
    ]


def test_robots_txt_keeps_the_crawler_out_of_a_disallowed_path(site):
    site.routes["/robots.txt"] = Reply(
        body="User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"}
    )
    site.routes["/private/memo"] = story(OSTMERE)
    site.routes[FENMOOR] = story(FENMOOR)
    refused, allowed = read(site, "/private/memo", FENMOOR)
    assert refused == ReadFailure(site.url("/private/memo"), "disallowed by robots.txt")
    assert isinstance(allowed, Article)
    assert site.paths() == ["/robots.txt", FENMOOR]


def test_robots_txt_crawl_delay_lengthens_the_per_host_delay(site):
    site.routes["/robots.txt"] = Reply(
        body="User-agent: Sectorwatch\nCrawl-delay: 5\n", headers={"Content-Type": "text/plain"}
    )
    site.routes[FENMOOR] = story(FENMOOR)
    site.routes[OSTMERE] = story(OSTMERE)
    clock = FakeClock()
    read(site, FENMOOR, OSTMERE, host_delay=2.0, fake=clock)
    # robots.txt at 0 s; the first page 2 s later (host delay); the next 5 s after that
    assert clock.sleeps == [2.0, 5.0]


def test_the_user_agent_names_the_product_and_the_contact(site):
    site.routes[FENMOOR] = story(FENMOOR)
    read(site, FENMOOR, contact="newsdesk@example.org")
    agents = {r.headers["user-agent"] for r in site.requests}
    assert agents == {"Sectorwatch/0.1.0 (+mailto:newsdesk@example.org)"}


def test_only_one_request_at_a_time_goes_to_a_host_by_default(site):
    active, most = [0], [0]
    lock = threading.Lock()

    def counted(path):
        def reply(seen):
            with lock:
                active[0] += 1
                most[0] = max(most[0], active[0])
            try:
                return Reply(body=story(path).body, delay=0.05)
            finally:
                with lock:
                    active[0] -= 1

        return reply

    for path in STORIES:
        site.routes[path] = counted(path)
    items = read(site, *STORIES, concurrency=4, host_concurrency=1)
    assert [type(i) for i in items] == [Article, Article, Article]
    assert most[0] == 1


def test_host_concurrency_lets_that_many_requests_run_together(site):
    both = threading.Barrier(2, timeout=10)

    def together(path):
        def reply(seen):
            both.wait()  # answers only when a second request is in flight at the same time
            return story(path)

        return reply

    site.routes[FENMOOR] = together(FENMOOR)
    site.routes[OSTMERE] = together(OSTMERE)
    items = read(site, FENMOOR, OSTMERE, concurrency=4, host_concurrency=2)
    assert [i.source for i in items] == [site.url(FENMOOR), site.url(OSTMERE)]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://files.example/story.html", "only http and https URLs are read, not ftp:"),
        ("file:///etc/passwd", "only http and https URLs are read, not file:"),
        ("http:///nohost", "the URL has no host"),
    ],
)
def test_only_http_and_https_urls_are_read(url, reason):
    assert list(read_web([Source("page", url)], Fetcher(options()))) == [ReadFailure(url, reason)]


def test_the_loopback_test_server_itself_is_refused_without_the_allow_setting(site):
    site.routes[FENMOOR] = story(FENMOOR)
    assert read(site, FENMOOR, allow=None) == [
        ReadFailure(
            site.url(FENMOOR),
            "refused: 127.0.0.1 is a loopback address;"
            " allow it with SECTORWATCH_WEB_ALLOW if it is yours",
        )
    ]
    assert site.requests == []


def test_a_redirect_to_a_private_address_is_refused(site):
    site.routes["/go"] = Reply(302, headers={"Location": "http://10.0.0.9/admin"})
    assert read(site, "/go") == [
        ReadFailure(
            site.url("/go"),
            "refused: 10.0.0.9 is a private address;"
            " allow it with SECTORWATCH_WEB_ALLOW if it is yours",
        )
    ]
    assert site.paths() == ["/robots.txt", "/go"]


def test_the_allow_list_takes_hosts_addresses_and_networks():
    import ipaddress

    allow = AllowList.parse("127.0.0.1, 10.20.0.0/16 ,intranet.example")
    assert allow.permits("x", ipaddress.ip_address("127.0.0.1"))
    assert not allow.permits("x", ipaddress.ip_address("127.0.0.2"))
    assert allow.permits("x", ipaddress.ip_address("10.20.3.4"))
    assert not allow.permits("x", ipaddress.ip_address("10.21.0.1"))
    assert allow.permits("intranet.example", ipaddress.ip_address("192.168.1.1"))


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("169.254.169.254", "link-local"),
        ("::ffff:10.0.0.1", "private"),
        ("100.64.0.1", "non-public"),
        ("0.0.0.0", "unspecified"),
        ("93.184.215.14", None),
    ],
)
def test_addresses_that_are_not_public_are_named(address, kind):
    import ipaddress

    assert kind_of(ipaddress.ip_address(address)) == kind


def test_a_url_that_is_not_a_url_is_refused():
    with pytest.raises(Refused, match="not a valid URL"):
        parse_url("http://example.org:99999/")


def test_a_compressed_body_is_capped_after_decompression(site):
    import gzip

    bomb = gzip.compress(b"<p>" + b"a" * 200_000 + b"</p>")
    site.routes["/bomb"] = Reply(body=bomb, headers={"Content-Encoding": "gzip"})
    assert len(bomb) < 2000
    assert read(site, "/bomb", max_bytes=2000) == [
        ReadFailure(
            site.url("/bomb"),
            "response is larger than the 2 kB limit; raise it with SECTORWATCH_WEB_MAX_BYTES",
        )
    ]


def test_web_options_come_from_sectorwatch_web_settings():
    from sectorwatch.settings import Settings

    settings = Settings.from_env(
        {
            "SECTORWATCH_WEB_TIMEOUT": "2.5",
            "SECTORWATCH_WEB_HOST_DELAY": "0",
            "SECTORWATCH_WEB_HOST_CONCURRENCY": "2",
            "SECTORWATCH_WEB_ALLOW": "127.0.0.1",
            "SECTORWATCH_WEB_CONTACT": "https://newsroom.example/contact",
        }
    )
    web = WebOptions.from_settings(settings)
    assert (web.timeout, web.host_delay, web.host_concurrency, web.allow) == (
        2.5,
        0.0,
        2,
        "127.0.0.1",
    )
    assert web.user_agent == "Sectorwatch/0.1.0 (+https://newsroom.example/contact)"
    assert WebOptions().user_agent == "Sectorwatch/0.1.0"


def test_a_robots_txt_that_cannot_be_read_keeps_the_crawler_off_the_site(site):
    site.routes["/robots.txt"] = Reply(503, "down")
    site.routes[FENMOOR] = story(FENMOOR)
    assert read(site, FENMOOR) == [
        ReadFailure(
            site.url(FENMOOR),
            f"robots.txt of {site.base} cannot be read"
            " (HTTP 503 Service Unavailable after 3 attempts); not fetched",
        )
    ]
    assert site.paths() == ["/robots.txt"] * 3


def test_a_host_that_refuses_connections_is_named():
    import socket

    with socket.socket() as probe:  # a port that was free a moment ago, now closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"
    assert list(read_web([Source("page", url)], Fetcher(options()))) == [
        ReadFailure(url, f"cannot connect to 127.0.0.1:{port} (Connection refused)")
    ]


def test_a_wrong_charset_header_falls_back_to_detection(site):
    title, paragraphs = STORIES[OSTMERE]
    body = page(title, paragraphs).encode("cp1252")  # curly quotes as 0x93 / 0x94
    site.routes[OSTMERE] = Reply(body=body, headers={"Content-Type": "text/html; charset=utf-8"})
    [article] = read(site, OSTMERE)
    assert isinstance(article, Article)
    assert article.text == story_text(OSTMERE)
    assert article.encoding == "cp1252"


def test_a_link_with_spaces_and_accents_is_escaped_before_it_is_asked_for(site):
    site.routes["/news/ostmere%20chair%C3%A9"] = story(OSTMERE)
    [article] = read(site, "/news/ostmere chairé")
    assert isinstance(article, Article)
    assert site.paths() == ["/robots.txt", "/news/ostmere%20chair%C3%A9"]


def test_an_unexpected_error_on_one_page_fails_that_page_alone(site, monkeypatch):
    import sectorwatch.ingest.web.pages as pages

    real = pages.page_article

    def broken(response, link):
        if link.url.endswith("/boom"):
            raise RuntimeError("parser exploded")
        return real(response, link)

    monkeypatch.setattr(pages, "page_article", broken)
    site.routes["/boom"] = story(FENMOOR)
    site.routes[OSTMERE] = story(OSTMERE)
    boom, fine = read(site, "/boom", OSTMERE)
    assert boom == ReadFailure(site.url("/boom"), "cannot be read (RuntimeError: parser exploded)")
    assert isinstance(fine, Article)


def test_a_hosts_pages_are_asked_for_in_the_order_of_the_links(site):
    for path in STORIES:
        site.routes[path] = story(path)
    paths = list(reversed(STORIES))
    items = read(site, *paths, concurrency=4, host_concurrency=1)
    assert [i.source for i in items] == [site.url(p) for p in paths]
    assert site.paths() == ["/robots.txt", *paths]


def test_a_canonical_url_on_another_site_is_not_believed(site):
    site.routes[FENMOOR] = story(FENMOOR, canonical="https://rival-news.example/story")
    [article] = read(site, FENMOOR)
    assert article.source == site.url(FENMOOR)


@pytest.mark.parametrize(
    ("url", "base", "same"),
    [
        ("https://www.chronicle.example/a", "https://chronicle.example/b", True),
        ("https://chronicle.example/a", "https://amp.chronicle.example/b", True),
        ("https://amp.chronicle.example/a", "https://www.chronicle.example/b", False),
        ("https://chronicle.example.evil/a", "https://chronicle.example/b", False),
    ],
)
def test_same_site_is_one_host_or_its_subdomain(url, base, same):
    from sectorwatch.ingest.web.pages import same_site

    assert same_site(url, base) is same


def test_a_host_name_the_resolver_never_answers_for_fails_within_the_timeout(monkeypatch):
    import socket

    from sectorwatch.ingest.web import guard

    answered = threading.Event()

    def never(*_args, **_kwargs):
        answered.wait(5)  # a resolver that hangs (released when the test ends)
        raise socket.gaierror("no answer")

    monkeypatch.setattr(guard.socket, "getaddrinfo", never)
    url = "http://stalled.example/story"
    try:
        failures = list(read_web([Source("page", url)], Fetcher(options(timeout=0.2))))
    finally:
        answered.set()
    assert failures == [
        ReadFailure(
            url, "cannot resolve stalled.example: no answer within 0.2 s (SECTORWATCH_WEB_TIMEOUT)"
        )
    ]
