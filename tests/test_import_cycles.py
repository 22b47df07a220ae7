"""The package's import graph has no cycles.

The graph is built with `ast` over `src/sectorwatch/**/*.py`: an edge runs from a module to
every `sectorwatch` module it imports, at module level or inside a function (a deferred
import that breaks a cycle is still a cycle: the two modules still need each other).
Imports under `if TYPE_CHECKING:` are left out, since they never run. `from package import
name` points at `package.name` when that is a module, else at the package. A package's
`__init__` importing its own submodules is not a cycle by itself; a submodule importing
back from its package `__init__` while that `__init__` imports it is.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "sectorwatch"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(nodes: list[ast.AST]) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and _is_type_checking(node):
                visit(list(node.orelse))
            elif isinstance(node, ast.Import | ast.ImportFrom):
                found.append(node)
            else:
                visit(list(ast.iter_child_nodes(node)))

    visit([tree])
    return found


def edges(name: str, is_package: bool, tree: ast.AST, known: set[str]) -> set[str]:
    """The modules of `known` that module `name` imports."""
    found: set[str] = set()
    for node in _imports(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module -> the `sectorwatch` modules it imports."""
    files = {_module_name(path): path for path in (SRC / PACKAGE).rglob("*.py")}
    known = set(files)
    return {
        name: edges(
            name, path.name == "__init__.py", ast.parse(path.read_text(encoding="utf-8")), known
        )
        for name, path in files.items()
    }


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected component with more than one module, as one cycle in it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return [_one_cycle(graph, set(component)) for component in components]


def _one_cycle(graph: dict[str, set[str]], component: set[str]) -> list[str]:
    start = min(component)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node] & component):
            if target == start:
                return [*paths[node], start]
            if target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    raise AssertionError(f"no cycle through {start}")  # pragma: no cover


def test_the_package_has_no_import_cycles() -> None:
    cycles = find_cycles(import_graph())
    assert [" -> ".join(cycle) for cycle in cycles] == []


def test_a_cycle_is_found_and_named() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycles(graph) == [["a", "b", "c", "a"]]


KNOWN = {"sectorwatch.store", "sectorwatch.store.db", "sectorwatch.store.rows"}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import sectorwatch.store.db\n", {"sectorwatch.store.db"}),
        ("import json\n", set()),
        ("from sectorwatch.store import db\n", {"sectorwatch.store.db"}),
        ("from sectorwatch.store import connect\n", {"sectorwatch.store"}),
        ("from sectorwatch.store.db import connect\n", {"sectorwatch.store.db"}),
        ("from . import rows\n", {"sectorwatch.store.rows"}),
        ("from .rows import insert\n", {"sectorwatch.store.rows"}),
        ("def f():\n    from sectorwatch.store import db\n", {"sectorwatch.store.db"}),
        (
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    import sectorwatch.store.rows\n"
            "else:\n    import sectorwatch.store\n",
            {"sectorwatch.store"},
        ),
    ],
)
def test_module_and_function_level_imports_are_edges(source: str, expected: set[str]) -> None:
    assert edges("sectorwatch.store.writer", False, ast.parse(source), KNOWN) == expected


LAYERS_NEVER_IMPORT = [
    ("ingest", "extract"),
    ("ingest", "store"),
    ("extract", "store"),
    ("extract", "query"),
    ("dedup", "store"),
    ("store", "query"),
    ("store", "scale"),
    ("store", "serve"),
    ("store", "cli"),
    ("query", "scale"),
    ("query", "serve"),
    ("query", "cli"),
    ("query", "render"),
    ("render", "store"),
    ("render", "serve"),
    ("render", "cli"),
    ("serve", "cli"),
]
"""(package, package it must never import): the pipeline runs one way; rendering draws
query answers for the CLI and the web alike, asking the store nothing; the algorithm of
near-duplicates (`dedup`) knows nothing of where its signatures are kept."""


def test_no_layer_imports_one_above_it() -> None:
    graph = import_graph()
    leaks = sorted(
        f"{module} -> {target}"
        for low, high in LAYERS_NEVER_IMPORT
        for module, targets in graph.items()
        if module == f"{PACKAGE}.{low}" or module.startswith(f"{PACKAGE}.{low}.")
        for target in targets
        if target == f"{PACKAGE}.{high}" or target.startswith(f"{PACKAGE}.{high}.")
    )
    assert leaks == []


def test_the_near_duplicate_algorithm_does_no_io() -> None:
    used = set()
    for path in (SRC / PACKAGE / "dedup").rglob("*.py"):
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            used |= {(name or "").split(".")[0] for name in names}
    assert used & {"sqlalchemy", "os", "pathlib", "io", "open", "sqlite3", "psycopg"} == set()


def test_only_the_store_uses_table_objects() -> None:
    """The query layer (and the CLI, the web and the workers) ask the store their
    questions by name (`store.reads`, `store.quote_reads`, `store.entity_reads`,
    `store.article_reads`, full-text search `store.fts`) and never build a statement on
    `store.schema`'s tables themselves: what a table looks like is the store's business."""
    graph = import_graph()
    on_tables = sorted(
        module
        for module, targets in graph.items()
        if not module.startswith(f"{PACKAGE}.store.") and f"{PACKAGE}.store.schema" in targets
    )
    assert on_tables == []
