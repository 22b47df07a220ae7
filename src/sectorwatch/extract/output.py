"""The `sectorwatch extract` output contract (see docs/extraction-output.md)."""

from __future__ import annotations

from typing import Any

from sectorwatch.model import Event, Extraction, Quote, RoleFact


def _quote(q: Quote) -> dict[str, Any]:
    speaker = None
    if q.speaker is not None:
        speaker = {
            "name": q.speaker.name,
            "kind": q.speaker.kind,
            "role": q.speaker.role,
            "organisation": q.speaker.organisation,
        }
    return {
        "type": q.type,
        "text": q.text,
        "speaker": speaker,
        "cue": q.cue,
        "stance": q.stance,
        "stance_cues": list(q.stance_cues),
        "start": q.start,
        "end": q.end,
        "sentence": q.evidence.sentence if q.evidence else None,
    }


def _role(r: RoleFact) -> dict[str, Any]:
    return {
        "person": r.person,
        "role": r.role,
        "organisation": r.organisation,
        "status": r.status,
        "valid_from": r.valid_from,
        "valid_to": r.valid_to,
        "start": r.start,
        "end": r.end,
        "sentence": r.evidence.sentence if r.evidence else None,
    }


_EVENT_OPTIONAL = (
    "person",
    "role",
    "organisation",
    "reports_to",
    "subordinate",
    "superior",
    "status",
    "announced",
    "effective",
    "date_range",
    "result",
)


def _event(e: Event) -> dict[str, Any]:
    out: dict[str, Any] = {"type": e.type}
    for name in _EVENT_OPTIONAL:
        value = getattr(e, name)
        if value is not None:
            out[name] = value
    if e.organisations:
        out["organisations"] = list(e.organisations)
    out["date"] = e.date
    out["start"], out["end"] = e.start, e.end
    out["sentence"] = e.evidence.sentence if e.evidence else None
    return out


def to_contract(extraction: Extraction) -> dict[str, Any]:
    """One article's extraction as the JSON object `sectorwatch extract` prints."""
    a = extraction.article
    return {
        "id": a.id,
        "source": a.source,
        "title": a.title,
        "authors": list(a.authors),
        "published": a.published,
        "publisher": a.publisher,
        "quotes": [_quote(q) for q in extraction.quotes],
        "roles": [_role(r) for r in extraction.roles],
        "events": [_event(e) for e in extraction.events],
        "organisation_aliases": extraction.organisation_aliases,
        "extractor": {"name": extraction.extractor, "version": extraction.extractor_version},
    }
