"""Decoding raw article bytes: encodings, newlines and control characters."""

from __future__ import annotations

import codecs

import pytest

from reader.corpus.decode import DecodeError, decode_bytes, sanitize

TEXT = "Café “talks” — naïve 🎉 end.\nSecond line."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_encodings_decode_to_the_same_text_without_bom(data: bytes, encoding: str) -> None:
    text, enc, warnings = decode_bytes(data)
    assert text == TEXT
    assert not text.startswith("\ufeff")
    assert enc == encoding
    assert warnings == []


def test_cp1252_is_decoded_with_a_warning() -> None:
    text, enc, warnings = decode_bytes("Café “talks” – 5€".encode("cp1252"))
    assert text == "Café “talks” – 5€"
    assert enc == "cp1252"
    assert any("cp1252" in w for w in warnings)


def test_nul_byte_means_binary() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"PK\x03\x04\x00\x00 some zip")


def test_random_bytes_are_refused_as_binary_in_one_line() -> None:
    noise = bytes((i * 151 + 7) % 256 for i in range(4000))
    with pytest.raises(DecodeError, match="binary") as err:
        decode_bytes(noise)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("raw", [b"one\r\ntwo\r\n", b"one\rtwo\r", b"one\ntwo\n", b"one\r\ntwo\r"])
def test_newlines_are_normalized(raw: bytes) -> None:
    text, _, _ = decode_bytes(raw)
    assert text == "one\ntwo\n"


@pytest.mark.parametrize(
    "bad",
    ["\x1b", "\x01", "\x07", "\x7f", "\x85", "\x9b", "\u202e", "\u202a", "\u2066", "\u2069",
     "\u200e", "\u200f", "\u061c", "\x0b", "\x0c"],
)  # fmt: skip
def test_control_and_bidi_characters_are_replaced_one_for_one(bad: str) -> None:
    raw = f"safe {bad}[31mred{bad} text\tTab\n".encode()
    text, _, warnings = decode_bytes(raw)
    assert bad not in text
    assert text == "safe \ufffd[31mred\ufffd text\tTab\n"
    assert len(text) == len(raw.decode())
    assert warnings


def test_sanitize_keeps_newline_tab_and_ordinary_unicode() -> None:
    s = "a\tb\nc — “é” 🎉 e\u0301 日本"
    assert sanitize(s) == s


def test_sanitize_replaces_escape_sequences_in_names() -> None:
    assert sanitize("evil\x1b]0;title\x07\u202eexe.txt") == "evil\ufffd]0;title\ufffd\ufffdexe.txt"


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, b""])
def test_a_byte_order_mark_inside_the_text_is_a_space(bom: bytes) -> None:
    # two files joined into one: the second's mark glued its first sentence to the last one
    # before it ("here.\ufeffThe second…", one claim) and stayed in the claim, unseen
    from reader.corpus.segment import split_sentences

    text, _, warnings = decode_bytes(bom + "Talks ended here.\ufeffThe second day began.".encode())
    assert text == "Talks ended here. The second day began."
    assert warnings == ["1 byte order mark inside the text read as a space"]
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Talks ended here.",
        "The second day began.",
    ]
