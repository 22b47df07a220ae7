"""A small invented corpus for the scale tests and benchmarks: JSONL shards of short
health-news articles about fictional people and organisations."""

from __future__ import annotations

import json
from pathlib import Path

PEOPLE = [
    ("Morwenna Tallis", "Fenwick Vale NHS Foundation Trust", "chief executive"),
    ("Idris Cavell", "Ashcombe Integrated Care Board", "chair"),
    ("Selma Okonjo", "Kestrel Coast Partnership", "chief operating officer"),
    ("Bram Oduya", "Marlow Fen Hospitals Trust", "medical director"),
    ("Tamsin Reade", "Wendover Community Health Trust", "chief nurse"),
    ("Ossian Pell", "Harbourside Mental Health Trust", "finance director"),
]
COMMENTERS = [
    ("Linnea Graves", "chief executive", "Patients First Network"),
    ("Caspar Hale", "director of policy", "Community Care Forum"),
]


def article_record(n: int) -> dict:
    name, org, role = PEOPLE[n % len(PEOPLE)]
    speaker, speaker_role, speaker_org = COMMENTERS[n % len(COMMENTERS)]
    surname = name.split()[-1]
    text = (
        f"{name} to leave {org}\n\n"
        f"{name}, {role} of {org}, is to step down after {n + 3} years in the post, the "
        f"trust announced on day {n} of the month.\n\n"
        f'{speaker}, {speaker_role} of the {speaker_org}, said: "{surname} has steered the '
        f'organisation through a difficult period and leaves it in a stronger place."\n\n'
        f"The board said an interim {role} would be named within {n % 5 + 2} weeks and that "
        f"services for patients would not be affected.\n"
    )
    return {
        "url": f"https://news.example.org/story-{n}",
        "title": f"{name} to leave {org}",
        "published": f"2024-03-{n % 28 + 1:02d}",
        "text": text,
    }


def write_shards(folder: Path, articles: int, shards: int) -> list[Path]:
    """`articles` invented articles spread over `shards` JSONL files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"shard-{s:03d}.jsonl" for s in range(shards)]
    lines: list[list[str]] = [[] for _ in paths]
    for n in range(articles):
        lines[n % shards].append(json.dumps(article_record(n)))
    for path, shard in zip(paths, lines, strict=True):
        path.write_text("\n".join(shard) + "\n", encoding="utf-8")
    return paths
