"""Figures compared by alignment rather than by their words: a measure ("5.8 metres", "just
under nine hours"), a count of things ("two tugs") or a sum ("15 million crowns") against the
one of the same thing in a sentence of another source aligned with the claim as a whole (and how
long after an event: "touched down about 25 minutes later" / "landed roughly 40 minutes after
the crew issued a mayday call"), when
the words around the two figures share too little to relate them ("peaked at 5.8 metres at the
Carrow Bridge gauge" / "reached 5.8 metres"; "refloated by two tugs on Sunday afternoon" /
"refloated at high tide on Monday morning with the help of three tugs"; people that one thing
befell, whatever each calls them: "Seven people were taken to hospital" / "Four passengers were
taken to hospital"). A sum only where each sentence gives no other figure, or the one left
when all their others pair off: a price and a premium, a closing price and an offer, are sums
of one currency in sentences about one deal ("closed up 22.7% at $36.70" / "$38 a share")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from reader.models import Claim, Evidence
from reader.suggest import numbers
from reader.suggest.slots import Slot
from reader.suggest.support import ALIGNED_SCORE

# sources whose aligned sentence a figure is compared with, the strongest first, at most: a
# story of a thousand short articles aligns a claim with hundreds, each a vote cast again
ALIGNED_MOST = 8
# a figure with what it is of: a measure's unit, the nouns a count counts, or a sum's currency
What = str | frozenset[str] | tuple[str, str]
Figure = tuple[Slot, What]
_OFFSET = ("offset", "")  # how long after (or before) another event: "25 minutes later"


def _figures(slots: Sequence[Slot]) -> list[Figure]:
    """The measures, counts, sums and times after an event ("25 minutes later", `numbers`'
    "offset": no measure of how long something took) of a sentence, with what each is of (for
    a count of people, what befell them: `numbers.people_by_role`)."""
    out: list[Figure] = []
    for x in slots:
        if (money := numbers.currency(x)) is not None:
            out.append((x, ("sum", money)))
        elif role := numbers.people_by_role(x):  # ("Seven people" / "Four passengers")
            out.append((x, ("people", role)))
        elif what := numbers.measure(x) or numbers.things_counted(x):
            out.append((x, what))
        elif x.kind == "number" and x.value[4] == "offset":  # type: ignore[index]
            out.append((x, _OFFSET))
    return out


def _kind(what: What) -> str | None:
    """ "sum", "people" or "offset" for a figure of that kind, else None."""
    return what[0] if isinstance(what, tuple) else None


def _of_one(x: What, y: What) -> bool:
    """Two figures of one thing: one unit, counts sharing a noun, or sums of one currency."""
    if isinstance(x, frozenset) and isinstance(y, frozenset):
        return bool(x & y)
    return x == y


def _alike(x: Slot, y: Slot, what: What) -> bool:
    """`numbers.same_measure`, `same_count` or `same_sum` of two figures of `what` (times after
    an event: `related`, whatever the words around them)."""
    if what == _OFFSET:
        return numbers.related(x, y, context=False)
    if _kind(what) == "people":
        return numbers.same_count(x, y, people=True)
    if _kind(what) == "sum":
        return numbers.same_sum(x, y)
    return numbers.same_measure(x, y) if numbers.measure(x) else numbers.same_count(x, y)


def _left_over(mine: Sequence[Slot], theirs: Sequence[Slot]) -> tuple[Slot, Slot] | None:
    """The one figure of each of two sentences that the other does not give alike, when every
    other figure of each pairs off with one of the same value in the other ("savings of about
    £58m a year, against one-off costs of £140m" / "save about £85m a year, with one-off costs
    of around £140m": the £140m pair off, £58m and £85m are left); else None."""
    left = [x for x in mine if x.kind == "number"]
    other = [y for y in theirs if y.kind == "number"]
    for x in list(left):
        if (y := next((y for y in other if _given_alike(x, y)), None)) is not None:
            left.remove(x)
            other.remove(y)
    return (left[0], other[0]) if len(left) == len(other) == 1 else None


def _as_said(y: Slot, x: Slot) -> Slot:
    """Sum `y` read in x's role where one of the two is a forecast and the other says nothing:
    "expects the overhaul to deliver savings of about £58m a year" / "the restructuring would
    save about £85m a year", left over in aligned sentences, are one expected saving."""
    roles = {x.value[3], y.value[3]}  # type: ignore[index]
    if roles != {"forecast", None}:
        return y
    return replace(y, value=(*y.value[:3], x.value[3], *y.value[4:]))  # type: ignore[misc]


def _given_alike(x: Slot, y: Slot) -> bool:
    """Two figures of one unit, currency and part that agree ("£140m" / "around £140m")."""
    return (
        x.value[2] == y.value[2]  # type: ignore[index]
        and x.value[4] == y.value[4]  # type: ignore[index]
        and (x.value[2] is not None or bool(x.key & y.key))  # type: ignore[index]
        and numbers.compatible(x, y)
    )


def _in_role(slots: Sequence[Slot], role: str) -> int:
    """How many counts of a sentence are of those that `role` befell ("three killed")."""
    return sum(x.kind == "number" and x.value[3] == role for x in slots)  # type: ignore[index]


def _years(slots: Sequence[Slot]) -> set[object]:
    """The years a sentence names: a count of a sentence naming other years than the claim's
    tells of another event ("in 2022 it withdrew 12,000 packs" / "pull some 84,000 packs")."""
    return {s.value for s in slots if s.kind in ("year", "years")}


def aligned_figures(
    claims: list[Claim],
    slots: Sequence[Sequence[Slot]],
    i: int,
    evidence: Iterable[Evidence],
    index: Mapping[str, int],
    measured: dict[int, list[Figure]] | None = None,
) -> list[tuple[Slot, list[tuple[int, Slot]]]]:
    """Each measure, count or sum of claim i that is its only one of its thing ("about 11,000 feet
    at roughly 280 knots": a height and a speed) and, for each other source, the one of the
    same thing in its best sentence aligned with claim i as a whole (`ALIGNED_SCORE`), as
    (claim, slot); a thing the claim gives twice is left out (which is which would be a
    guess), but for a sum left over when the two sentences' other figures pair off.
    `measured`: the figures of the other claims read so far, by claim (filled here), for a
    caller asking of many claims: a long article's are aligned with the same few sentences
    of a short one's again and again."""
    known: dict[int, list[Figure]] = {} if measured is None else measured
    mine = _figures(slots[i])
    if not mine:
        return []
    out = []
    ranked: list[Evidence] | None = None
    years: set[object] | None = None
    several = sum(x.kind == "number" for x in slots[i]) > 1
    for x, what in mine:
        money = _kind(what) == "sum"
        if not money and sum(_of_one(what, other) for _, other in mine) != 1:
            continue
        if ranked is None:
            ranked = sorted(evidence, key=lambda e: -e.score)
        count = not numbers.measure(x)  # (a count or a sum)
        found_in, seen = [], {claims[i].article}
        for e in ranked:
            j = index.get(e.other_id, -1)
            if e.score < ALIGNED_SCORE or j < 0 or claims[j].article in seen:
                continue
            if (found := known.get(j)) is None:
                found = known[j] = _figures(slots[j])
            theirs = [y for y, other in found if _of_one(other, what)]
            if _kind(what) == "people" and (
                _in_role(slots[i], what[1]) > 1 or _in_role(slots[j], what[1]) > 1
            ):
                continue  # "Four crew and three passengers were hurt": which is "seven people"?
            if money and (several or sum(y.kind == "number" for y in slots[j]) > 1):
                # a price and a premium, a closing price and an offer, are sums of one
                # currency in sentences about one deal: only the one sum left when the
                # sentences' other figures pair off is compared
                left = _left_over(slots[i], slots[j])
                theirs = [_as_said(left[1], x)] if left is not None and left[0] is x else []
            if len(theirs) != 1 or not _alike(x, theirs[0], what):
                continue
            if count:  # (measures were always compared whatever the years)
                years = _years(slots[i]) if years is None else years
                if _years(slots[j]) != years:
                    continue
            found_in.append((j, theirs[0]))
            seen.add(claims[j].article)
            if len(found_in) >= ALIGNED_MOST:
                break
        out.append((x, found_in))
    return out
