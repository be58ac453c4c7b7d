"""A reviewer's name as typed, matched to the name their tags are stored under."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


def without_spaces(name: str) -> str:
    """`name` without its spaces of any width (Unicode's space separators)."""
    return "".join(c for c in name if unicodedata.category(c) != "Zs")


def _key(name: str) -> str:
    # the same letters in another Unicode form (é as e + a combining accent, as a Mac's file
    # names and some keyboards give), a no-break or thin space for a space, or spaces around
    # the name: the same person
    spaced = "".join(" " if unicodedata.category(c) == "Zs" else c for c in name)
    return unicodedata.normalize("NFC", spaced).strip()


def as_stored(name: str, known: Iterable[str]) -> str:
    """`name` as a stored reviewer spells it (`known`: the names stored); a name stored by no
    one is returned in NFC, without spaces around it, so later sessions find it again.
    Letter case is left alone: "Ana" and "ana" stay two names."""
    known = list(known)
    if name in known:
        return name
    key = _key(name)
    same = [k for k in known if _key(k) == key]
    return same[0] if len(same) == 1 else key
