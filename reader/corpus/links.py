"""Web and e-mail addresses in text: names, whose figures, dates and words ("example.com/30-people-
killed", "?killed=40", "https", "com") are not what a sentence reports, and which a long sentence
is not cut inside."""

from __future__ import annotations

import re

# Each alternative starts only where a run of its characters does, so a long word is
# scanned once.
_ADDRESS = r"[^\s<>\"“”‘’]"
_LINK = re.compile(
    rf"(?:https?://|www\.){_ADDRESS}+"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    rf"|(?<![\w.@/-])[^\W_][\w-]*(?:\.[\w-]+)*\.[a-z]{{2,}}/{_ADDRESS}*"
)


def links(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Offsets of the web and e-mail addresses of `text` (of text[start:end])."""
    end = len(text) if end is None else end
    part = text[start:end]
    if "/" not in part and "@" not in part and "www." not in part:  # else none can be there
        return []
    return [m.span() for m in _LINK.finditer(text, start, end)]
