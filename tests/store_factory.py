"""Hand-built extractions of fictional articles, for the store and query tests.

`build(text, ...)` finds each fact's span in the text, so a test states facts by their
words: role("Amara Quist", "chief executive", "Fernleigh Health Board", "current",
"Amara Quist, chief executive of Fernleigh Health Board").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sectorwatch.ingest.identity import article_id
from sectorwatch.model import (
    Article,
    Event,
    Evidence,
    Extraction,
    Mention,
    Paragraph,
    Quote,
    RoleFact,
    Speaker,
)


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _evidence(aid: str, text: str, start: int, end: int) -> Evidence:
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", end)
    e = len(text) if e == -1 else e
    return Evidence(aid, start, end, text[s:e], s, e)


@dataclass
class ArticleSpec:
    text: str
    published: str | None = "2024-03-04"
    title: str | None = None
    source: str = "fixture.txt"
    roles: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    version: str = "1.0.0"


def build(spec: ArticleSpec) -> Extraction:
    text = spec.text
    aid = article_id(text)
    paras, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            paras.append(Paragraph(pos, pos + len(line)))
        pos += len(line) + 1
    article = Article(
        id=aid,
        source=spec.source,
        text=text,
        title=spec.title or text.split("\n")[0],
        published=spec.published,
        paragraphs=paras,
    )
    ex = Extraction(
        article=article,
        organisation_aliases=dict(spec.aliases),
        extractor="sectorwatch",
        extractor_version=spec.version,
    )
    people: set[str] = set()
    for r in (dict(x) for x in spec.roles):
        s, e = _span(text, r.pop("words"))
        ex.roles.append(RoleFact(start=s, end=e, evidence=_evidence(aid, text, s, e), **r))
        people.add(r["person"])
    for ev in (dict(x) for x in spec.events):
        s, e = _span(text, ev.pop("words"))
        ex.events.append(Event(start=s, end=e, evidence=_evidence(aid, text, s, e), **ev))
        if ev.get("person"):
            people.add(ev["person"])
    for q in spec.quotes:
        s, e = _span(text, q["text"])
        speaker = Speaker(
            name=q.get("speaker"),
            kind=q.get("kind", "person"),
            role=q.get("role"),
            organisation=q.get("organisation"),
        )
        ex.quotes.append(
            Quote(
                type=q.get("type", "direct"),
                text=q["text"],
                start=s,
                end=e,
                speaker=speaker,
                cue=q.get("cue", "said"),
                stance=q.get("stance", "neutral"),
                evidence=_evidence(aid, text, s, e),
            )
        )
        if q.get("speaker") and q.get("kind", "person") == "person":
            people.add(q["speaker"])
    for name in sorted(people):
        if name in text:
            s, e = _span(text, name)
            ex.mentions.append(Mention("person", name, name, s, e))
    return ex


LEAVES = ArticleSpec(
    title="Amara Quist to leave the Fernleigh Health Board",
    published="2024-03-04",
    source="leaves.txt",
    text=(
        "Amara Quist to leave the Fernleigh Health Board\n"
        "Amara Quist, chief executive of the Fernleigh Health Board (FHB), is to step down "
        "at the end of June, the board announced on Friday.\n"
        "A new post of chief operating officer will be created, reporting directly to "
        "Tobias Wren, chair of the board.\n"
        "Joint regional directors will report to the chief operating officer.\n"
        'Dev Okafor, chief executive of the Coastal Care Alliance, said: "This is the right '
        'move for patients across the county."\n'
        'Hattie Lowe, director of the Patients First Network, said: "We are worried that '
        'another reorganisation will distract from waiting lists."\n'
        "Ms Quist said she was proud of what the team had achieved.\n"
    ),
    aliases={"Fernleigh Health Board": ["FHB"]},
    roles=[
        dict(
            person="Amara Quist",
            role="chief executive",
            organisation="Fernleigh Health Board",
            status="leaving",
            words="Amara Quist, chief executive of the Fernleigh Health Board",
        ),
        dict(
            person="Tobias Wren",
            role="chair",
            organisation="Fernleigh Health Board",
            status="current",
            words="Tobias Wren, chair of the board",
        ),
        dict(
            person="Dev Okafor",
            role="chief executive",
            organisation="Coastal Care Alliance",
            status="current",
            words="Dev Okafor, chief executive of the Coastal Care Alliance",
        ),
        dict(
            person="Hattie Lowe",
            role="director",
            organisation="Patients First Network",
            status="current",
            words="Hattie Lowe, director of the Patients First Network",
        ),
    ],
    events=[
        dict(
            type="departure",
            person="Amara Quist",
            role="chief executive",
            organisation="Fernleigh Health Board",
            status="announced",
            date="2024-03-01",
            effective="2024-06",
            words="is to step down at the end of June",
        ),
        dict(
            type="role_created",
            role="chief operating officer",
            organisation="Fernleigh Health Board",
            reports_to="Tobias Wren",
            status="announced",
            words="A new post of chief operating officer will be created",
        ),
        dict(
            type="reporting_line",
            subordinate="regional director",
            superior="chief operating officer",
            organisation="Fernleigh Health Board",
            words="Joint regional directors will report to the chief operating officer",
        ),
    ],
    quotes=[
        dict(
            text="This is the right move for patients across the county.",
            speaker="Dev Okafor",
            role="chief executive",
            organisation="Coastal Care Alliance",
            stance="welcome",
        ),
        dict(
            text="We are worried that another reorganisation will distract from waiting lists.",
            speaker="Hattie Lowe",
            role="director",
            organisation="Patients First Network",
            stance="concern",
        ),
        dict(
            type="indirect",
            text="she was proud of what the team had achieved",
            speaker="Amara Quist",
            role="chief executive",
            organisation="Fernleigh Health Board",
        ),
    ],
)

APPOINTED = ArticleSpec(
    title="Board names Jonah Pike as chief executive",
    published="2024-07-15",
    source="appointed.txt",
    text=(
        "Board names Jonah Pike as chief executive\n"
        "FHB has appointed Jonah Pike as its chief executive from 1 July, succeeding "
        "Amara Quist, who left the Fernleigh Health Board in June.\n"
        "Mr Pike said integrated care would be his first priority.\n"
    ),
    aliases={"Fernleigh Health Board": ["FHB"]},
    roles=[
        dict(
            person="Jonah Pike",
            role="chief executive",
            organisation="FHB",
            status="current",
            valid_from="2024-07-01",
            words="FHB has appointed Jonah Pike as its chief executive from 1 July",
        ),
        dict(
            person="Amara Quist",
            role="chief executive",
            organisation="Fernleigh Health Board",
            status="former",
            valid_to="2024-06",
            words="Amara Quist, who left the Fernleigh Health Board in June",
        ),
    ],
    events=[
        dict(
            type="appointment",
            person="Jonah Pike",
            role="chief executive",
            organisation="Fernleigh Health Board",
            status="completed",
            effective="2024-07-01",
            words="FHB has appointed Jonah Pike as its chief executive from 1 July",
        ),
    ],
    quotes=[
        dict(
            type="indirect",
            text="integrated care would be his first priority",
            speaker="Jonah Pike",
            role="chief executive",
            organisation="Fernleigh Health Board",
        ),
    ],
)
