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
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from reader.suggest.dates import (
    DATELINE,
    MONTHS,
    PARTS,
    PLACE_PREP,
    SAYS,
    UNTIL,
    WEEK,
    WEEKDAYS,
    calendar,
    clause_event,
    clock,
    is_year,
    opens_clock,
    same_event,
)
from reader.suggest.slots import week_overlap
from reader.suggest.text import stem, tokenize

NEAR = 3  # tokens between a weekday and the part of day or time that narrows it
# Words before a weekday that make it a bound of a span ("until at least Friday", "at least
# until Friday", "before Sunday", "by Monday"), which any later or earlier day meets
_BOUNDS = frozenset(["least", "before", "after", "by", "since"])
# ...and before a weekday (or its time) that ends a span ("without power until Sunday", "remains
# in force until 6pm on Saturday"): the state holds on the days before it too, so such a day
# differs only from another span's end ("shut until Sunday" / "shut until Friday")
_UNTIL = UNTIL | {"til"}


_WEEKDAY = frozenset(WEEKDAYS)


@dataclass(frozen=True)
class Moment:
    hours: tuple[float, float]  # hours since Monday 00:00
    surface: str
    span: tuple[int, int]
    until: bool = False  # the end of a span (`_UNTIL`), not a day something happens on
    day: int = 0  # the weekday named (0 Monday), whose "late" hours run past its midnight


