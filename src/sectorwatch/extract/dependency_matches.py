"""The dependency patterns of `data/dependency_patterns.json` matched over a parsed doc's
arrays (heads, labels, tags), giving what spaCy's `DependencyMatcher` gives for them.

The patterns use one relation, `>` (the right node is a child of the left), and
`RIGHT_ATTRS` on `DEP` and `TAG` (a value, or `{"IN": [...]}`); `compile_patterns` refuses
anything else, so a pattern added to the data file that this reader cannot match is an
error, not a silent miss. The matches, per pattern, are the ones spaCy finds, in its order:
tree by tree (each tree of the doc from its first word that fits any node of any pattern),
then every node's words in order, the first node varying slowest. Token indices only: the
rules read the doc itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

ATTRIBUTES = ("DEP", "TAG")
"""The token attributes a node may test, in the order of the doc's array columns."""
RELATION = ">"


class UnsupportedPattern(ValueError):
    """A dependency pattern with a relation or attribute this reader does not match."""


@dataclass(frozen=True)
class Node:
    """One node of a pattern: the node it hangs from (`parent`, an earlier node; -1 for the
    root) and, per attribute it tests (`ATTRIBUTES` index), the string ids it accepts."""

    parent: int
    tests: tuple[tuple[int, frozenset[int]], ...]


@dataclass(frozen=True)
class DependencyPattern:
    name: str
    nodes: tuple[Node, ...]


def compile_patterns(
    patterns: Mapping[str, Sequence[Mapping[str, Any]]],
) -> tuple[DependencyPattern, ...]:
    """The patterns (name -> `DependencyMatcher` pattern), in order, ready to match."""
    from spacy.strings import get_string_id

    out = []
    for name, pattern in patterns.items():
        ids: dict[str, int] = {}
        nodes = []
        for i, spec in enumerate(pattern):
            if i == 0:
                if set(spec) != {"RIGHT_ID", "RIGHT_ATTRS"}:
                    raise UnsupportedPattern(f"{name}: the first node has only an id and attrs")
                parent = -1
            else:
                if spec.get("REL_OP") != RELATION or spec.get("LEFT_ID") not in ids:
                    raise UnsupportedPattern(
                        f"{name}: node {spec.get('RIGHT_ID')!r} must hang ('>') from an "
                        "earlier node"
                    )
                parent = ids[spec["LEFT_ID"]]
            tests = []
            for attr, value in spec["RIGHT_ATTRS"].items():
                if attr not in ATTRIBUTES:
                    raise UnsupportedPattern(f"{name}: attribute {attr!r} is not read")
                if isinstance(value, dict):
                    if set(value) != {"IN"}:
                        raise UnsupportedPattern(f"{name}: {attr} takes a value or IN only")
                    values = value["IN"]
                else:
                    values = [value]
                accepted = frozenset(get_string_id(v) for v in values)
                tests.append((ATTRIBUTES.index(attr), accepted))
            ids[spec["RIGHT_ID"]] = i
            nodes.append(Node(parent, tuple(tests)))
        out.append(DependencyPattern(name, tuple(nodes)))
    return tuple(out)


def dependency_matches(
    doc: Doc, patterns: Sequence[DependencyPattern]
) -> dict[str, list[tuple[int, ...]]]:
    """Every pattern's matches in a parsed doc: name -> token indices in node order (names
    without a match left out)."""
    from spacy.attrs import DEP, HEAD, TAG

    n = len(doc)
    if n == 0:
        return {}
    rows = doc.to_array([HEAD, DEP, TAG]).tolist()
    heads = []
    index: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})  # value -> words
    for i, (head, dep, tag) in enumerate(rows):
        heads.append(i + (head - (1 << 64) if head >= 1 << 63 else head))
        index[0].setdefault(dep, []).append(i)
        index[1].setdefault(tag, []).append(i)
    fitting: dict[tuple[tuple[int, frozenset[int]], ...], list[int]] = {}  # nodes share tests
    fits: list[list[list[int]]] = []
    for p in patterns:
        fits.append([])
        for node in p.nodes:
            if node.tests not in fitting:
                fitting[node.tests] = _fitting(node, index, n)
            fits[-1].append(fitting[node.tests])
    rank = _tree_ranks(heads, fits)
    out: dict[str, list[tuple[int, ...]]] = {}
    for pattern, candidates in zip(patterns, fits, strict=True):
        found: list[tuple[int, ...]] = []
        _extend(pattern.nodes, candidates, heads, [], found)
        if found:
            if rank is not None:  # more than one tree: spaCy gives them tree by tree
                found.sort(key=lambda m: rank[m[0]])
            out[pattern.name] = found
    return out


def _fitting(node: Node, index: tuple[dict[int, list[int]], ...], n: int) -> list[int]:
    """The words whose attributes the node accepts, in order."""
    if not node.tests:
        return list(range(n))
    words: set[int] | None = None
    for column, accepted in node.tests:
        these = {i for value in accepted for i in index[column].get(value, ())}
        words = these if words is None else words & these
    return sorted(words or ())


def _extend(
    nodes: tuple[Node, ...],
    candidates: list[list[int]],
    heads: list[int],
    partial: list[int],
    found: list[tuple[int, ...]],
) -> None:
    """Every match that extends `partial` (words for the first nodes), in product order."""
    k = len(partial)
    if k == len(nodes):
        found.append(tuple(partial))
        return
    parent = nodes[k].parent
    for i in candidates[k]:
        if parent >= 0 and (heads[i] != partial[parent] or i == partial[parent]):
            continue
        partial.append(i)
        _extend(nodes, candidates, heads, partial, found)
        partial.pop()


def _tree_ranks(heads: list[int], fits: list[list[list[int]]]) -> list[int] | None:
    """Each word's tree's place in spaCy's order (trees by their first word that fits any
    node); None when the doc is one tree, or the fitting words all lie in one."""
    if sum(1 for i, h in enumerate(heads) if h == i) <= 1:
        return None
    roots = [_root(heads, i) for i in range(len(heads))]
    first: dict[int, int] = {}
    for i in sorted({i for nodes in fits for words in nodes for i in words}):
        first.setdefault(roots[i], len(first))
    if len(first) <= 1:
        return None
    return [first.get(r, len(first)) for r in roots]


def _root(heads: list[int], i: int) -> int:
    seen = 0
    while heads[i] != i and seen <= len(heads):
        i, seen = heads[i], seen + 1
    return i
