"""Bytes -> text: encodings, binary files, empty files, size limits."""

from __future__ import annotations

import codecs

import pytest

from sectorwatch.ingest.decode import DecodeError, decode_bytes, format_size

CP1252_TEXT = "The trust’s chair said the plan was “bold” – and cost £4m.\n"


def test_utf8_is_read_as_utf8():
    decoded = decode_bytes("Café “quoted”\n".encode())
    assert (decoded.text, decoded.encoding) == ("Café “quoted”\n", "utf-8")


def test_utf8_bom_is_stripped_and_recorded():
    decoded = decode_bytes(codecs.BOM_UTF8 + b"Chief executive named\n")
    assert (decoded.text, decoded.encoding) == ("Chief executive named\n", "utf-8-sig")


def test_windows_1252_curly_quotes_come_out_as_curly_quotes():
    decoded = decode_bytes(CP1252_TEXT.encode("cp1252"))
    assert decoded.encoding == "cp1252"
    assert decoded.text == CP1252_TEXT
    assert "’" in decoded.text and "“" in decoded.text and "”" in decoded.text


def test_encoding_override_is_used():
    decoded = decode_bytes("Zoë".encode("latin-1"), encoding="latin-1")
    assert (decoded.text, decoded.encoding) == ("Zoë", "iso8859-1")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (looks like PDF)"),
        (b"PK\x03\x04\x14\x00\x06\x00", "binary file (looks like ZIP, Word or Excel)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (looks like PNG)"),
        (b"plain words\x00\x01\x02 then NULs", "binary file (contains NUL bytes)"),
        (b"", "empty file"),
        (b"  \n\t\r\n  ", "empty file"),
    ],
)
def test_inputs_that_are_not_text_are_skipped_with_a_reason(data, reason):
    with pytest.raises(DecodeError) as caught:
        decode_bytes(data)
    assert str(caught.value) == reason
    assert caught.value.outcome == "skipped"


def test_over_the_size_limit_says_how_to_raise_it():
    with pytest.raises(DecodeError) as caught:
        decode_bytes(b"x" * 7_200_000, max_bytes=5_000_000)
    assert str(caught.value) == (
        "file is 7.2 MB, over the 5 MB limit; raise it with --max-bytes or SECTORWATCH_MAX_BYTES"
    )
    assert caught.value.outcome == "failed"


def test_sizes_read_like_people_write_them():
    assert [format_size(n) for n in (250, 1000, 12_500, 5_000_000, 7_200_000)] == [
        "250 bytes",
        "1 kB",
        "12.5 kB",
        "5 MB",
        "7.2 MB",
    ]
