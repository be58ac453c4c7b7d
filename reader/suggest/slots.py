"""Comparable facts ("slots") pulled out of claims: a number with its head word, a date, a title.

Each detector turns a claim's text into slots; two slots from different articles are compared only
when they are about the same thing (same kind, overlapping key, shared context words). Whether the
values agree is up to the detector that made them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Slot:
    kind: str  # detector name: "number", "date", "title", "place"
    key: frozenset[str]  # what the value is about: head-word stems, a surname, a place frame
    value: object  # detector-specific, compared by that detector's `compatible`
    surface: str  # the words as written, for the reason shown to the reviewer
    span: tuple[int, int]  # offsets of `surface` inside the claim text
    context: frozenset[str] = field(default_factory=frozenset)  # stems around the slot

    def __copy__(self) -> Slot:
        """What `copy.copy` makes of it (a new slot sharing its fields), five times as fast as
        its generic way: every claim gets copies of the slots of a text read once (slots are
        told apart by identity), thousands in a long story."""
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        return new


def interval_overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """True when two closed intervals share a point (with a hair of float tolerance)."""
    eps = 1e-9 * max(1.0, abs(a[1]), abs(b[1]))
    return a[0] <= b[1] + eps and b[0] <= a[1] + eps


def clock_overlap(
    a: tuple[float, float], b: tuple[float, float], period: float, touch: bool = True
) -> bool:
    """`interval_overlap` on a clock that wraps every `period` (hours of a day: 23:00-05:00
    meets 01:30; of a week: late on Sunday meets early on Monday). With `touch` false, spans
    that only touch do not meet: "on Saturday" and "on Sunday" are two days."""
    for s in (-period, 0, period):
        lo, hi = a[0] + s, a[1] + s
        if interval_overlap((lo, hi), b) and (touch or min(hi, b[1]) - max(lo, b[0]) > 1e-9):
            return True
    return False


def week_overlap(a: tuple[float, float], b: tuple[float, float], week: float) -> bool:
    """Two spans of hours of the week meet (`clock_overlap`); two whole days (no part of day
    narrows either) must share hours, not only the midnight between them."""
    whole = a[1] - a[0] >= 24 and b[1] - b[0] >= 24
    return clock_overlap(a, b, week, touch=not whole)
