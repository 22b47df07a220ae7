"""The command-line documentation cannot drift from the command line (datasette style).

Every command of the Typer app has a section in docs/cli.md (a heading naming it in
backticks, `sectorwatch NAME`); every option of it (each flag, long and short) is named in
that section, and every option listed there (a bullet starting with a flag) exists. Every
`sectorwatch ...` line of the README's tour names a real command and only options that
command has.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import typer

from sectorwatch.cli.main import app

ROOT = Path(__file__).resolve().parents[1]
CLI_DOC = ROOT / "docs" / "cli.md"
README = ROOT / "README.md"
HEADING = re.compile(r"^(#{1,6}) `sectorwatch ([a-z][a-z-]*)`\s*$", re.MULTILINE)
LISTED_FLAG = re.compile(r"^- `(-{1,2}[a-z][a-z-]*)", re.MULTILINE)
UNIVERSAL = {"--help"}


def commands() -> dict[str, Any]:
    """Name -> click command. (Typer 0.29 vendors click as typer._click: no isinstance
    checks against the `click` package.)"""
    group = typer.main.get_command(app)
    return {name: cmd for name, cmd in group.commands.items() if not cmd.hidden}


def flags(command: Any) -> set[str]:
    """Every flag of a command's options, long and short (and --no-x forms)."""
    found: set[str] = set()
    for param in command.params:
        if param.param_type_name == "option" and not getattr(param, "hidden", False):
            found.update(param.opts)
            found.update(param.secondary_opts)
    return found - UNIVERSAL


def named(flag: str, section: str) -> bool:
    """`--flag` or `--flag VALUE` in backticks: the flag itself, not a longer one."""
    return re.search(rf"`{re.escape(flag)}[` ]", section) is not None


def sections(text: str) -> dict[str, str]:
    """Command name -> the text of its section (up to the next heading of any level)."""
    out: dict[str, str] = {}
    heads = list(HEADING.finditer(text))
    for head in heads:
        rest = text[head.end() :]
        following = re.search(r"^#{1,6} ", rest, re.MULTILINE)
        out[head.group(2)] = rest[: following.start()] if following else rest
    return out


DOC_SECTIONS = sections(CLI_DOC.read_text(encoding="utf-8"))
COMMANDS = commands()


def test_the_app_has_commands():
    assert {"extract", "ingest", "who", "serve"} <= set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_a_section(name):
    assert name in DOC_SECTIONS, f"docs/cli.md has no heading ### `sectorwatch {name}`"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_is_documented_in_its_commands_section(name):
    section = DOC_SECTIONS.get(name, "")
    missing = sorted(f for f in flags(COMMANDS[name]) if not named(f, section))
    assert not missing, f"`sectorwatch {name}` options missing from docs/cli.md: {missing}"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_listed_option_exists(name):
    listed = set(LISTED_FLAG.findall(DOC_SECTIONS.get(name, "")))
    stale = sorted(listed - flags(COMMANDS[name]))
    assert not stale, f"docs/cli.md lists options `sectorwatch {name}` does not have: {stale}"


def test_no_section_for_a_command_that_does_not_exist():
    stale = sorted(set(DOC_SECTIONS) - set(COMMANDS))
    assert not stale, f"docs/cli.md documents commands that do not exist: {stale}"


def tour_lines() -> list[str]:
    text = README.read_text(encoding="utf-8")
    tour = re.search(r"^## A short tour\n(.*?)(?=^## )", text, re.MULTILINE | re.DOTALL)
    assert tour, 'README.md has no "## A short tour" section'
    lines = []
    for line in tour.group(1).splitlines():
        line = line.split("  #", 1)[0].strip()
        if line.startswith("sectorwatch "):
            lines.append(line)
    return lines


def test_the_tour_has_command_lines():
    assert len(tour_lines()) >= 5


@pytest.mark.parametrize("line", tour_lines())
def test_each_tour_line_names_a_command_and_its_options(line):
    words = shlex.split(line.split(">", 1)[0])
    name = words[1]
    assert name in COMMANDS, f"README tour: `{line}` names no command"
    unknown = [w for w in words[2:] if w.startswith("-") and w != "-"]
    unknown = [w for w in unknown if w.split("=", 1)[0] not in flags(COMMANDS[name])]
    assert not unknown, f"README tour: `{line}` uses options {name} does not have: {unknown}"
