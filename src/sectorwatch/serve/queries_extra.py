"""The questions the web pages ask that the query layer does not answer (yet).

Each function takes an engine and returns plain dicts and lists -- the JSON shapes that
docs/api.md promises. SQLAlchemy Core only, every value a bound parameter. Judgements are
applied through `Judged` (rejected claims hidden, merged ids canonical, speakers fixed).
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter, defaultdict
from functools import cache
from importlib import resources
from typing import Any

from sqlalchemy import Connection, Engine, func, or_, select

from sectorwatch import dates
from sectorwatch.query.common import Judged, names_of, today
from sectorwatch.query.holders import holders
from sectorwatch.store import fts, keys
from sectorwatch.store.schema import (
    aliases,
    articles,
    claims,
    entities,
    events,
    evidence,
    mentions,
    occupancies,
    posts,
    quotes,
)

STANCES = ("welcome", "concern", "mixed", "neutral")


def to_plain(value: Any) -> Any:
    """Dataclasses (the query layer's answers) as JSON-ready dicts."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [to_plain(v) for v in value]
    return value


# -- organisation kinds (data file shipped with the extractor) ---------------------------
@cache
def _org_kinds() -> tuple[dict[str, str], list[tuple[str, str]]]:
    raw = resources.files("sectorwatch.data").joinpath("organisations.tsv").read_text("utf-8")
    by_name: dict[str, str] = {}
    suffixes: list[tuple[str, str]] = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0] == "@suffix":
            suffixes.append((keys.organisation_norm(cols[1]), cols[1]))
            continue
        kind = cols[2].strip() if len(cols) > 2 and cols[2].strip() else "other"
        for name in [cols[0], *(cols[1].split("|") if len(cols) > 1 else [])]:
            if name.strip():
                by_name[keys.organisation_norm(name)] = kind
    suffixes.sort(key=lambda s: -len(s[0]))
    return by_name, suffixes


def organisation_kind(name: str | None) -> str:
    """The kind of an organisation (national, regulator, union, trust, ...), else "other"."""
    if not name:
        return "unknown"
    by_name, suffixes = _org_kinds()
    norm = keys.organisation_norm(name)
    if norm in by_name:
        return by_name[norm]
    for suffix, label in suffixes:
        if norm.endswith(" " + suffix):
            return label.lower()
    return "other"


# -- small shared pieces ----------------------------------------------------------------
def ref(entity_id: str | None, names: dict[str, str], fallback: str | None = None) -> Any:
    if entity_id is None:
        return {"id": None, "name": fallback} if fallback else None
    return {"id": entity_id, "name": names.get(entity_id, fallback or entity_id)}


def entity(engine: Engine, entity_id: str) -> dict[str, Any] | None:
    """An entity by id (a merged id answers with its canonical entity), with its aliases."""
    with engine.connect() as conn:
        judged = Judged.load(conn)
        canonical = judged.canon(entity_id) or entity_id
        row = conn.execute(
            select(entities.c.id, entities.c.kind, entities.c.name).where(
                entities.c.id == canonical
            )
        ).first()
        if row is None:
            return None
        cluster = judged.cluster(canonical)
        names = sorted(
            set(
                conn.execute(
                    select(aliases.c.alias).where(aliases.c.entity_id.in_(cluster))
                ).scalars()
            )
            - {row.name}
        )
        return {
            "id": row.id,
            "kind": row.kind,
            "name": row.name,
            "aliases": names,
            "merged_ids": [c for c in cluster if c != row.id],
        }


def _event_rows(conn: Connection, judged: Judged, where: Any, limit: int | None) -> list[dict]:
    stmt = (
        select(
            events.c.claim_id,
            events.c.article_id,
            events.c.type,
            events.c.person_id,
            events.c.post_id,
            events.c.organisation_id,
            events.c.status,
            events.c.date,
            events.c.announced,
            events.c.effective,
            events.c.observed,
            claims.c.value,
            evidence.c.sentence,
            articles.c.title,
        )
        .join(claims, claims.c.id == events.c.claim_id)
        .join(evidence, evidence.c.id == claims.c.evidence_id)
        .join(articles, articles.c.id == events.c.article_id)
        .where(where)
        .order_by(events.c.observed.desc(), events.c.claim_id)
    )
    rows = [r for r in conn.execute(stmt) if r.claim_id not in judged.rejected]
    if limit is not None:
        rows = rows[:limit]
    people = {judged.canon(r.person_id) for r in rows if r.person_id}
    orgs = {judged.canon(r.organisation_id) for r in rows if r.organisation_id}
    names = names_of(conn, {i for i in people | orgs if i})
    out = []
    for r in rows:
        value = json.loads(r.value)
        out.append(
            {
                "id": r.claim_id,
                "type": r.type,
                "person": ref(judged.canon(r.person_id), names, value.get("person")),
                "role": value.get("role"),
                "organisation": ref(
                    judged.canon(r.organisation_id), names, value.get("organisation")
                ),
                "status": r.status,
                "date": r.date,
                "announced": r.announced,
                "effective": r.effective,
                "observed": r.observed,
                "article": {"id": r.article_id, "title": r.title},
                "sentence": r.sentence,
            }
        )
    return out


