"""An alert or warning level told by its colour: "raised the alert to red" / "raised the volcanic
alert level to orange", "an amber warning" / "a red warning". No number, date or name shows
that two sources give one alert two levels.

The slot is keyed by what is at that level ("alert", "warning", "code": an aviation colour
code is not the volcano's alert level) and its value is the colour. Two sources agree when
they give the same colour. What a warning is for ("for wind" / "for rain") and the day it was
set ("raised to orange on Monday" / "to red on Tuesday": an escalation) tell two levels apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.suggest import dates
from reader.suggest.slots import Slot
from reader.suggest.text import Token, stem, tokenize

COLOURS = frozenset("red orange amber yellow green purple black white blue".split())  # noqa: SIM905
_LEVELS = frozenset("alert alerts warning warnings code status".split())  # noqa: SIM905
_BETWEEN = frozenset("level the was were has been is to at raised lowered set".split())  # noqa: SIM905
_REACH = 6  # words from the level's noun to its colour ("alert level was raised to red")


def extract(text: str, tokens: Sequence[Token] | None = None) -> list[Slot]:
    """A slot per level of `text` told by a colour."""
    low = text.lower()
    # (most texts name no alert, warning or code: asked first)
    if not ("alert" in low or "warn" in low or "code" in low) or not any(c in low for c in COLOURS):
        return []
    toks = tokenize(text) if tokens is None else tokens
    out = []
    for k, t in enumerate(toks):
        if t.lower not in _LEVELS:
            continue
        colour = _colour_of(toks, k)
        if colour is None:
            continue
        c = toks[colour]
        span = (min(c.start, t.start), max(c.end, t.end))
        key = frozenset([stem(t.lower)])
        out.append(Slot("level", key, c.lower, text[span[0] : span[1]], span, _setting(toks, k)))
    return out


def _colour_of(toks: Sequence[Token], k: int) -> int | None:
    """Where the colour of the level noun at toks[k] is: right before it ("an amber warning",
    "red alert", "a red weather warning") or after it past the words that say it was set ("the
    alert to red", "alert level was raised to orange"); None when none is."""
    if k and toks[k - 1].lower in COLOURS:
        return k - 1
    if k > 1 and toks[k - 2].lower in COLOURS and toks[k - 1].text.islower():
        return k - 2  # "a red weather warning", "an amber flood alert"
    for m in range(k + 1, min(len(toks), k + 1 + _REACH)):
        w = toks[m].lower
        if w in COLOURS and toks[m - 1].lower in ("to", "at", "level"):
            return m
        if w not in _BETWEEN and not w.startswith(("rais", "lower", "upgrad", "downgrad")):
            return None
    return None


def _setting(toks: Sequence[Token], k: int) -> frozenset[str]:
    """What the level is for ("for wind": "for" and the word after it) and the weekdays its
    sentence names, as context."""
    hazards = {
        "for " + stem(toks[m + 1].text) for m in range(k, len(toks) - 1) if toks[m].lower == "for"
    }
    return frozenset(hazards | {t.lower for t in toks if t.lower in dates.WEEKDAYS})


def related(a: Slot, b: Slot) -> bool:
    """The same kind of level, for the same thing, on no two different days."""
    if not a.key & b.key:
        return False
    for mark in ("for ", ""):
        mine = {c for c in a.context if c.startswith("for ") == bool(mark)}
        theirs = {c for c in b.context if c.startswith("for ") == bool(mark)}
        if mine and theirs and not mine & theirs:
            return False
    return True


def compatible(a: Slot, b: Slot) -> bool:
    """The same colour."""
    return a.value == b.value
