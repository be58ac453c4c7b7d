"""Figures compared by alignment rather than by their words: a measure ("5.8 metres", "just
under nine hours") against the one measure of its unit in a sentence of another source aligned
with the claim as a whole, when the words around the two figures share too little to relate
them ("peaked at 5.8 metres at the Carrow Bridge gauge" / "reached 5.8 metres")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from reader.models import Claim, Evidence
from reader.suggest import numbers
from reader.suggest.slots import Slot
from reader.suggest.support import ALIGNED_SCORE


def _measures(slots: Sequence[Slot]) -> list[Slot]:
    """The measures of a sentence (a duration that is a point in time, "four minutes after
    half-time", is none: `numbers` reads it as an "offset")."""
    return [x for x in slots if numbers.measure(x)]


def aligned_measures(
    claims: list[Claim],
    slots: Sequence[Sequence[Slot]],
    i: int,
    evidence: Iterable[Evidence],
    index: Mapping[str, int],
    measured: dict[int, list[Slot]] | None = None,
) -> list[tuple[Slot, list[tuple[int, Slot]]]]:
    """Each measure of claim i that is its only one of its unit ("about 11,000 feet at roughly
    280 knots": a height and a speed) and, for each other source, the one measure of the same
    thing in its best sentence aligned with claim i as a whole (`ALIGNED_SCORE`), as (claim,
    slot); a unit the claim gives twice is left out (which is which would be a guess).
    `measured`: the measures of the other claims read so far, by claim (filled here), for a
    caller asking of many claims: a long article's are aligned with the same few sentences
    of a short one's again and again."""
    known: dict[int, list[Slot]] = {} if measured is None else measured
    mine = _measures(slots[i])
    if not mine:
        return []
    units = [numbers.measure(x) for x in mine]
    out = []
    ranked: list[Evidence] | None = None
    for x, unit in zip(mine, units, strict=True):
        if units.count(unit) != 1:
            continue
        if ranked is None:
            ranked = sorted(evidence, key=lambda e: -e.score)
        found_in, seen = [], {claims[i].article}
        for e in ranked:
            j = index.get(e.other_id, -1)
            if e.score < ALIGNED_SCORE or j < 0 or claims[j].article in seen:
                continue
            if (found := known.get(j)) is None:
                found = known[j] = _measures(slots[j])
            theirs = [y for y in found if numbers.measure(y) == unit]
            if len(theirs) == 1 and numbers.same_measure(x, theirs[0]):
                found_in.append((j, theirs[0]))
                seen.add(claims[j].article)
        out.append((x, found_in))
    return out
