"""Org charts as text, Graphviz dot and SVG (a simple layered layout, no Graphviz needed)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from sectorwatch.query.orgchart import Node, OrgChart
from sectorwatch.render.measure import fit


def node_label(node: Node) -> str:
    if node.kind == "person":
        return node.label
    label = node.label + (f", {node.organisation}" if node.organisation else "")
    if node.holders:
        who = "; ".join(
            h.name + ("" if h.status == "current" else f" ({h.status})") for h in node.holders
        )
        return f"{label}: {who}"
    return f"{label}: (vacant or unknown)"


def _children(chart: OrgChart) -> tuple[dict[str, list[str]], list[str]]:
    children: dict[str, list[str]] = {n.id: [] for n in chart.nodes}
    has_superior = set()
    for line in chart.lines:
        if line.superior in children and line.subordinate in children:
            children[line.superior].append(line.subordinate)
            has_superior.add(line.subordinate)
    roots = [n.id for n in chart.nodes if n.id not in has_superior]
    return children, roots


def to_text(chart: OrgChart) -> str:
    nodes = {n.id: n for n in chart.nodes}
    children, roots = _children(chart)
    out = [f"{chart.organisation} on {chart.on}"]
    seen: set[str] = set()

    def walk(node_id: str, depth: int) -> None:
        if node_id in seen:
            return
        seen.add(node_id)
        prefix = "- " if depth == 0 else "  " * depth + "└ "
        out.append(prefix + node_label(nodes[node_id]))
        for child in children[node_id]:
            walk(child, depth + 1)

    for root in roots:
        walk(root, 0)
    for line in chart.lines:
        if line.evidence:
            sub, sup = nodes[line.subordinate], nodes[line.superior]
            out.append(
                f"  [{sub.label} → {sup.label}] {line.evidence.published or '?'} "
                f"{line.evidence.title or line.evidence.article_id}: {line.evidence.sentence}"
            )
    return "\n".join(out)


def to_dot(chart: OrgChart) -> str:
    out = ["digraph orgchart {", "  rankdir=BT;", '  node [shape=box, fontname="sans-serif"];']
    for n in chart.nodes:
        label = node_label(n).replace('"', '\\"')
        shape = "ellipse" if n.kind == "person" else "box"
        out.append(f'  "{n.id}" [label="{label}", shape={shape}];')
    for line in chart.lines:
        out.append(f'  "{line.subordinate}" -> "{line.superior}" [label="reports to"];')
    out.append("}")
    return "\n".join(out)


def _levels(chart: OrgChart) -> dict[str, int]:
    children, roots = _children(chart)
    level = {r: 0 for r in roots}
    frontier = list(roots)
    for _ in range(len(chart.nodes)):
        nxt = []
        for node in frontier:
            for child in children[node]:
                if level.get(child, -1) < level[node] + 1 and level[node] < len(chart.nodes):
                    level[child] = level[node] + 1
                    nxt.append(child)
        frontier = nxt
    for n in chart.nodes:
        level.setdefault(n.id, 0)
    return level


VACANT = "vacant or unknown"


@dataclass
class _Box:
    """One node's drawn text, (line, style) pairs with style head | body | muted, and its
    full text for the tooltip."""

    node: Node
    lines: list[tuple[str, str]]
    title: str


def _box_lines(node: Node, chart: OrgChart, inner: float) -> list[tuple[str, str]]:
    lines = [(t, "head") for t in fit(node.label, inner, 2, bold=True)]
    if node.kind != "post":
        return lines
    if node.holders:
        who = "; ".join(
            h.name + ("" if h.status == "current" else f" ({h.status})") for h in node.holders
        )
        lines += [(t, "body") for t in fit(who, inner, 2)]
    else:
        lines.append((VACANT, "muted"))
    if node.organisation and node.organisation != chart.organisation:
        lines += [(t, "muted") for t in fit(node.organisation, inner, 1)]
    return lines


def _rows(chart: OrgChart, columns: int) -> tuple[list[list[Node]], list[list[Node]]]:
    """The nodes on reporting lines, one row per level (superiors first, each level in the
    order of its superiors), and the nodes on no line; rows wrapped at `columns`."""
    children, _ = _children(chart)
    on_lines = {x for line in chart.lines for x in (line.subordinate, line.superior)}
    level = _levels(chart)
    parent_rank: dict[str, int] = {}
    rows: list[list[Node]] = []
    for depth in range(max(level.values(), default=-1) + 1):
        row = [n for n in chart.nodes if n.id in on_lines and level[n.id] == depth]
        row.sort(key=lambda n: parent_rank.get(n.id, 0))
        for i, n in enumerate(row):
            for child in children[n.id]:
                parent_rank.setdefault(child, i)
        rows += [row[i : i + columns] for i in range(0, len(row), columns)]
    alone = [n for n in chart.nodes if n.id not in on_lines]
    return rows, [alone[i : i + columns] for i in range(0, len(alone), columns)]


def _attr(text: str) -> str:
    return escape(text, quote=True)


def _title_lines(chart: OrgChart, width: float) -> list[str]:
    """The chart's heading in at most three lines; the date is never the part cut off."""
    heading = f"{chart.organisation} on {chart.on}"
    lines = fit(heading, width, 2, size=15, bold=True)
    if lines and lines[-1].endswith("…"):
        lines = [*fit(chart.organisation, width, 2, size=15, bold=True), f"on {chart.on}"]
    return lines


