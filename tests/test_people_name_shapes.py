"""The name shapes are tried only where they can match, with the matches of the full scan:
a first name before a surname an honorific introduced is found without a pattern compiled
per article, and the title a shape needs after "," or "as" is looked for backwards."""

from __future__ import annotations

import re

from sectorwatch.extract.entities.name_shapes import _after_as, _after_comma, first_then_surname

TEXT = (
    "Julia Okafor met Ms Okafor's deputy, Anne-Marie Okafors and Tom  Reed-Hale; Okafor "
    "Reed. Mary-Jane Reed, Jo\tReed-Hale, O'Reed Okafor, x-Ray Okafor and Bo Reedy."
)


def test_a_first_name_before_a_surname_as_the_compiled_alternation_finds_it():
    for surnames in ({"Okafor"}, {"Okafor", "Okafors"}, {"Reed", "Reed-Hale", "Okafor"}):
        alt = "|".join(re.escape(n) for n in sorted(surnames, key=len, reverse=True))
        pattern = rf"(?<![\w’'-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+({alt})(?![\w-])"
        expected = [
            (m.start(), m.end(), m.group(1), m.group(2)) for m in re.finditer(pattern, TEXT)
        ]
        got = [
            (m.start(), m.end(), m.group(1), m.group(2)) for m in first_then_surname(TEXT, surnames)
        ]
        assert got == expected, surnames
    assert [m.group(1) for m in first_then_surname(TEXT, {"Okafor"})] == ["Julia", "Ms"]


def test_the_title_after_a_comma_or_as_is_read_backwards_exactly():
    comma = re.compile(r",[ \t]+(?:the[ \t]+)?\Z")
    as_ = re.compile(r"[ \t]as[ \t]+(?:(?:the|its|interim|acting|new)[ \t]+)*\Z")
    heads = [
        "Jo Hale, ",
        "Jo Hale,\t the ",
        "Jo Hale, bathe ",
        "Jo Hale,the ",
        "Jo Hale the ",
        "joined as ",
        "joined as the new ",
        "joined as its acting  interim ",
        "joined has the ",
        "as the ",
        " as",
        "joined as the renew ",
        "",
    ]
    for head in heads:
        assert _after_comma(head, len(head)) == (comma.search(head) is not None), head
        assert _after_as(head, len(head)) == (as_.search(head) is not None), head
