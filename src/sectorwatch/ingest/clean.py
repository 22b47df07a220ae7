"""Text made safe at the reader boundary, and names made safe to print.

- `clean_text`: a lone surrogate (a broken emoji escape such as `\\ud83d` in scraped JSON,
  or a file name's undecodable byte) cannot be stored or printed as UTF-8; each becomes
  U+FFFD, one character for one, so offsets into the text stay where they were.
- `clean_value`: the same over a decoded JSON value (strings in lists and objects too).
- `shown`: a name for a message or a report line: control characters (a newline would
  forge extra report lines), bidirectional overrides and surrogates are written as
  backslash escapes (`\\n`, `\\x1b`, `\\u202e`; an undecodable file-name byte as `\\xe9`).
"""

from __future__ import annotations

import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
REPLACEMENT = "\ufffd"


def clean_text(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD (same length)."""
    if text.isascii():
        return text
    return _SURROGATE.sub(REPLACEMENT, text)


def clean_value(value: Any) -> Any:
    """A decoded JSON value with `clean_text` applied to every string in it."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_value(v) for v in value]
    if isinstance(value, dict):
        return {clean_text(k): clean_value(v) for k, v in value.items()}
    return value


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def shown(name: str) -> str:
    """`name` with every character that could break or disguise a line escaped."""
    if name.isprintable() and name.isascii():
        return name
    return _UNSAFE.sub(_escape, name)
