"""`ingest`, `who`, `orgchart`, `person`, `reactions`, `timeline`, `search`, `export`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer

from sectorwatch.cli import _scale_options as scale
from sectorwatch.cli import _web as web
from sectorwatch.cli._store_options import (
    ALL,
    DB,
    JSON,
    ask_store,
    bad_usage,
    choice,
    date_option,
    date_range,
    evidence_line,
    run_query,
)
from sectorwatch.errors import SectorwatchError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from sectorwatch.query.person import PersonAnswer
    from sectorwatch.query.reactions import Reactions
    from sectorwatch.query.search import SearchResult
    from sectorwatch.query.timeline import Timeline
    from sectorwatch.query.who import WhoAnswer


def ingest(
    paths: list[str] | None = typer.Argument(
        None, help="Files, folders, - for standard input, or http(s) URLs of pages."
    ),
    db: str | None = DB,
    batch_size: int | None = typer.Option(None, help="Articles per transaction."),
    as_json: bool = JSON,
    workers: int | None = scale.WORKERS,
    engine: str = scale.ENGINE,
    scheduler: str | None = scale.SCHEDULER,
    silent: bool = scale.SILENT,
    stop_after: int | None = scale.STOP_AFTER,
    domains: str | None = scale.DOMAINS,
    keywords: str | None = scale.KEYWORDS,
    no_dedup: bool = scale.NO_DEDUP,
    feed: list[str] | None = web.FEED,
    sitemap: list[str] | None = web.SITEMAP,
    feeds: str | None = web.FEEDS,
) -> None:
    """Read, extract and store articles; print what was ingested, unchanged, skipped, failed."""
    local, sources = web.split_inputs(paths, feed, sitemap, feeds)
    scale.run_ingest(
        local,
        db,
        batch_size,
        as_json,
        workers,
        engine,
        scheduler,
        silent,
        stop_after,
        domains,
        keywords,
        no_dedup,
        web_sources=sources,
    )


def who(
    organisation: str = typer.Argument(..., help="Organisation name, alias or id."),
    role: str = typer.Option(..., "--role", help='Role, e.g. "chief executive".'),
    on: str | None = date_option("--on", "Date: 2019, 2019-03 or 2019-03-04 (default today)."),
    show_all: bool = ALL,
    db: str | None = DB,
    as_json: bool = JSON,
) -> None:
    """Who held ROLE at ORGANISATION on a date: holders, status and evidence."""
    from sectorwatch.query.who import who as ask

    run_query(
        db,
        lambda engine: ask(engine, organisation, role, on, include_all=show_all),
        lambda found: _show_who(found, show_all),
        as_json=as_json,
    )


def _show_who(answer: WhoAnswer, show_all: bool) -> None:
    from sectorwatch.query.lineage import describe_change

    typer.echo(f"{answer.role}, {answer.organisation}, on {answer.on}:")
    for c in (*answer.predecessors, *answer.successors):
        typer.echo(f"  {describe_change(c)}")
    if answer.note is not None or not answer.holders:
        typer.echo("  nobody known" + (f" (the evidence: {answer.note})" if answer.note else ""))
    for h in answer.holders:
        kind = "" if h.kind == "substantive" or h.kind == h.status else f", {h.kind}"
        typer.echo(f"  {h.name} ({h.status}{kind}): {h.basis}")
        typer.echo(evidence_line(h.evidence))
        if show_all:
            for alt in h.alternatives:
                typer.echo(f"    also: {alt.status} ({alt.origin})")
                typer.echo(evidence_line(alt.evidence, "      "))


ORGCHART_FORMATS = ("text", "json", "dot", "svg")
SEARCH_KINDS = ("quote", "article")
STANCES = ("welcome", "concern", "mixed", "neutral")


def _span(start: str | None, end: str | None) -> str:
    if not start and not end:
        return ""
    return f" {start or '?'} – {end or ''}".rstrip()


def orgchart(
    organisation: str = typer.Argument(...),
    on: str | None = date_option("--on", "Date: 2019, 2019-03 or 2019-03-04 (default today)."),
    fmt: str = typer.Option("text", "--format", help="text, json, dot or svg."),
    db: str | None = DB,
    as_json: bool = JSON,
) -> None:
    """An organisation's posts, holders and reporting lines valid on a date."""
    fmt = "json" if as_json else fmt
    choice(fmt, "--format", ORGCHART_FORMATS)
    from sectorwatch import render
    from sectorwatch.query.orgchart import orgchart as ask

    drawn = {"dot": render.to_dot, "svg": render.to_svg, "text": render.to_text}
    run_query(
        db,
        lambda engine: ask(engine, organisation, on),
        lambda chart: typer.echo(drawn[fmt](chart)),
        as_json=fmt == "json",
    )


