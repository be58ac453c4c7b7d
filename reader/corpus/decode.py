"""Turning the raw bytes of an article into normalized text whose offsets can be trusted."""

from __future__ import annotations

import codecs
import re

# C0 controls except \t and \n (\r is gone by the time this runs), DEL, C1, and the bidi
# controls that can reorder what a terminal shows (Trojan Source style spoofing).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DecodeError(ValueError):
    """The bytes are not text crossread can read; the message is one line for the user."""


def sanitize(text: str) -> str:
    """Replace control and bidi characters one-for-one with U+FFFD, so offsets stay valid."""
    return _CONTROL.sub("\ufffd", text)


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Decode an article's bytes: (normalized text, encoding name, warnings).

    BOM first, then a NUL byte means binary, then UTF-8, then cp1252 with a warning.
    Raises DecodeError for binary or undecodable data.
    """
    warnings: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            # utf-16 is decoded without the BOM so it never leaks into the text as U+FEFF
            codec = "utf-8" if encoding == "utf-8-sig" else encoding
            try:
                text = body.decode(codec)
            except UnicodeDecodeError as exc:
                where = exc.start + len(bom)
                raise DecodeError(
                    f"not valid {encoding} despite its byte order mark (byte {where})"
                ) from None
            break
    else:
        if b"\x00" in data:
            raise DecodeError("binary file (contains NUL bytes)")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"not UTF-8 and not cp1252 (undecodable byte at {exc.start})"
                ) from None
            warnings.append("decoded as cp1252 (not valid UTF-8)")
    text = normalize_newlines(text)
    cleaned = sanitize(text)
    if cleaned != text:
        n = sum(1 for a, b in zip(text, cleaned, strict=True) if a != b)
        warnings.append(f"{n} control character(s) replaced with U+FFFD")
    return cleaned, encoding, warnings
