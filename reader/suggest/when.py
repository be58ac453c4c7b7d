"""When, by weekday and part of day, compared between a claim and its counterpart.

A story covers several days, so days are not voted across the story (see `dates`); but a
counterpart reports the same thing, and when it puts it on another day ("on Sunday evening" /
"early on Monday") the two disagree. Each mention becomes a span of hours of the week: the day,
narrowed by a part of day or a clock time next to it ("late on Friday", "Friday night", "at 10:50
p.m. on Friday"). Spans compare on a clock that wraps at the end of the week, so "late on Sunday"
meets "early on Monday".
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from dataclasses import dataclass

from reader.suggest.dates import (
    MONTHS,
    PARTS,
    PLACE_PREP,
    SAYS,
    WEEK,
    WEEKDAYS,
    clock,
    event_stems,
    is_year,
    same_event,
)
from reader.suggest.slots import week_overlap
from reader.suggest.text import stem, tokenize

NEAR = 3  # tokens between a weekday and the part of day or time that narrows it
# Words before a weekday that make it a bound of a span ("until at least Friday", "at least
# until Friday", "before Sunday", "by Monday"), which any later or earlier day meets
_BOUNDS = frozenset(["least", "before", "after", "by", "since"])


@dataclass(frozen=True)
class Moment:
    hours: tuple[float, float]  # hours since Monday 00:00
    surface: str
    span: tuple[int, int]
    event: frozenset[str]  # what happened then (`dates.event_stems`)


@functools.lru_cache(maxsize=1 << 15)  # a sentence is the counterpart of many claims
def moments(text: str) -> tuple[Moment, ...]:
    """Every weekday named (capitalised) in `text`, as a span of hours of the week."""
    toks = tokenize(text)
    out: list[Moment] = []
    for i, t in enumerate(toks):
        if t.lower not in WEEKDAYS or not t.text[:1].isupper():
            continue
        if i and (
            toks[i - 1].lower in _BOUNDS
            or (i > 1 and toks[i - 1].lower == "until" and toks[i - 2].lower == "least")
        ):
            continue  # "until at least Friday", "by Monday": a bound, not the day it happens
        day = WEEKDAYS.index(t.lower) * 24
        lo, hi, a, b = 0.0, 24.0, i, i
        # a time's last token within NEAR: "at 10:50 p.m. on Friday"
        for k in range(max(0, i - NEAR - 2), min(len(toks), i + NEAR + 1)):
            w = toks[k].lower
            if w in PARTS and k >= i - NEAR:
                lo, hi = PARTS[w]
                a, b = min(a, k), max(b, k)
                break
            read = clock(toks, k)
            if read and read[1] >= i - NEAR:
                lo, hi = read[0]
                a, b = min(a, k), max(b, read[1])
                break
        span = (toks[a].start, toks[b].end)
        event = event_stems(toks, a, b + 1)
        out.append(Moment((day + lo, day + hi), text[span[0] : span[1]], span, event))
    return tuple(out)


def _meet(x: Moment, y: Moment) -> bool:
    return week_overlap(x.hours, y.hours, WEEK)


def conflict(a: str, b: str) -> tuple[Moment, Moment] | None:
    """The first moments of `a` and of `b` that tell of the same event (share `Moment.event`
    words) when no moment of one meets any moment of the other."""
    ma, mb = moments(a), moments(b)
    same = [(x, y) for x in ma for y in mb if same_event(x.event, y.event)]
    if not same or any(_meet(x, y) for x in ma for y in mb):
        return None
    return same[0]


def apart(a: str, b: str, own: Collection[str] = ()) -> bool:
    """True when both sentences say when, or where, and no part of it meets: days that do not
    meet ("on Sunday" / "on Monday"), other months or years ("closed in May" / "reopened in
    June"), other places ("sales rose in Europe" / "fell in Asia"; `own`: stems of the names the
    two are about, no place). What holds of one subject then and there may not hold here."""
    ma, mb = moments(a), moments(b)
    if ma and mb and not any(_meet(x, y) for x in ma for y in mb):
        return True
    (ta, pa), (tb, pb) = _settings(a), _settings(b)
    pa, pb = pa - set(own), pb - set(own)
    return bool((ta and tb and not ta & tb) or (pa and pb and not pa & pb))


@functools.lru_cache(maxsize=1 << 15)
def _settings(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The months and years `text` names, and the stems of the places it names after "in",
    "at", "to" (capitalised), not a source's ("said to Reuters")."""
    toks = tokenize(text)
    times, places = set(), set()
    for k, t in enumerate(toks):
        if (t.lower in MONTHS and t.text[:1].isupper()) or is_year(t.text):
            times.add(t.lower)
        elif (
            k
            and toks[k - 1].lower in PLACE_PREP
            and t.text[:1].isupper()
            and t.lower not in WEEKDAYS
            and not (k > 1 and toks[k - 2].lower in SAYS)  # "said to Reuters": a source
        ):
            places.add(stem(t.text))
    return frozenset(times), frozenset(places)
