"""Bytes -> text, or the reason they are not an article's text.

Order: size limit, byte-order marks, UTF-16 without a byte-order mark (a NUL in every
other byte), binary signatures (PDF, ZIP, PNG...), NUL bytes and control characters, then
UTF-8; otherwise Windows-1252 when the bytes read as plausible
Western text (most non-UTF-8 English news is cp1252), else charset-normalizer's best guess.
The codec used is returned, so a user can be told "read notes.txt as cp1252".
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

#: (signature, what it looks like), checked at the start of the data.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP, Word or Excel"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word or Excel file"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\x1f\x8b", "gzip"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!", "RAR"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"{\\rtf", "RTF"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_OK = {9, 10, 12, 13}
_SAMPLE = 8192
#: Non-ASCII characters usual in English text read as cp1252: curly quotes, dashes, £, €,
#: accented Latin letters, no-break space, ellipsis, bullet, degree, fractions.
_WESTERN = set("‘’‚“”„–—…•€£¥©®°±²³µ·¹º»«¼½¾¿×÷™ ") | {chr(c) for c in range(0xC0, 0x100)}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


class DecodeError(ValueError):
    """The bytes are not an article's text; `str()` says why, for a user. `outcome` is
    "skipped" for inputs that are not articles at all (binary, empty), else "failed"."""

    def __init__(self, reason: str, outcome: str = "failed") -> None:
        super().__init__(reason)
        self.outcome = outcome


def format_size(n: int) -> str:
    """A size for people: 250 bytes, 12.5 kB, 7.2 MB (decimal units)."""
    if n < 1000:
        return f"{n} bytes"
    for unit, scale in (("kB", 1e3), ("MB", 1e6), ("GB", 1e9)):
        if n < scale * 1000 or unit == "GB":
            value = f"{n / scale:.1f}".removesuffix(".0")
            return f"{value} {unit}"
    raise AssertionError("unreachable")


def size_error(size: int, limit: int, what: str = "file") -> DecodeError:
    return DecodeError(
        f"{what} is {format_size(size)}, over the {format_size(limit)} limit; "
        "raise it with --max-bytes or SECTORWATCH_MAX_BYTES"
    )


def sniff_binary(data: bytes) -> str | None:
    """Why `data` is binary ("binary file (looks like PDF)"), or None when it may be text."""
    for signature, name in MAGIC:
        if data.startswith(signature):
            return f"binary file (looks like {name})"
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return "binary file (contains NUL bytes)"
    controls = sum(1 for b in sample if b < 32 and b not in _CONTROL_OK)
    if sample and controls / len(sample) > 0.05:
        return "binary file (many control characters)"
    return None


def decode_bytes(data: bytes, encoding: str | None = None, max_bytes: int | None = None) -> Decoded:
    """Decode `data`, or raise DecodeError with a reason a user can act on."""
    if max_bytes is not None and len(data) > max_bytes:
        raise size_error(len(data), max_bytes)
    if encoding:
        return _decode_as(data, encoding)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _checked(_decode_as(data, codec))
    wide = _utf16_without_bom(data)
    if wide is not None:
        return _checked(wide)
    reason = sniff_binary(data)
    if reason:
        raise DecodeError(reason, "skipped")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    return _checked(_detect(data))


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text saved without a byte-order mark: mostly Latin text has a NUL in every
    other byte (the high byte), on the odd bytes for little-endian, the even for big."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.7 * len(zeros) and others.count(0) <= 0.05 * len(others):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            controls = sum(1 for c in text[:_SAMPLE] if ord(c) < 32 and ord(c) not in _CONTROL_OK)
            if controls > 0.05 * min(len(text), _SAMPLE):
                return None
            return Decoded(text, codec)
    return None


def _decode_as(data: bytes, codec: str) -> Decoded:
    try:
        return Decoded(data.decode(codec), codecs.lookup(codec).name)
    except LookupError as exc:
        raise DecodeError(f"unknown encoding {codec!r}") from exc
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"cannot be read as {codec} (byte {exc.start}); try another --encoding"
        ) from exc


def _checked(decoded: Decoded) -> Decoded:
    if not decoded.text.strip():
        raise DecodeError("empty file", "skipped")
    return decoded


def _plausible_cp1252(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    foreign = [c for c in text if ord(c) > 127]
    if len(foreign) > 0.1 * len(text):
        return None
    if all(c in _WESTERN for c in foreign):
        return text
    return None


def _detect(data: bytes) -> Decoded:
    text = _plausible_cp1252(data)
    if text is not None:
        return Decoded(text, "cp1252")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("cannot tell the text encoding; give it with --encoding")
    return Decoded(str(best), best.encoding)