def recent_events(engine: Engine, n: int = 20) -> list[dict]:
    """The newest leadership events, newest report first."""
    with engine.connect() as conn:
        judged = Judged.load(conn)
        return _event_rows(conn, judged, events.c.type.is_not(None), n)


def most_quoted(engine: Engine, n: int = 10) -> list[dict]:
    """People quoted most often: id, name, number of quotes."""
    with engine.connect() as conn:
        judged = Judged.load(conn)
        counts: Counter[str] = Counter()
        for claim_id, speaker in conn.execute(
            select(quotes.c.claim_id, quotes.c.speaker_id).where(quotes.c.speaker_kind == "person")
        ):
            if claim_id in judged.rejected:
                continue
            speaker = judged.speakers.get(claim_id, speaker)
            if speaker:
                counts[judged.canon(speaker) or speaker] += 1
        top = counts.most_common(n)
        names = names_of(conn, {p for p, _ in top})
        return [{"id": p, "name": names.get(p, p), "quotes": c} for p, c in top]


def _quote_rows(conn: Connection, judged: Judged, where: Any) -> list[dict]:
    stmt = (
        select(quotes, articles.c.title, articles.c.published)
        .join(articles, articles.c.id == quotes.c.article_id)
        .where(where)
        .order_by(quotes.c.observed.desc(), quotes.c.article_id, quotes.c.start)
    )
    rows = [r for r in conn.execute(stmt) if r.claim_id not in judged.rejected]
    speakers = {
        r.claim_id: judged.canon(judged.speakers.get(r.claim_id, r.speaker_id)) for r in rows
    }
    orgs = {judged.canon(r.speaker_organisation_id) for r in rows}
    names = names_of(conn, {i for i in set(speakers.values()) | orgs if i})
    out = []
    for r in rows:
        speaker_id = speakers[r.claim_id]
        fixed = r.claim_id in judged.speakers
        org_id = judged.canon(r.speaker_organisation_id)
        out.append(
            {
                "id": r.claim_id,
                "text": r.text,
                "type": r.type,
                "stance": r.stance,
                "cue": r.cue,
                "speaker": {
                    "id": speaker_id,
                    "name": names.get(speaker_id or "", None if fixed else r.speaker_name),
                    "kind": r.speaker_kind,
                    "role": None if fixed else r.speaker_role,
                    "organisation": ref(org_id, names, r.speaker_organisation)
                    if not fixed
                    else None,
                    "corrected": fixed,
                },
                "article": {"id": r.article_id, "title": r.title, "published": r.published},
                "start": r.start,
                "end": r.end,
                "event_id": r.event_id,
                "observed": r.observed,
            }
        )
    return out


def _person_ids_for_quotes(conn: Connection, judged: Judged, cluster: list[str]) -> list[str]:
    """Claim ids of quotes whose (possibly corrected) speaker is in `cluster`."""
    ids = set(
        conn.execute(select(quotes.c.claim_id).where(quotes.c.speaker_id.in_(cluster))).scalars()
    )
    ids = {i for i in ids if judged.speakers.get(i, cluster[0]) in cluster}
    ids |= {q for q, s in judged.speakers.items() if s in cluster}
    return sorted(ids)


