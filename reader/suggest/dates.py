"""Dates, weekdays, years and times of day.

A story covers several days (talks on Monday, a meeting on Wednesday), so a weekday is only compared
with another when both are tied to the same place ("in Brussels on Wednesday"), and a claim that
names both days agrees with either. Years and decades are intervals ("1990s" holds 1997); times of
day are hour ranges ("late on Friday" holds "10:50 p.m."). Calendar dates are read only where
they are unambiguous ("10 January 2022", "January 10", "2022-01-10"; never "01/10/2022") and
also compared between a claim and its counterpart (`day_conflict`), as weekdays are in `when`.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.align.words import STOPWORDS
from reader.corpus.links import links
from reader.suggest.slots import Slot, clock_overlap, interval_overlap, week_overlap
from reader.suggest.text import (
    Token,
    breaks_clause,
    is_content,
    is_superlative,
    tokenize,
    topic_stem,
    window_stems,
)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEK = 7 * 24  # hours
MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            "january:jan",
            "february:feb",
            "march:mar",
            "april:apr",
            "may",
            "june:jun",
            "july:jul",
            "august:aug",
            "september:sep:sept",
            "october:oct",
            "november:nov",
            "december:dec",
        ]
    )
    for m in names.split(":")
}
MONTH_NAMES = frozenset(m for m in MONTHS if len(m) > 3 or m == "may")  # not "Jan", "Mar"
PARTS = {  # hours of the day, end may pass midnight
    "morning": (5, 12),
    "noon": (12, 12),
    "midday": (11, 13),
    "afternoon": (12, 18),
    "evening": (17, 23),
    "night": (18, 29),  # "the vote on Monday night" was at 6pm
    "midnight": (23.5, 24.5),
    "late": (18, 29),
    "early": (0, 10),
    "overnight": (21, 31),
}
_HOURS_SPELLED = "one two three four five six seven eight nine ten eleven twelve"
HOUR_WORDS = {w: n for n, w in enumerate(_HOURS_SPELLED.split(), 1)}
# the minutes of "half past eight", "a quarter to six", "twenty-five past nine" (tokenised
# "twenty", "five"), "ten past six", counted from the hour after "past" and to it after "to"
_MINUTE_WORDS = {"five": 5, "ten": 10, "quarter": 15, "twenty": 20, "half": 30}
_NAMED_HOURS = {"midnight": 24.0, "noon": 12.0, "midday": 12.0}  # "shortly before midnight"
_CLOCK_OPENERS = frozenset([*_MINUTE_WORDS, *HOUR_WORDS, *_NAMED_HOURS])  # (besides figures)


def opens_clock(word: str) -> bool:
    """A clock time may start at `word` (lower case): a figure, an hour or a minute word ("ten
    past six", "half past eight"), or "midnight", "noon". Most words are no time, and are not
    asked."""
    return word[:1].isdigit() or word in _CLOCK_OPENERS


_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d\d))?$")
_MERIDIEM = {"am": 0, "pm": 12, "a": 0, "p": 12}
CLOCK_MARGIN = 0.45  # hours: two readings a whole hour apart ("9 p.m." / "10 p.m.") differ
HEDGED_MARGIN = 1.5  # "shortly before 3am" may be 02:40 ...
ROUNDED_MARGIN = 0.5  # ... but "about 4 a.m." is not 5 a.m., nor "around 9:20" 10.20
_CLOCK_HEDGES = frozenset(
    "about around approximately roughly shortly just before after nearly almost some".split()  # noqa: SIM905
)
_EARLIER = frozenset(["before", "nearly", "almost"])  # hedges that say to which side
_MONTH_NAME = (
    r"(?P<{}>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?"
    r"|(?:January|February|March|April|June|July|August|September|October|November|December)\b)"
)
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?\b"
_YEAR_AFTER = r"(?:,?\s+(?P<{}>(?:19|20)\d\d)\b)?"
# unambiguous written dates only: "10 January 2022", "January 10, 2022", "Jan. 10", "2022-01-10";
# "01/10/2022" reads two ways and is left alone
_CALENDAR = re.compile(
    r"\b(?:(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b"
    f"|{_DAY.format('dd')}(?:\\s+of)?\\s+{_MONTH_NAME.format('dm')}{_YEAR_AFTER.format('dy')}"
    f"|{_MONTH_NAME.format('md')}\\s+{_DAY.format('mm')}{_YEAR_AFTER.format('my')})"
)
PLACE_PREP = ("in", "at", "to")


def is_year(word: str) -> bool:
    """A four-figure word read as a year (1800 to 2199), not a count."""
    # (decimal digits, which int() reads: "²⁰²⁰" is digits to isdigit(), no number to int())
    return len(word) == 4 and word.isdecimal() and 1800 <= int(word) < 2200


# what a time is of sits next to it ("sank early on Tuesday", "the toll rose to 17 on Tuesday
# evening"); further on, another clause tells of something else
EVENT_WIDTH = 8
_NOT_EVENTS = frozenset(
    [*WEEKDAYS, *PARTS, *MONTHS, "am", "pm", "hour", "hours", "day", "days", "local", "time",
     "due", "set", "scheduled", "expected", "planned", "slated"]
)  # fmt: skip
# ("local time" is on which clock, not what happened: "took off at 2 a.m. local time"; "is due",
# "was set for" say that it is planned, not what is: "sentencing is due on May 6")


@dataclass(frozen=True)
class Day:
    """A calendar date as written; `year` is None when the text leaves it out."""

    year: int | None
    month: int
    day: int
    surface: str
    span: tuple[int, int]

    def meets(self, other: Day) -> bool:
        return same_day((self.month, self.day, self.year), (other.month, other.day, other.year))


def same_day(a: tuple[int, int, int | None], b: tuple[int, int, int | None]) -> bool:
    """(month, day, year or None): the same day of the same month, and of the same year when
    both name one ("January 10" agrees with "10 January 2022")."""
    return a[:2] == b[:2] and (a[2] is None or b[2] is None or a[2] == b[2])


@functools.lru_cache(maxsize=1 << 15)  # read for a claim's numbers, figures, dates and its
# counterparts' dates: a story of up to ~30,000 claims stays in the cache between the passes
def calendar(text: str) -> tuple[Day, ...]:
    """Every unambiguous calendar date written in `text`, with its offsets."""
    if not _A_DIGIT.search(text):  # each way of writing a date has one (most sentences none)
        return ()
    if not _DATE_CUE.search(text):  # ...and a month's name or an ISO date's dashes (most
        return ()  # sentences with a figure have neither: the full pattern, tried at every
        # character, is not tried)
    out: list[Day] = []
    addresses = links(text)
    for m in _CALENDAR.finditer(text):
        if any(lo < m.end() and m.start() < hi for lo, hi in addresses):
            continue  # "example.com/2022-01-11/flood" dates a page, not what it reports
        g = m.groupdict()
        if g["iy"]:
            year, month, day = int(g["iy"]), int(g["im"]), int(g["id"])
        else:
            name = (g["dm"] or g["md"]).rstrip(".").lower()
            month, day = MONTHS[name], int(g["dd"] or g["mm"])
            y = g["dy"] or g["my"]
            year = int(y) if y else None
            ordinal = not m.group()[-1].isdigit()  # "January 10th" names a day, never a count
            # "in January 10 people died": a month, then a count (but "the Dec. 23 killing",
            # abbreviated or after "the", is a date of what follows, and "prosecutors on March 15
            # recommended" says on which day)
            dated = g["md"] and (
                g["md"].endswith(".") or _THE_BEFORE.search(text, 0, m.start())
                or _ON_BEFORE.search(text, 0, m.start())
            )  # fmt: skip
            if g["md"] and not y and not ordinal and not dated and _counts_something(text, m.end()):
                continue
        try:
            datetime.date(year or 2000, month, day)  # 2000: a leap year lets 29 February be
        except ValueError:
            continue
        out.append(Day(year, month, day, m.group(), m.span()))
    return tuple(out)


_A_DIGIT = re.compile(r"\d")  # (what `_CALENDAR`'s \d matches)
# what each of `_CALENDAR`'s dates holds: a month's name (each full name opens with its short
# one) or the dashes of "2022-01-10"
_DATE_CUE = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d-[01]\d-")
_THE_BEFORE = re.compile(r"(?:^|\W)the\s+$", re.IGNORECASE)
_ON_BEFORE = re.compile(r"(?:^|\W)on\s+$", re.IGNORECASE)


def _counts_something(text: str, end: int) -> bool:
    """True when the word after a "Month N" is a content word, so N counts it."""
    nxt = re.match(r"\s+([^\W\d_]+)", text[end:])
    return bool(nxt) and nxt.group(1).lower() not in STOPWORDS and nxt.group(1).islower()


def day_conflict(a: str, b: str) -> tuple[Day, Day] | None:
    """The first date of `a` and of `b` when no date of one is a date of the other: a
    counterpart reporting the same thing on another day."""
    da, db = calendar(a), calendar(b)
    if not da or not db or any(x.meets(y) for x in da for y in db):
        return None
    return da[0], db[0]


def event_stems(toks: Sequence[Token], lo: int, hi: int) -> frozenset[str]:
    """What happened at the time told by toks[lo:hi]: the stems of the lower-case content words
    within `EVENT_WIDTH` tokens ("sank", "toll", "rose"), not other times nor names (see
    `same_event`)."""
    out = set()
    for k in [*range(max(0, lo - EVENT_WIDTH), lo), *range(hi, min(len(toks), hi + EVENT_WIDTH))]:
        t = toks[k]
        if (
            (k == 0 or not t.text[:1].isupper())
            and t.lower not in _NOT_EVENTS
            and is_content(t.text)
        ):
            out.add(topic_stem(t.text))
    return frozenset(out)


# Words that open a clause of another event: "a second day of disruption on Tuesday as the
# strike continued" (the strike is not what happened on Tuesday)
_SAYING = frozenset(["announced", "reporters", "statement", "interview"])  # and `SAYS`
_TIME_PREPOSITIONS = frozenset(["on", "at", "in", "by", "until", "till", "from", "since", "of"])
_HOW_TOLD = _CLOCK_HEDGES | _TIME_PREPOSITIONS  # (`clause_event`: "shortly before", "until")
_SUBORDINATORS = frozenset(
    "as after before when while until since because although though whereas unless".split()  # noqa: SIM905
)


def clause_event(
    text: str, toks: Sequence[Token], lo: int, hi: int
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """What happened at the time told by toks[lo:hi], read in its own clause only (up to a
    comma, a dash or a word opening another clause): the stems of its lower-case content words
    within `EVENT_WIDTH` tokens (as `event_stems`), of the names in it (not the first word,
    which is capitalised anyway), which say who did it, and of the content words next to the
    time on either side, which say what it is the time of ("held on Monday", "resume on
    Thursday": the talks are the subject of both)."""
    left = lo
    while left > 0 and toks[left - 1].lower in _HOW_TOLD:
        left -= 1  # "shortly before 9 p.m.", "until Sunday": how the time is told
    lo = left
    while (
        left > 0
        and not breaks_clause(text[toks[left - 1].end : toks[left].start])
        and toks[left - 1].lower not in _SUBORDINATORS
    ):
        left -= 1
    right = hi
    while (
        right < len(toks)
        and not breaks_clause(text[toks[right - 1].end : toks[right].start])
        and toks[right].lower not in _SUBORDINATORS
    ):
        right += 1
    words, names, near = set(), set(), {}
    for k in [*range(left, lo), *range(hi, right)]:
        t = toks[k]
        if t.lower in _NO_EVENT or not is_content(t.text):
            continue  # (the day something was said is not the day of what was said)
        if k and t.text[:1].isupper():
            if not _in_place(toks, k):
                names.add(topic_stem(t.text))  # (who did it may open a long clause)
        elif lo - EVENT_WIDTH <= k < hi + EVENT_WIDTH:
            word = topic_stem(t.text)
            words.add(word)
            side = k < lo
            if side not in near or (k > near[side][0] if side else k < near[side][0]):
                near[side] = (k, word)
    return frozenset(words), frozenset(names), frozenset(w for _, w in near.values())


# prepositions of where something happened: the name after them is the place, not who did it
_WHERE = frozenset("in at on near above below of off outside inside across along into".split())  # noqa: SIM905


def _in_place(toks: Sequence[Token], k: int) -> bool:
    """toks[k], a capitalised word, names where it happened ("on the Tarvena Pass", "above the
    village of Morlach"), not who did it ("Sorel reported on Tuesday")."""
    while k and toks[k - 1].text[:1].isupper() and toks[k - 1].lower != "the":
        k -= 1  # (the first word of a name of several: "Tarvena Pass")
    before = toks[k - 1].lower if k else ""
    if before == "the" and k > 1:
        before = toks[k - 2].lower
    return before in _WHERE


def same_event(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two times' `event_stems` tell of one event: they share two words ("ferry sank"), or all
    of one side's one word ("the talks were on Tuesday"). One of several is not enough: the
    story's subject is next to all its times ("the ferry sank early on Tuesday" / "the
    ferry's captain was arrested on Tuesday afternoon")."""
    return len(a & b) >= min(2, len(a), len(b)) > 0


def _place_near(toks: Sequence[Token], i: int, text: str) -> str | None:
    """A capitalised word after "in"/"at"/"to" within four tokens of toks[i], same clause."""
    best: tuple[int, str] | None = None
    for k in range(max(1, i - 4), min(len(toks), i + 5)):
        t = toks[k]
        if k == i or not t.text[:1].isupper() or t.lower in WEEKDAYS or t.lower in MONTHS:
            continue
        if toks[k - 1].lower not in PLACE_PREP:
            continue
        lo, hi = sorted((toks[i].end, t.start))
        if ";" in text[lo:hi] or ", and" in text[lo:hi]:
            continue
        d = abs(k - i)
        if best is None or d < best[0]:
            best = (d, t.lower)
    return best[1] if best else None


# A wire dateline ("SAN FRANCISCO, April 19 (Xinhua) --", "LONDON, Jan 10 (Reuters) -"): its
# date is the day the report was filed, not of what it reports.
DATELINE = re.compile(
    r"[A-Z][A-Z .'’/-]{1,40}(?:,\s*[A-Z][A-Za-z.' -]{1,30})?,\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?"
    r"(?:\s*\([^)\n]{1,40}\))?\s*(?:--|—|–|-)\s"
)
_DECADE = re.compile(r"(1[89]|20)\d0s")
_YEAR = re.compile(r"(1[89]|20)\d\d")


def _slot(
    kind: str,
    key: frozenset[str],
    value: object,
    toks: Sequence[Token],
    i: int,
    text: str,
    span: tuple[int, int] | None = None,
    context: frozenset[str] | None = None,
) -> Slot:
    """A slot for toks[i] (or `span`), with the words around it as context unless `context`
    is given.

    The context is built only for slots, not for every token: run-on texts have many tokens.
    """
    span = span or (toks[i].start, toks[i].end)
    if context is None:
        context = frozenset(window_stems(toks, i, i + 1))
    return Slot(kind, key, value, text[span[0] : span[1]], span, context)


def extract(text: str, tokens: Sequence[Token] | None = None) -> list[Slot]:
    toks = tokens if tokens is not None else tokenize(text)
    # the tokens read below when the text writes no calendar date (most texts): the others
    # (most words) could only be a part of the day, and none is
    named = [i for i, t in enumerate(toks) if t.lower[0].isdigit() or t.lower in _DATE_WORDS]
    if not named and not _A_DIGIT.search(text):  # no word of a day, no figure (a date has
        return []  # one): nothing below to find (most texts)
    days = frozenset(toks[i].lower for i in named if toks[i].lower in WEEKDAYS)
    other_days: frozenset[str] | None = None  # `_other_days`, read once, for the first time
    week: frozenset[tuple[float, float]] | None = None  # the hours of the week the text names
    slots: list[Slot] = []
    written = {d.span[0]: d for d in calendar(text)}
    inside = [d.span for d in written.values()]
    if dateline := DATELINE.match(text):
        written = {at: d for at, d in written.items() if at >= dateline.end()}
    # "in April": the month of an event; with two months named ("2.4% in October from 3.1% in
    # September") which one a counterpart's month is of is a guess, and neither is read
    months = [i for i in named if toks[i].lower in MONTH_NAMES and toks[i].text[:1].isupper()]
    span_ends: set[int] = set()  # `_year_span`
    for i in range(len(toks)) if written else named:
        t = toks[i]
        w = t.lower
        if (
            len(months) == 1
            and months[0] == i
            and i
            and toks[i - 1].lower == "in"
            and not (inside and any(lo <= t.start < hi for lo, hi in inside))
        ):
            slots.append(_slot("month", frozenset(), MONTHS[w], toks, i, text))
        elif t.start in written:
            d = written[t.start]
            value = (d.month, d.day, d.year)
            slots.append(_slot("date", frozenset(), value, toks, i, text, d.span))
        elif inside and any(lo <= t.start < hi for lo, hi in inside):
            continue  # the year or day of a date just read
        elif w in WEEKDAYS and t.text[:1].isupper():
            place = _place_near(toks, i, text)
            if place:
                if week is None:
                    # imported here: `when` reads the parts of day defined in this module
                    from reader.suggest.when import moments

                    week = frozenset(m.hours for m in moments(text))
                slots.append(_slot("weekday", frozenset({place}), week, toks, i, text))
        elif opens_clock(w) and (read := clock(toks, i)) is not None:
            # (before years: "1800 hours"; "four o'clock")
            hours, last = read
            end = toks[last].end
            end += text[end : end + 1] == "." and toks[last].lower == "m"  # "p.m." whole
            context = event_stems(toks, i, last + 1)
            if _SHUT in context and any(t.lower in UNTIL for t in toks[max(0, i - 3) : i]):
                context |= {_REOPEN}  # "remained closed until just after 11am": reopened then
            if (zone := time_zone(toks, last + 1)) is not None:
                context |= {"~" + zone}
            if not days:
                if other_days is None:
                    other_days = _other_days(text, toks)
                context |= other_days | _setting(text, toks, i, last + 1)
            slots.append(_slot("time", days, hours, toks, i, text, (t.start, end), context))
        elif not w[0].isdigit():  # most tokens: only a part of the day is left to find
            if w in PARTS and days:
                # "late on Friday", "Friday night": a range of hours, tied to the weekday named
                event = event_stems(toks, i, i + 1)
                slots.append(_slot("time", days, PARTS[w], toks, i, text, context=event))
        elif _DECADE.fullmatch(w):
            y = int(w[:4])
            slots.append(_slot("year", frozenset(), (y, y + 9), toks, i, text))
        elif i in span_ends:
            continue  # the last year of a span just read
        elif _YEAR.fullmatch(w) and (span := _year_span(text, toks, i)) is not None:
            lo, last, years = span
            context = frozenset(window_stems(toks, lo, last + 1))
            where = (toks[lo].start, toks[last].end)
            slots.append(_slot("years", frozenset(), years, toks, i, text, where, context))
            span_ends.add(last)
        elif _YEAR.fullmatch(w):
            nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
            if not nxt.startswith(("million", "billion")) and not _since_then(text, toks, i):
                y = int(w)
                context = _in_its_clause(text, toks, i)
                slots.append(_slot("year", frozenset(), (y, y), toks, i, text, None, context))
    return slots


JOINING = frozenset(["and", "but", "while", "whereas"])  # words that join another clause


def _in_its_clause(text: str, toks: Sequence[Token], i: int) -> frozenset[str]:
    """`window_stems` of toks[i] within its clause: "has made washing machines since 1968 and
    cut around 400 jobs at the site in 2019" makes 1968 a year of making machines, 2019 of
    cutting jobs."""

    def joins(k: int) -> bool:  # (not a list: "in 2019 and 2022")
        nxt = toks[k + 1].text if k + 1 < len(toks) else ""
        return toks[k].lower in JOINING and not nxt[:1].isdigit()

    lo = i
    while lo > max(0, i - 8) and not joins(lo - 1):
        if breaks_clause(text[toks[lo - 1].end : toks[lo].start]):
            break
        lo -= 1
    hi = i + 1
    while hi < min(len(toks), i + 9) and not joins(hi):
        if breaks_clause(text[toks[hi - 1].end : toks[hi].start]):
            break
        hi += 1
    # not the names in it: two years of two events told of one body ("licensed the vaccine
    # from the University of Arnholt in 2017" / "was founded in 2012 by scientists from the
    # University of Arnholt") are not one year told two ways
    named = {
        topic_stem(t.text) for k, t in enumerate(toks[lo:hi], lo) if k and t.text[:1].isupper()
    }
    return frozenset(window_stems(toks[lo:hi], i - lo, i - lo + 1)) - named


UNTIL = frozenset(["until", "till"])  # the end of a span: "closed until 11am"
_SHUT, _REOPEN = topic_stem("closed"), topic_stem("reopened")  # (event stems)

# what `extract` reads
_DATE_WORDS = frozenset([*WEEKDAYS, *PARTS, *MONTH_NAMES, *_CLOCK_OPENERS])
_SPAN_TO = frozenset(["to", "through", "until", "till"])
SINCE_REACH = 8  # words back from a year to the "since" that makes it a point of reference


def _since_then(text: str, toks: Sequence[Token], i: int) -> bool:
    """The year at toks[i] is what the story is measured against, no date of it: "the biggest
    penalty since she assumed new powers in 2018", "the worst flood since 1998" (but it has
    "investigated Meta since 2020": when that began)."""
    for k in range(i - 1, max(-1, i - 1 - SINCE_REACH), -1):
        if breaks_clause(text[toks[k].end : toks[k + 1].start]):
            return False
        if toks[k].lower == "since":
            before = [t.lower for t in toks[max(0, k - 5) : k]]  # "first World Cup title since"
            # (a superlative, "first", "last" rank what the sentence says)
            return k < i - 1 or any(w in ("first", "last") or is_superlative(w) for w in before)
    return False


def _year_span(text: str, toks: Sequence[Token], i: int) -> tuple[int, int, tuple[int, int]] | None:
    """The span of years starting with the year at toks[i] ("from 2019 to 2022", "between 2019
    and 2022", "2019 through 2021", "2019-2022", "between March 2024 and January 2026"): the
    index of its first word, of its last year, and the two years; None for a year alone or in a
    list ("in 2019 and 2022")."""
    if i + 1 >= len(toks):
        return None
    b = i - (i > 0 and _month(toks[i - 1]))  # where its first date starts: "March 2024"
    gap = text[toks[i].end : toks[i + 1].start]
    if gap in ("-", "–"):
        last = i + 1
    elif i + 2 < len(toks) and (
        toks[i + 1].lower in _SPAN_TO
        or (toks[i + 1].lower == "and" and b and toks[b - 1].lower == "between")
    ):
        last = i + 2 + (i + 3 < len(toks) and _month(toks[i + 2]))  # "... to December 2025"
    else:
        return None
    first, end = int(toks[i].lower), toks[last].lower
    if not _YEAR.fullmatch(end) or int(end) <= first:
        return None
    lo = b - 1 if b and toks[b - 1].lower in ("from", "between") else b
    return lo, last, (first, int(end))


def _month(t: Token) -> bool:
    return t.lower in MONTH_NAMES and t.text[:1].isupper()


# Clocks a time may be told on: a time that names none, or "local time", is the place's own
ZONES = frozenset(
    """gmt utc bst cet cest eet eest est edt cst cdt mst mdt pst pdt et pt ct mt ist jst aest
    aedt msk""".split()  # noqa: SIM905
)


def time_zone(toks: Sequence[Token], k: int) -> str | None:
    """The zone named at toks[k] ("02:40 GMT", "(0240 UTC)"), lower case, else None."""
    return toks[k].lower if k < len(toks) and toks[k].lower in ZONES else None


def _zone_of(s: Slot) -> frozenset[str]:
    return frozenset(c for c in s.context if c[:1] == "~")


# What tells one dayless time from another (`_setting`): another day, or every day ("at 9 a.m.
# yesterday" / "at 10 a.m. today", "opens at 9 a.m. on weekdays"), which of several ("the first
# train" / "the last train", "a second fire"), and where ("left Holt" / "left Karsby")
_OTHER_DAYS = frozenset(
    """yesterday today tonight tomorrow every daily usually normally weekdays weekends
    weekday weekend""".split()  # noqa: SIM905
)
_WHICH = frozenset(
    "first second third fourth fifth last final next previous another earlier later".split()  # noqa: SIM905
)
_SETTING = "^@"  # marks of `_setting`: "^" a day or which one, "@" a place


def _other_days(text: str, toks: Sequence[Token]) -> frozenset[str]:
    """Marks of the days a sentence names otherwise than by weekday ("^yesterday", "^5-3" of
    "3 May"), for `_setting`."""
    out = {"^" + t.lower for t in toks if t.lower in _OTHER_DAYS}
    return frozenset(out | {f"^{d.month}-{d.day}" for d in calendar(text)})


def _setting(text: str, toks: Sequence[Token], lo: int, hi: int) -> frozenset[str]:
    """Marks of what sets a time at toks[lo:hi] apart, in a sentence that names no weekday,
    besides its `_other_days`: which of several events it is ("^first") and the places named
    around it in its clause ("@holt"; not who says so: "..., Doyle said", "Reuters reported")."""
    left = lo
    while left > max(0, lo - EVENT_WIDTH) and not breaks_clause(
        text[toks[left - 1].end : toks[left].start]
    ):
        left -= 1
    right = hi
    while right < min(len(toks), hi + EVENT_WIDTH) and not breaks_clause(
        text[toks[right - 1].end : toks[right].start]
    ):
        right += 1
    out = set()
    for k in [*range(left, lo), *range(hi, right)]:
        t = toks[k]
        if t.lower in _WHICH:
            out.add("^" + t.lower)
        elif (
            k
            and t.text[:1].isupper()
            and t.text[:1].isalpha()
            and t.lower not in _NOT_EVENTS
            and t.lower not in ZONES
            and not any(w.lower in SAYS for w in toks[max(0, k - 2) : k + 3])
        ):
            out.add("@" + t.lower)
    return frozenset(out)


# Words of who says so: a name next to them is a source, not a place ("Reuters reported", "said
# to Reuters", "according to the BBC")
SAYS = frozenset(
    """said says told reported reports according added confirmed spoke speaking talking
    talked""".split()  # noqa: SIM905
)
# words of no event of their own in `clause_event`'s clause: times, and saying it
_NO_EVENT = _NOT_EVENTS | SAYS | _SAYING


def clock_hour(toks: Sequence[Token], i: int) -> tuple[float, int] | None:
    """(hour of the day as written, index of its last token) for a clock time at toks[i], as
    `clock` reads it ("10.40pm" and "10:40 p.m." are both 22.67), unhedged; else None."""
    m = _TIME.match(toks[i].lower)
    if m is None:
        if (named := _NAMED_HOURS.get(toks[i].lower)) is not None:
            return named, i
        return _hhmm(toks, i) or _oclock(toks, i) or _past_to(toks, i) or _in_part(toks, i)
    hour, minutes = int(m.group(1)), int(m.group(2) or 0)
    nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
    if nxt in _MERIDIEM and (len(nxt) == 2 or (i + 2 < len(toks) and toks[i + 2].lower == "m")):
        if not 1 <= hour <= 12 or minutes > 59:
            return None
        return hour % 12 + _MERIDIEM[nxt] + minutes / 60, i + (1 if len(nxt) == 2 else 2)
    if minutes <= 59 and (part := _in_part(toks, i, hour)) is not None:
        return part[0] + minutes / 60, part[1]  # "2:30 in the afternoon" is 14:30, not 2:30
    if ":" in toks[i].text and hour <= 23 and minutes <= 59:
        return hour + minutes / 60, i
    return _oclock(toks, i) or _past_to(toks, i)


# a 24-hour time written without a colon, as wire copy does ("2300 local time", "0600 GMT")
_HHMM = re.compile(r"^([01]\d|2[0-3])([0-5]\d)$")
_HOURS = frozenset(["hours", "hrs", "hr", "h"])  # "1800 hours"
# what a time "at 0600" follows: a figure with a leading zero is no count, and no year
_AT = frozenset("at around about before after by until till from since to".split())  # noqa: SIM905


def _hhmm(toks: Sequence[Token], i: int) -> tuple[float, int] | None:
    """`clock_hour` of a 24-hour "HHMM" at toks[i], read as a time only where it is marked as
    one (so that "built around 1900" stays a year and "2300 people" a count): a clock named
    after it ("2300 GMT", "2300 local time", "1800 hours"), or a leading zero after a word a
    time follows ("at 0600")."""
    m = _HHMM.match(toks[i].text)
    if m is None:
        return None
    nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
    marked = (
        time_zone(toks, i + 1) is not None
        or nxt in _HOURS
        or (nxt == "local" and i + 2 < len(toks) and toks[i + 2].lower == "time")
        or (m.group(1)[0] == "0" and i > 0 and toks[i - 1].lower in _AT)
    )
    return (int(m.group(1)) + int(m.group(2)) / 60, i) if marked else None


_OCLOCK = frozenset(["o'clock", "o’clock"])
# parts of the day that say which half of it an hour "o'clock" is in (not "late", "early": of
# the day's events, "late on Monday"): hours added to it, at night after six in the evening
_HALVES = {"morning": 0, "afternoon": 12, "evening": 12, "night": 12}


def _hour_at(toks: Sequence[Token], i: int) -> int | None:
    """The hour (1 to 12) a word or figure at toks[i] names ("six", "6"), else None."""
    w = toks[i].lower if i < len(toks) else ""
    return HOUR_WORDS.get(w) or (int(w) if w.isdecimal() and 1 <= int(w) <= 12 else None)


def _half_near(toks: Sequence[Token], lo: int, hi: int, hour: int) -> int | None:
    """The hours to add to `hour` for the half of the day a part of it named in toks[lo:hi]
    says ("on Monday morning", "at night"); None where none is."""
    for t in toks[max(0, lo) : hi]:
        if (half := _HALVES.get(t.lower)) is not None:
            return 0 if t.lower == "night" and hour < 6 else half  # "two o'clock at night"
    return None


# ...of them, those before one time ("from five to six in the evening" is two hours)
_AT_ONE = _AT - {"from", "to"}


def _in_part(toks: Sequence[Token], i: int, hour: int | None = None) -> tuple[float, int] | None:
    """`clock_hour` of an hour at toks[i] (or `hour`, its figure's) told with the part of the
    day right after it, after a word a time follows: "at about 5 in the morning", "at eight in
    the evening", "until 11 at night" ("arrested 5 in the morning raid" is no time)."""
    hour = _hour_at(toks, i) if hour is None else hour
    if hour is None or not 1 <= hour <= 12 or i == 0 or toks[i - 1].lower not in _AT_ONE:
        return None
    words = [t.lower for t in toks[i + 1 : i + 4]]
    if words[:2] == ["in", "the"] and len(words) == 3 and words[2] in _HALVES:
        part, last = words[2], i + 3
    elif words[:2] == ["at", "night"]:
        part, last = "night", i + 2
    else:
        return None
    night = part == "night" and (hour < 6 or hour == 12)  # "2 at night", "12 at night"
    return float(hour % 12 + (0 if night else _HALVES[part])), last


def _past_to(toks: Sequence[Token], i: int) -> tuple[float, int] | None:
    """`clock_hour` of a time told in words from toks[i]: "half past eight", "a quarter to
    six", "ten past six", "20 minutes past nine", in the half of the day a part of it named
    near says ("half past eight on Saturday evening"); None where none is. After "to" only
    minutes no hour could be ("a quarter to six", "20 minutes to nine"): "from five to six"
    is two hours."""
    w = toks[i].lower
    if w == "five" and i and toks[i - 1].lower == "twenty":
        return None  # (read from "twenty")
    k, minutes = i + 1, _MINUTE_WORDS.get(w)
    if w == "twenty" and k < len(toks) and toks[k].lower == "five":
        k, minutes = k + 1, 25
    elif w.isdecimal() and 1 <= int(w) <= 59:  # (not "²", a digit int() cannot read)
        minutes = int(w)
    named = k < len(toks) and toks[k].lower in ("minutes", "mins")
    k += named
    if minutes is None or k + 1 >= len(toks) or (w.isdecimal() and not named):
        return None
    way = toks[k].lower
    if way not in ("past", "to") or (way == "to" and minutes == 30):
        return None
    if way == "to" and not (named or w in ("quarter", "twenty")):
        return None
    hour = _hour_at(toks, k + 1)
    half = None if hour is None else _half_near(toks, i - 4, k + 8, hour)
    if hour is None or half is None:
        return None
    at = hour % 12 + half + (minutes if way == "past" else -minutes) / 60
    return at % 24, k + 1


def _oclock(toks: Sequence[Token], i: int) -> tuple[float, int] | None:
    """`clock_hour` of "four o'clock", "10 o'clock" at toks[i], in the half of the day a part
    of it named near says ("at around four o'clock on Monday morning", "ten o'clock at night");
    None where none is (which half is meant is a guess)."""
    if i + 1 >= len(toks) or toks[i + 1].lower not in _OCLOCK:
        return None
    hour = _hour_at(toks, i)
    half = None if hour is None else _half_near(toks, i - 4, i + 7, hour)
    return None if hour is None or half is None else (float(hour % 12 + half), i + 1)


def clock(toks: Sequence[Token], i: int) -> tuple[tuple[float, float], int] | None:
    """(span of hours of the day, index of its last token) for a clock time at toks[i]: "3am",
    "2.40am", "10:50 p.m.", "11 pm", or a 24-hour "02:40" / "22:15" (a colon and two-digit
    minutes, so that "2.40" alone stays a number); else None.

    Outlets round and hedge the time of one event ("shortly before 3am" / "at 02:40"): a time
    spans `CLOCK_MARGIN` either side, `ROUNDED_MARGIN` after "about", "around"…, and
    `HEDGED_MARGIN` on the side a hedge says ("shortly before", "just after")."""
    read = clock_hour(toks, i)
    if read is None:
        return None
    h, last = read
    hedges = {t.lower for t in toks[max(0, i - 2) : i]} & _CLOCK_HEDGES
    if hedges & _EARLIER:
        return (h - HEDGED_MARGIN, h), last
    if "after" in hedges:
        return (h, h + HEDGED_MARGIN), last
    margin = ROUNDED_MARGIN if hedges else CLOCK_MARGIN
    return (h - margin, h + margin), last


def related(a: Slot, b: Slot) -> bool:
    if a.kind == "weekday":
        return a.key == b.key
    if a.kind == "time":  # of one event, on one clock ("02:40 GMT" is "3:40 a.m." in Lodi)
        zone_a, zone_b = _zone_of(a), _zone_of(b)
        set_a = frozenset(c for c in a.context if c[:1] in _SETTING)
        set_b = frozenset(c for c in b.context if c[:1] in _SETTING)
        return (
            zone_a == zone_b
            and (bool(a.key & b.key) or (not (a.key or b.key) and _one_setting(set_a, set_b)))
            and same_event(a.context - zone_a - set_a, b.context - zone_b - set_b)
        )
    if a.kind == "year" and {_begins(a.context), _begins(b.context)} == {True, False}:
        return False  # "the trial began in 1973" / "at its conclusion in 1982": two events
    return len(a.context & b.context) >= 2


# words of a start and of an end (stems), which set two years of one story apart
_STARTS = frozenset(["began", "begin", "start", "launc", "open", "found", "estab"])
_ENDS = frozenset(["ended", "end", "concl", "finis", "shut", "compl"])


def _begins(context: frozenset[str]) -> bool | None:
    """True for a year said of a start, False of an end, None when neither or both."""
    start, end = bool(context & _STARTS), bool(context & _ENDS)
    return start if start != end else None


def _one_setting(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two times on a day neither names may be of one event ("broke out at 9 p.m." / "started
    at 10 p.m.": one event has one day) when nothing sets them apart: the same other days and
    order (`_setting`), and a place in common when both name places."""
    places_a = {c for c in a if c[:1] == "@"}
    places_b = {c for c in b if c[:1] == "@"}
    if places_a and places_b and not places_a & places_b:
        return False
    return a - places_a == b - places_b


def compatible(a: Slot, b: Slot) -> bool:
    if a.kind == "weekday":  # "Saturday night" meets "early on Sunday"
        return any(week_overlap(x, y, WEEK) for x in a.value for y in b.value)  # type: ignore[attr-defined]
    if a.kind == "time":
        return clock_overlap(a.value, b.value, 24)  # type: ignore[arg-type]
    if a.kind == "year":
        return interval_overlap(a.value, b.value)  # type: ignore[arg-type]
    if a.kind == "date":
        return same_day(a.value, b.value)  # type: ignore[arg-type]
    return a.value == b.value
