"""A speaker found in the text: what every speaker finder returns."""

from __future__ import annotations

from dataclasses import dataclass

from sectorwatch.model import Speaker


@dataclass
class Found:
    name: str | None
    kind: str  # person, organisation, document
    at: int
    end: int
    owns_document: bool = False  # the owner of a document that is the subject
    first_person: bool = False  # "I" or "you" in a Q&A interview

    def speaker(self) -> Speaker:
        return Speaker(name=self.name, kind=self.kind)  # type: ignore[arg-type]