@functools.lru_cache(maxsize=1 << 15)  # a sentence is the counterpart of many claims
def moments(text: str) -> tuple[Moment, ...]:
    """Every weekday named (capitalised) in `text`, as a span of hours of the week."""
    if text.isascii() and not _names_a_weekday(text.lower()):
        return ()  # (most sentences: tokenizing them was most of a long story's weekdays)
    toks = tokenize(text)
    out: list[Moment] = []
    for i, t in enumerate(toks):
        if t.lower not in _WEEKDAY or not t.text[:1].isupper():
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
                if k < i and i + 1 < len(toks) and toks[i + 1].lower in PARTS:
                    b = i + 1  # "late on Friday evening", quoted whole (the hours are late's:
                    # "early on Sunday morning" may be 2 a.m.)
                break
            read = clock(toks, k) if opens_clock(w) else None
            if read and read[1] >= i - NEAR:
                lo, hi = read[0]
                a, b = min(a, k), max(b, read[1])
                break
        span = (toks[a].start, toks[b].end)
        until = a > 0 and toks[a - 1].lower in _UNTIL
        out.append(Moment((day + lo, day + hi), text[span[0] : span[1]], span, until, day // 24))
    return tuple(out)


def _names_a_weekday(lower: str) -> bool:
    """A weekday's name is anywhere in `lower`, an ASCII text in lower case (whose words are its
    own substrings; another text's may hold invisible characters inside a word). Most sentences
    have no "day" at all, which is quicker to tell (a case-blind regex took four times as long)."""
    return "day" in lower and any(d in lower for d in WEEKDAYS)


def _meet(x: Moment, y: Moment) -> bool:
    """The two may be the same time: a span's end meets any day it may hold on."""
    return x.until != y.until or week_overlap(x.hours, y.hours, WEEK)


def conflict(a: str, b: str) -> tuple[Told, Told] | None:
    """The first weekdays of `a` and of `b` that tell of the same event (`_one_event`) when no
    weekday of one meets any of the other."""
    return of_one_event(
        [t for t in told(a) if t.kind == "days"], [t for t in told(b) if t.kind == "days"]
    )


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
            and t.lower not in _WEEKDAY
            and not (k > 1 and toks[k - 2].lower in SAYS)  # "said to Reuters": a source
        ):
            places.add(stem(t.text))
    return frozenset(times), frozenset(places)


@dataclass(frozen=True)
class Told:
    """A date or a weekday a sentence puts something on, with what happened then."""

    kind: str  # "dates" or "days" (the noun of a reason: "dates differ")
    surface: str
    span: tuple[int, int]
    event: frozenset[str]  # `dates.clause_event`: what happened then
    names: frozenset[str]  # ...who did it
    near: frozenset[str]  # ...and the words next to the time, of what it is the time
    value: object  # a `dates.Day` or a `Moment`


@functools.lru_cache(maxsize=1 << 15)  # a sentence is the evidence of many claims
def told(text: str) -> tuple[Told, ...]:
    """Every calendar date and weekday of `text` with its event (not a wire dateline's date:
    the day the report was filed)."""
    line = DATELINE.match(text)
    found = [("days", m.surface, m.span, m) for m in moments(text)]
    found += [
        ("dates", d.surface, d.span, d)
        for d in calendar(text)
        if not (line and d.span[0] < line.end())
    ]
    if not found:
        return ()
    toks = tokenize(text)
    out = []
    for kind, surface, span, value in found:
        inside = [k for k, t in enumerate(toks) if span[0] <= t.start < span[1]]
        event, names, near = clause_event(text, toks, inside[0], inside[-1] + 1)
        out.append(Told(kind, surface, span, event, names, near, value))
    return tuple(out)


def _meets(x: Told, y: Told) -> bool:
    if x.kind == "dates":
        return x.value.meets(y.value)  # type: ignore[attr-defined]
    return _meet(x.value, y.value)  # type: ignore[arg-type]


def _one_event(x: Told, y: Told) -> bool:
    """Two times of one kind telling of one event: the same words of what happened in their
    clauses (`same_event`), among them a word next to one of the times (not only the subject
    of both: "talks were held on Monday" / "talks will resume on Thursday"), and not two names
    for who did it ("Sorel reported on Tuesday" / "Nordvik reported on Wednesday")."""
    return (
        x.kind == y.kind
        and not x.event.isdisjoint(y.event)  # (quicker, and `same_event` needs one in common)
        and (
            (same_event(x.event, y.event) and bool(x.near & y.event or y.near & x.event))
            or _said_alike(x, y)
            or _next_sitting(x.event, y.event)
        )
        and not (x.names and y.names and not x.names & y.names)
    )


def _said_alike(x: Told, y: Told) -> bool:
    """The same word next to both times, and another word of their clauses in common, a name
    or not: "Storm Imara made landfall shortly before midnight on Monday" / "The storm came
    ashore at around 4am on Tuesday" ("ashore" is "landfall"); not "Lund was arrested on
    Monday" / "Berg was arrested on Tuesday"."""
    near = x.near & y.near
    return bool(near) and bool(((x.event | x.names) & (y.event | y.names)) - near)


# what a body holds at its next sitting: "meeting" (and "talks", "session": `topic_stem`'s
# "event"), "meets", "decision", "hearing", "vote"
_SITTINGS = frozenset(["event", "meet", "decid", "hear", "vote"])


def _next_sitting(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both times are of the next sitting of a body, whatever each calls it ("The next rate
    decision is due on May 7" / "The bank's next policy meeting is scheduled for May 14")."""
    return "next" in a and "next" in b and not (a.isdisjoint(_SITTINGS) or b.isdisjoint(_SITTINGS))


def of_one_event(mine: Sequence[Told], theirs: Sequence[Told]) -> tuple[Told, Told] | None:
    """The first time of `mine` and of `theirs` telling of one event when no time of that kind
    on one side meets one on the other (a claim naming two days agrees with either); else
    None."""
    for x in mine:
        for y in theirs:
            # (most pairs are of another kind or share no word of what happened: told so
            # here, without a call, as `_one_event` would)
            if x.kind != y.kind or x.event.isdisjoint(y.event) or not _one_event(x, y):
                continue
            if any(_meets(a, b) for a in mine for b in theirs if a.kind == b.kind == x.kind):
                return None
            return x, y
    return None


def told_once(told: Sequence[Told]) -> tuple[str, ...]:
    """The kinds of time ("dates", "days") told once in `told`: what `of_aligned` compares."""
    kinds = [x.kind for x in told]
    return tuple(k for k in ("dates", "days") if kinds.count(k) == 1)


def of_aligned(
    mine: Sequence[Told], theirs: Sequence[Told], kinds: Sequence[str] = ("dates", "days")
) -> tuple[Told, Told] | None:
    """The one time of a kind of `mine` and the one of `theirs`, of two sentences aligned as a
    whole (one event told in other words), when they do not meet and name no two people who
    did it, nor, for weekdays, the same day; else None. A side telling two of a kind leaves
    which is which a guess. `kinds`: those to compare (`told_once` of `mine`)."""
    for kind in kinds:
        xs = [x for x in mine if x.kind == kind]
        ys = [y for y in theirs if y.kind == kind]
        if len(xs) != 1 or len(ys) != 1:
            continue
        x, y = xs[0], ys[0]
        if (
            _meets(x, y)
            or not _bounds_alike(x, y)
            or (x.names and y.names and not x.names & y.names)
        ):
            continue
        if kind == "days" and x.value.day == y.value.day:  # type: ignore[attr-defined]
            continue  # two hours of one day may be of two events ("found on Monday morning")
        return x, y
    return None


# words of what is to come: a sentence saying what will happen and one saying what happened
# tell of two events ("Talks were held on Monday" / "Talks will resume on Thursday")
_TO_COME = frozenset("will shall due scheduled expected plans planned upcoming".split())  # noqa: SIM905


def one_tense(a: str, b: str) -> bool:
    """Both sentences, or neither, say what is to come (`_TO_COME`)."""
    return _to_come(a) == _to_come(b)


@functools.lru_cache(maxsize=1 << 15)  # (a sentence is the evidence of many claims)
def _to_come(text: str) -> bool:
    return not _TO_COME.isdisjoint(t.lower for t in tokenize(text))


def meets_any(mine: Sequence[Told], theirs: Sequence[Told], kind: str) -> Told | None:
    """The first time of `theirs` of `kind` meeting one of `mine` of what may be the same
    event: one word of what happened in common is enough to agree ("talks will resume on
    Thursday" / "are scheduled to resume at the conciliation service on Thursday")."""
    for y in theirs:
        if y.kind == kind and any(
            x.kind == kind and x.event & y.event and _meets(x, y) and _bounds_alike(x, y)
            for x in mine
        ):
            return y
    return None


def _bounds_alike(x: Told, y: Told) -> bool:
    """Neither or both are a span's end: a span's end is no vote for a day within it."""
    return getattr(x.value, "until", False) == getattr(y.value, "until", False)