def person(engine: Engine, entity_id: str) -> dict[str, Any] | None:
    """A person: roles over time (with status and evidence), events, quotes."""
    info = entity(engine, entity_id)
    if info is None or info["kind"] != "person":
        return None
    with engine.connect() as conn:
        judged = Judged.load(conn)
        cluster = judged.cluster(info["id"])
        post_ids = sorted(
            set(
                conn.execute(
                    select(occupancies.c.post_id).where(occupancies.c.person_id.in_(cluster))
                ).scalars()
            )
            | set(
                conn.execute(
                    select(events.c.post_id).where(
                        events.c.person_id.in_(cluster), events.c.post_id.is_not(None)
                    )
                ).scalars()
            )
        )
        post_rows = {
            p.id: p
            for p in conn.execute(
                select(posts.c.id, posts.c.role, posts.c.organisation_id).where(
                    posts.c.id.in_(post_ids)
                )
            )
        }
        org_names = names_of(conn, {p.organisation_id for p in post_rows.values()})
        roles = []
        for post_id, items in holders(conn, post_ids, today(), judged, True).items():
            for h in items:
                if h.person_id not in cluster:
                    continue
                post = post_rows[post_id]
                roles.append(
                    {
                        "post_id": post_id,
                        "role": post.role,
                        "organisation": ref(post.organisation_id, org_names),
                        "status": h.status,
                        "valid_from": h.valid_from,
                        "valid_to": h.valid_to,
                        "evidence": to_plain(h.evidence),
                        "alternatives": len(h.alternatives),
                    }
                )
        roles.sort(key=lambda r: _sort_date(r["valid_from"]))
        quote_ids = _person_ids_for_quotes(conn, judged, cluster)
        info.update(
            roles=roles,
            events=_event_rows(conn, judged, events.c.person_id.in_(cluster), None),
            quotes=_quote_rows(conn, judged, quotes.c.claim_id.in_(quote_ids)),
        )
        return info


def _sort_date(value: str | None) -> str:
    return value if value and dates.is_partial_date(value) else "9999"


def organisation(engine: Engine, entity_id: str) -> dict[str, Any] | None:
    """An organisation: aliases, leadership timeline (events and occupancies), people."""
    info = entity(engine, entity_id)
    if info is None or info["kind"] != "organisation":
        return None
    with engine.connect() as conn:
        judged = Judged.load(conn)
        cluster = judged.cluster(info["id"])
        info["kind_of_organisation"] = organisation_kind(info["name"])
        timeline = _event_rows(
            conn,
            judged,
            or_(
                events.c.organisation_id.in_(cluster),
                *[events.c.organisations.like(f'%"{c}"%') for c in cluster],
            ),
            None,
        )
        post_ids = list(
            conn.execute(select(posts.c.id).where(posts.c.organisation_id.in_(cluster))).scalars()
        )
        roles = {
            p.id: p.role
            for p in conn.execute(select(posts.c.id, posts.c.role).where(posts.c.id.in_(post_ids)))
        }
        leaders = []
        for post_id, items in holders(conn, post_ids, today(), judged, True).items():
            for h in items:
                leaders.append(
                    {
                        "person": {"id": h.person_id, "name": h.name},
                        "role": roles.get(post_id),
                        "post_id": post_id,
                        "status": h.status,
                        "valid_from": h.valid_from,
                        "valid_to": h.valid_to,
                        "evidence": to_plain(h.evidence),
                    }
                )
        leaders.sort(key=lambda x: (_sort_date(x["valid_from"]), x["role"] or ""))
        info.update(timeline=timeline, leaders=leaders)
        return info


def event(engine: Engine, claim_id: str) -> dict[str, Any] | None:
    """An event and the sector's reactions: quotes grouped by stance and organisation kind,
    each speaker with the role they held on the event's date."""
    with engine.connect() as conn:
        judged = Judged.load(conn)
        found = _event_rows(conn, judged, events.c.claim_id == claim_id, 1)
        if not found:
            return None
        ev = found[0]
        on = next(
            (d for d in (ev["effective"], ev["date"], ev["observed"]) if dates.is_partial_date(d)),
            today(),
        )
        reacts = [
            q
            for q in _quote_rows(conn, judged, quotes.c.event_id == claim_id)
            if not (
                ev["person"] and q["speaker"]["id"] and q["speaker"]["id"] == ev["person"]["id"]
            )
        ]
        role_on = _roles_on(conn, judged, {q["speaker"]["id"] for q in reacts} - {None}, on)
        by_stance: dict[str, list[dict]] = {s: [] for s in STANCES}
        by_kind: dict[str, list[dict]] = defaultdict(list)
        for q in reacts:
            held = role_on.get(q["speaker"]["id"] or "")
            q["speaker"]["role_on_date"] = held
            org = (q["speaker"]["organisation"] or {}).get("name") or (
                held["organisation"]["name"] if held and held["organisation"] else None
            )
            if q["speaker"]["kind"] == "organisation":
                org = q["speaker"]["name"]
            q["organisation_kind"] = organisation_kind(org)
            by_stance.setdefault(q["stance"], []).append(q)
            by_kind[q["organisation_kind"]].append(q)
        return {
            "event": ev,
            "on": on,
            "quotes": reacts,
            "by_stance": {k: v for k, v in by_stance.items() if v},
            "by_organisation_kind": dict(sorted(by_kind.items())),
            "counts": {k: len(v) for k, v in by_stance.items() if v},
        }


