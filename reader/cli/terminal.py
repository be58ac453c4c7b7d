"""Data written to a terminal: control characters shown escaped, as `ls` does with file names.

A note or file name holding ESC, BEL, C1 or bidi controls would otherwise retitle the terminal
or recolour what follows. Only a terminal gets the escaped view; files and pipes get the exact
bytes of the export.
"""

from __future__ import annotations

import codecs
import re
import shutil
from collections.abc import Iterator
from typing import TextIO

from reader.models import cell_len

# Like decode._CONTROL, but CR is kept before LF (CSV's row end) and tab and newline pass.
_SHOWN_ESCAPED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    return _SHOWN_ESCAPED.sub(_escape, text)


class _Escaping:
    """A text stream that escapes control characters before passing text on."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escape_controls(text))
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def data_stdout() -> TextIO:
    """Standard output for an export's data: escaped on a terminal, exact otherwise."""
    from annotations.output import standard_output

    out = standard_output()
    fit_encoding(out)
    return _Escaping(out) if out.isatty() else out  # type: ignore[return-value]


def fit_encoding(out: TextIO) -> None:
    """Make `out` able to take any text, whatever the locale says.

    Under a locale that is not UTF-8 (`LANG=en_US.ISO-8859-1`) the first ’ of an export ended it
    with a traceback. A pipe or file gets UTF-8, as `-o`'s files do; a terminal keeps its
    encoding and shows a character it lacks escaped (`\\u2019`), as it shows control characters.
    """
    if codecs.lookup(getattr(out, "encoding", None) or "utf-8").name == "utf-8":
        return
    reconfigure = getattr(out, "reconfigure", None)
    if reconfigure is None:  # (not a real text stream: left as given)
        return
    if out.isatty():
        reconfigure(errors="backslashreplace")
    else:
        reconfigure(encoding="utf-8", errors="strict")


def wrapped(head: str, items: list[str], width: int = 80, indent: str = "    ") -> Iterator[str]:
    """`head` and the comma-separated items in lines of `width` at most, broken between
    items (a name is never cut in two), the lines after the first indented by `indent`."""
    line, fresh = head, True
    for k, item in enumerate(items):
        piece = item + ("," if k < len(items) - 1 else "")
        if not fresh and cell_len(line) + 1 + cell_len(piece) > width:
            yield line
            line, fresh = indent, True
        line += piece if fresh else " " + piece
        fresh = False
    yield line


def terminal_width() -> int:
    """Columns of the terminal standard output goes to (`$COLUMNS` first); 80 when it is not
    one, so a report piped to a file or `less` keeps the width it has on a usual terminal."""
    return shutil.get_terminal_size((80, 24)).columns