def to_svg(chart: OrgChart, *, links: bool = False) -> str:
    """The chart as a standalone SVG: boxes in rows by level, a line from each post to the
    one it reports to, posts on no reporting line in a grid below. Every label fits its box
    (wrapped, else cut with an ellipsis) and each box's <title> holds its full text. The
    SVG has a viewBox, so a stylesheet can scale it down. With `links`, a box whose post has
    one holder (or that is a person) links to that person's page."""
    box_w, pad, line_h, gap_x, gap_y, columns = 236, 10, 16, 24, 44, 4
    rows, alone = _rows(chart, columns)
    inner = box_w - 2 * pad
    boxes = {n.id: _Box(n, _box_lines(n, chart, inner), tooltip(n, chart)) for n in chart.nodes}
    across = max((len(r) for r in rows + alone), default=1)
    width = max(across * (box_w + gap_x) + gap_x, 2 * box_w + 3 * gap_x)
    title = _title_lines(chart, width - 2 * gap_x)
    out = [f"<title>{escape(f'{chart.organisation} on {chart.on}')}</title>"]
    for i, words in enumerate(title):
        out.append(
            f'<text x="{gap_x}" y="{32 + 20 * i}" font-size="15" font-weight="bold" '
            f'fill="#1d2330">{escape(words)}</text>'
        )
    y = 36 + 20 * len(title)
    place: dict[str, tuple[int, int, int]] = {}  # node id: x, y, height

    def lay_out(row_list: list[list[Node]], gap: int) -> None:
        nonlocal y
        for row in row_list:
            h = 2 * pad + line_h * max(len(boxes[n.id].lines) for n in row)
            for i, n in enumerate(row):
                place[n.id] = (gap_x + i * (box_w + gap_x), y, h)
            y += h + gap

    lay_out(rows, gap_y)
    if alone and rows:
        out.append(
            f'<text x="{gap_x}" y="{y + 4}" fill="#555">'
            "Posts with no reporting line recorded</text>"
        )
        y += 24
    lay_out(alone, gap_y // 2)
    height = y - (gap_y // 2 if alone else gap_y if rows else 0) + gap_x
    for line in chart.lines:
        if line.subordinate in place and line.superior in place:
            (x1, y1, _), (x2, y2, h2) = place[line.subordinate], place[line.superior]
            out.append(
                f'<line x1="{x1 + box_w // 2}" y1="{y1}" x2="{x2 + box_w // 2}" '
                f'y2="{y2 + h2}" stroke="#667" stroke-width="1.2"/>'
            )
    for node_id, (x, top, h) in place.items():
        out.append(_box_svg(boxes[node_id], x, top, box_w, h, pad, line_h, links))
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="orgchart cols-{across}" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="sans-serif" font-size="12">'
    )
    return "\n".join([head, *out, "</svg>"])


def tooltip(node: Node, chart: OrgChart) -> str:
    """A box's full text (its <title>): post, its organisation when not the chart's, and
    who holds it with their status, or "vacant or unknown"."""
    if node.kind != "post":
        return node.label
    post = node.label
    if node.organisation and node.organisation != chart.organisation:
        post += f", {node.organisation}"
    who = "; ".join(
        h.name + ("" if h.status == "current" else f" ({h.status})") for h in node.holders
    )
    return f"{post}: {who or VACANT}"


def _link(node: Node) -> str | None:
    if node.kind == "person":
        return f"/person/{node.id}"
    if len(node.holders) == 1 and node.holders[0].person_id:
        return f"/person/{node.holders[0].person_id}"
    return None


_STYLE = {
    "head": ' font-weight="bold" fill="#1d2330"',
    "body": ' fill="#1d2330"',
    "muted": ' font-style="italic" fill="#555"',
}


def _box_svg(box: _Box, x: int, y: int, w: int, h: int, pad: int, line_h: int, links: bool) -> str:
    node = box.node
    vacant = node.kind == "post" and not node.holders
    rx = 18 if node.kind == "person" else 4
    fill, stroke = ("#fafafa", "#99a") if vacant else ("#f4f6fb", "#336")
    dash = ' stroke-dasharray="4 3"' if vacant else ""
    parts = [
        f'<g class="node node-{node.kind}"><title>{escape(box.title)}</title>',
        f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{rx}" fill="{fill}" '
        f'stroke="{stroke}"{dash}/>',
    ]
    for i, (text, style) in enumerate(box.lines):
        parts.append(
            f'<text x="{x + pad}" y="{y + pad + 12 + i * line_h}"{_STYLE[style]}>'
            f"{escape(text)}</text>"
        )
    parts.append("</g>")
    href = _link(node) if links else None
    if href:
        return f'<a href="{_attr(href)}">' + "".join(parts) + "</a>"
    return "".join(parts)