def _roles_on(conn: Connection, judged: Judged, people: set[str], on: str) -> dict[str, dict]:
    """Each person's preferred post held on `on` (first by status current/leaving)."""
    if not people:
        return {}
    every = {m for p in people for m in judged.cluster(p)}
    post_ids = list(
        set(
            conn.execute(
                select(occupancies.c.post_id).where(occupancies.c.person_id.in_(every))
            ).scalars()
        )
    )
    rows = {p.id: p for p in conn.execute(select(posts).where(posts.c.id.in_(post_ids)))}
    names = names_of(conn, {p.organisation_id for p in rows.values()})
    out: dict[str, dict] = {}
    for post_id, items in holders(conn, post_ids, on, judged).items():
        for h in items:
            if h.person_id in people and h.person_id not in out:
                post = rows[post_id]
                out[h.person_id] = {
                    "role": post.role,
                    "organisation": ref(post.organisation_id, names),
                    "status": h.status,
                }
    return out


def article(engine: Engine, article_id: str) -> dict[str, Any] | None:
    """An article's text and every extracted span in it (quotes, speakers, people,
    organisations, roles, events), each with the page it links to."""
    with engine.connect() as conn:
        row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
        if row is None:
            return None
        judged = Judged.load(conn)
        spans: list[dict] = []
        quote_list = _quote_rows(conn, judged, quotes.c.article_id == article_id)
        speakers = {q["speaker"]["id"] for q in quote_list if q["speaker"]["id"]}
        for q in quote_list:
            spans.append(
                {
                    "kind": "quote",
                    "start": q["start"],
                    "end": q["end"],
                    "id": q["id"],
                    "target": q["speaker"]["id"],
                    "label": q["speaker"]["name"],
                    "stance": q["stance"],
                }
            )
        ment = conn.execute(
            select(mentions.c.entity_id, mentions.c.kind, mentions.c.start, mentions.c.end).where(
                mentions.c.article_id == article_id
            )
        ).all()
        ids = {judged.canon(m.entity_id) for m in ment}
        names = names_of(conn, {i for i in ids if i})
        for m in ment:
            canon = judged.canon(m.entity_id)
            kind = "speaker" if m.kind == "person" and canon in speakers else m.kind
            spans.append(
                {
                    "kind": kind,
                    "start": m.start,
                    "end": m.end,
                    "id": canon,
                    "target": canon,
                    "label": names.get(canon or "", canon),
                }
            )
        fact_rows = conn.execute(
            select(
                claims.c.id,
                claims.c.property,
                claims.c.entity_id,
                claims.c.value,
                evidence.c.start,
                evidence.c.end,
            )
            .join(evidence, evidence.c.id == claims.c.evidence_id)
            .where(
                claims.c.article_id == article_id,
                claims.c.property.in_(["occupancy", "event", "reporting_line"]),
            )
        ).all()
        for f in fact_rows:
            if f.id in judged.rejected:
                continue
            value = json.loads(f.value)
            if f.property == "event":
                spans.append(
                    {
                        "kind": "event",
                        "start": f.start,
                        "end": f.end,
                        "id": f.id,
                        "target": f.id,
                        "label": f"{value.get('type')}",
                    }
                )
            else:
                label = value.get("role") or value.get("subordinate") or f.property
                spans.append(
                    {
                        "kind": "role",
                        "start": f.start,
                        "end": f.end,
                        "id": f.id,
                        "target": judged.canon(f.entity_id),
                        "label": label,
                    }
                )
        spans.sort(key=lambda s: (s["start"], -s["end"], s["kind"]))
        return {
            "id": row.id,
            "title": row.title,
            "published": row.published,
            "publisher": row.publisher,
            "source": row.source,
            "authors": json.loads(row.authors or "[]"),
            "text": row.text,
            "spans": spans,
            "quotes": quote_list,
        }