def person(name: str = typer.Argument(...), db: str | None = DB, as_json: bool = JSON) -> None:
    """A person's roles over time, events and quotes."""
    from sectorwatch.query.person import person as ask

    run_query(db, lambda engine: ask(engine, name), _show_person, as_json=as_json)


def _show_person(answer: PersonAnswer) -> None:
    typer.echo(f"{answer.name} [{answer.id}]")
    typer.echo("Roles:")
    for r in answer.roles:
        typer.echo(
            f"  {r.role}, {r.organisation or '?'} ({r.status})" + _span(r.valid_from, r.valid_to)
        )
        typer.echo(evidence_line(r.evidence[0] if r.evidence else None))
    typer.echo("Events:")
    for e in answer.events:
        typer.echo(
            f"  {e.when or 'undated'} {e.type} {e.role or ''} {e.organisation or ''}".rstrip()
        )
        typer.echo(evidence_line(e.evidence))
    typer.echo("Quotes:")
    for q in answer.quotes:
        typer.echo(f"  [{q.stance}] “{q.text}” ({q.published or 'undated'}, {q.claim_id})")


def reactions(
    target: str = typer.Argument(..., help="An event's claim id, a person or an organisation."),
    db: str | None = DB,
    as_json: bool = JSON,
) -> None:
    """Quotes about an event, person or organisation, grouped by stance and organisation."""
    from sectorwatch.query.reactions import reactions as ask

    run_query(db, lambda engine: ask(engine, target), _show_reactions, as_json=as_json)


def _show_reactions(answer: Reactions) -> None:
    quotes = {q.claim_id: q for q in answer.quotes}
    typer.echo(f"Reactions to {answer.target}: {len(answer.quotes)} quotes")
    for stance, ids in answer.by_stance.items():
        typer.echo(f"{stance} ({len(ids)}):")
        for cid in ids:
            q = quotes[cid]
            who = q.speaker or "unknown speaker"
            where = ", ".join(x for x in (q.speaker_role, q.speaker_organisation) if x)
            typer.echo(f"  {who}" + (f" ({where})" if where else "") + f": “{q.text}”")
            typer.echo(evidence_line(q.evidence))
    typer.echo(
        "By organisation: " + "; ".join(f"{o}: {len(i)}" for o, i in answer.by_organisation.items())
    )
    if answer.statements:
        typer.echo(f"Statements by the subject ({len(answer.statements)}):")
        for q in answer.statements:
            typer.echo(f"  {q.speaker or 'unknown speaker'}: “{q.text}”")
            typer.echo(evidence_line(q.evidence))


def timeline(
    target: str = typer.Argument(...),
    date_from: str | None = date_option("--from", "Leave out what is dated before this."),
    date_to: str | None = date_option("--to", "Leave out what is dated after this."),
    db: str | None = DB,
    as_json: bool = JSON,
) -> None:
    """Dated events, roles and organisation changes of an organisation or person."""
    date_range(date_from, date_to)
    from sectorwatch.query.timeline import timeline as ask

    run_query(
        db, lambda engine: ask(engine, target, date_from, date_to), _show_timeline, as_json=as_json
    )


