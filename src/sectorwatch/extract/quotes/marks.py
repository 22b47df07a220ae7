"""Quote marks in one paragraph: which marks open and close a quote, which are apostrophes.

Marks handled: “ ” " ‘ ’ ' (and the rarer „ « »), in matching or mismatched pairs. The rules
decide each mark by its neighbours, never by the fixture:

- an apostrophe between two letters or digits never opens or closes (Ian’s, don’t, I’d);
- a closing mark is preceded by a non-space and followed by a space, punctuation or the end;
- ’ and ' close only while a single-mark quote is open, so Stevens’ incentives outside a
  quote stays an apostrophe; inside one, a plural possessive (trusts’ plans) is taken as
  an apostrophe when another closer follows later in the paragraph;
- a quote nested inside another stays inside it (only the outermost stretch is reported);
- a quote never closed runs to the end of its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚"
SINGLE_CLOSE = "’"
STRAIGHT = "\"'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT
_ANY_MARK = re.compile(f"[{re.escape(ALL_MARKS)}]")
_OPEN_BEFORE = " \t\n([{—–-/:;,"  # what may precede an opening mark
_CLOSE_AFTER = " \t\n.,;:!?)]}—–-…/"  # what may follow a closing mark


@dataclass(frozen=True)
class QuotedSpan:
    """One outermost quoted stretch, offsets local to the text that was scanned.

    `open_at` is the index of the opening mark; `start`/`end` delimit the words inside
    (marks and surrounding spaces excluded); `closed` is False when the paragraph ended
    first.
    """

    open_at: int
    close_at: int | None
    start: int
    end: int

    @property
    def closed(self) -> bool:
        return self.close_at is not None

    @property
    def outer_end(self) -> int:
        return self.close_at + 1 if self.close_at is not None else self.end


def _family(mark: str) -> str:
    return "double" if mark in DOUBLE_OPEN + DOUBLE_CLOSE + '"' else "single"


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens_after = before.isspace() or before in _OPEN_BEFORE or before in ALL_MARKS
    return opens_after and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    closes_before = after.isspace() or after in _CLOSE_AFTER or after in ALL_MARKS
    return not before.isspace() and closes_before


def _is_inner_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return _is_word(before) and _is_word(after)


def _later_single_closer(text: str, i: int) -> bool:
    for j in range(i + 1, len(text)):
        if text[j] in SINGLE_CLOSE + "'" and not _is_inner_apostrophe(text, j):
            if _can_close(text, j):
                return True
    return False


def _is_plural_possessive(text: str, i: int) -> bool:
    """trusts’ plans: s + mark + space + lower-case word, with a real closer still to come."""
    if i == 0 or text[i - 1].lower() != "s":
        return False
    rest = text[i + 1 : i + 3]
    if len(rest) < 2 or not rest[0].isspace() or not rest[1].islower():
        return False
    return _later_single_closer(text, i)


def _classify(text: str, i: int, stack: list[tuple[str, int]]) -> str:
    """'open', 'close' or 'none' for the mark at text[i], given the quotes open so far."""
    mark = text[i]
    family = _family(mark)
    open_families = {f for f, _ in stack}
    if mark in DOUBLE_OPEN:
        return "open"
    if mark in DOUBLE_CLOSE:
        return "close" if stack else "none"
    if mark in SINGLE_OPEN:
        before = text[i - 1] if i > 0 else " "
        return "none" if _is_word(before) else "open"
    # ’ ' and " decide by context
    if mark != '"' and _is_inner_apostrophe(text, i):
        return "none"
    closes = _can_close(text, i)
    opens = _can_open(text, i)
    if family in open_families and closes:
        if mark != '"' and _is_plural_possessive(text, i):
            return "none"
        return "close"
    if mark == SINGLE_CLOSE or (mark == "'" and stack and closes):
        # ’ or ' closes a “ opened quote only in a mismatched pair at the very end of a
        # stretch; elsewhere it is a plural possessive ("Our members' patience")
        if stack and closes and not _is_plural_possessive(text, i):
            before = text[i - 1]
            if before in ".,!?":
                return "close"
            possessive = before in "sS" and text[i + 1 : i + 3][1:].islower()
            if not text[i + 1 : i + 2].strip() and not possessive:
                return "close"
        return "none"
    if opens and not closes:
        if mark == "'" and not _later_single_closer(text, i):
            lead = text[:i].rstrip()
            if lead and lead[-1] not in ":,":
                return "none"
        return "open"
    if closes and stack:
        return "close"
    return "none"


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """The outermost quoted stretches in `text` (one paragraph), in order."""
    spans: list[QuotedSpan] = []
    stack: list[tuple[str, int]] = []  # (family, index of opening mark)
    for m in _ANY_MARK.finditer(text):
        i, ch = m.start(), m.group()
        kind = _classify(text, i, stack)
        if kind == "open":
            stack.append((_family(ch), i))
        elif kind == "close":
            family = _family(ch)
            depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == family), None)
            if depth is None:
                depth = len(stack) - 1  # mismatched pair: close the innermost quote
            opened = stack[depth][1]
            del stack[depth:]
            if not stack:
                spans.append(_span(text, opened, i))
    if stack:
        spans.append(_span(text, stack[0][1], None))
    return [s for s in spans if s.start < s.end]


def _span(text: str, opened: int, closed: int | None) -> QuotedSpan:
    start = opened + 1
    end = closed if closed is not None else len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuotedSpan(open_at=opened, close_at=closed, start=start, end=end)


def is_full_quote(quoted: str, span: QuotedSpan) -> bool:
    """A quoted sentence (or more), as opposed to a phrase inside the writer's sentence."""
    words = quoted.split()
    if not words:
        return False
    if not span.closed:
        return True
    starts_upper = quoted[:1].isupper() or quoted[:1].isdigit()
    ends_stop = quoted.rstrip()[-1:] in ".!?,;:–—…"
    return (starts_upper and ends_stop) or (starts_upper and len(words) >= 8 and ends_stop)
