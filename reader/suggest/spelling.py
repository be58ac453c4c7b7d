"""One person, two spellings: the same office held by a surname spelled a little differently
("police spokesman Jan Kowalski" / "spokesman Jan Kovalski").

Titles (`titles.extract`) key a person by surname; here surnames of the same office from
different articles are compared with a fuzzy ratio: close but not equal is a finding, since one
source misspells the name or names someone else.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

from reader.suggest.slots import Slot
from reader.suggest.titles import extract

SIMILAR = 80.0  # rapidfuzz ratio of two surnames that are one name spelled two ways
MIN_LENGTH = 4  # shorter surnames ("Li", "Wu") differ by a letter and are different people


def _span(text: str, surname: str) -> tuple[int, int]:
    at = text.lower().find(surname)
    return (at, at + len(surname)) if at >= 0 else (0, len(text))


def conflicts(
    texts: Sequence[str],
    articles: Sequence[str],
    slots: Sequence[Sequence[Slot]] | None = None,
) -> list[tuple[int, int, str, tuple[int, int]]]:
    """(i, j, the surname as j writes it, span of the surname in i) for each pair of claims of
    different articles where one office is held by surnames spelled two ways. `slots`: each
    text's slots when the caller has them (their titles are read; else they are extracted)."""
    holders: dict[str, list[tuple[int, str]]] = defaultdict(list)  # office -> (claim, surname)
    for i, text in enumerate(texts):
        titles = extract(text) if slots is None else [s for s in slots[i] if s.kind == "title"]
        for slot in titles:
            surname = next(iter(slot.key))
            for office in slot.value[1]:  # type: ignore[index]
                holders[office].append((i, surname))
    out = []
    seen: set[tuple[int, int]] = set()
    for people in holders.values():
        names = {n for _, n in people if len(n) >= MIN_LENGTH}
        close = {(a, b) for a in names for b in names if a != b and fuzz.ratio(a, b) >= SIMILAR}
        if not close:
            continue
        for i, a in people:
            for j, b in people:
                if (a, b) in close and articles[i] != articles[j] and (i, j) not in seen:
                    seen.add((i, j))
                    lo, hi = _span(texts[j], b)
                    out.append((i, j, texts[j][lo:hi], _span(texts[i], a)))
    return out
