"""The org chart as SVG: every label inside its box, vacant posts said so, the full text of
a shortened label in the box's <title> (its tooltip), everything escaped."""

from __future__ import annotations

import re
from html import unescape

from sectorwatch import render
from sectorwatch.query.holders import Holder
from sectorwatch.query.orgchart import Line, Node, OrgChart

BOARD = "Fernleigh and Carrow Valley Integrated Care Board"


def holder(person_id: str, name: str, status: str = "current") -> Holder:
    return Holder(person_id, name, "post", status, None, None, None)


def chart(*nodes: Node, lines: tuple[Line, ...] = ()) -> OrgChart:
    return OrgChart(BOARD, "o-fernleigh", "2024-11-01", list(nodes), list(lines))


def boxes(svg: str) -> list[tuple[str, list[str]]]:
    """Each box's <title> and the lines of text drawn in it, unescaped."""
    out = []
    for group in re.findall(r'<g class="node[^"]*">(.*?)</g>', svg, re.S):
        title = unescape(re.search(r"<title>(.*?)</title>", group, re.S).group(1))
        texts = [unescape(t) for t in re.findall(r"<text[^>]*>(.*?)</text>", group, re.S)]
        out.append((title, texts))
    return out


def test_a_vacant_post_says_vacant_or_unknown_not_its_organisation():
    svg = render.to_svg(chart(Node("d", "post", "director of nursing", BOARD, [])))
    [(title, texts)] = boxes(svg)
    assert texts == ["director of nursing", "vacant or unknown"]
    assert title == "director of nursing: vacant or unknown"


def test_a_held_post_names_its_holders_with_their_status():
    post = Node(
        "c",
        "post",
        "chief executive",
        BOARD,
        [holder("p-ann-lee", "Ann Lee", "leaving"), holder("p-bo-ray", "Bo Ray")],
    )
    [(title, texts)] = boxes(render.to_svg(chart(post)))
    assert texts == ["chief executive", "Ann Lee (leaving); Bo Ray"]
    assert title == "chief executive: Ann Lee (leaving); Bo Ray"


def test_a_long_label_wraps_then_ends_with_an_ellipsis_and_the_title_has_it_all():
    role = "director of strategy, partnerships, transformation and organisational development"
    other = "Carrow Valley and Wexley Community Healthcare NHS Foundation Trust"
    post = Node("s", "post", role, other, [holder("p-ann-lee", "Ann Lee")])
    [(title, texts)] = boxes(render.to_svg(chart(post)))
    assert texts[:3] == ["director of strategy,", "partnerships, transformation…", "Ann Lee"]
    assert texts[3].endswith("…") and other.startswith(texts[3][:-1])  # another organisation
    assert title == f"{role}, {other}: Ann Lee"


def test_every_line_of_text_fits_inside_its_box():
    nodes = [
        Node("a", "post", "chief executive", BOARD, [holder("p-x", "Elizabeth " + "Wx" * 40)]),
        Node("b", "post", "x" * 120, "Some " * 30, []),
        Node("p-z", "person", "Professor Sir Reginald Wolstenholme-Bartholomew"),
    ]
    svg = render.to_svg(chart(*nodes, lines=(Line("b", "a"), Line("a", "p-z"))))
    box_width = int(re.search(r'<rect [^>]*width="(\d+)"', svg).group(1))
    drawn = re.findall(r'<text x="[^"]*" y="[^"]*"([^>]*)>(.*?)</text>', svg)
    inside = [(attrs, unescape(t)) for attrs, t in drawn if 'font-size="15"' not in attrs]
    assert len(inside) == 8  # 2 + 3 + 3 lines
    for attrs, text in inside:
        bold = 'font-weight="bold"' in attrs
        assert render.text_width(text, bold=bold) <= box_width - 20, text


def test_the_chart_scales_and_its_title_keeps_the_date():
    long_name = "The Very Long Named Northshire, Wexley and Carrow Valley Hospitals NHS Trust"
    svg = render.to_svg(
        OrgChart(long_name, "o-x", "2024-11-01", [Node("a", "post", "chair", long_name, [])])
    )
    width, height = re.search(r'width="(\d+)" height="(\d+)"', svg).groups()
    assert f'viewBox="0 0 {width} {height}"' in svg
    heading = [unescape(t) for t in re.findall(r'<text [^>]*font-size="15"[^>]*>(.*?)</text>', svg)]
    assert " ".join(heading) == f"{long_name} on 2024-11-01"
    assert all(render.text_width(t, 15, bold=True) <= int(width) - 48 for t in heading)


def test_names_and_labels_are_escaped_in_text_and_titles():
    hostile = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
    svg = render.to_svg(
        chart(Node("a", "post", hostile, hostile, [holder("p-x", hostile)])), links=True
    )
    assert "<img" not in svg and "<script" not in svg and "onerror=alert(1)>" not in svg
    assert "&lt;script&gt;" in svg


def test_with_links_a_box_with_one_holder_links_to_that_person():
    svg = render.to_svg(
        chart(
            Node("a", "post", "chair", BOARD, [holder("p-ann-lee", "Ann Lee")]),
            Node("b", "post", "chief executive", BOARD, []),
        ),
        links=True,
    )
    assert svg.count("<a href=") == 1 and '<a href="/person/p-ann-lee">' in svg
    assert "<a href=" not in render.to_svg(
        chart(Node("a", "post", "chair", BOARD, [holder("p-ann-lee", "Ann Lee")]))
    )


def test_fit_wraps_at_spaces_and_cuts_only_what_does_not_fit():
    assert render.fit("chief executive", 200) == ["chief executive"]
    assert render.fit("", 200) == []
    lines = render.fit("one two three four five six seven eight nine ten", 60, lines=2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert render.fit("Wolstenholme-Bartholomew", 60, lines=2)[0].endswith("…")
