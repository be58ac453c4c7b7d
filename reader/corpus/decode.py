"""Turning the raw bytes of an article into normalized text whose offsets can be trusted.

Order: a byte order mark decides; then valid UTF-8; then UTF-8 with a few stray bad bytes (kept
as UTF-8, each bad byte shown as U+FFFD); then charset-normalizer's guess (cp1251, KOI8-R,
UTF-16 without a BOM, cp1252…). Only bytes that look like a binary file are refused as binary.
"""

from __future__ import annotations

import codecs
import os
import re

# C0 controls except \t and \n (\r is gone by the time this runs), DEL, C1, and the bidi
# controls that can reorder what a terminal shows (Trojan Source style spoofing).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF = 8192  # bytes looked at to tell a binary file from text
# Bytes that text files do not contain (C0 controls other than tab, newlines, form feed, ESC).
_NON_TEXT = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x1b")
# The legacy encoding of most Western news files is taken whenever its reading is about as
# clean as the detector's best guess (short texts leave detectors guessing among DOS pages).
_PREFERRED = "cp1252"
_PREFERENCE_MARGIN = 0.15


class DecodeError(ValueError):
    """The bytes are not text crossread can read; the message is one line for the user."""


def sanitize(text: str) -> str:
    """Replace control and bidi characters one-for-one with U+FFFD, so offsets stay valid."""
    return _CONTROL.sub("\ufffd", text)


def escape_undecodable(text: str) -> str:
    """Bytes of a file name that are not UTF-8 (kept by Python as lone surrogates) as `\\xff`.

    Such a name cannot be stored in SQLite nor printed; escaped, it stays readable and unique.
    """
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that did not come from a file name
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


_ESCAPED_BYTE = re.compile(r"\\x([89a-f][0-9a-f])")


def restore_undecodable(text: str) -> str:
    """The file name `escape_undecodable` stood for (its bytes as Python keeps them), so a path
    stored escaped still names the real file; a name that was never escaped is returned as is."""
    return _ESCAPED_BYTE.sub(lambda m: chr(0xDC00 + int(m.group(1), 16)), text)


def on_disk(path: str) -> str:
    """The file or folder a stored `path` names: `restore_undecodable` of it where that exists
    (a name with a literal "\\xff" in it is left as it is)."""
    real = restore_undecodable(path)
    return real if real != path and os.path.lexists(real) else path


def printable(text: str) -> str:
    """Text that can always be printed harmlessly: escaped bytes, no control characters."""
    return sanitize(escape_undecodable(text))


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, bad sequences) if `data` is UTF-8 with a few stray bad bytes, else None.

    "A few": no more bad sequences than well-formed multi-byte characters, so a file in another
    8-bit encoding (whose accented letters are almost never valid UTF-8) is not taken for it.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())  # minus real U+FFFDs in the file
    multibyte = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    return (text, bad) if 0 < bad <= multibyte else None


def _looks_binary(data: bytes) -> bool:
    """Many NULs or other non-text bytes near the start (not one stray NUL in a long article)."""
    head = data[:_SNIFF]
    odd = sum(head.count(b) for b in _NON_TEXT)
    return odd > 2 + len(head) / 100


def _guess(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's reading of non-UTF-8 bytes: (text, encoding), or None if it has none."""
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    best = from_bytes(data).best()
    if best is None:
        return None
    try:
        western = data.decode(_PREFERRED)
    except UnicodeDecodeError:
        western = None
    if western is not None and mess_ratio(western) <= best.chaos + _PREFERENCE_MARGIN:
        return western, _PREFERRED
    return str(best), best.encoding.replace("_", "-")


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Decode an article's bytes: (normalized text, encoding name, warnings).

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
        text, encoding = _decode_unmarked(data, warnings)
    text = normalize_newlines(text)
    cleaned = sanitize(text)
    if cleaned != text:
        n = sum(1 for a, b in zip(text, cleaned, strict=True) if a != b)
        nul = text.count("\x00")
        what = f" ({nul} NUL)" if nul else ""
        warnings.append(f"{n} control character(s){what} replaced with U+FFFD")
    if "\ufeff" in cleaned:  # files joined into one, each with its mark: it parted sentences
        n = cleaned.count("\ufeff")
        cleaned = cleaned.replace("\ufeff", " ")
        warnings.append(
            f"{n} byte order mark{'s' if n > 1 else ''} inside the text read as "
            f"{'spaces' if n > 1 else 'a space'}"
        )
    return cleaned, encoding, warnings


def _decode_unmarked(data: bytes, warnings: list[str]) -> tuple[str, str]:
    binary = _looks_binary(data)
    if not binary:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            first = exc.start
        mostly = _mostly_utf8(data)
        if mostly is not None:
            text, n = mostly
            warnings.append(
                f"{n} invalid UTF-8 sequence(s) replaced with U+FFFD (first at byte {first})"
            )
            return text, "utf-8"
    guess = _guess(data)
    if guess is None or (binary and not guess[1].startswith("utf-16")):
        if binary:
            raise DecodeError("binary file (NUL or other non-text bytes near its start)")
        raise DecodeError("not text in any encoding crossread recognises")
    text, encoding = guess
    warnings.append(f"decoded as {encoding} (not valid UTF-8)")
    return text, encoding
