"""Text measured without font files: how wide a line draws, and text fitted to a width.

Used by every SVG this package draws and by the web's charts (`serve/charts.py`).
"""

from __future__ import annotations

# Text width, estimated without font files from DejaVu Sans's advances (the widest common
# sans-serif; Arial and Helvetica draw narrower), in ems, by class of character.
_NARROW = frozenset("ijlI.,;:'!|")
_THIN = frozenset("ftr -()[]/")
_WIDE = frozenset("mwMW@%")


def _em(ch: str) -> float:
    """How wide one character draws, in ems."""
    if ch in _NARROW:
        return 0.3
    if ch in _THIN:
        return 0.42
    if ch in _WIDE:
        return 0.98
    if ch.isupper() or ch.isdigit():
        return 0.74
    return 0.64


_EMS: dict[str, float] = {}
"""`_em` of each character met so far (a page measures hundreds of labels)."""
_EMS_KEPT = 4096


def text_width(text: str, size: float = 12, bold: bool = False) -> float:
    """Roughly how wide `text` draws in pixels; errs wide, so that text stays in its box."""
    ems = 0.0
    known = _EMS.get
    for ch in text:
        em = known(ch)
        if em is None:
            em = _em(ch)
            if len(_EMS) < _EMS_KEPT:
                _EMS[ch] = em
        ems += em
    return ems * size * (1.1 if bold else 1.0)


def _cut(text: str, width: float, size: float, bold: bool) -> str:
    """`text`, or as much of it as fits in `width` followed by an ellipsis."""
    if text_width(text, size, bold) <= width:
        return text
    while text and text_width(text + "…", size, bold) > width:
        text = text[:-1].rstrip(" ,;:")
    return text + "…"


def fit(text: str, width: float, lines: int = 2, size: float = 12, bold: bool = False) -> list[str]:
    """`text` wrapped at spaces onto at most `lines` lines no wider than `width`; when it
    does not fit, the last line ends with an ellipsis (show the full text in a <title>)."""
    words = text.split()
    out: list[str] = []
    while words and len(out) < lines:
        line = words.pop(0)
        while words and text_width(f"{line} {words[0]}", size, bold) <= width:
            line += " " + words.pop(0)
        out.append(line)
    if words:
        out[-1] = _cut(f"{out[-1]} {' '.join(words)}", width, size, bold)
    return [_cut(line, width, size, bold) for line in out]