# -- search -------------------------------------------------------------------------------
FACETS = ("type", "organisation", "stance", "year")


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search(
    engine: Engine, text: str, selected: dict[str, str] | None = None, limit: int = 200
) -> dict[str, Any]:
    """Quotes, people, organisations and articles matching `text`, with facet counts.
    `selected` narrows by facet (type, organisation, stance, year); each facet's counts are
    those of the results matching the other selected facets."""
    selected = {k: v for k, v in (selected or {}).items() if k in FACETS and v}
    results: list[dict] = []
    text = text.strip()
    if text:
        with engine.connect() as conn:
            judged = Judged.load(conn)
            results += _search_quotes(conn, judged, text, limit)
            results += _search_entities(conn, judged, text, limit)
            results += _search_articles(conn, text, limit)
    facets = {}
    for facet in FACETS:
        others = {k: v for k, v in selected.items() if k != facet}
        counts = Counter(r[facet] for r in results if r.get(facet) and _matches(r, others))
        facets[facet] = [
            {"value": v, "count": c}
            for v, c in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
        ]
    shown = [r for r in results if _matches(r, selected)]
    return {
        "q": text,
        "selected": selected,
        "total": len(shown),
        "facets": facets,
        "results": shown,
    }


def _matches(result: dict, selected: dict[str, str]) -> bool:
    return all(str(result.get(k)) == v for k, v in selected.items())


def _year(value: str | None) -> str | None:
    return value[:4] if value and dates.is_partial_date(value) else None


def _search_quotes(conn: Connection, judged: Judged, text: str, limit: int) -> list[dict]:
    ids = [m.id for m in fts.match_quotes(conn, text, limit)]
    if not ids:
        return []
    order = {i: n for n, i in enumerate(ids)}
    found = _quote_rows(conn, judged, quotes.c.claim_id.in_(ids))
    found.sort(key=lambda q: order[q["id"]])
    return [
        {
            "type": "quote",
            "id": q["id"],
            "title": q["speaker"]["name"] or "unknown speaker",
            "text": q["text"],
            "url": f"/article/{q['article']['id']}#q-{q['id']}",
            "organisation": (q["speaker"]["organisation"] or {}).get("name"),
            "stance": q["stance"],
            "year": _year(q["article"]["published"]),
            "quote": q,
        }
        for q in found
    ]


def _search_entities(conn: Connection, judged: Judged, text: str, limit: int) -> list[dict]:
    rows = conn.execute(
        select(aliases.c.entity_id, aliases.c.kind, func.min(aliases.c.alias))
        .where(
            or_(
                aliases.c.alias.ilike(_like(text), escape="\\"),
                aliases.c.norm.like(_like(keys.organisation_norm(text)), escape="\\"),
            )
        )
        .group_by(aliases.c.entity_id, aliases.c.kind)
        .limit(limit)
    ).all()
    canon = {judged.canon(r[0]) or r[0]: r[1] for r in rows}
    names = names_of(conn, set(canon))
    out = []
    for entity_id, kind in sorted(canon.items(), key=lambda kv: names.get(kv[0], kv[0])):
        page = "person" if kind == "person" else "organisation"
        out.append(
            {
                "type": page,
                "id": entity_id,
                "title": names.get(entity_id, entity_id),
                "text": "",
                "url": f"/{page}/{entity_id}",
                "organisation": names.get(entity_id) if kind == "organisation" else None,
                "stance": None,
                "year": None,
            }
        )
    return out


def _search_articles(conn: Connection, text: str, limit: int) -> list[dict]:
    matches = fts.match_articles(conn, text, limit)
    if not matches:
        return []
    rows = {
        r.id: r
        for r in conn.execute(
            select(articles.c.id, articles.c.title, articles.c.published, articles.c.text).where(
                articles.c.id.in_([m.id for m in matches])
            )
        )
    }
    out = []
    for m in matches:
        r = rows.get(m.id)
        if r is None:
            continue
        out.append(
            {
                "type": "article",
                "id": r.id,
                "title": r.title or r.id,
                "text": _excerpt(r.text, text),
                "url": f"/article/{r.id}",
                "organisation": None,
                "stance": None,
                "year": _year(r.published),
            }
        )
    return out


def _excerpt(body: str, query: str, width: int = 220) -> str:
    words = [w.lower() for w in query.replace('"', " ").split() if w]
    low = body.lower()
    at = min((p for p in (low.find(w) for w in words) if p >= 0), default=0)
    start = max(0, at - width // 3)
    return (
        ("…" if start else "")
        + body[start : start + width]
        + ("…" if start + width < len(body) else "")
    )
