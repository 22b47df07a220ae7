"""The JSON shapes docs/api.md promises, made from the query layer's answers.

Pure view-shaping: no SQL here. Each function takes what a `sectorwatch.query` function
returned and gives the plain dicts and lists of one page's JSON twin (the HTML templates
read the same dicts). Lists that pages show newest first are sorted here.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote as url_quote
from urllib.parse import urlencode

from sectorwatch.query.browse import ArticleAnswer, EntityAnswer, QuotedCount, Span
from sectorwatch.query.common import first_line, newest_first
from sectorwatch.query.events import EventAnswer
from sectorwatch.query.holders import HeldRole
from sectorwatch.query.organisation import Leader, OrganisationAnswer
from sectorwatch.query.orgchart import OrgChart
from sectorwatch.query.person import PersonAnswer
from sectorwatch.query.quotes import QuoteAnswer
from sectorwatch.query.reactions import Reactions
from sectorwatch.query.search import FACETS, Hit, SearchResult
from sectorwatch.serve.history_page import change


def source_url(source: str | None) -> str | None:
    """The source when it is a web address (http or https), else None."""
    if source and source.split(":", 1)[0].lower() in ("http", "https") and "://" in source:
        return source
    return None


def public_source(source: str | None) -> str | None:
    """What the web may see of a source: a web address whole, a file by its name only
    (never the server's path to it)."""
    if source is None or source_url(source):
        return source
    name = source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return name or None


_SCALARS = frozenset({str, int, float, bool, type(None)})
"""Types `plain` gives back as they are, tested before a call (most values of a page)."""


def plain(value: Any) -> Any:
    """Dataclasses (and lists and dicts of them) as plain data: what `dataclasses.asdict`
    gives, without its deep copies of every value (a large share of a page's time)."""
    if isinstance(value, list):
        return [v if type(v) in _SCALARS else plain(v) for v in value]
    names = getattr(value, "__dataclass_fields__", None)
    if names is not None and not isinstance(value, type):
        out = {}
        for name in names:
            v = getattr(value, name)
            out[name] = v if type(v) in _SCALARS else plain(v)
        if "source" in out and "sentence" in out:  # evidence: no server paths on the web
            out["source"] = public_source(out["source"])
        return out
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def ref(entity_id: str | None, name: str | None) -> dict[str, Any] | None:
    """A person or organisation: `id` null when the name was read but not resolved."""
    if entity_id is None:
        return {"id": None, "name": name} if name else None
    return {"id": entity_id, "name": name or entity_id}


def event(e: EventAnswer) -> dict[str, Any]:
    ev = e.evidence
    return {
        "id": e.claim_id,
        "type": e.type,
        "person": ref(e.person_id, e.person),
        "role": e.role,
        "organisation": ref(e.organisation_id, e.organisation),
        "status": e.status,
        "date": e.date,
        "announced": e.announced,
        "effective": e.effective,
        "observed": e.observed,
        "article": {"id": e.article_id, "title": ev.title if ev else None},
        "sentence": ev.sentence if ev else "",
    }


def quote(q: QuoteAnswer) -> dict[str, Any]:
    if q.corrected:
        organisation = None
    else:
        organisation = ref(
            q.speaker_organisation_id, q.speaker_organisation_name or q.speaker_organisation
        )
    return {
        "id": q.claim_id,
        "text": q.text,
        "type": q.type,
        "stance": q.stance,
        "cue": q.cue,
        "speaker": {
            "id": q.speaker_id,
            "name": q.speaker,
            "kind": q.speaker_kind,
            "role": q.speaker_role,
            "organisation": organisation,
            "corrected": q.corrected,
        },
        "article": {"id": q.article_id, "title": q.title, "published": q.published},
        "start": q.start,
        "end": q.end,
        "event_id": q.event_id,
        "observed": q.observed,
    }


def _evidence(items: list[Any]) -> dict[str, Any] | None:
    return plain(items[0]) if items else None


def home(recent: list[EventAnswer], quoted: list[QuotedCount]) -> dict[str, Any]:
    return {
        "recent_events": [event(e) for e in recent],
        "most_quoted": [{"id": p.entity_id, "name": p.name, "quotes": p.quotes} for p in quoted],
    }


def _entity(answer: EntityAnswer | PersonAnswer | OrganisationAnswer, kind: str) -> dict:
    return {
        "id": answer.id,
        "kind": kind,
        "name": answer.name,
        "aliases": [a for a in answer.aliases if a != answer.name],
        "merged_ids": list(answer.referents),
    }


def person(answer: PersonAnswer) -> dict[str, Any]:
    data = _entity(answer, "person")
    data["roles"] = [
        {
            "post_id": r.post_id,
            "role": r.role,
            "organisation": ref(r.organisation_id, r.organisation),
            "status": r.status,
            "valid_from": r.valid_from,
            "valid_to": r.valid_to,
            "evidence": _evidence(r.evidence),
            "alternatives": r.alternatives,
            "first_reported": r.first_reported,
            "last_reported": r.last_reported,
        }
        for r in answer.roles
    ]
    data["events"] = [event(e) for e in newest_first(answer.events, "claim_id")]
    data["quotes"] = [quote(q) for q in newest_first(answer.quotes, "article_id", "start")]
    return data


def leader(x: Leader) -> dict[str, Any]:
    """One of an organisation's leaders, as its page and its list of leaders show it."""
    return {
        "person": {"id": x.holder.person_id, "name": x.holder.name},
        "role": x.role,
        "post_id": x.holder.post_id,
        "status": x.holder.status,
        "valid_from": x.holder.valid_from,
        "valid_to": x.holder.valid_to,
        "evidence": plain(x.holder.evidence),
    }


def timeline(events: list[EventAnswer]) -> list[EventAnswer]:
    """An organisation's events as its pages list them: newest report first."""
    return newest_first(events, "claim_id")


def organisation(answer: OrganisationAnswer, chart: OrgChart) -> dict[str, Any]:
    """The page's JSON. `timeline_total` and `leaders_total` count every event and every
    leader; where the answer has only some of them (`query.organisation`'s
    `leaders_shown`, `events_shown`), `timeline_more` and `leaders_more` link to the
    lists of every one (else null)."""
    data = _entity(answer, "organisation")
    data["kind_of_organisation"] = answer.kind_of_organisation
    at = f"/organisation/{url_quote(answer.id, safe='')}"
    data["timeline"] = [event(e) for e in timeline(answer.events)]
    data["timeline_total"] = answer.events_total
    more = answer.events_total > len(answer.events)
    data["timeline_more"] = f"{at}/events" if more else None
    data["leaders"] = [leader(x) for x in answer.leaders]
    data["leaders_total"] = answer.leaders_total
    more = answer.leaders_total > len(answer.leaders)
    data["leaders_more"] = f"{at}/leaders?{urlencode({'on': chart.on})}" if more else None
    data["on"] = chart.on
    data["orgchart"] = plain(chart)
    data["predecessors"] = [change(c) for c in answer.predecessors]
    data["successors"] = [change(c) for c in answer.successors]
    return data


def _held(role: HeldRole | None) -> dict[str, Any] | None:
    if role is None:
        return None
    return {
        "role": role.role,
        "organisation": ref(role.organisation_id, role.organisation),
        "status": role.status,
    }


def event_page(answer: Reactions) -> dict[str, Any]:
    quotes = []
    for q in answer.quotes:
        data = quote(q)
        data["speaker"]["role_on_date"] = _held(answer.speaker_roles.get(q.speaker_id or ""))
        data["organisation_kind"] = answer.organisation_kinds.get(q.claim_id)
        quotes.append(data)
    by_id = {q["id"]: q for q in quotes}
    by_stance = {s: [by_id[i] for i in ids] for s, ids in answer.by_stance.items()}
    return {
        "event": event(answer.events[0]),
        "on": answer.on,
        "quotes": quotes,
        "by_stance": by_stance,
        "by_organisation_kind": {
            k: [by_id[i] for i in ids] for k, ids in answer.by_organisation_kind.items()
        },
        "counts": {s: len(v) for s, v in by_stance.items()},
    }


def _span(span: Span, speakers: set[str]) -> dict[str, Any] | None:
    if span.kind == "quote":
        return {
            "kind": "quote",
            "start": span.start,
            "end": span.end,
            "id": span.claim_id,
            "target": span.entity_id,
            "label": span.label,
            "stance": span.stance,
        }
    if span.kind == "mention":
        kind = span.entity_kind or "person"
        if kind == "person" and span.entity_id in speakers:
            kind = "speaker"
        target, ident = span.entity_id, span.entity_id
    elif span.kind == "event":
        kind, target, ident = "event", span.claim_id, span.claim_id
    elif span.kind in ("role", "reporting_line"):
        kind, target, ident = "role", span.entity_id, span.claim_id
    else:
        return None  # organisation changes have no page of their own
    return {
        "kind": kind,
        "start": span.start,
        "end": span.end,
        "id": ident,
        "target": target,
        "label": span.label,
    }


def article(answer: ArticleAnswer) -> dict[str, Any]:
    speakers = {q.speaker_id for q in answer.quotes if q.speaker_id}
    spans = [s for s in (_span(x, speakers) for x in answer.spans) if s is not None]
    spans.sort(key=lambda s: (s["start"], -s["end"], s["kind"]))
    return {
        "id": answer.id,
        "title": answer.title or first_line(answer.text) or answer.id,
        "published": answer.published,
        "publisher": answer.publisher,
        "source": public_source(answer.source),
        "source_url": source_url(answer.source),
        "paragraphs": answer.paragraphs,
        "authors": answer.authors,
        "text": answer.text,
        "spans": spans,
        "quotes": [quote(q) for q in answer.quotes],
    }


def _url(hit: Hit) -> str:
    if hit.url:
        return hit.url
    if hit.type == "quote" and hit.quote is not None:
        return f"/article/{hit.quote.article_id}#q-{hit.id}"
    return f"/{hit.type}/{hit.id}"


def search(result: SearchResult, selected: dict[str, str]) -> dict[str, Any]:
    results = []
    for h in result.hits:
        row: dict[str, Any] = {
            "type": h.type,
            "id": h.id,
            "title": h.title,
            "text": h.text,
            "url": _url(h),
            "organisation": h.organisation,
            "stance": h.stance,
            "year": h.year,
            "published": h.published,
        }
        if h.quote is not None:
            row["quote"] = quote(h.quote)
        results.append(row)
    return {
        "q": result.query.strip(),
        "selected": {k: v for k, v in selected.items() if k in FACETS and v},
        "total": result.total,
        "facets": {
            f: [{"value": c.value, "count": c.count} for c in result.facet_counts.get(f, [])]
            for f in FACETS
        },
        "results": results,
    }
