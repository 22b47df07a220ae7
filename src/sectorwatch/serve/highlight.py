"""Marking up untrusted text safely: every piece of text is escaped before any tag is added.

- `segments(text, spans)`: overlapping spans become non-overlapping segments, each with the
  set of spans that cover it (so a person inside a quote gets both classes).
- `render_article(text, spans)`: those segments as escaped HTML, each linked to its page.
- `mark(text, query)`: search matches wrapped in <mark>, the rest escaped.
- `result_items(results, query)`: the search page's results as list items, every value
  escaped, titles and texts marked (what `search.html` showed item by item, made in one
  pass: a broad search shows hundreds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from sectorwatch.store import fts

KIND_PAGE = {
    "quote": "person",
    "speaker": "person",
    "person": "person",
    "organisation": "organisation",
    "role": "person",
    "event": "event",
}


@dataclass
class Segment:
    start: int
    end: int
    spans: list[dict[str, Any]] = field(default_factory=list)


def segments(text: str, spans: list[dict[str, Any]]) -> list[Segment]:
    """Cut `text` at every span boundary; each piece lists the spans covering it."""
    valid = [s for s in spans if 0 <= s["start"] < s["end"] <= len(text)]
    cuts = sorted({0, len(text), *(s["start"] for s in valid), *(s["end"] for s in valid)})
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in valid if s["start"] <= start and end <= s["end"]]
        covering.sort(key=lambda s: (s["end"] - s["start"], s["kind"]))  # innermost first
        out.append(Segment(start, end, covering))
    return out


def span_url(span: dict[str, Any]) -> str | None:
    target = span.get("target")
    if not target:
        return None
    page = KIND_PAGE.get(span["kind"], "person")
    if page == "person" and str(target).startswith("o-"):
        page = "organisation"  # a quote or role whose speaker or holder is an organisation
    return f"/{page}/{target}"


def render_article(text: str, spans: list[dict[str, Any]]) -> Markup:
    """The article as HTML: spans as <a>/<span> with one class per kind covering them."""
    parts: list[str] = []
    anchored: set[str] = set()
    for seg in segments(text, spans):
        piece = escape(text[seg.start : seg.end])
        if not seg.spans:
            parts.append(str(piece))
            continue
        kinds = sorted({s["kind"] for s in seg.spans})
        classes = " ".join(["hl", *(f"hl-{k}" for k in kinds)])
        stance = next((s.get("stance") for s in seg.spans if s["kind"] == "quote"), None)
        if stance:
            classes += f" stance-{re.sub(r'[^a-z]', '', stance)}"
        title = "; ".join(f"{s['kind']}: {s.get('label') or ''}" for s in seg.spans)
        anchor = ""
        for s in seg.spans:
            # quotes anchor as #q-ID, roles and events (their evidence) as #c-ID
            prefix = {"quote": "q", "role": "c", "event": "c"}.get(s["kind"])
            if prefix and s["id"] and s["id"] not in anchored:
                anchored.add(s["id"])
                anchor = f' id="{prefix}-{escape(s["id"])}"'
                break
        url = next((u for u in (span_url(s) for s in seg.spans) if u), None)
        if url:
            parts.append(
                f'<a class="{classes}"{anchor} href="{escape(url)}" title="{escape(title)}">'
                f"{piece}</a>"
            )
        else:
            parts.append(f'<span class="{classes}"{anchor} title="{escape(title)}">{piece}</span>')
    return Markup("".join(parts))


FURNITURE = ("boilerplate", "teaser")  # paragraph kinds that are the site's, not the article's


def render_parts(
    text: str, spans: list[dict[str, Any]], paragraphs: list[list[Any]]
) -> tuple[Markup, Markup]:
    """The article body and, apart, the site furniture ("Related news", teasers): each
    marked up as `render_article`, spans clipped to their part."""
    furniture = sorted(
        (int(p[0]), int(p[1])) for p in paragraphs if len(p) > 2 and p[2] in FURNITURE
    )
    if not furniture:
        return render_article(text, spans), Markup("")
    body: list[str] = []
    aside: list[str] = []
    pos = 0
    for start, end in [*furniture, (len(text), len(text))]:
        body.append(_piece(text, spans, pos, start))
        if end > start:
            aside.append(_piece(text, spans, start, end))
        pos = max(pos, end)
    return Markup("".join(body).strip("\n")), Markup("\n".join(aside))


def _piece(text: str, spans: list[dict[str, Any]], start: int, end: int) -> str:
    inside = [
        {**s, "start": max(s["start"], start) - start, "end": min(s["end"], end) - start}
        for s in spans
        if s["start"] < end and s["end"] > start
    ]
    return str(render_article(text[start:end], inside))


def mark(text: str | None, query: str) -> Markup:
    """`text` escaped, with the words of `query` (and their longer forms) in <mark>."""
    text = text or ""
    pattern = _pattern(query)
    if pattern is None:
        return Markup(escape(text))
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(str(escape(text[pos : m.start()])))
        out.append(f"<mark>{escape(m.group(0))}</mark>")
        pos = m.end()
    if not out:
        return Markup(escape(text))
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


@lru_cache(maxsize=256)
def _pattern(query: str) -> re.Pattern[str] | None:
    """The words and phrases of `query` the search itself matched (`fts.terms`), longest
    first, each with its longer forms; None when it has none. Made once a query: a page
    marks every result's title and text with it."""
    terms = fts.terms(query)
    if not terms:
        return None
    return re.compile(
        r"\b(?:" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")\w*",
        re.IGNORECASE,
    )


def result_items(results: list[dict[str, Any]], query: str) -> Markup:
    """The `<li>` of each search result (as `shapes.search` gives them): its type, its
    title linked and marked, its text marked, and its organisation, stance and year."""
    out = []
    for r in results:
        kind = escape(r["type"])
        out.append(f'    <li class="result result-{kind}">\n')
        out.append(f'      <span class="kind">{kind}</span>\n')
        out.append(f'      <a href="{escape(r["url"])}">{mark(r["title"], query)}</a>\n')
        if r["text"]:
            out.append(f"<p>{mark(r['text'], query)}</p>")
        meta = " · ".join(str(v) for v in (r["organisation"], r["stance"], r["year"]) if v)
        out.append(f'      <span class="meta">{escape(meta)}</span>\n    </li>\n')
    return Markup("".join(out))
