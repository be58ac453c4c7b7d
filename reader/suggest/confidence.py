"""How strongly a suggestion rests on what was found: high, medium or low.

High is for what a reviewer can check at a glance and will rarely overturn: a fact (a number, a
date, a title) reported otherwise by at least two sources that outnumber the claim's own side, or
agreed by at least two other sources; a counterpart that shares twice the rare words needed and
aligns well as a whole, with no hint against it; an absence where no sentence of any other
source shares the claim's specific words or aligns with it. Everything that rests on one source,
on a tie, or on word overlap alone is medium or low, so that batch-accepting high suggestions
stays safe.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.align.score import STRONG_SCORE, TYPICAL_SCORE
from reader.models import CONFIDENCES
from reader.suggest.support import ALIGNED_SCORE, PAIRED_WEIGHT, SUPPORT_THRESHOLD, Counterpart

_RANK = {c: n for n, c in enumerate(CONFIDENCES)}  # high = 0


def strongest(levels: Iterable[str]) -> str:
    return min(levels, key=_RANK.__getitem__, default="low")


def weakest(levels: Iterable[str]) -> str:
    return max(levels, key=_RANK.__getitem__, default="low")


def of_counterpart(cp: Counterpart) -> str:
    """A counterpart found by shared words: high only when both signals are strong (twice the
    rare words needed, and a well-aligned sentence), since word overlap alone cannot see a
    changed fact; a hint lowers it again (see `decide`)."""
    if cp.basis != "rare words":
        return "low"
    if cp.weight >= 2 * SUPPORT_THRESHOLD and cp.aligned >= ALIGNED_SCORE:
        return "high"
    return "medium"


# An absence is high only while the closest sentence elsewhere is nearer a typical unrelated
# pair than a strong match (below halfway from one to the other): a sentence above it comes
# close, in other words perhaps ("No injuries were immediately reported" / "no serious injuries
# were reported among the 171 passengers": 54.6). At the old level, the top quarter of
# that way (where a pair sharing no fact is held: 50), the dev stories' high absences were
# wrong for 7 of 36 claims from 40 to 50, for 1 of 83 below.
CLOSE_SCORE = (TYPICAL_SCORE + STRONG_SCORE) / 2


def of_absence(cp: Counterpart, best_aligned: float) -> str:
    """Unverified: high when nothing elsewhere comes close, lower as the closest gets closer."""
    if cp.weight < PAIRED_WEIGHT and best_aligned < CLOSE_SCORE:
        return "high"
    if cp.weight < SUPPORT_THRESHOLD:
        return "medium"
    return "low"
