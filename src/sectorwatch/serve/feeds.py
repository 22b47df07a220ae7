"""Atom feeds (RFC 4287) of new events: everything (/events.atom, with any of the index's
filters), per organisation, per person and per search (`.atom` on those pages).

Entries are the newest reports first (50 at most); an entry's id is its page's URL, its
`updated` the date the event was reported (a partial date stands for its first day).
Every text goes through ElementTree, which escapes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree as ET

from starlette.requests import Request
from starlette.responses import Response

from sectorwatch import dates

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml; charset=utf-8"
LIMIT = 50
EPOCH = "1970-01-01T00:00:00Z"


@dataclass(frozen=True)
class Entry:
    path: str  # the entry's page on this site
    title: str
    reported: str | None  # a partial date
    summary: str


def _stamp(value: str | None) -> str:
    if not value or not dates.is_partial_date(value):
        return EPOCH
    return dates.interval(value)[0].isoformat() + "T00:00:00Z"


def describe(selected: dict[str, str]) -> str:
    """' (type: departure, year: 2019)' for the chosen facets; '' for none."""
    chosen = [f"{k.replace('_', ' ')}: {v}" for k, v in selected.items() if v]
    return f" ({', '.join(chosen)})" if chosen else ""


def event_entry(row: dict[str, Any]) -> Entry:
    """An entry for an event, from an index row or an event of a page's JSON twin."""
    person = row.get("person")
    if isinstance(person, dict):
        person = person.get("name")
    organisation = row.get("organisation")
    if isinstance(organisation, dict):
        organisation = organisation.get("name")
    if isinstance(organisation, list):
        organisation = ", ".join(organisation)
    what = ", ".join(str(p) for p in (person, row.get("role"), organisation) if p)
    kind = str(row.get("type") or "event").replace("_", " ")
    when = row.get("date") or row.get("effective")
    return Entry(
        f"/event/{row['id']}",
        f"{kind}: {what}" if what else kind,
        row.get("reported") or row.get("observed"),
        (f"{row.get('status') or ''} {('· ' + str(when)) if when else ''}".strip() + "\n")
        + str(row.get("sentence") or ""),
    )


def feed(request: Request, title: str, entries: list[Entry]) -> Response:
    """The Atom document for `entries` (newest first), linked to the page it follows."""
    base = str(request.base_url).rstrip("/")
    page = request.url.path
    query = f"?{request.url.query}" if request.url.query else ""
    entries = sorted(entries, key=lambda e: _stamp(e.reported), reverse=True)[:LIMIT]
    root = ET.Element("feed", xmlns=ATOM)
    ET.SubElement(root, "title").text = f"{title} · Sectorwatch"
    ET.SubElement(root, "id").text = f"{base}{page}.atom{query}"
    ET.SubElement(root, "updated").text = max((_stamp(e.reported) for e in entries), default=EPOCH)
    ET.SubElement(ET.SubElement(root, "author"), "name").text = "Sectorwatch"
    ET.SubElement(root, "link", rel="self", href=f"{base}{page}.atom{query}")
    ET.SubElement(root, "link", rel="alternate", type="text/html", href=f"{base}{page}{query}")
    for e in entries:
        item = ET.SubElement(root, "entry")
        ET.SubElement(item, "title").text = e.title
        ET.SubElement(item, "id").text = f"{base}{e.path}"
        ET.SubElement(item, "updated").text = _stamp(e.reported)
        ET.SubElement(item, "link", rel="alternate", type="text/html", href=f"{base}{e.path}")
        ET.SubElement(item, "summary").text = e.summary
    body = b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8")
    return Response(body, media_type=MEDIA_TYPE)


def events_feed(request: Request, title: str, rows: list[dict[str, Any]]) -> Response:
    return feed(request, title, [event_entry(r) for r in rows])


def search_entry(row: dict[str, Any]) -> Entry:
    """An entry for a search result (its `url`, `title`, `text` and date)."""
    kind = str(row.get("type") or "")
    return Entry(row["url"], f"{kind}: {row.get('title') or ''}", row.get("published"),
                 str(row.get("text") or ""))  # fmt: skip
