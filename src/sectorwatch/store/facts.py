"""One article's extraction as rows: evidence, claims, mentions, occupancies, reporting
lines, organisation changes, events and quotes, with names resolved to entities.

Rows go to the batch's `PendingRows` and are written with the rest of the batch; nothing
here runs a query except through the resolver.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sectorwatch.model import Evidence, Extraction
from sectorwatch.orgnames import is_organisation_name
from sectorwatch.store import keys
from sectorwatch.store.resolve import (
    Context,
    Resolver,
    organisation_norm,
    person_norm,
    role_norm,
)
from sectorwatch.store.rows import PendingRows
from sectorwatch.store.schema import (
    claims,
    events,
    evidence,
    mentions,
    occupancies,
    org_changes,
    posts,
    quotes,
    reporting_lines,
)

DEFAULT_CONFIDENCE = 0.8
CHANGE_EVENTS = ("merger", "rename")
"""Events stored as organisation changes too (`org_changes`)."""
PRIMARY_EVENTS = ("departure", "appointment", "merger", "role_created", "reporting_line")

_post_id = lru_cache(maxsize=1 << 14)(keys.post_id)


@dataclass
class BatchState:
    """What the articles of one batch share: pending rows, the posts already added."""

    rows: PendingRows
    resolver: Resolver
    post_ids: set[str] = field(default_factory=set)


class ArticleWriter:
    def __init__(
        self, batch: BatchState, extraction: Extraction, curated: frozenset[str] = frozenset()
    ) -> None:
        """`curated`: ids of claims the store already holds for this article (the curated
        ones that outlive re-extraction); an extracted claim with one of those ids is
        not written again."""
        self.rows = batch.rows
        self.resolver = batch.resolver
        self.post_ids = batch.post_ids
        self.curated = curated
        self.ex = extraction
        self.article = extraction.article
        self.observed = extraction.article.published
        self.orgs: dict[str, str] = {}  # organisation norm -> entity id (this article)
        self.people: dict[str, str] = {}  # person norm -> entity id (this article)
        self.evidence_ids: set[str] = set()
        self.claim_ids: set[str] = set()

    def write(self) -> None:
        self._resolve_organisations()
        self._resolve_people()
        self._write_mentions()
        for role in self.ex.roles:
            self._write_role(role)
        event_ids = [self._write_event(e) for e in sorted(self.ex.events, key=lambda e: e.start)]
        primary = next((i for i in event_ids if i), None)
        for quote in self.ex.quotes:
            self._write_quote(quote, primary)

    # -- entities ------------------------------------------------------------------
    def org(self, name: str | None) -> str | None:
        if not name or not name.strip():
            return None
        norm = organisation_norm(name)
        if norm not in self.orgs:
            self.orgs[norm] = self._back_reference(name) or self.resolver.organisation(name)
        return self.orgs[norm]

    def _named_organisations(self) -> list[str]:
        """Every organisation the article names by a name (not a common noun)."""
        ex = self.ex
        found = [*ex.organisation_aliases, *(m.canonical for m in ex.mentions
                 if m.kind == "organisation")]  # fmt: skip
        found += [r.organisation for r in ex.roles if r.organisation]
        found += [e.organisation for e in ex.events if e.organisation]
        found += [n for e in ex.events for n in e.organisations]
        found += [q.speaker.organisation for q in ex.quotes if q.speaker and q.speaker.organisation]
        return [n for n in dict.fromkeys(found) if is_organisation_name(n)]

    def _back_reference(self, name: str) -> str | None:
        """ "the confederation", "the college": the one organisation of this article whose
        name has that head word (the NHS Confederation); None when none or several do."""
        if is_organisation_name(name):
            return None
        words = organisation_norm(name).split()
        if not words or len(words) > 3:
            return None
        head = words[-1]
        matches = {
            self.org(n)
            for n in self._named_organisations()
            if head in organisation_norm(n).split() or head in organisation_norm(n).split("-")
        }
        matches.discard(None)
        return matches.pop() if len(matches) == 1 else None

    def person(self, name: str | None) -> str | None:
        if not name or not name.strip():
            return None
        norm = person_norm(name)
        if norm not in self.people:
            self.people[norm] = self.resolver.person(name, self._context(norm))
        return self.people[norm]

    def _resolve_organisations(self) -> None:
        for canonical, alias_list in self.ex.organisation_aliases.items():
            entity_id = self.resolver.organisation(canonical, tuple(alias_list))
            for name in (canonical, *alias_list):
                self.orgs.setdefault(organisation_norm(name), entity_id)
        for m in self.ex.mentions:
            if m.kind == "organisation":
                org_id = self.org(m.canonical)
                if org_id:
                    self.orgs.setdefault(organisation_norm(m.text), org_id)

    def _context(self, norm: str) -> Context:
        ctx = Context()
        for r in self.ex.roles:
            if person_norm(r.person) == norm:
                ctx.roles.add(role_norm(r.role))
                if (org := self.org(r.organisation)) is not None:
                    ctx.organisations.add(org)
        for q in self.ex.quotes:
            s = q.speaker
            if s and s.name and person_norm(s.name) == norm:
                if (org := self.org(s.organisation)) is not None:
                    ctx.organisations.add(org)
                if s.role:
                    ctx.roles.add(role_norm(s.role))
        for e in self.ex.events:
            if e.person and person_norm(e.person) == norm:
                if (org := self.org(e.organisation)) is not None:
                    ctx.organisations.add(org)
        return ctx

    def _resolve_people(self) -> None:
        for r in self.ex.roles:
            self.person(r.person)
        for m in self.ex.mentions:
            if m.kind == "person":
                self.person(m.canonical)

    def _write_mentions(self) -> None:
        rows = []
        for m in self.ex.mentions:
            entity_id = self.person(m.canonical) if m.kind == "person" else self.org(m.canonical)
            if entity_id is None:
                continue
            self.resolver.add_alias(entity_id, m.kind, m.canonical)
            rows.append(
                {
                    "article_id": self.article.id,
                    "entity_id": entity_id,
                    "kind": m.kind,
                    "text": m.text,
                    "start": m.start,
                    "end": m.end,
                }
            )
        self.rows.add_many(mentions, rows)

    # -- rows ----------------------------------------------------------------------
    def evidence_id(self, ev: Evidence | None, start: int, end: int) -> str:
        if ev is None:
            ev = Evidence(self.article.id, start, end, self.article.text[start:end], start, end)
        evidence_key = "ev-" + keys.digest(self.article.id, ev.start, ev.end, ev.sentence_start)
        if evidence_key not in self.evidence_ids:
            self.evidence_ids.add(evidence_key)
            self.rows.add(  # kept for curated claims, evidence may be stored already
                evidence,
                {
                    "id": evidence_key,
                    "article_id": self.article.id,
                    "start": ev.start,
                    "end": ev.end,
                    "sentence": ev.sentence,
                    "sentence_start": ev.sentence_start,
                    "sentence_end": ev.sentence_end,
                },
            )
        return evidence_key

    def claim(
        self, entity_id: str | None, prop: str, value: dict[str, Any], fact: Any
    ) -> str | None:
        """Insert a claim for `fact` (which has start, end, evidence); None if a duplicate."""
        value_json = json.dumps(value, sort_keys=True)
        claim_id = "c-" + keys.digest(self.article.id, prop, fact.start, fact.end, value_json)
        if claim_id in self.claim_ids:
            return None
        self.claim_ids.add(claim_id)
        if claim_id in self.curated:
            return None  # a curated claim with this id already says it
        self.rows.add(
            claims,
            {
                "id": claim_id,
                "article_id": self.article.id,
                "entity_id": entity_id,
                "property": prop,
                "value": value_json,
                "evidence_id": self.evidence_id(fact.evidence, fact.start, fact.end),
                "extractor": self.ex.extractor,
                "extractor_version": self.ex.extractor_version,
                "confidence": float(getattr(fact, "confidence", None) or DEFAULT_CONFIDENCE),
                "origin": "extracted",
                "observed": self.observed,
            },
        )
        return claim_id

    def post(self, organisation_id: str | None, role: str) -> str:
        pid = _post_id(organisation_id, role)
        if pid not in self.post_ids:  # stored posts stay as they are (insert if absent)
            self.post_ids.add(pid)
            self.rows.add(
                posts, {"id": pid, "organisation_id": organisation_id, "role": role_norm(role)}
            )
        return pid

    def _write_role(self, r) -> None:  # type: ignore[no-untyped-def]
        person_id = self.person(r.person)
        org_id = self.org(r.organisation)
        if person_id is None or not r.role:
            return
        value = {"role": r.role, "organisation": r.organisation, "status": r.status}
        claim_id = self.claim(person_id, "occupancy", value, r)
        if claim_id is None:
            return
        self.rows.add(
            occupancies,
            {
                "claim_id": claim_id,
                "article_id": self.article.id,
                "person_id": person_id,
                "post_id": self.post(org_id, r.role),
                "status": r.status,
                "valid_from": r.valid_from,
                "valid_to": r.valid_to,
                "observed": self.observed,
            },
        )

    def _endpoint(self, name: str | None, org_id: str | None) -> tuple[str | None, str | None]:
        """A reporting line's end: (post id, person id) -- a known person, else a role."""
        if not name:
            return None, None
        norm = person_norm(name)
        if norm in self.people:
            return None, self.people[norm]
        if any(person_norm(m.canonical) == norm for m in self.ex.mentions if m.kind == "person"):
            return None, self.person(name)
        return self.post(org_id, name), None

    def _write_event(self, e) -> str | None:  # type: ignore[no-untyped-def]
        person_id = self.person(e.person)
        org_id = self.org(e.organisation)
        org_ids = [i for i in (self.org(n) for n in e.organisations) if i]
        result_id = self.org(e.result) if e.type in CHANGE_EVENTS else None
        value = {
            k: getattr(e, k)
            for k in ("type", "person", "role", "organisation", "status", "date", "effective")
        }
        value["organisations"] = list(e.organisations)
        if e.result:
            value["result"] = e.result
        claim_id = self.claim(person_id or org_id, "event", value, e)
        if claim_id is None:
            return None
        post_id = self.post(org_id, e.role) if e.role else None
        self.rows.add(
            events,
            {
                "claim_id": claim_id,
                "article_id": self.article.id,
                "type": e.type,
                "person_id": person_id,
                "post_id": post_id,
                "organisation_id": org_id or (org_ids[0] if org_ids else None),
                "organisations": json.dumps(
                    org_ids + [result_id] if result_id and result_id not in org_ids else org_ids
                ),
                "status": e.status,
                "date": e.date,
                "announced": e.announced,
                "effective": e.effective,
                "observed": self.observed,
                "start": e.start,
            },
        )
        if e.type == "role_created" and e.role and e.reports_to:
            self._write_line(e, post_id, None, *self._endpoint(e.reports_to, org_id), org_id)
        elif e.type == "reporting_line" and e.subordinate and e.superior:
            sub = self._endpoint(e.subordinate, org_id)
            self._write_line(e, *sub, *self._endpoint(e.superior, org_id), org_id)
        elif e.type in CHANGE_EVENTS and org_ids:
            self._write_change(e, org_ids, result_id)
        return claim_id if e.type in PRIMARY_EVENTS else None

    def _write_line(self, e, sub_post, sub_person, sup_post, sup_person, org_id) -> None:  # type: ignore[no-untyped-def]
        value = {"subordinate": e.subordinate or e.role, "superior": e.superior or e.reports_to}
        claim_id = self.claim(sub_person or org_id, "reporting_line", value, e)
        if claim_id is None:
            return
        self.rows.add(
            reporting_lines,
            {
                "claim_id": claim_id,
                "article_id": self.article.id,
                "subordinate_post_id": sub_post,
                "subordinate_person_id": sub_person,
                "superior_post_id": sup_post,
                "superior_person_id": sup_person,
                "organisation_id": org_id,
                "valid_from": e.effective,
                "observed": self.observed,
            },
        )

    def _write_change(self, e, org_ids: list[str], result_id: str | None) -> None:  # type: ignore[no-untyped-def]
        """An organisation change event (W3C ORG's ChangeEvent): the original organisations,
        the resulting one and the date. A merger's result, when the extractor does not name
        it, is the organisation the article (or the store) names as the parties joined ("A
        and B"), else the party the sentence says the others went "into"; otherwise it is
        left to the questions (`query.lineage`), which see every report."""
        if result_id is None and e.type == "merger" and e.status == "completed":
            result_id = self._merger_result(e, org_ids)
        value = {"kind": e.type, "organisations": list(e.organisations), "stage": e.status}
        if e.result:  # a claim's id is a hash of its value: a merger's stays as it was
            value["result"] = e.result
        claim_id = self.claim(org_ids[0], "org_change", value, e)
        if claim_id is None:
            return
        self.rows.add(
            org_changes,
            {
                "claim_id": claim_id,
                "article_id": self.article.id,
                "kind": e.type,
                "stage": e.status,
                "organisations": json.dumps(org_ids),
                "result_id": result_id,
                "date": e.effective or e.date,
                "observed": self.observed,
            },
        )

    def _merger_result(self, e, org_ids: list[str]) -> str | None:  # type: ignore[no-untyped-def]
        if len(e.organisations) >= 2:
            plain = [organisation_norm(n) for n in e.organisations]
            for joined in (" and ".join(plain), " and ".join(reversed(plain))):
                found = self.orgs.get(joined) or self.resolver.known_organisation(joined)
                if found is not None:
                    return found
        sentence = e.evidence.sentence if e.evidence else ""
        for name, org_id in zip(e.organisations, org_ids, strict=False):
            if re.search(rf"\binto (?:\w+ )?(?:the )?{re.escape(name)}", sentence):
                return org_id
        return None

    def _write_quote(self, q, event_id: str | None) -> None:  # type: ignore[no-untyped-def]
        s = q.speaker
        speaker_id = org_id = None
        if s is not None:
            org_id = self.org(s.organisation)
            if s.kind == "person":
                speaker_id = self.person(s.name)
            elif s.kind == "organisation":
                speaker_id = self.org(s.name)
        value = {"type": q.type, "text": q.text, "speaker": s.name if s else None}
        claim_id = self.claim(speaker_id, "quote", value, q)
        if claim_id is None:
            return
        self.rows.add(
            quotes,
            {
                "claim_id": claim_id,
                "article_id": self.article.id,
                "type": q.type,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "speaker_id": speaker_id,
                "speaker_name": s.name if s else None,
                "speaker_kind": s.kind if s else None,
                "speaker_role": s.role if s else None,
                "speaker_organisation": s.organisation if s else None,
                "speaker_organisation_id": org_id,
                "cue": q.cue,
                "stance": q.stance,
                "stance_cues": json.dumps(list(q.stance_cues)),
                "event_id": event_id,
                "observed": self.observed,
            },
        )
        self.rows.index_quote(claim_id, q.text, s.name if s else None)