def _show_timeline(answer: Timeline) -> None:
    typer.echo(f"Timeline of {answer.target}")
    for e in answer.entries:
        seen = f" ({e.articles} articles)" if e.articles > 1 else ""
        typer.echo(f"  {e.date or 'undated':10} {e.summary}{seen}")
        typer.echo(evidence_line(e.evidence, "      "))


def search(
    text: str = typer.Argument(...),
    kind: str | None = typer.Option(None, help="quote or article"),
    stance: str | None = typer.Option(None, help="welcome, concern, mixed or neutral"),
    organisation: str | None = typer.Option(None, help="The speaker's organisation."),
    date_from: str | None = date_option("--from", "Leave out what is dated before this."),
    date_to: str | None = date_option("--to", "Leave out what is dated after this."),
    limit: int = typer.Option(20, help="At most this many quotes and articles (1 to 500)."),
    offset: int = typer.Option(0, help="Skip this many quotes and articles: a later page."),
    db: str | None = DB,
    as_json: bool = JSON,
) -> None:
    """Full-text search over quotes and articles, a page at a time."""
    choice(kind, "--kind", SEARCH_KINDS)
    choice(stance, "--stance", STANCES)
    date_range(date_from, date_to)
    from sectorwatch.query.search import search as ask
    from sectorwatch.query.search_input import check_limit, check_offset, normalise_query

    try:
        check_limit(limit)
        check_offset(offset)
        if not normalise_query(text):
            typer.echo(f"no words to search for in {text!r}", err=True)
    except SectorwatchError as exc:
        bad_usage(exc)

    def asked(engine: Engine) -> SearchResult:
        return ask(
            engine, text, kind=kind, stance=stance, organisation=organisation,
            date_from=date_from, date_to=date_to, limit=limit, offset=offset,
        )  # fmt: skip

    run_query(db, asked, _show_search, as_json=as_json)


def _show_search(result: SearchResult) -> None:
    typer.echo(f"Quotes ({len(result.quotes)}):")
    for q in result.quotes:
        typer.echo(f"  [{q.stance}] {q.speaker or 'unknown'}: “{q.text}”")
        typer.echo(evidence_line(q.evidence))
    typer.echo(f"Articles ({len(result.articles)}):")
    for a in result.articles:
        typer.echo(
            f"  {a.published or 'undated'} {a.title or a.source} [{a.article_id}]\n    {a.snippet}"
        )
    after = result.offset + (result.limit or 0)
    more = after < max(result.quote_total, result.article_total)
    if result.offset or more:
        quotes = _shown(result.offset, len(result.quotes), result.quote_total)
        articles = _shown(result.offset, len(result.articles), result.article_total)
        limit = f" --limit {result.limit}" if result.limit != 20 else ""
        following = f"; next page: --offset {after}{limit}" if more else ""
        typer.echo(f"Results: quotes {quotes}, articles {articles}{following}")


def _shown(offset: int, shown: int, total: int) -> str:
    """Which of `total` a page shows: "21-40 of 93", or "none of 93" past the last."""
    return f"{offset + 1}-{offset + shown} of {total}" if shown else f"none of {total}"


def export(
    fmt: str = typer.Option("jsonl", "--format", help="jsonl, csv, ftm or graphml"),
    db: str | None = DB,
) -> None:
    """Write the whole store to standard output."""
    from sectorwatch.query.export import FORMATS
    from sectorwatch.query.export import export as run

    choice(fmt, "--format", FORMATS)
    for line in run(ask_store(db, lambda engine: engine), fmt):
        sys.stdout.write(line)


def register(app: typer.Typer) -> None:
    for command in (ingest, who, orgchart, person, reactions, timeline, search, export):
        app.command()(command)
