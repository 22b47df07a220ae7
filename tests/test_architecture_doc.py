"""docs/architecture.md is the map of the tree: every file and folder it names exists,
every package of `sectorwatch` has its row, and the four "where does this change go"
questions are answered. No committed file names a path of one machine."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "architecture.md"
NAMED_PATH = re.compile(r"`((?:src|tests|docs|benchmarks|samples)/[^`\s]*)`")
MACHINE_PATH = re.compile(r"(?:^|[^\w.~-])/(?:work|home|Users)/\w")


def _exists(path: str) -> bool:
    """A file or folder, or a pattern (`tests/test_serve_*.py`) that matches one."""
    if "*" in path:
        return any(ROOT.glob(path))
    return (ROOT / path.rstrip("/")).exists()


def test_every_path_the_map_names_exists() -> None:
    named = sorted(set(NAMED_PATH.findall(DOC.read_text(encoding="utf-8"))))
    assert named, "docs/architecture.md names no paths"
    missing = [p for p in named if "<" not in p and not _exists(p)]
    assert missing == []


def test_every_package_has_its_row() -> None:
    text = DOC.read_text(encoding="utf-8")
    packages = sorted(
        p.parent.relative_to(ROOT).as_posix() + "/"
        for p in (ROOT / "src" / "sectorwatch").glob("*/__init__.py")
    )
    assert [p for p in packages if f"| `{p}`" not in text and f"`{p}`" not in text] == []


@pytest.mark.parametrize(
    "heading",
    [
        "### A new quote style",
        "### A new event type",
        "### A new store backend",
        "### A new web page",
    ],
)
def test_the_map_says_where_each_change_goes(heading: str) -> None:
    assert any(line.startswith(heading) for line in DOC.read_text(encoding="utf-8").splitlines())


def test_no_committed_file_names_a_path_of_one_machine() -> None:
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    found = []
    for name in files:
        path = ROOT / name
        if not path.is_file() or path.suffix in (".png", ".gz", ".warc", ".db", ".pyc"):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        found += [
            f"{name}:{n}"
            for n, line in enumerate(text.splitlines(), 1)
            if MACHINE_PATH.search(line)
        ]
    assert found == []


def test_there_is_no_notes_folder() -> None:
    assert not (ROOT / "notes").exists()
