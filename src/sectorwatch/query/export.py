"""`export --format jsonl|csv|ftm|graphml`: the whole store, streamed as text lines.

- jsonl: one claim per line, with its entity, value, evidence and whether it is rejected.
- csv: the same claims as a table.
- ftm: FollowTheMoney entities (Person, Organization, Position, Occupancy) as JSON lines,
  `{"id", "schema", "properties": {name: [values]}}`, so `ftm` tools and Aleph read them.
- graphml: people, organisations and posts as nodes; holds, part-of and reports-to edges.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from xml.sax.saxutils import escape, quoteattr

from sqlalchemy import Engine

from sectorwatch.query.common import Judged
from sectorwatch.store import reads

FORMATS = ("jsonl", "csv", "ftm", "graphml")
CSV_FIELDS = [
    "claim_id",
    "property",
    "entity_id",
    "entity_name",
    "value",
    "article_id",
    "published",
    "source",
    "sentence",
    "start",
    "end",
    "extractor",
    "extractor_version",
    "confidence",
    "origin",
    "rejected",
]


def export(engine: Engine, fmt: str) -> Iterator[str]:
    """Lines of text (each ending in a newline) in format `fmt`."""
    if fmt == "jsonl":
        for row in _claim_rows(engine):
            yield json.dumps(row, ensure_ascii=False) + "\n"
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for row in _claim_rows(engine):
            writer.writerow({**row, "value": json.dumps(row["value"], ensure_ascii=False)})
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
        yield buf.getvalue()
    elif fmt == "ftm":
        for entity in ftm_entities(engine):
            yield json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n"
    elif fmt == "graphml":
        yield from graphml(engine)
    else:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


def _claim_rows(engine: Engine) -> Iterator[dict]:
    with engine.connect() as conn:
        judged = Judged.load(conn)
        names = reads.entity_names(conn)
        for r in reads.claims_with_evidence(conn):
            entity_id = judged.canon(r["entity_id"])
            yield {
                "claim_id": r["id"],
                "property": r["property"],
                "entity_id": entity_id,
                "entity_name": names.get(entity_id) if entity_id else None,
                "value": json.loads(r["value"]),
                "article_id": r["article_id"],
                "published": r["published"],
                "source": r["source"],
                "sentence": r["sentence"],
                "start": r["start"],
                "end": r["end"],
                "extractor": r["extractor"],
                "extractor_version": r["extractor_version"],
                "confidence": r["confidence"],
                "origin": r["origin"],
                "rejected": r["id"] in judged.rejected,
            }


def ftm_entities(engine: Engine) -> Iterator[dict]:
    with engine.connect() as conn:
        judged = Judged.load(conn)
        alias_map: dict[str, set[str]] = {}
        for entity_id, alias in reads.every_alias(conn):
            alias_map.setdefault(judged.canon(entity_id) or entity_id, set()).add(alias)
        names = {}
        for row in reads.every_entity(conn):
            if row["id"] in judged.canonical:
                continue  # merged into another entity
            names[row["id"]] = row["name"]
            schema = "Person" if row["kind"] == "person" else "Organization"
            props: dict[str, list[str]] = {"name": [row["name"]]}
            extra = sorted(alias_map.get(row["id"], set()) - {row["name"]})
            if extra:
                props["alias"] = extra
            yield {"id": row["id"], "schema": schema, "properties": props}
        for p in reads.every_post(conn):
            org = judged.canon(p["organisation_id"])
            label = p["role"] + (f", {names.get(org, org)}" if org else "")
            props = {"name": [label]}
            if org:
                props["organization"] = [org]
            yield {"id": p["id"], "schema": "Position", "properties": props}
        for o in reads.every_term(conn, with_source=True):
            if o["claim_id"] in judged.rejected:
                continue
            props = {
                "holder": [judged.canon(o["person_id"]) or o["person_id"]],
                "post": [o["post_id"]],
                "status": [o["status"]],
                "sourceUrl": [o["source"]],
            }
            if o["valid_from"]:
                props["startDate"] = [o["valid_from"]]
            if o["valid_to"]:
                props["endDate"] = [o["valid_to"]]
            if o["observed"]:
                props["declarationDate"] = [o["observed"]]
            yield {"id": o["claim_id"], "schema": "Occupancy", "properties": props}


def graphml(engine: Engine) -> Iterator[str]:
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
    yield '  <key id="label" for="node" attr.name="label" attr.type="string"/>\n'
    yield '  <key id="kind" for="all" attr.name="kind" attr.type="string"/>\n'
    yield '  <key id="status" for="edge" attr.name="status" attr.type="string"/>\n'
    yield '  <graph id="sectorwatch" edgedefault="directed">\n'
    with engine.connect() as conn:
        judged = Judged.load(conn)
        for row in reads.every_entity(conn):
            if row["id"] in judged.canonical:
                continue
            yield (
                f'    <node id={quoteattr(row["id"])}><data key="label">{escape(row["name"])}'
                f'</data><data key="kind">{row["kind"]}</data></node>\n'
            )
        post_rows = reads.every_post(conn)
        for p in post_rows:
            yield (
                f'    <node id={quoteattr(p["id"])}><data key="label">{escape(p["role"])}'
                '</data><data key="kind">post</data></node>\n'
            )
        n = 0
        for p in post_rows:
            if p["organisation_id"]:
                n += 1
                org = judged.canon(p["organisation_id"])
                yield _edge(n, p["id"], org or "", "part_of")
        for o in reads.every_term(conn):
            if o["claim_id"] not in judged.rejected:
                n += 1
                yield _edge(
                    n, judged.canon(o["person_id"]) or "", o["post_id"], "holds", o["status"]
                )
        for r in reads.every_reporting_line(conn):
            sub = r["subordinate_post_id"] or judged.canon(r["subordinate_person_id"])
            sup = r["superior_post_id"] or judged.canon(r["superior_person_id"])
            if sub and sup and r["claim_id"] not in judged.rejected:
                n += 1
                yield _edge(n, sub, sup, "reports_to")
    yield "  </graph>\n</graphml>\n"


def _edge(n: int, source: str, target: str, kind: str, status: str | None = None) -> str:
    extra = f'<data key="status">{escape(status)}</data>' if status else ""
    return (
        f'    <edge id="e{n}" source={quoteattr(source)} target={quoteattr(target)}>'
        f'<data key="kind">{kind}</data>{extra}</edge>\n'
    )
