"""Quote marks: which marks open and close a quote, and which are apostrophes."""

from sectorwatch.extract.quotes.marks import find_quoted_spans


def quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quoted_spans(text)]


def test_curly_double_quotes():
    assert quoted("She said: “We are ready.”") == ["We are ready."]


def test_straight_double_quotes():
    assert quoted('"We are ready," said Mr Lane.') == ["We are ready,"]


def test_curly_single_quotes_with_apostrophes_inside():
    text = "‘Ian’s work and the arm’s length bodies don’t help, and I’d say so.’"
    assert quoted(text) == ["Ian’s work and the arm’s length bodies don’t help, and I’d say so."]


def test_acronym_possessive_is_not_a_closer():
    assert quoted("‘NHSE and I’s battered staff deserve better.’") == [
        "NHSE and I’s battered staff deserve better."
    ]


def test_plural_possessive_outside_a_quote_is_an_apostrophe():
    assert quoted("Mr Lane’ incentives and the trusts’ finances changed.") == []


def test_plural_possessive_inside_a_quote_does_not_close_it():
    assert quoted("‘We back the trusts’ plans in full,’ she said.") == [
        "We back the trusts’ plans in full,"
    ]


def test_straight_single_quotes_and_apostrophes():
    assert quoted("He said 'it isn't over' and the ministers' plans stand.") == ["it isn't over"]


def test_mismatched_pair_closes():
    assert quoted("‘We will not be moved,” she said.") == ["We will not be moved,"]


def test_quote_within_quote_stays_inside():
    assert quoted("“They called it ‘a fresh start’, and it was,” he said.") == [
        "They called it ‘a fresh start’, and it was,"
    ]


def test_unclosed_quote_ends_at_paragraph_end():
    spans = find_quoted_spans("‘The first paragraph of a long quote.")
    assert len(spans) == 1 and not spans[0].closed


def test_no_break_space_after_closing_mark():
    text = "this role will ‘be quite different’\xa0from the one before"
    assert quoted(text) == ["be quite different"]


def test_straight_plural_possessive_inside_a_double_quote():
    assert quoted("\"Our members' patience is not unlimited, and nor is the workforce.") == [
        "Our members' patience is not unlimited, and nor is the workforce."
    ]
