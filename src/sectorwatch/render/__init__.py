"""Rendering answers for people: org charts as text, Graphviz dot and SVG (a simple layered
layout, no Graphviz needed), and text measured without font files. Used by the CLI
(`orgchart --format`) and the web (org chart pages and downloads) alike. Renders query
answers (`sectorwatch.query`); never asks the store itself.
"""

from __future__ import annotations

from sectorwatch.render.measure import fit, text_width
from sectorwatch.render.orgchart import node_label, to_dot, to_svg, to_text, tooltip

__all__ = ["fit", "node_label", "text_width", "to_dot", "to_svg", "to_text", "tooltip"]
