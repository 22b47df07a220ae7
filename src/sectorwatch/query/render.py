"""Org charts as text, Graphviz dot and SVG (a simple layered layout, no Graphviz needed)."""

from __future__ import annotations

from html import escape

from sectorwatch.query.orgchart import Node, OrgChart


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


def to_svg(chart: OrgChart) -> str:
    box_w, box_h, gap_x, gap_y = 260, 56, 30, 60
    level = _levels(chart)
    rows: dict[int, list[Node]] = {}
    for n in chart.nodes:
        rows.setdefault(level[n.id], []).append(n)
    width = max((len(r) for r in rows.values()), default=1) * (box_w + gap_x) + gap_x
    height = (max(rows, default=0) + 1) * (box_h + gap_y) + gap_y + 30
    pos: dict[str, tuple[int, int]] = {}
    for depth, row in rows.items():
        for i, n in enumerate(row):
            pos[n.id] = (gap_x + i * (box_w + gap_x), 30 + gap_y + depth * (box_h + gap_y))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f'<text x="{gap_x}" y="24" font-size="14" font-weight="bold">'
        f"{escape(chart.organisation)} on {escape(chart.on)}</text>",
    ]
    for line in chart.lines:
        if line.subordinate in pos and line.superior in pos:
            (x1, y1), (x2, y2) = pos[line.subordinate], pos[line.superior]
            out.append(
                f'<line x1="{x1 + box_w // 2}" y1="{y1}" x2="{x2 + box_w // 2}" '
                f'y2="{y2 + box_h}" stroke="#555"/>'
            )
    for n in chart.nodes:
        x, y = pos[n.id]
        rx = 24 if n.kind == "person" else 4
        out.append(
            f'<g><title>{escape(node_label(n))}</title><rect x="{x}" y="{y}" width="{box_w}" '
            f'height="{box_h}" rx="{rx}" fill="#f4f6fb" stroke="#336"/>'
        )
        first = n.label if n.kind == "person" else n.label
        second = (
            "; ".join(h.name for h in n.holders)
            if n.holders
            else (n.organisation or "" if n.kind == "post" else "")
        )
        out.append(f'<text x="{x + 8}" y="{y + 22}" font-weight="bold">{escape(first[:40])}</text>')
        out.append(f'<text x="{x + 8}" y="{y + 42}">{escape(second[:44])}</text></g>')
    out.append("</svg>")
    return "\n".join(out)
