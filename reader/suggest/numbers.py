"""Numbers with their head word: "six-hour", "eight hours of talks", "13,000 lives", "$200 million".

A number becomes an interval, so hedged figures compare fairly: "over 30" is [30, 45], "about 30"
is [27, 33], and the two agree; "tens of thousands" is [20,000, 99,999] and disagrees with
"100,000". Two figures both hedged "about" agree only when each is inside the other's margin:
"about 300" and "about 250" are two reports. Years and decades are left to `dates`.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import itertools
import math
import operator
import re
from bisect import bisect_left
from collections.abc import Container, Sequence

from reader.suggest import dates
from reader.suggest.slots import Slot, interval_overlap
from reader.suggest.text import (
    COURTESY_TITLES,
    DETERMINERS,
    ORDINAL_ENDS,
    Token,
    breaks_clause,
    is_content,
    is_superlative,
    ordinal_suffix,
    stem,
    tokenize,
    topic_stem,
    window_stems,
)
from reader.suggest.titles import is_title_word, name_marks

_ONES = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Scales written onto the figure: "1.2bn", "$40m", "5k".
_SUFFIXES = {"bn": 1e9, "mn": 1e6, "m": 1e6, "tn": 1e12, "trn": 1e12, "k": 1e3}
# ...and, after a sum only, "$68.7B"; wire copy's own abbreviations, "$1.2 bln", "$40 mln"
_SUM_SUFFIXES = {"b": 1e9}
_SCALE_ABBREVIATIONS = {"bln": 1e9, "mln": 1e6}
# Plural scale words alone are vague counts: "thousands of people". "Thousands" is as loose as
# "millions": "evacuated thousands" of an island's 11,000 residents is no other count.
_VAGUE = {
    "dozens": (24, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 999_999),
    "millions": (2e6, 999e6),
    "billions": (2e9, 999e9),
}
# The words of a count: no name, capitalised or not ("Twelve were hurt", "Thousands marched")
COUNT_WORDS = frozenset([*_ONES, "one", "dozen", *_SCALES, *_VAGUE])
# (lower factor, upper factor) applied to the value; hedges widen the interval one way or both.
_HEDGES = {
    ("more", "than"): (1.0, 1.5),
    ("at", "least"): (1.0, 1.5),
    ("upwards", "of"): (1.0, 1.5),
    ("just", "over"): (1.0, 1.2),
    ("well", "over"): (1.0, 2.0),
    ("over",): (1.0, 1.5),
    ("less", "than"): (0.5, 1.0),
    ("fewer", "than"): (0.5, 1.0),
    ("up", "to"): (0.5, 1.0),
    ("as", "many", "as"): (0.5, 1.0),
    ("as", "much", "as"): (0.5, 1.0),  # "fell by as much as 12%": its lowest, not its close
    ("just", "under"): (0.8, 1.0),
    ("under",): (0.5, 1.0),
    ("nearly",): (0.85, 1.0),
    ("almost",): (0.85, 1.0),
    ("about",): (0.9, 1.1),
    ("around",): (0.9, 1.1),
    ("roughly",): (0.9, 1.1),
    ("approximately",): (0.9, 1.1),
    ("some",): (0.9, 1.1),
    ("estimated",): (0.9, 1.1),
    ("close", "to"): (0.9, 1.1),
    # a bound the other way: "sought no more than four years" is at most four
    ("no", "more", "than"): (0.5, 1.0),
    ("not", "more", "than"): (0.5, 1.0),
    ("no", "less", "than"): (1.0, 1.5),
    ("no", "fewer", "than"): (1.0, 1.5),
}
_HEDGE_WORDS = {w for phrase in _HEDGES for w in phrase}
# (they are no part of a figure's context, `window_stems(..., skip=_HEDGE_WORDS)`: "around 40
# staff" and "around 80 firefighters" share no context for being hedged alike)
_LONGEST_HEDGES = sorted(_HEDGES.items(), key=lambda kv: -len(kv[0]))  # as `_hedge` reads them
_HEDGE_ENDS = frozenset(phrase[-1] for phrase in _HEDGES)  # the last words of the hedges
# A count's part (a slot's value[4]): "" the whole count, "other" ("six other people": words of
# _SUBSET), "part" ("four of its six carriages": the four), "whole" (the six), "ordinal" ("the
# 34th minute"), "former" (see _FORMER), each followed by " in YEAR" when the figure's clause
# sets it in another event's year (`_set_in_year`). Counts are compared only with counts of the
# same part.
_SUBSET = frozenset(["other", "more", "addit", "furth"])
# ..."former" ("the previous record, 45.9C", "the old speed limit of 30 mph"): a value that
# was (`_former`)
_FORMER = frozenset(["previous", "old", "former", "earlier", "prior"])
_LINKING = frozenset(["of", "was", "is", "stood", "at"])
# What happened to the people counted, as stems (`text.stem` folds killed/dead/died into "dead"),
# and the role each means: "aboard", "on board" and "carrying" all count those on board.
_ROLE_OF = {
    "dead": "dead", "hurt": "hurt", "miss": "missing", "unacc": "missing", "evacu": "evacu",
    "survi": "rescu", "rescu": "rescu", "arres": "arres", "displ": "displ",
    "aboar": "board", "carry": "board",
    "hospi": "hospi", "expec": "forecast", "forec": "forecast", "predi": "forecast",
    "criti": "critical",  # "six in critical condition": some of the injured, not all of them
    "targe": "target", "thres": "target", "aim": "target", "goal": "target", "emplo": "staff",
    # sums that are not a thing's worth nor its cost: "insured for €30m", "a €1m reward"
    "insur": "insured", "rewar": "reward", "ranso": "ransom", "bail": "bail",
    # the most there were, not how many there are: "at its peak, 50,000 homes", "peaked at",
    # "at the height of the storm"
    "peak": "peak", "heigh": "peak",
    # what someone asked for, or what could be, is not what was decided: "prosecutors sought
    # ten years", "the potential sentence was six to eight years", "a maximum of 20 years"
    "sough": "sought", "seek": "sought", "deman": "sought", "reque": "sought",
    "recom": "sought", "propo": "sought", "want": "sought", "urged": "sought", "urge": "sought",
    "hoped": "sought", "hope": "sought", "hopin": "sought",  # "not the 30 seats I hoped for"
    "poten": "potential", "maxim": "potential", "possi": "potential",
    "faced": "potential", "face": "potential", "facin": "potential",  # "faced up to 130 years"
    # what a court set aside is no sentence: "his 12-year sentence was overturned"
    "overt": "void", "quash": "void", "vacat": "void", "annul": "void",
}  # fmt: skip
# roles a verb or adjective further back in the clause gives the figure ("expects inflation in
# X to fall to 3%", "had demanded that he be sentenced to at least ten years")
_FAR_ROLES = frozenset(["forecast", "sought", "potential", "target"])  # ("aims to keep ... at 3%")
_ROLES = frozenset(_ROLE_OF)
# roles read only next to the figure: "20,000 homes on Sunday, down from 50,000 at its peak"
_NEAR_ROLES = frozenset(["peak"]) | frozenset(
    w for w, role in _ROLE_OF.items() if role in ("sought", "potential")
)  # (not "a bribe from a businessman seeking to promote a supplement")
_STAFF_STEMS = frozenset(w for w, role in _ROLE_OF.items() if role == "staff")
# ...those that say what befell them, once in a story's event (not "staff" nor "forecast":
# a layoff story counts the staff of each site, and of the firm)
_BEFELL = frozenset(["dead", "hurt", "missing", "evacu", "rescu", "arres", "displ", "hospi"])
# "No one died", "nobody was hurt", "no deaths": a count of none, of people, in that role.
_NOBODY = frozenset(["nobody", "none"])
_NO_WORDS = _NOBODY | {"no"}  # the words a count of none starts with (`_nobody`)
# "no <one of these>" counts none of them (stems): "no child was hurt"
_PEOPLE = frozenset(stem(w) for w in "child person passenger patient resident pupil worker".split())  # noqa: SIM905
_NEEDING = frozenset(["needed", "required", "needing", "requiring"])
# "four of them", "two of whom": a part of a count given before; "two died at the scene": a
# part of the toll
_BACK = frozenset(["them", "whom", "those", "which"])
_THOSE = frozenset(["the", "those", "these"])  # "three of the dead": a part of the dead
_AT_ONCE = frozenset(["scene", "instantly", "spot"])
# "four of its six", "three of the five": the words between a part and its whole
_DETERMINERS_OF = frozenset(["the", "its", "their", "his", "her", "our", "these", "those"])
# Measures converted to one unit per kind (stem -> unit, factor); converted figures get a margin
# for the rounding of the conversion ("10 km" is "6 miles").
_MEASURES = {
    "km": ("km", 1.0), "kilom": ("km", 1.0), "mile": ("km", 1.609),
    "metre": ("m", 1.0), "meter": ("m", 1.0), "feet": ("m", 0.3048), "foot": ("m", 0.3048),
    "kg": ("kg", 1.0), "kilog": ("kg", 1.0), "lb": ("kg", 0.4536), "lbs": ("kg", 0.4536),
    "tonne": ("t", 1.0), "ton": ("t", 1.0),  # a "ton" may be short, long or metric: 5% apart
    "litre": ("l", 1.0), "liter": ("l", 1.0), "gallo": ("l", 3.785), "barre": ("l", 159.0),
    "hecta": ("ha", 1.0), "acre": ("ha", 0.4047),
    "cm": ("cm", 1.0), "mm": ("cm", 0.1), "inch": ("cm", 2.54), "inche": ("cm", 2.54),
    "hour": ("hour", 1.0), "hr": ("hour", 1.0), "minut": ("hour", 1 / 60), "min": ("hour", 1 / 60),
    "day": ("hour", 24.0), "week": ("hour", 168.0),
    "kph": ("kph", 1.0), "kmh": ("kph", 1.0), "mph": ("kph", 1.609), "knot": ("kph", 1.852),
}  # fmt: skip
# an area's units, in hectares: "square miles", "sq km" (stems after `_unit_stem`)
_SQUARE = frozenset(["squar", "sq"])
_SQUARED = {"km": 100.0, "kilom": 100.0, "mile": 258.999, "mi": 258.999, "metre": 1e-4,
            "meter": 1e-4, "m": 1e-4, "feet": 9.2903e-6, "foot": 9.2903e-6}  # fmt: skip
_SPELLED_UNITS = {"millimet": "mm", "centimet": "cm"}  # (first 8 letters) "millimetres" is "mm"


# verbs in the past tense not ending in "-ed" that may follow a count's noun
_IRREGULAR_PAST = frozenset(
    """spent fled left lost took went fell made gave got came ran kept sought held told said
    found felt met paid sent brought bought stood hid fought won struck hit saw began became
    drove flew rose sank shut""".split()  # noqa: SIM905
)


def _past_verb(word: str) -> bool:
    """A word (lower case) in the past tense: "tackled", "spent"."""
    return word in _IRREGULAR_PAST or (word.endswith("ed") and len(word) > 4)


def _unit_stem(word: str) -> str:
    """`stem` of a word, but a unit spelled out is its symbol (a stem cuts "millimetres" to
    "milli", as it does "millions"), and "-men" one "-man" ("three gunmen" / "a lone gunman")."""
    lower = word.lower()
    if lower.endswith("men"):
        word = lower[:-3] + "man"
    return _SPELLED_UNITS.get(lower[:8]) or stem(word)


_ROUNDING = 0.05
_TIMES = frozenset(["hour"])  # converted exactly (minutes, days, weeks: `_MEASURES`)
_UNITS = frozenset(unit for unit, _ in _MEASURES.values())
_FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
_FRACTIONS |= {"sixth": 100 / 6, "eighth": 12.5}
# "two-thirds", "three quarters": as many of the fraction as the count before says
_FRACTIONS.update({name + "s": share for name, share in _FRACTIONS.items() if name != "half"})
OUT_OF_MOST = 10  # "three out of four residents", "nine out of ten": a share, not 3 of 4 people
_NOT_ONE = frozenset(["no", "any", "every", "each", "which", "the", "this", "that"])
_CURRENCIES = {"$": "dollar", "£": "pound", "€": "euro"}
# ...and the codes written before a figure as its symbol is ("SEK 6.1bn", "USD 400m"), each
# read as the currency named in words (a krona's and a krone's crowns are one, as the dollars
# of "$" are: a story about one company reports in one of them)
_CURRENCIES |= {
    "USD": "dollar", "CAD": "dollar", "AUD": "dollar", "HKD": "dollar", "SGD": "dollar",
    "EUR": "euro", "GBP": "pound", "SEK": "crown", "NOK": "crown", "DKK": "crown",
    "CZK": "crown", "ISK": "crown", "JPY": "yen", "CNY": "yuan", "RMB": "yuan",
    "INR": "rupee", "CHF": "franc",
    # ...and a krone's and a krona's abbreviations ("NKr 1.8bn", "SKr 4.2bn")
    "NKr": "crown", "NKR": "crown", "SKr": "crown", "SKR": "crown", "DKr": "crown", "DKR": "crown",
}  # fmt: skip
CURRENCY_CODES = frozenset(c for c in _CURRENCIES if len(c) > 1)  # (not "$", "£", "€")
_CURRENCY_UNITS = frozenset(_CURRENCIES.values())  # (looked up for every figure read)
NEAR = 4  # words either side that say what a share or a sum is of
# words that open a sentence before a count, not a series name ("All 224 passengers")
_QUANTIFIERS = frozenset(["all", "both", "another", "every", "each", "exactly"])
_AS_MANY_MORE = frozenset(["another", "further", "additional"])  # before a count: a part
_DASHES = ("-", "\u2013")  # "9-14", "9–14"
# words that can follow a figure without being what it counts
_PREPOSITIONS = frozenset(
    """against during without within through across despite since until toward towards among
    amid via following including inside outside near beyond behind below above around""".split()  # noqa: SIM905
)
_UNIT_WORDS = frozenset(stem(w) for w in ("percent", "per", "cent"))  # the unit says nothing
_CURRENCY_WORDS = {
    "dolla": "dollar", "pound": "pound", "euro": "euro", "crown": "crown", "krona": "crown",
    "krono": "crown", "krone": "crown", "yen": "yen", "yuan": "yuan", "rupee": "rupee",
    "franc": "franc",
}  # stems  # fmt: skip
EXACT_DIGITS = 15  # digits a float holds exactly; longer figures are not read
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def _joined(text: str, a: Token, b: Token, seps: str = " ") -> bool:
    """True when only characters of `seps` lie between tokens a and b."""
    gap = text[a.end : b.start]
    return all(ch in seps for ch in gap)


_YEARLIKE = re.compile(r"(1[89]|20)\d\d")


def _parse(text: str, toks: Sequence[Token], i: int) -> tuple[float, float, int] | None:
    """(low, high, index after the number) for a number starting at toks[i], else None."""
    t = toks[i].lower
    nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
    if t in ("tens", "hundreds") and nxt == "of" and i + 2 < len(toks):
        scale = toks[i + 2].lower
        if scale in ("thousands", "millions", "billions"):
            base = _SCALES[scale[:-1]]
            lo, hi = (20 * base, 99.999 * base) if t == "tens" else (200 * base, 999.999 * base)
            return lo, hi, i + 3
    if t in _VAGUE:
        lo, hi = _VAGUE[t]
        return lo, hi, i + 1
    # (a fraction is written in words: "a fifth", "half", "two-thirds")
    if not t[0].isdigit() and (share := _fraction(toks, i)) is not None:
        return share * 0.9, share * 1.1, i + (1 if t == "half" else 2)  # as "about 20%"
    if t == "dozen" or (t == "a" and nxt == "dozen"):
        return 12, 12, i + (1 if t == "dozen" else 2)
    if _DIGITS.match(t):
        if _YEARLIKE.fullmatch(t) and not nxt.startswith(("million", "billion")):
            return None  # a year: see dates
        if _identifier(text, toks, i):
            return None
        if len(t) > EXACT_DIGITS and sum(ch.isdigit() for ch in t) > EXACT_DIGITS:
            return None  # "9,999,999,999,999,999" and "…998" would be one float: not compared
        value = float(t.replace(",", ""))
        j = i + 1
    elif (t == "one" and nxt == "on") or (t == "one" and i > 0 and toks[i - 1].lower == "on"):
        return None  # "one-on-one" is not a count
    elif (words := _words(text, toks, i)) is not None:
        value, j = words
    else:
        return None
    # a capitalised word, not one opening the sentence ("A 10-year-old", "The 12 victims")
    first = i
    while (
        first > 1
        and toks[first - 1].text.isdigit()
        and text[toks[first - 1].end : toks[first].start] == "-"
    ):
        first -= 1  # "Boeing 737-800": the series of the model, as its number is
    named = first > 0 and toks[first - 1].text[:1].isupper() and is_content(toks[first - 1].text)
    named &= first == 0 or toks[first - 1].text not in _CURRENCIES  # ("SEK 6.1bn": a sum)
    if named and toks[i].text[:1].isdigit():
        prev = toks[first - 1]
        # "Between 9 and 14", "All 224 passengers", "In January 10 people died"
        opener = prev.lower in ("between", "from", "aged") or prev.lower in _QUANTIFIERS
        opener |= prev.lower in dates.MONTHS
        if (
            prev.lower not in _HEDGE_WORDS
            and not opener
            and text[prev.end : toks[first].start] == " "
        ):
            return None  # a model or series number: "Nord Stream 2", "Article 5"
    suffixes = _SUFFIXES
    if i > 0 and toks[i - 1].text in _CURRENCIES:
        suffixes = {**_SUFFIXES, **_SUM_SUFFIXES}
    while j < len(toks) and (
        toks[j].lower in _SCALES
        or toks[j].lower in _SCALE_ABBREVIATIONS
        or (toks[j].lower in suffixes and _joined(text, toks[j - 1], toks[j], ""))
    ):
        w = toks[j].lower
        value *= _SCALES.get(w) or _SCALE_ABBREVIATIONS.get(w) or suffixes[w]
        j += 1
    return value, value, j


def _converted(text: str, toks: Sequence[Token], j: int) -> tuple[int, int] | None:
    """(where its figure starts, the index after it) of a sum in brackets right before toks[j]
    ("$95 (€84)", "£2bn ($2.5bn)"): the sum before it converted, no figure of its own."""
    if j + 1 >= len(toks) or toks[j].text not in _CURRENCIES:
        return None
    if text[toks[j - 1].end : toks[j].start].strip() != "(":
        return None
    parsed = _parse(text, toks, j + 1)
    if parsed is None:
        return None
    end = parsed[2]
    after = text[toks[end - 1].end : toks[end].start if end < len(toks) else len(text)]
    return (j + 1, end) if after.lstrip().startswith(")") else None


_PER = frozenset(["per", "a", "an"])
_WHEN_WORDS = frozenset(["ago", "earlier", "later", "before", "after"])  # "a year ago"


def _per(toks: Sequence[Token], k: int) -> tuple[str, int] | None:
    """The role of a sum that is a price or a rate, "per share", when "per"/"a"/"an" and a noun
    follow it at toks[k] ("$95 per share", "$80 a barrel", "£12 an hour", "$95 per Activision
    share"), and where that noun is; else None. It is compared only with sums per the same
    thing, not with a deal's total ("$68.7 billion")."""
    if k + 1 >= len(toks) or toks[k].lower not in _PER:
        return None
    if toks[k].lower == "per" and k + 2 < len(toks) and toks[k + 1].text[:1].isupper():
        k += 1  # "$95 per Activision share": whose share, then what it is per
    noun = toks[k + 1]
    if not noun.text.isalpha() or not noun.text.islower() or not is_content(noun.text):
        return None
    nxt = toks[k + 2].lower if k + 2 < len(toks) else ""
    if nxt in _WHEN_WORDS:
        return None  # "$2bn a year ago" says when
    if toks[k].lower != "per" and nxt and is_content(nxt) and nxt not in _WHEN_WORDS:
        return None  # "paid $5m a firm owned by ...": "a" opens a noun phrase, not a rate
    return "per " + stem(noun.text), k + 1


def _fraction(toks: Sequence[Token], i: int) -> float | None:
    """The share, in percent, of "a fifth", "a quarter", "a third", "half", "two-thirds" at
    toks[i] when it is a share: of something ("a third of voters") or a change ("cut by a
    fifth", "down by half"). Else None: "a third term", "a quarter past six"."""
    words = [t.lower for t in toks[i : i + 3]]
    many = _ONES.get(words[0], 0) if words[1:2] and words[1].endswith("s") else 0
    k = 1 if words[:1] == ["half"] else 2 if words[:1] in (["a"], ["an"], ["one"]) or many else 0
    name = words[k - 1] if 0 < k <= len(words) else ""
    if name not in _FRACTIONS or (k == 2 and words[0] == "a" and name == "half"):
        return None
    if name.endswith("s") != bool(many):
        return None  # "a thirds", "two quarter": no share
    after = words[k] if len(words) > k else ""
    by = _before_hedges(toks, i)  # "down by about a quarter": by, past its hedge
    before = toks[i - 1].lower if i else ""
    if after == "of" and i + k + 1 < len(toks) and toks[i + k + 1].lower in ("a", "an"):
        return None  # "a quarter of a percentage point", "a third of a mile": a measure
    if before in _PERIOD_ORDINALS:
        return None  # "the first half of next year", "the second half": a period
    share = _FRACTIONS[name] * (many or 1)
    changed = by >= 0 and toks[by].lower == "by"
    return share if (after == "of" or changed) and share < 100 else None


_PERIOD_ORDINALS = frozenset(["first", "second", "third", "fourth", "last", "final", "latter"])
_POINT_WORDS = frozenset(["percentage", "point", "points"])


def _percent_words(text: str, toks: Sequence[Token], i: int, j: int) -> int | None:
    """How many words after a figure toks[i:j] say it is a share: 0 for "4%" and "a fifth", 1
    for "4 percent", 2 for "4 per cent"; None when it is no share ("two and a half years")."""
    if text[toks[j - 1].end : toks[j - 1].end + 1] == "%":
        return 0
    if toks[j - 1].lower in _FRACTIONS and not any(t.lower == "and" for t in toks[i:j]):
        # "a quarter" is 25%, but "a quarter percentage point" is a move of 0.25 points
        return None if j < len(toks) and toks[j].lower in _POINT_WORDS else 0
    words = [t.lower for t in toks[j : j + 2]]
    return 1 if words[:1] == ["percent"] else 2 if words == ["per", "cent"] else None


def _identifier(text: str, toks: Sequence[Token], i: int) -> bool:
    """Digits that are part of a name, not a count: "Covid-19", "F-35", "G7", "the A39", "9/11";
    or one figure of three or more joined by dashes or slashes, a phone number, a date or a code
    ("555-3-1", "3-1-2022", "978-3-16-148410-0"), whose "3-1" is no score and no range; or a
    time of day ("0240 GMT", "at 0600", "2300 local time": `dates.clock_hour`)."""
    if dates.time_zone(toks, i + 1) or (len(toks[i].text) == 4 and dates.clock_hour(toks, i)):
        return True
    before = text[toks[i - 1].end : toks[i].start] if i else " "
    if before in ("", "-") and toks[i - 1].text[:1].isalpha():
        return True
    # (each run of three figures holding toks[i] links it to the one before or after it: most
    # figures have neither)
    if (_linked(text, toks, i - 1) or _linked(text, toks, i)) and any(
        all(_linked(text, toks, k) for k in range(lo, lo + 2)) for lo in range(i - 2, i + 1)
    ):
        return True
    after = text[toks[i].end : toks[i + 1].start] if i + 1 < len(toks) else " "
    return (before == "/" and toks[i - 1].text[:1].isdigit()) or (
        after == "/" and toks[i + 1].text[:1].isdigit()
    )


def _linked(text: str, toks: Sequence[Token], k: int) -> bool:
    """True when figures toks[k] and toks[k + 1] are joined by a dash or a slash."""
    return (
        0 <= k < len(toks) - 1
        and toks[k].text[:1].isdigit()
        and toks[k + 1].text[:1].isdigit()
        and text[toks[k].end : toks[k + 1].start] in (*_DASHES, "/")
    )


def _words(text: str, toks: Sequence[Token], i: int) -> tuple[float, int] | None:
    """A number written in words from toks[i]: "one hundred and fifty", "a hundred and
    twenty-five", "twenty-one", "half a million"; (value, index after it), else None."""
    total, current, j, seen = 0.0, 0.0, i, False
    last = ""  # kind of the previous word: "ten" (twenty…ninety), "one" (the rest), "scale"
    if toks[i].lower == "half" and i + 2 < len(toks) and toks[i + 1].lower == "a":
        scale = toks[i + 2].lower
        if scale in _SCALES:
            return 0.5 * _SCALES[scale], i + 3
        return None
    while j < len(toks):
        w = toks[j].lower
        nxt = toks[j + 1].lower if j + 1 < len(toks) else ""
        if w in _ONES or w == "one":
            n = 1.0 if w == "one" else float(_ONES[w])
            if last == "one" or (last == "ten" and n >= 10):
                break  # "five six", "twenty thirty": two numbers, not one
            current += n
            last = "ten" if n >= 20 else "one"
        elif w == "a" and not seen and nxt in _SCALES:
            current = 1.0
        elif w == "hundred" and (seen or current):
            current, last = (current or 1.0) * 100, "scale"
        elif w in _SCALES and w != "hundred" and (seen or current):
            total += (current or 1.0) * _SCALES[w]
            current, last = 0.0, "scale"
        elif w == "and" and seen and (nxt in _ONES or nxt == "one") and (current >= 100 or total):
            pass  # "one hundred and fifty"
        else:
            break
        seen = seen or w != "a"
        j += 1
    if not seen or j == i:
        return None
    # a lone "one" is mostly a pronoun ("one of them", "one official said"); it counts only
    # joined to its unit ("one-hour") or before what befell someone ("one dead", "one person
    # was killed"), and not in "no one", "any one"
    if [t.lower for t in toks[j : j + 3]] == ["and", "a", "half"]:
        return total + current + 0.5, j + 3  # "six and a half years", "one and a half tonnes"
    lone = toks[i].lower == "one" and j - i == 1
    joined = j < len(toks) and text[toks[i].end : toks[j].start] == "-"
    befell = j < len(toks) and stem(toks[j].text) in ("dead", "hurt", "miss", "person")
    share = j + 1 < len(toks) and toks[j].lower == "in" and _is_number(toks[j + 1])  # "one in 5"
    if lone and not joined and not share and (not befell or (i and toks[i - 1].lower in _NOT_ONE)):
        return None
    return total + current, j


def _is_number(t: Token) -> bool:
    return t.text[:1].isdigit() or t.lower in _ONES or t.lower == "every"


# After a figure: "30 or more" is at least 30; "aged 30 or older" takes in anyone past 30
_OPEN_ENDED = {"more": (1.0, 1.5), "older": (1.0, 4.0), "over": (1.0, 4.0), "above": (1.0, 4.0)}


def _open_ended(toks: Sequence[Token], j: int) -> tuple[float, float] | None:
    """The bounds "or more", "or older" after the figure ending before toks[j] give it."""
    if j + 1 < len(toks) and toks[j].lower == "or":
        return _OPEN_ENDED.get(toks[j + 1].lower)
    return None


def _hedge(toks: Sequence[Token], i: int) -> tuple[float, float] | None:
    hedged = _hedged(toks, i)
    return hedged[0] if hedged else None


def _hedged(toks: Sequence[Token], i: int) -> tuple[tuple[float, float], int] | None:
    """The bounds the hedge before the figure at toks[i] gives it ("more than", "about"), and
    how many words it is."""
    if not i or toks[i - 1].lower not in _HEDGE_ENDS:
        return None  # (most figures: no hedge ends right before it)
    words = tuple(t.lower for t in toks[max(0, i - 3) : i])
    for phrase, factors in _LONGEST_HEDGES:
        if words[-len(phrase) :] == phrase:
            return factors, len(phrase)
    return None


def extract(text: str, tokens: Sequence[Token] | None = None) -> list[Slot]:
    """Every number of `text` that has a head word, as a slot keyed by that word."""
    if tokens is None or tokens is tokenize(text):
        # copies: a slot is one claim's (suggest tells slots apart by identity)
        return [copy.copy(s) for s in _extract_cached(text)]
    return _extract(text, tokens)


def shared(text: str) -> tuple[Slot, ...]:
    """`extract(text)`, the slots shared, not copied: for a caller that only reads them."""
    return _extract_cached(text)


@functools.lru_cache(maxsize=1 << 15)  # alignment's terms and suggest's slots both extract
# every claim; a story of up to ~30,000 claims stays in the cache between the two
def _extract_cached(text: str) -> tuple[Slot, ...]:
    return tuple(_extract(text, tokenize(text)))


@functools.lru_cache(maxsize=1 << 15)
def figures(text: str) -> tuple[tuple[float, float], ...]:
    """Every telling figure of `text` as an interval, whether or not it has a head word: shares
    ("61%") and figures of 100 or more ("put the number at 20,000", "more than 40,000")."""
    toks = tokenize(text)
    written = [d.span for d in dates.calendar(text)]
    out = []
    starts = _starts(toks, _NUMBER_WORDS)  # where `_number_at` may find a figure (see `_extract`)
    i = 0
    while i < len(toks):
        if (at := bisect_left(starts, i)) == len(starts):
            break
        i = starts[at]
        t = toks[i]
        figure = t.text[:1].isdigit() or t.lower in _NUMBER_WORDS
        parsed = _number_at(text, toks, i, written) if figure else None
        if parsed is None:
            i += 1
            continue
        lo, hi, j = parsed
        share = _percent_words(text, toks, i, j) is not None
        factors = _hedge(toks, i)
        if factors == _ABOUT and share:
            lo, hi = _about(text, toks, i, j, lo, hi)
        elif factors:
            lo, hi = lo * factors[0], hi * factors[1]
        elif lo == hi:
            lo, hi = _as_written(toks[i].text, lo, share)
        if share or lo >= SMALL:
            out.append((lo, hi))
        i = j
    return tuple(out)


SMALL = 100  # counts below this recur in any story ("three people", "12 miles")
# words a figure can start with: figures() reads no other word (most are none)
_NUMBER_WORDS = COUNT_WORDS | {"a", "an", "half", "tens"}  # ("an eighth")


_lower = operator.itemgetter(3)  # `Token.lower`, as a function


def _starts(toks: Sequence[Token], words: frozenset[str]) -> list[int]:
    """The indices of the tokens of `toks` that are figures or among `words` (lower case)."""
    # (each token's lower case read in C: a digit is its own lower case)
    return [k for k, w in enumerate(map(_lower, toks)) if w in words or w[0].isdigit()]


def _number_at(
    text: str, toks: Sequence[Token], i: int, written: list[tuple[int, int]]
) -> tuple[float, float, int] | None:
    """`_parse` at toks[i], unless it is inside a calendar date (`written`: their spans)."""
    if written and any(lo <= toks[i].start < hi for lo, hi in written):
        return None
    return _parse(text, toks, i)


def _extract(text: str, toks: Sequence[Token]) -> list[Slot]:
    words = set(map(_lower, toks))  # (most sentences have no word the steps below look for)
    # the tokens a number or a rank may start at: the loop goes from one to the next, passing
    # over the other words (most of them), at which it would only step on
    starts = _starts(toks, _STARTS)
    slots: list[Slot] = [] if _NO_WORDS.isdisjoint(words) else _nobody(text, toks)
    if "died" in words:
        slots += _someone_died(text, toks)
    if "lone" in words:
        slots += _lone(text, toks)
    if "unanimously" in words or "unanimous" in words:
        slots += _unanimous(text, toks)
    if not starts and not slots:
        return []  # (`_at_stage` finds no share in no slots)
    written = [d.span for d in dates.calendar(text)]  # "10 January" is a date, not a count
    part: tuple[float, float, int, int] | None = None  # "four of its six": (4, 4, at, six's at)
    clauses: list[Clause] | None = None
    converted: set[int] = set()  # where a sum converted in brackets starts ("$95 (€84)")
    far: tuple[int, str] | None = None  # where the last figure read as forecast, sought... ends
    i = 0
    while i < len(toks):
        if (at := bisect_left(starts, i)) == len(starts):
            break
        i = starts[at]
        if i in converted:
            i += 1
            continue
        if not (toks[i].text[:1].isdigit() or toks[i].lower in _NUMBER_WORDS):
            if toks[i].lower in _RANKS and (rank := _rank(text, toks, i)) is not None:
                slots.append(rank)
            i += 1  # no number starts here (most words: asking `_parse` took a third of this)
            continue
        if (score := _score(text, toks, i, written)) is not None:
            slots.append(score[0])
            i = score[1] + 1
            continue
        parsed = _number_at(text, toks, i, written)
        if parsed is None:
            i += 1
            continue
        lo, hi, j = parsed
        # "the 34th minute": a rank, compared only with ranks (not "after 34 minutes")
        ordinal = j < len(toks) and ordinal_suffix(toks[j - 1], toks[j])
        j += ordinal
        # a range: "between 9 and 14", "aged 8 to 12", "9-14" (but "from 9 to 14" is a change)
        joiner = toks[j].lower if j < len(toks) else ""
        between = i > 0 and toks[i - 1].lower == "between"
        dash = j < len(toks) and text[toks[j - 1].end : toks[j].start] in _DASHES
        frm = _after_from(toks, i - (i > 0 and toks[i - 1].text in _CURRENCIES))  # "from $1.9bn"
        # "raised rates by 0.25% to 5.25%": how much it moved, then where to, not a range
        moved = _moved_by(toks, i - (i > 0 and toks[i - 1].text in _CURRENCIES))
        # the second figure of a range of sums writes its currency again: "$10 million-$20
        # million", "$5 million to $15 million"
        currency = toks[i - 1].text if i > 0 and toks[i - 1].text in _CURRENCIES else ""
        if ordinal and joiner == "and" and (last := _next_ordinal(text, toks, j + 1)):
            lo, hi, j = min(lo, last[0]), max(hi, last[0]), last[1]  # "the 80th and 81st minutes"
        elif (
            (joiner == "to" and not frm and not moved)
            or (joiner == "and" and between)
            or joiner == "or"  # "11 or 12", "two or three people": one count, either
        ):
            second = _past_currency(toks, j + 1, currency)
            upper = _parse(text, toks, second) if second < len(toks) else None
            if upper:
                lo, hi, j = min(lo, upper[0]), max(hi, upper[1]), upper[2]
        elif (
            dash and not frm and lo == hi
            and (second := _past_currency(toks, j, currency)) < len(toks)
            and (upper := _parse(text, toks, second))
        ):  # fmt: skip
            lo, hi, j = min(lo, upper[0]), max(hi, upper[1]), upper[2]
        start = i
        if i > 0 and toks[i - 1].text in _CURRENCIES:
            start = i - 1
        if frm and ((start >= 2 and toks[start - 2].lower in ("down", "up")) or _changed(toks, i)):
            # "61%, down from 68%", "fell from 7.1% to 6.7%": the figure it was, not the one it is
            i = j
            continue
        if (degrees := _temperature(text, toks, start, j, hi - lo)) is not None:
            slots.append(degrees[0])
            i = degrees[1]
            continue
        if start > 0 and toks[start - 1].lower in _SCALE_NOUNS and lo == hi:
            slots.append(_on_scale(text, toks, start - 1, start, j - 1, lo))
            i = j
            continue
        if lo == hi and (magnitude := _magnitude(toks, start, j)) is not None:
            # "a magnitude of 6.1", "measured 5.4 on the Richter scale"
            slots.append(_on_scale(text, toks, magnitude[0], start, magnitude[1], lo, "magni"))
            i = magnitude[1] + 1
            continue
        if (
            lo == hi
            and j < len(toks)
            and toks[j].lower in _SCALE_NOUNS
            and _joined(text, toks[j - 1], toks[j], " -")
        ):
            slots.append(_on_scale(text, toks, j, start, j, lo))  # "a 7.8 magnitude quake"
            i = j + 1
            continue
        hedged = _hedged(toks, start)
        factors = hedged[0] if hedged else _open_ended(toks, j)
        # shown from its hedge: "more than 100,000 troops" differs from "tens of thousands",
        # "roughly 100,000 troops" does not, and a reason quoting "100,000 troops" for both
        # hid why
        hedge_from = start - hedged[1] if hedged else start
        exact = lo == hi and not factors
        if factors == _ABOUT and _percent_words(text, toks, i, j) is not None:
            lo, hi = _about(text, toks, i, j, lo, hi)
        elif factors:  # (a rounded share too: "almost a tenth" is 8%, not only 9% to 11%)
            lo, hi = lo * factors[0], hi * factors[1]
        if (whole := _whole_of(text, toks, j)) is not None and _in_every(text, toks, j, hi) is None:
            part, i = (lo, hi, start, whole), whole  # read with the whole it is a part of
            continue
        unit = _CURRENCIES.get(toks[start].text)
        k = j
        if unit is None and _model_name(text, toks, j):
            i = j  # "a 737 Max", "the 787 Dreamliner": a name, not a count
            continue
        if (percent := _percent_words(text, toks, i, j)) is not None:
            unit, k = "percent", j + percent  # shown with the figure
        elif unit is None and (every := _in_every(text, toks, j, hi)) is not None:
            # "four in ten voters" is a share: 40%, as rounded as such phrases are
            share_of, j = every
            k = j
            lo, hi = 100 * lo / share_of - IN_EVERY_MARGIN, 100 * hi / share_of + IN_EVERY_MARGIN
            unit, exact = "percent", False
        # "tens of thousands of troops", "eight hours of talks": the head may follow an "of"
        head: list[str] = []
        first_head = k - 1
        if unit in _CURRENCY_UNITS and (bracket := _converted(text, toks, k)) is not None:
            converted.add(bracket[0])  # "$95 (€84) per share": one sum, read past its brackets
            k = bracket[1]
        per = _per(toks, k) if unit in _CURRENCY_UNITS else None
        price = per[0] if per else None
        if per is not None:  # "$95 per share", "$80 a barrel": a price, not a total
            first_head, k = per[1], per[1] + 1
        if k < len(toks) and toks[k].lower == "of" and price is None:
            k += 1
        # "Seventeen of the dead", "four of the injured": a part of those, read past "the" and
        # compared only with other parts (`of_them`), not with the whole toll
        of_those = (
            unit is None and k == j + 1 and k + 1 < len(toks) and toks[j].lower == "of"
            and toks[k].lower in _THOSE and is_content(toks[k + 1].text)
            and not _is_number(toks[k + 1])
        )  # fmt: skip
        k += of_those
        if k + 2 < len(toks) and (dotted := _DOTTED_SPEED.match(text, toks[k].start)):
            # "155 m.p.h.", "250 k.p.h.": a speed written with dots (no word of its own)
            head, first_head, k = [dotted.group(1).lower() + "ph"], k + 2, k + 3
        while k < len(toks) and len(head) < 2 and is_content(toks[k].text) and price is None:
            if toks[k].lower in _ONES or toks[k].lower in ("one", "aged"):
                break  # another number, or the age of the counted ("four children aged 8")
            if toks[k].lower in _PREPOSITIONS or toks[k].lower in _CLAUSE_BREAKS:
                break  # "arrested 12 during the protest", "at 300,000 while organisers ..."
            if toks[k].lower in _SAYS_WHEN:
                break  # "the death toll rose to 233 Sunday": when, not what is counted
            if toks[k].lower == "later":
                break  # "25 minutes later" is the time after, as "40 minutes after" is
            if head and _past_verb(toks[k].lower):
                break  # "2,300 residents spent the night", "40 firefighters tackled": a verb
            if not _joined(text, toks[k - 1], toks[k], " -“”\"'‘’"):
                break
            if not head:
                first_head = k
            head.append(_unit_stem(toks[k].text))
            k += 1
            if k + 1 < len(toks) and toks[k].lower == "of" and len(head) == 1:
                k += 1  # "hours of talks": keep the measured noun too
        # the thing a share is of, past a determiner: "48.6% of the vote" (see `of_what`)
        of_the = (
            unit == "percent" and not head and 0 < k < len(toks) - 1
            and toks[k - 1].lower == "of" and toks[k].lower in _DETERMINERS_OF
            and is_content(toks[k + 1].text)
        )  # fmt: skip
        # a speed, one unit whatever its writing: "90mph", "145 km/h", "90 miles per hour"
        if head and head[0] in ("km", "kilom", "mile"):
            per = _per_hour(text, toks, first_head)
            if per is not None:
                head, first_head, k = ["mph" if head[0] == "mile" else "kph"], per, max(k, per + 1)
        # an age, however written: "aged 8 to 12", "aged between 9 and 14", "a 10-year-old"
        shown_from = start
        if head[:2] == ["year", "old"]:
            head, first_head = ["age", *head[2:]], first_head + 1  # shown as "34-year-old"
        elif not head and (aged := _aged(toks, start)) is not None:
            head, shown_from = ["age"], aged
        elif not head and lo == hi and _appositive_age(text, toks, start, j, lo):
            head = ["age"]
        elif not head and (changed := _changed_noun(toks, start)) is not None:
            head, shown_from = [stem(toks[changed].text)], changed
        # people counted by what befell them: "12 killed", "12 deaths", "30 were injured", "the
        # blast killed 12", "the death toll rose to 45" all count people, as "12 people" does
        befell, where = _befell(toks, start, j, head) if unit is None else (None, None)
        if befell:
            head = ["person"]
        elif not head and unit is None and (risen := _risen_noun(toks, start)) is not None:
            head, shown_from = [stem(toks[risen].text)], risen  # "cases rose to 52"
        if where is not None:  # shown with the words that say so: "killed 12", "30 were injured"
            shown_from, first_head = min(shown_from, where), max(first_head, where)
        if not befell and unit is None and head[:1] in ([], ["person"]) and _of_place(toks, start):
            head = ["popul"]  # "the country of 15 million people": who live there, not a toll
        if (
            not head and unit is None and k < len(toks) and toks[k].lower in _BACK
            and toks[k - 1].lower == "of"
            and _role(text, toks, start, k + 1, ["person"]) in _BEFELL
        ):  # fmt: skip
            # "Six of them are now in hospital": people, a part of those before (shown so)
            head, first_head = ["person"], k
        if (not head and unit is None) or head[:1] in (["am"], ["pm"]):
            i = j  # nothing counted, or a time of day ("7.15pm": see dates)
            continue
        if head and head[0] in _CURRENCY_WORDS:  # "1.2 billion dollars" is "$1.2bn"
            unit, head = _CURRENCY_WORDS[head[0]], head[1:]
        elif head[1:2] and head[1] in _CURRENCY_WORDS and toks[first_head].text[:1].isupper():
            # "6.1 billion Swedish crowns", "40 billion Japanese yen": whose currency it is
            unit, head, first_head = _CURRENCY_WORDS[head[1]], head[2:], first_head + 1
        if head[:2] == ["quart", "point"]:  # "three-quarter-point hikes": 0.75 of a point
            lo, hi, exact, head = lo / 4, hi / 4, False, ["perce", "point"]
        elif head[:1] == ["point"] and toks[j - 1].lower in _FRACTIONS:
            head = ["perce", "point"]  # "a quarter-point rise" is "0.25 percentage point"
        if head[:1] in (["point"], ["perce"]) and toks[j - 1].lower in _FRACTIONS:
            lo, hi, exact = lo / 100, hi / 100, False  # a fraction of one point
        elif head[:2] == ["basi", "point"]:  # "25 basis points" is "0.25 percentage point"
            lo, hi, head = lo / 100, hi / 100, ["perce", "point", *head[2:]]
        if exact:
            lo, hi = _as_written(toks[i].text, lo, unit == "percent")
        if unit:
            head.append(unit)
        # "six other people", "12 more bodies": a part of the count, not the count
        subset = bool(set(head) & _SUBSET)
        # ...and "another five bodies", "a further 300 jobs": as many more
        subset = subset or (start > 0 and toks[start - 1].lower in _AS_MANY_MORE)
        head = [h for h in head if h not in _SUBSET] or head
        if len(head) == 2 and head[0] in _SQUARE and head[1] in _SQUARED:
            # "1,600 square miles" is "4,200 square kilometres": an area, in hectares
            lo, hi = lo * _SQUARED[head[1]], hi * _SQUARED[head[1]]
            head, first_head = ["hecta"], first_head + 1  # (shown with its unit)
        if head[0] in _MEASURES:  # one scale per kind of measure: "10 km" meets "6 miles"
            canon, factor = _MEASURES[head[0]]
            # "6 miles" is a rounding of "10 km"; "90 minutes" is exactly "1.5 hours"
            rounding = 0.0 if canon in _TIMES else _ROUNDING
            lo, hi = lo * factor * (1 - rounding), hi * factor * (1 + rounding)
            head[0] = canon
        elif len(head) == 2 and (head[1] in _UNITS or head[1] in _DURATIONS) and unit is None:
            # "14,500 flight hours", "3,000 overtime hours", "two school years": a count of a
            # thing named by two words, not how long something took
            head, first_head = [" ".join(head)], first_head + 1
        # an age describes who is counted elsewhere in the sentence, not what befell them
        role = None if head[0] == "age" else befell or _role(text, toks, start, k, head)
        if role is None and shown_from < start and toks[shown_from].lower in _STAFFS:
            role = "staff"  # "a workforce of 900" is who a firm employs ("employs 900 people")
        if of_those and role in _BEFELL:
            head = ["person"]  # "Seventeen of the dead", "Twenty of the victims died": people
        if role is None and head[0] != "age" and far and _same_clause(text, toks, far[0], start):
            # the figures after a forecast's in its clause are forecast too: "expected the
            # company to report $0.57 per share on revenue of $17.18 billion"
            role = far[1]
        if role in _FAR_ROLES:
            far = (k, role)
        if role == "staff" and head[0] == "person":
            head[0] = "job"  # "employed around 40 people" counts its staff, as "40 staff" does
        elif (
            role is None
            and head[0] == "job"
            and _verb_before(toks, start) in _HAVE
            and _ends_or_placed(text, toks, k)
        ):
            # "the depot had around 40 staff": its workforce, not jobs lost, nor "300 jobs at
            # risk", "40 staff off sick"
            role = "staff"
        if price is not None and role is None:
            role = price
        if role == "staff" and _promised(toks, start):
            role = "forecast"  # "will employ 300 people when it opens": not its staff now
        if head[0] in ("km", "m") and role is None:
            role = _distance(toks, start, k)
        group = _group(toks, first_head, k) if unit is None and head else None
        if role is None and unit is None and toks[i].lower == "one" and head[0] in _PEOPLE_KEYS:
            i = j  # "then one person decided to pull out a gun": someone, not a count of one
            continue
        context = frozenset(_own_window(toks, start, k) - set(head))
        if head[0] in _TIMES and k < len(toks) and toks[k].lower in _COUNTED_FROM:
            context -= _counted_from(text, toks, k)
        if clauses is None:
            clauses = _clauses(text, toks)  # (once a sentence: most have one figure or none)
        if (where_in := _place(text, toks, start, clauses[start])) is not None:
            context |= {PLACE_MARK + where_in}
        context |= _said_by(toks, start, clauses[start])
        if role == "staff":
            # the verb that makes it a staff count says nothing of whose: "Velto employs 1,500
            # people worldwide" is not "the Halden plant employs 1,200 workers"
            context -= _STAFF_STEMS
        if unit == "percent" or unit in _CURRENCY_UNITS:
            # a share or a sum: of what, and whose, is said close by ("turnout was 61%", "Hale
            # took 46%", "so far recovered £1.1m" is not "defrauded the council of £2.3m")
            # (not past "since": "fallen by 30% since rates peaked" says from when, not of what;
            # nor past "despite" or "amid": "hikes rate to 5.25% despite easing inflation")
            cut = next(
                (m for m in range(k, k + NEAR) if m < len(toks) and toks[m].lower in _NOT_OF),
                len(toks),
            )
            # nor past "and"/"while" opening another share's clause: "Hale took 42% and the
            # turnout was 61%" (the turnout is the 61%)
            cut = next(
                (m for m in range(k, min(cut, k + NEAR)) if _opens_share(text, toks, m)), cut
            )
            # nor past another figure: "$17.4B revenue, $6.4B income" (the revenue is the
            # first's, the income the second's)
            cut = next((m for m in range(k, min(cut, k + NEAR)) if _is_figure(toks[m])), cut)
            first = _after_figure_before(text, toks, start)
            near = (
                window_stems(toks[first:cut], start - first, k - first, NEAR, _HEDGE_WORDS)
                - _UNIT_WORDS
                - _CHANGE_STEMS
            )
            # whose: the names after the share before it, up to where this one's words end
            # ("Erdogan scored 49.51% while Kilicdaroglu received 44.88%")
            before = next((m for m in range(start - 1, -1, -1) if _is_share(text, toks[m])), -1)
            left = max(1, start - NEAR, before + 1)
            whose = name_marks([*toks[left:start], *toks[k : min(cut, k + NEAR)]])
            whose = whose or _reported_by(text, toks, start, clauses[start])
            context = frozenset(near) | whose | _changed_subject(text, toks, start)
            if of_the:
                context |= {OF_MARK + stem(toks[k + 1].text)}
            elif unit == "percent" and (subject := _share_subject(text, toks, start, clauses)):
                context |= {OF_MARK + subject, SUBJECT_MARK + subject, subject}
            if unit != "percent":
                context |= _result_before(toks, clauses[start][0], start, bool(_results(context)))
        elif head[0] == "age":  # someone's: "Martin Vale, 54," is not "Ann Doyle, 72,"
            whose = _names(toks, start, k) | _given_name(toks, start)
            # ...named further back when not next to it: "Queen Elizabeth II, head of the
            # Commonwealth, has died aged 96" is not "Prince Charles, 73"
            context |= whose or _people_before(toks, start)
        sign = int(first_head == j - 1 and text[toks[j - 1].end : toks[j - 1].end + 1] == "%")
        former = _former(text, toks, start) or _since(toks, start)
        of_them = of_those or (
            j + 1 < len(toks) and toks[j].lower == "of" and toks[j + 1].lower in _BACK
        )
        of_them |= role in ("dead", "hurt") and any(
            t.lower in _AT_ONCE for t in _clause(toks[k : k + SCOPE])
        )
        # "killing three and injuring 11 others": the others are all the injured, those not
        # killed, not a part of the injured
        if subset and any(o.value[3] not in (None, role) for o in slots):
            subset = False
            head = ["person"] if head == ["other"] else head
        subset = subset or _of_another(toks, shown_from, clauses[shown_from])
        # "the 600-seat parliament", "a six-party alliance": how big the thing after it is,
        # not a count of seats or parties (but "an eight-hour meeting" is a duration)
        size = (
            unit is None and len(head) == 2 and first_head == j < len(toks)
            and text[toks[j - 1].end : toks[j].start] == "-" and head[0] not in _MEASURES
            and head[0] not in ("year", "month", "decad")  # "a 12-year sentence": how long
        )  # fmt: skip
        # how much something moved ("rose by 2%", "fell 14%", "a 0.25% increase"): compared
        # only with another move, not with where it moved to ("to 5.25%")
        moved = unit == "percent" and (moved or (k < len(toks) and toks[k].lower in _CHANGE_NOUNS))
        # ...but a share gained or lost "of" something is how much of it: "gained 20% of the vote"
        moved = moved and not (
            any(t.lower == "of" for t in toks[start + 1 : k + 1])
            and any(t.lower in _LOST for t in toks[max(0, start - 3) : start])
        )  # fmt: skip
        moved = moved or (unit is None and role is None and _count_moved(toks, start, head[0]))
        # which way: "fell 8%", "a 12% drop", "down 3%", "7.9% lower" (see `compatible`)
        way, said = _direction(toks, start, k if percent is None else j + percent)
        if way and unit == "percent" and not moved:
            # "were down 3%", "closed 7.9% lower", "40% more passengers than usual": a move (or
            # a comparison), as "fell 3%" is, not a share
            after = j + (percent or 0)
            verb = _before_hedges(toks, start)
            if verb > 0 and toks[verb].lower == "by":
                verb -= 1  # "were down by about a quarter": the verb is before "by"
            moved = toks[verb].lower in _UP_DOWN or (
                after < len(toks)
                and toks[after].lower in _HIGHER_LOWER
                and not breaks_clause(text[toks[after - 1].end : toks[after].start])
            )  # (not "Turnout was 61%, more than in 2019")
        if ordinal:
            # "the 23rd minute" is when something happened, and whose it was the names of its
            # clause say: Messi's penalty in the 23rd, not Mbappe's in the 80th
            context |= name_marks(toks[slice(*clauses[start])])
        subset = subset or _a_part(toks, clauses, start, unit)
        kind = (
            "ordinal" if ordinal else "offset" if _offset(text, toks, hedge_from, first_head, head)
            else "other" if subset else "former" if former
            else "part" if of_them else "size" if size else "change" if moved
            else "former" if _was(toks, start, k) else ""
        )  # fmt: skip
        if kind == "change" and way:
            kind += way  # "change↓": compared with the same move either way (see `compatible`)
            # shown with the word saying which way: "fell 8%", "7.9% lower"
            if said > first_head:
                first_head, sign = said, 0
            shown_from = min(shown_from, said)
        if unit is None and head[0] not in _MEASURES and _running(toks, clauses, start):
            context |= {RUNNING_MARK}  # see `related`
        if group:
            context |= {GROUP_MARK + group}  # see `related`
        if unit in (None, "percent") and head[0] != "age" and not ordinal:
            context |= _owners(toks, clauses[start], start)  # see `owners`
        counts = [(lo, hi, kind, role, shown_from, context)]
        if part is not None and part[3] == i and head[0] != "age":
            # what befell "four of its six carriages" befell the four; the six is their whole,
            # and two parts of the same whole ("five of the train's six") are about one thing
            whole = context | {f"of {lo:g}-{hi:g}"}
            counts = [(part[0], part[1], "part", role, part[2], whole)]
            counts.append((lo, hi, "whole", None, shown_from, context))
        part = None
        year = "" if ordinal else _set_in_year(text, toks, start, clauses)
        for c_lo, c_hi, share, c_role, c_from, c_context in counts:
            share = f"{share} in {year}" if year else share
            # shown to the reviewer: the figure and its first head word ("six-hour", "13,000
            # lives"; "four of its six carriages")
            span = (
                toks[hedge_from if c_from == start else c_from].start,
                toks[first_head].end + sign,
            )
            slots.append(
                Slot(
                    kind="number",
                    key=frozenset(head),
                    value=(c_lo, c_hi, unit, c_role, share),
                    surface=text[span[0] : span[1]],
                    span=span,
                    context=c_context,
                )
            )
        i = max(j, i + 1)
    if not _BONDS.isdisjoint(words):
        slots = _of_maturity(slots)
    return slots if _STAGE_WORDS.isdisjoint(words) else _at_stage(text, toks, slots)


# A bond's maturity ("the 10-year government bond") names which bond the sentence's figures are
# of: no figure of its own, and a mark on the others (`related`)
_BONDS = frozenset(["bond", "bonds", "note", "notes", "treasury", "treasuries", "gilt", "gilts"])
MATURITY_MARK = "|"


def _of_maturity(slots: list[Slot]) -> list[Slot]:
    """`slots` of a sentence naming a bond, without a maturity written "N-year" ("two-year",
    "10-year"), and the others marked with it."""
    maturity = [
        s
        for s in slots
        if s.key & {"year", "month"}
        and s.surface.endswith(("-year", "-month"))
        and s.value[2] is None  # type: ignore[index]
    ]
    if len(maturity) != 1:
        return slots  # (none, or several: which figure is which bond's is a guess)
    mark = f"{MATURITY_MARK}{maturity[0].value[0]:g}{min(maturity[0].key & {'year', 'month'})}"  # type: ignore[index]
    return [dataclasses.replace(s, context=s.context | {mark}) for s in slots if s not in maturity]


# Words saying how far a count has gone: "with 92% of ballots counted", "with nearly all
# precincts reporting"
_STAGE_WORDS = frozenset(["counted", "reporting", "declared", "tallied"])
STAGE_WIDTH = 6
STAGE_MARK = "%"  # in a share's context: how far the count it is of had gone (`_at_stage`)


def _at_stage(text: str, toks: Sequence[Token], slots: list[Slot]) -> list[Slot]:
    """The shares of a sentence that says how far the count is ("With 95% of ballots counted,
    Kovac had 48.9%"): each marked with that stage, so that a share at 92% counted is not
    compared with one at 95%, nor with the final one ("with nearly all ballots counted")."""
    at = next((k for k, t in enumerate(toks) if t.lower in _STAGE_WORDS), None)
    if at is None:
        return slots
    lo = at  # the stage is said in the few words before: "with 92% of (the) ballots counted"
    while lo > max(0, at - STAGE_WIDTH) and not breaks_clause(
        text[toks[lo - 1].end : toks[lo].start]
    ):
        lo -= 1
        if toks[lo].lower == "with":
            break
    stage = [s for s in slots if toks[lo].start <= s.span[0] < toks[at].start]
    if len(stage) == 1:  # the figure of how far: "95% of ballots"
        mark = f"{(stage[0].value[0] + stage[0].value[1]) / 2:g}"  # type: ignore[index]
    else:  # in words: "nearly all", "most"
        mark = " ".join(t.lower for t in toks[lo:at] if t.lower in ("all", "nearly", "most"))
    if not mark:
        return slots
    return [
        s
        if s in stage or s.value[2] != "percent"  # type: ignore[index]
        else dataclasses.replace(s, context=s.context | {STAGE_MARK + mark})
        for s in slots
    ]


# Scales named before their reading: "force 8", "a magnitude 6.2 quake", "category 4", "level 3"
_SCALE_NOUNS = frozenset(["force", "magnitude", "category", "level", "grade", "stage", "tier"])


_DEGREE_SIGNS = ("", "°", " °", "º", " º")
# nouns a number and letter label ("seat 12F", "gate 3C")
_LABELLED = frozenset(
    """seat seats gate gates room rooms flat apartment platform row terminal unit suite block bay
    stand pier zone ward type class vitamin hepatitis""".split()  # noqa: SIM905
)
_TEMPERATURE_UNITS = {"celsius": "C", "centigrade": "C", "fahrenheit": "F", "c": "C", "f": "F"}


def _temperature(
    text: str, toks: Sequence[Token], i: int, j: int, width: float = 0.0
) -> tuple[Slot, int] | None:
    """A temperature at toks[i:j] ("46.2C", "46.2°C", "115 degrees Fahrenheit", "38.5 Celsius",
    "minus 5C", "23 to 24 Celsius": a range `width` wide), in degrees Celsius, as precise as
    written (a whole degree is rounded: "46C" meets "46.2C"; "115F" is 46.1C give or take 0.3),
    and where its words end; None when the figure is not one (a hedged temperature is not
    compared: "nearly 47C" is no factor of 47)."""
    if j >= len(toks):
        return None
    unit, end = None, j
    if toks[j].text in ("C", "F") and text[toks[j - 1].end : toks[j].start] in _DEGREE_SIGNS:
        unit = toks[j].text
    elif toks[j].lower in ("degrees", "degree") and j + 1 < len(toks):
        unit, end = _TEMPERATURE_UNITS.get(toks[j + 1].lower), j + 1
    elif toks[j].lower in _SCALE_NAMES:
        unit = _TEMPERATURE_UNITS[toks[j].lower]  # "38.5 Celsius"
    if unit is None or _hedge(toks, i) is not None or (width and not toks[i].text[:1].isdigit()):
        return None
    before = toks[i - 1] if i > 0 else None
    if end == j and before and (before.lower in _LABELLED or before.text[:1].isupper()):
        return None  # "seat 12F", "Room 5C": a label
    figure = toks[i].text.replace(",", "")
    if not _DIGITS.match(toks[i].text):
        # read as written, to tell how precise it is: a figure in words ("ten degrees
        # Celsius") or past a currency sign ("$ 12 °C") is not written so (and float() of it
        # ended the import in a ValueError)
        return None
    degrees = float(figure)
    sign = text[toks[i].start - 1 : toks[i].start] if toks[i].start else ""
    if (before and before.lower == "minus") or (sign and sign in "-−"):
        degrees = -degrees
    half = 0.5 * 10.0 ** -len(figure.partition(".")[2])
    lo, hi = degrees - half, degrees + width + half
    if unit == "F":
        lo, hi = (lo - 32) * 5 / 9, (hi - 32) * 5 / 9
    span = (toks[i].start, toks[end].end)
    context = frozenset(window_stems(toks, i, end + 1, skip=_HEDGE_WORDS))
    after = toks[end + 1].lower if end + 1 < len(toks) else ""
    # "2C hotter than pre-industrial times": by how much, not how hot; "a record of 38.5C
    # set in August 2003": that year's, not today's
    kind = "former" if _former(text, toks, i) else "change" if after in _WARMER else ""
    if (year := _dated(toks, _clauses(text, toks)[i][0], end + 1)) and kind != "change":
        kind = f"{kind} {year}".strip()
    # the night's low is not the day's high ("no lower than 23C tonight")
    role = "low" if context & _NIGHT else None
    value = (lo, hi, "°C", role, kind)
    return Slot("number", frozenset(["°C"]), value, text[span[0] : span[1]], span, context), end + 1


_WARMER = frozenset(
    """hotter warmer colder cooler higher lower above below more less up down""".split()  # noqa: SIM905
)
_NIGHT = frozenset(["overn", "night", "low", "lower", "minim", "lowes", "tonig"])  # (stems)


_SCALE_NAMES = frozenset(["celsius", "centigrade", "fahrenheit"])


def _dated(toks: Sequence[Token], first: int, after: int) -> str:
    """ "in YEAR" when a year dates the figure ending before toks[after]: the first after it,
    up to another clause of the sentence ("36.7C set in Heathrow in 2015 and ... 38.5C,
    recorded in August 2003", "38.7C on July 25, 2019"), or one in its clause before it from
    toks[first] ("the record in 2003 was 38.5C"); else ""."""
    ahead = itertools.takewhile(
        lambda k: toks[k].lower not in _CLAUSE_BREAKS, range(after, min(len(toks), after + 10))
    )
    for k in [*ahead, *range(first, after)]:
        if dates.is_year(toks[k].text) and k and (
            toks[k - 1].lower in ("in", "of") or toks[k - 1].lower in dates.MONTHS
            or toks[k - 1].text.isdigit()
        ):  # fmt: skip
            return f"in {toks[k].text}"
    return ""


_ANOTHER_EVENT = frozenset(["a", "an", "another"])  # opening a sentence: not the event reported
_RELATIVES = frozenset(["which", "who", "that", "where"])
_EARLIER = ["earlier", "this"]
_LAST = frozenset(["last", "previous"])  # "The last march of this size": another event
_PERIODS = frozenset(["year", "season"])  # "last year", "earlier this season": a past one
_PARTICIPLE_REACH = 8  # words back from "..., killing" to the year of what it follows
# "near the same island"; "comparisons were made with the crash of a jet ... in October 2018"
_RECURRING = frozenset(
    ["same", "similar", "previous", "another", "comparison", "comparisons", "compared",
     "reminiscent", "exceeds", "exceeded", "surpasses", "surpassed", "surpassing", "eclipses",
     "eclipsed", "dwarfs"]
)  # fmt: skip
_A_AN = frozenset(["a", "an"])
_AGO_UNITS = frozenset(stem(w) for w in "year years decade decades month months".split())  # noqa: SIM905


def _in_year(toks: Sequence[Token], k: int) -> bool:
    """toks[k] is a year said as a point in time: "in 2009", "in March 2009" (not "between 2014
    and 2018", a period that may hold the event reported)."""
    if not dates.is_year(toks[k].text) or k == 0:
        return False
    before = toks[k - 1].lower
    if before in dates.MONTHS and toks[k - 1].text[:1].isupper():
        before = toks[k - 2].lower if k > 1 else ""
    return before == "in"


def _since_year(toks: Sequence[Token], k: int) -> bool:
    """toks[k] is a year something is measured since: "the worst since 1987"."""
    return k > 0 and dates.is_year(toks[k].text) and toks[k - 1].lower == "since"


Clause = tuple[int, int]  # (first, last + 1) of the tokens of a clause
_BREAKS = re.compile("[,;:—()]")  # what `breaks_clause` finds in a gap


def _clauses(text: str, toks: Sequence[Token]) -> list[Clause]:
    """The clause (`breaks_clause`) of each token, read once for a sentence's figures."""
    # where a gap between two tokens breaks a clause: where it holds one of `_BREAKS` (found
    # in the text at once, not sought in each gap; one inside a token, "13,000", is none)
    at = [t.start for t in toks]
    starts = [0]
    for m in _BREAKS.finditer(text, toks[0].end if toks else 0):
        k = bisect_left(at, m.start())  # the token after it
        if k == len(toks):
            break
        if toks[k - 1].end <= m.start() and k > starts[-1]:
            starts.append(k)
    out: list[Clause] = []
    for lo, hi in zip(starts, [*starts[1:], len(toks)], strict=True):
        out += [(lo, hi)] * (hi - lo)
    return out


def _set_in_year(text: str, toks: Sequence[Token], i: int, clauses: list[Clause]) -> str:
    """The year of another event than the one reported that the clause of the figure at toks[i]
    sets it in, or "". A story tells its event by weekday ("on Friday"); a year with an event
    newly brought in ("A smaller tanker leaked 200 tonnes in 2009", "In 2011, a fire ...") or
    said to be like it ("at the same plant in 2011") is background. A year in another clause
    ("the barge, built in 1998, leaked 300 tonnes") sets nothing of the figure, and "the bill
    lifted the pension age to 65 in 2030" tells when the reported event takes effect. A clause
    told "four years ago", or opening "when" right after "in 2019," ("her first win in 2019,
    when she took 61%") or "which"/"who"/... right after a bare year, or told "last year",
    "earlier this year", is always another time's: "four-years-ago", "2019", "last-year"."""
    lo, hi = clauses[i]
    words = [t.lower for t in toks[lo:hi]]  # (each search below needs a word of its own)
    for a in range(max(lo, 2), hi) if "ago" in words else ():
        if toks[a].lower == "ago" and stem(toks[a - 1].text) in _AGO_UNITS:
            return "-".join(t.lower for t in toks[a - 2 : a + 1])
    # "a €390 million penalty imposed earlier this year", "a fine last year": a past year's
    # (and "last season", of a sport's: "Last season, Kelton won this fixture 2-0", read in
    # the short clause that opens the sentence too)
    if lo and lo == clauses[lo - 1][1] and clauses[lo - 1] == (0, lo) and lo <= 3:
        words = [t.lower for t in toks[:lo]] + words
    for a, w in enumerate(words) if not _PERIODS.isdisjoint(words) else ():
        if w in _PERIODS and (words[a - 1 : a] == ["last"] or words[max(0, a - 2) : a] == _EARLIER):
            return "-".join(words[a - 1 - (words[a - 1] == "this") : a + 1])
    # "the 340 mm daily record set in 2009": a record's year is when it was set, another event
    # (read in the whole sentence for a figure set apart: "The record, 340 mm, was set in 2009")
    a, b = (0, len(toks)) if hi - lo <= 3 else (lo, hi)
    if any(t.lower == "record" for t in toks[a:b]):
        for k in range(a, b):
            if _in_year(toks, k):
                return toks[k].text
    # "more than 140 died in a 2010 collision": a year that dates a newly named event
    articles = not _A_AN.isdisjoint(words) or (lo > 0 and toks[lo - 1].lower in _A_AN)
    for k in range(max(lo, 1), hi) if articles else ():
        if toks[k - 1].lower in ("a", "an") and dates.is_year(toks[k].text):
            return toks[k].text
    # "a train plunged off a bridge in 1981 in Bihar state, killing an estimated 500": what
    # the clause before, set in a bare year, did
    if lo and toks[lo].lower.endswith("ing"):
        for k in range(lo - 1, max(0, lo - _PARTICIPLE_REACH), -1):
            if toks[k - 1].lower == "in" and dates.is_year(toks[k].text):
                return toks[k].text
    # "the deadliest since 1987, when about 1,000 were killed": the year's, as after "in"
    if lo >= 2 and (
        (toks[lo].lower == "when" and (_in_year(toks, lo - 1) or _since_year(toks, lo - 1)))
        # "a magnitude-7.2 earthquake in 1987, which took about 1,000 lives": that year's (a
        # bare year: "struck in April 2016, which ..." may be the event reported)
        or (
            toks[lo].lower in _RELATIVES
            and dates.is_year(toks[lo - 1].text)
            and toks[lo - 2].lower == "in"
        )
    ):
        return toks[lo - 1].text
    # "The last major quake in the region, in 1987, killed about 1,000": a clause that is only
    # a year, set apart by commas, sets what the sentence goes on to say in it ("the school,
    # built in 1987, collapsed" dates the school, not the collapse)
    if lo and (before := clauses[lo - 1])[0] > 0 and toks[before[0]].lower == "in":
        year = toks[before[1] - 1]
        if before[1] - before[0] <= 3 and _in_year(toks, before[1] - 1):
            return year.text
    if toks[lo].lower in _RELATIVES and lo:
        # "California's Camp Fire, which killed 85 people in 2018", "the 2018 Camp Fire in
        # California, which killed at least 85": what the clause says of an event of a year
        # its own words or the clause it hangs on give (a month's year may be the story's own:
        # "burst its banks in May 2024, which killed 12")
        first = clauses[lo - 1][0]
        year = next(
            (
                toks[k].text for k in range(first, hi)
                if dates.is_year(toks[k].text) and toks[k - 1].lower not in dates.MONTHS
            ),
            "",
        )  # fmt: skip
        if year:
            return year
    # "The last march of this size, against fuel duty in 2021, drew 70,000": an earlier event
    # of the kind, in the year the sentence names, if any (and whose it is first: "The
    # region's last major earthquake, a magnitude 6.1 quake in 1987, killed 31 people")
    last = 2 if len(toks) > 1 and toks[1].lower.endswith(("'s", "’s")) else 1
    if (
        len(toks) > last + 1
        and toks[0].lower == "the"
        and toks[last].lower in _LAST
        and (is_content(toks[last + 1].text) and not _is_number(toks[last + 1]))
    ):
        return next((toks[k].text for k in range(len(toks)) if _in_year(toks, k)), "the-last")
    opening = 0
    if len(toks) > 2 and toks[0].lower == "in" and _in_year(toks, 1):
        opening = 2  # "In 2009, a smaller tanker ...": the whole sentence's
    # brought in by "a", "another" or, after an opening year, a number ("In 2015, two quakes")
    first = toks[opening] if len(toks) > opening else None
    other = (
        first is not None and (first.lower in _ANOTHER_EVENT or (opening > 0 and _is_number(first)))
    ) or any(t.lower in _RECURRING for t in toks)
    if not other:
        return ""
    if opening:
        return toks[1].text
    return next((toks[k].text for k in range(lo, hi) if _in_year(toks, k)), "")


PLACE_MARK = "^"  # marks the place a count is of in a slot's context ("^kessa")
_PLACE_LEAD = 5  # words between "in" and the place's name: "in the hardest-hit areas like"
_PLACE_STOPS = frozenset("which who whom that when where as after before and but or".split())  # noqa: SIM905


_PEOPLE_KEYS = _PEOPLE | _ROLES  # the heads of a count of people ("people", "deaths")


def counted(s: Slot) -> tuple:
    """What a count counts, whatever its words: people by what befell them ("11 people dead",
    "13 deaths"), else its head words; with its unit and part-or-whole."""
    unit, role, share = s.value[2:]  # type: ignore[misc]
    people = role in _BEFELL and s.key & _PEOPLE_KEYS
    return (None if people else s.key, unit, role, share)


def people_by_role(s: Slot) -> str | None:
    """What befell the people a count counts, whatever it calls them ("Seven people were taken
    to hospital" / "Four passengers were taken to hospital": `counted` reads both alike); None
    for a count of anything else."""
    if not things_counted(s):
        return None
    role = s.value[3]  # type: ignore[index]
    return role if role in _BEFELL and s.key & _PEOPLE_KEYS else None


def place_of(s: Slot) -> str:
    """The place a count is of (`_place`), or "" (a context holds one at most)."""
    return _marked(s.context)[2]


@functools.lru_cache(maxsize=1 << 16)  # a vote compares a slot with thousands of others, and
# the same slots again in each vote: each context is walked once (its frozenset keeps its hash)
def _marked(context: frozenset[str]) -> tuple[frozenset[str], tuple[str, ...], str]:
    """A slot's context's group marks (`groups`), the marks of who gives or holds it
    (`_whose`) and its place (`place_of`)."""
    group, whose, place = [], [], ""
    for c in context:
        mark = c[:1]
        if mark == GROUP_MARK:
            group.append(c)
        elif mark in _WHOSE:
            whose.append(c)
        elif mark == PLACE_MARK:
            place = c[1:]
    return frozenset(group), tuple(whose), place


def _place(text: str, toks: Sequence[Token], i: int, clause: Clause) -> str | None:
    """The place, lower case, that the clause of the figure at toks[i] puts it in: the nearest
    "in" after it ("killed 20 people in Dorvan district and two in Kessa"), else before it, else
    a sentence that opens with where ("In neighbouring Kessa district, 17 died"); None when it
    names none. Months and weekdays are times, not places."""
    lo, hi = clause
    ins = [k for k in range(lo, hi) if toks[k].lower == "in"]
    # ...not past a word joining another clause: "with the loss of 1,200 jobs and move
    # production to its factory in Kessar" puts the jobs nowhere
    joined = next((k for k in range(i + 1, hi) if toks[k].lower in dates.JOINING), hi)
    after = [k for k in ins if i < k < joined]
    order = after[:1] + [k for k in reversed(ins) if k < i][:1]
    if toks and toks[0].lower == "in" and lo > 0:
        order.append(0)
    for k in order:
        if (place := _named_after(text, toks, k)) is not None:
            return place
    return None


def _named_after(text: str, toks: Sequence[Token], k: int) -> str | None:
    """The capitalised name a few words after toks[k] ("in the province of El Oro": "el oro"),
    within its clause; None if there is none."""
    for m in range(k + 1, min(len(toks), k + 2 + _PLACE_LEAD)):
        t = toks[m]
        if breaks_clause(text[toks[m - 1].end : t.start]):
            return None
        if t.text[:1].isupper() and t.text.isalpha():
            if t.lower in dates.MONTHS or t.lower in dates.WEEKDAYS:
                return None
            run = [t]  # the whole name: "El Oro", "Rukum West"
            for u in toks[m + 1 : m + 3]:
                if (
                    not (u.text[:1].isupper() and u.text.isalpha())
                    or text[run[-1].end : u.start] != " "
                ):
                    break
                run.append(u)
            return " ".join(u.lower for u in run)
        if not t.text.isalpha() or t.lower in _PLACE_STOPS:
            return None
    return None


def _former(text: str, toks: Sequence[Token], i: int) -> bool:
    """True when the figure at toks[i] is the value of a noun said to be past, set off by
    "of", a comma or a linking verb: "the previous national record, 45.9C", "the old speed
    limit of 30 mph" (not "the old bridge carried 300 cars": the bridge is old)."""
    k = i - 1
    linked = k >= 0 and (toks[k].lower in _LINKING or text[toks[k].end : toks[i].start] == ", ")
    k -= k >= 0 and toks[k].lower in _LINKING
    for _ in range(2):  # the noun, and a word before it ("speed limit", "national record")
        t = toks[k] if k >= 0 else None
        if t is not None and t.text.islower() and is_content(t.text) and t.lower not in _FORMER:
            k -= 1
    return linked and k >= 0 and toks[k].lower in _FORMER


_ONCE = frozenset(["previously", "formerly", "once"])  # "previously held 13 seats"
_COMPARED = frozenset(["with", "to"])  # "compared with 10.4 billion a year ago"
# "13 seats on the outgoing council", "at the last election" (not "in the last 24 hours")
_OUTGOING = frozenset(["outgoing", "previous", "former", "last", "prior", "departing", "old"])
_SPANS = frozenset(
    stem(w)
    for w in "minute hour day night week month quarter year decade time".split()  # noqa: SIM905
)
_BEFORE_NOW = frozenset(["earlier", "ago", "before", "previously"])


def _was(toks: Sequence[Token], start: int, end: int) -> bool:
    """The figure from toks[start] to toks[end] is a value that was, not the one there is:
    what another figure is "compared with" ("9.8 billion, compared with 10.4 billion a year
    ago", "from 6.9 billion a year earlier"), one "previously" had ("previously held 13
    seats"), or one of the outgoing or last body ("13 seats on the outgoing council", "won 12
    seats at the last election"; but "a loss of eight seats on the last vote" is a move)."""
    k = _before_hedges(toks, start)
    if 1 <= k < start and toks[k].lower in _COMPARED and toks[k - 1].lower == "compared":
        return True
    if any(t.lower in _ONCE for t in toks[max(0, start - 3) : start]):
        return True
    after = [t.lower for t in toks[end : end + 3]]
    if len(after) == 3 and after[0] in ("a", "the", "one") and after[2] in _BEFORE_NOW:
        return stem(after[1]) in _SPANS  # "from 6.9 billion crowns a year earlier"
    if end + 2 < len(toks) and toks[end].lower in ("on", "in", "at", "of"):
        k = end + 1 + (toks[end + 1].lower in _DETERMINERS_OF)
        return (
            k + 1 < len(toks) and toks[k].lower in _OUTGOING
            and not _is_number(toks[k + 1]) and stem(toks[k + 1].text) not in _SPANS
        )  # fmt: skip
    return False


# Ranks in words, read before a superlative: "the world's third-largest", "the second busiest"
# (as "3rd largest" is read). Not "a second person died": the next of a series, not a rank.
_RANKS = {
    w: n for n, w in enumerate(
        ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"],
        start=2,
    )
}  # fmt: skip
_STARTS = _NUMBER_WORDS | frozenset(_RANKS)  # the words `_extract` reads a slot from


_PLACES = frozenset(["place", "position", "spot"])
_TABLES = frozenset(["table", "standings", "league", "rankings", "polls", "race", "standing"])


def _rank(text: str, toks: Sequence[Token], i: int) -> Slot | None:
    """The rank toks[i] gives before a superlative ("third largest", "second most visited"),
    as the ordinal figure "3rd largest" reads; None before any other word."""
    k = i + 1
    if k < len(toks) and toks[k].lower in ("most", "least"):
        k += 1
    if k >= len(toks) or not _joined(text, toks[k - 1], toks[k], " -"):
        return None
    word = toks[k].lower
    head = stem(toks[k].text)
    if k == i + 1 and not is_superlative(word):
        # a place in a table or race is a rank: "into second place", "to third in the table"
        # (not "a second place of worship", "third in line")
        after = [t.lower for t in toks[k + 1 : k + 3]]
        if word in _PLACES and after[:1] != ["of"]:
            head = "place"
        elif word == "in" and len(after) == 2 and after[0] == "the" and after[1] in _TABLES:
            head, k = "place", k + 2
        else:
            return None  # "a second wave", "the third time", "a second protest"
    context = frozenset(window_stems(toks, i, k + 1, skip=_HEDGE_WORDS)) | _names(toks, i, k + 1)
    span = (toks[i].start, toks[k].end)
    value = (float(_RANKS[toks[i].lower]),) * 2 + (None, None, "ordinal")
    return Slot("number", frozenset([head]), value, text[span[0] : span[1]], span, context)


def _model_name(text: str, toks: Sequence[Token], j: int) -> bool:
    """The figure ending before toks[j] names a model with the capitalised word after it ("a
    737 Max", "the 787 Dreamliner"): one word, no plural ("eight Americans", "63 Canadians" are
    counted) nor one before a noun ("40 Norland troops"), in a sentence that is not written in
    title case ("Killing All 176 People")."""
    if j >= len(toks) or not _joined(text, toks[j - 1], toks[j], " "):
        return False
    word = toks[j].text
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
        return False
    if word.endswith(("s", "ese")) or word.lower() in _UNIT_WORDS or word.lower() in _SAYS_WHEN:
        return False  # ("rose to 41 Tuesday": when)
    after = (
        toks[j + 1].text if j + 1 < len(toks) and _joined(text, toks[j], toks[j + 1], " ") else ""
    )
    if after[:1].islower() and is_content(after):
        return False  # a place or a people before the noun counted: "40 Norland troops"
    # (a title-case headline has no lower-case word but the shortest)
    return any(t.text[:1].islower() and len(t.text) > 3 and is_content(t.text) for t in toks)


def _since(toks: Sequence[Token], i: int) -> bool:
    """The figure at toks[i] follows "since", hedges aside: "the deadliest since more than 140
    died in ...", a count of another time (not "talks since the deployment of 100,000 troops",
    whose troops are still there)."""
    k = i - 1
    while k >= 0 and toks[k].lower in _HEDGE_WORDS:
        k -= 1
    return k >= 0 and toks[k].lower == "since"


_COMPASS = frozenset(
    """north south east west northeast northwest southeast southwest north-east north-west
    south-east south-west""".split()  # noqa: SIM905
)


def _distance(toks: Sequence[Token], start: int, end: int) -> str | None:
    """What a distance at toks[start:end] measures: "radius" ("within 2 km of the plant", "a
    2 km radius"), "from <place>" ("30 km southeast of Milan", "12 miles from Leeds"), "away"
    ("felt up to 10 km away"), "depth", "height"; else None. Distances are compared only when
    they measure the same: the evacuation radius is not how far the blast was heard, nor where
    the plant is, and the waves' height is not the riverbed's depth."""
    before = {t.lower for t in toks[max(0, start - 3) : start]}
    after = _unconverted(toks[end : end + 8])
    if before & (_KEEP_AWAY | _AROUND) or any(t.lower in _AROUND for t in toks[start : end + 2]):
        # (an exclusion zone is one: "a six-kilometre exclusion zone", "a zone of 10 km")
        return "radius"
    said = [t.lower for t in toks[start : end + 1]]  # "44 kilometres deep"
    if (
        before & _DEPTH_WORDS  # "at a depth of 10 km", "shallower than 5 km"
        or any(w in ("deep", "underground") for w in said)
        or (after and after[0].lower in _DOWN)
    ):
        return "depth"  # "at a depth of 10 km", "10 km deep", "80 feet below the surface"
    if before & _UP or any(w in _UP for w in said):
        return "height"  # "waves as high as 4 metres", "a 30-metre-tall crane": how far up
    k = 1 if after and after[0].lower in _COMPASS else 0
    if len(after) > k + 1 and after[k].lower in ("of", "from"):
        # "30 km southeast of Milan", "10 km from the city of Balao"
        named = after[k + 1 : k + 5]
        lead = len(list(itertools.takewhile(lambda t: t.lower in _PLACE_LEAD_WORDS, named)))
        place = named[lead] if lead < len(named) else None
        if place is not None and place.text[:1].isupper():
            return "from " + stem(place.text)
    if after and after[0].lower == "away":
        return "away"
    return None


_AROUND = frozenset(["radius", "zone", "cordon", "perimeter"])
_KEEP_AWAY = frozenset(["within", "stay", "keep", "remain"])  # "told to stay 6 km from it"
_DOWN = frozenset(["below", "beneath", "underwater", "down"])
_DEPTH_WORDS = frozenset(["depth", "deeper", "shallower"])
_UP = frozenset(["high", "tall", "height", "above", "higher", "taller"])
# the words before a place's name: "from the city of Balao", "of the town of Lodi"
_PLACE_LEAD_WORDS = frozenset("the city town village port capital of".split())  # noqa: SIM905


def _unconverted(toks: Sequence[Token]) -> list[Token]:
    """`toks` without a leading conversion: "10 kilometres (6.2 miles) from Balao" reads on as
    "from Balao"."""
    if len(toks) >= 2 and toks[0].text[:1].isdigit() and stem(toks[1].text) in _MEASURES:
        return list(toks[2:])
    return list(toks)


def _of_another(toks: Sequence[Token], first: int, clause: Clause) -> bool:
    """True when the clause of the figure at toks[first] says, before it, that it is another
    event's: "another one of magnitude 4.8 struck at a depth of 24 km", "an aftershock of
    magnitude 5.1"."""
    lo, _ = clause
    return any(
        toks[k].lower in ("aftershock", "aftershocks")
        or (toks[k].lower == "another" and toks[k + 1].lower == "one")
        for k in range(lo, first)
    )


def _magnitude(toks: Sequence[Token], start: int, j: int) -> tuple[int, int] | None:
    """Where a quake's magnitude written around the figure toks[start:j] starts and ends ("a
    magnitude of 6.1": the noun; "5.4 on the Richter scale": its last word), else None."""
    if start > 1 and toks[start - 1].lower == "of" and toks[start - 2].lower == "magnitude":
        return start - 2, j - 1
    words = [t.lower for t in toks[j : j + 4]]
    if words[:3] == ["on", "the", "richter"]:
        return start, j + 2 + (words[3:] == ["scale"])
    return None


def _on_scale(
    text: str,
    toks: Sequence[Token],
    noun: int,
    figure: int,
    last: int,
    value: float,
    scale: str | None = None,
) -> Slot:
    """The reading toks[figure] on the scale toks[noun] names (or `scale`, a stem), before it
    ("force 8", "magnitude 6.4") or after it ("a 7.8 magnitude quake", "6.1-magnitude"): a
    value of that scale, not a count of the word after it ("force 9 battered the coast");
    toks[last]: its last word."""
    lo, hi = _as_written(toks[figure].text, value, False)
    first = min(noun, figure)
    span = (toks[first].start, toks[last].end)
    clauses = _clauses(text, toks)
    share = "other" if _of_another(toks, first, clauses[first]) else ""
    if year := _set_in_year(text, toks, figure, clauses):  # "a 7.8 magnitude quake in 2015"
        share = f"{share} in {year}"
    return Slot(
        kind="number",
        key=frozenset([scale or stem(toks[noun].text)]),
        value=(lo, hi, None, None, share),
        surface=text[span[0] : span[1]],
        span=span,
        context=frozenset(window_stems(toks, first, last + 1, skip=_HEDGE_WORDS)),
    )


def _score(
    text: str, toks: Sequence[Token], i: int, written: list[tuple[int, int]]
) -> tuple[Slot, int] | None:
    """A result or a vote at toks[i]: two small whole numbers, "won 2-1", "a 6-3 ruling", "drew
    1-1", "by 211 votes to 148", "won by 211 to 138". Joined by a dash, the first is not below
    the second (a range is written low to high: "9-14"); "by N to M" is not a change ("rose by 5
    to 20"). Compared only with the same pair of figures, and whose result it is by the names
    near it: "beat Northgate 3-1" is not "Westport beat Eastham 3-0". With the index of its
    second figure."""
    words = [t.lower for t in toks[i + 1 : i + 4]]
    if i + 1 < len(toks) and text[toks[i].end : toks[i + 1].start] in _DASHES:
        j = i + 1  # "2-1"
    elif words[:2] == ["votes", "to"] or words[:2] == ["seats", "to"]:
        j = i + 3  # "211 votes to 148"
    elif words[:1] == ["to"] and i >= 1 and toks[i - 1].lower == "by":
        j = i + 2  # "by 211 to 138", unless a change: "rose by 5 to 20"
        if i >= 2 and toks[i - 2].lower in _CHANGE_VERBS:
            return None
    elif words[:1] == ["to"] and i >= 1 and toks[i - 1].lower not in ("from", *_CHANGE_VERBS):
        j = i + 2  # "the vote was 31 to 12": high to low (a range is "aged 8 to 12")
        if j < len(toks) and toks[i].text == toks[j].text:
            return None  # "open 9 to 9"
    else:
        return None
    if j >= len(toks):
        return None
    first, second = toks[i].text, toks[j].text
    tally = words[:2] in (["votes", "to"], ["seats", "to"])
    if tally and first.lower() in _ONES and second.lower() in _ONES:
        # "by eight votes to five"
        first, second = str(_ONES[first.lower()]), str(_ONES[second.lower()])
    # (decimal digits, which int() reads: "2-²" is no score)
    if not (first.isdecimal() and second.isdecimal() and len(first) <= 3 and len(second) <= 3):
        return None
    if tally and int(first) < int(second):
        first, second = second, first  # "failed by six votes to seven": a tally either way round
    if int(first) < int(second) or _identifier(text, toks, i) or _identifier(text, toks, j):
        return None
    if i and toks[i - 1].text[:1].isdigit() and not text[toks[i - 1].end : toks[i].start].strip():
        return None  # the end of a longer figure: "call 020 7946 2-1"
    if any(lo <= toks[i].start < hi for lo, hi in written) or _percent_words(text, toks, j, j + 1):
        return None
    # what was decided is said around it, or inside it ("211 votes to 148")
    # (but "votes", in every tally, says nothing of what was voted on)
    inside = {
        stem(t.text)
        for t in toks[i + 1 : j]
        if t.lower not in ("to", "votes") and t.lower not in _HEDGE_WORDS
    }
    near = window_stems(toks, i, j + 1, skip=_HEDGE_WORDS) | inside
    span = (toks[i].start, toks[j].end)
    context = frozenset(near) | _names(toks, i, j + 1)
    phase = _phase(toks, i, j)
    if year := _set_in_year(text, toks, i, _clauses(text, toks)):
        phase = f"{phase} in {year}"  # "won this fixture 2-0 last season": that match's
    value = (float(second), float(first), "score", None, phase)
    surface = text[span[0] : span[1]]
    return Slot("number", frozenset(["score"]), value, surface, span, context), j


_FIRST_OF = frozenset(["first", "last", "opening", "closing"])
_SHOOTOUT = frozenset(["penalties", "pens", "shootout", "shoot", "spot", "kicks"])
_PART_WAY = frozenset(
    ["half", "halftime", "break", "interval", "down", "led", "leading", "up", "ahead", "trailing"]
)


def _phase(toks: Sequence[Token], i: int, j: int) -> str:
    """Which result of a match the score at toks[i..j] is, by the words next to it (up to
    another figure): a shoot-out's ("4-2 on penalties"), one part way through ("led 2-0 at
    half-time", "from 2-0 down"), or the match's, "": a match has all three, none contradicts
    another ("a 3-3 draw" / "won 4-2 in a penalty shootout")."""
    before = list(itertools.takewhile(lambda t: not _is_figure(t), toks[max(0, i - 3) : i][::-1]))
    after = list(itertools.takewhile(lambda t: not _is_figure(t), toks[j + 1 : j + 5]))
    words = {t.lower for t in (*before, *after)}
    return "shoot-out" if words & _SHOOTOUT else "part way" if words & _PART_WAY else ""


_DOTTED_SPEED = re.compile(r"([mk])\.p\.h\b", re.IGNORECASE)


def _per_hour(text: str, toks: Sequence[Token], unit: int) -> int | None:
    """Where "km/h", "miles per hour" or "km an hour" ends when toks[unit] is its distance."""
    if text[toks[unit].end : toks[unit].end + 2] == "/h" and unit + 1 < len(toks):
        return unit + 1
    if [t.lower for t in toks[unit + 1 : unit + 3]] in (["per", "hour"], ["an", "hour"]):
        return unit + 2
    return None


# Words after a figure that say when, not what it counts
_RISEN = frozenset(stem(w) for w in ("risen", "rose", "climbed", "grown", "increased"))
_SAYS_WHEN = frozenset(
    [*dates.WEEKDAYS, "yesterday", "today", "tonight", "overnight", "next", "last"]
)  # ("NKr 1.8bn next year", "40 last week": when, not what)
# What a figure after "of" is the population of: "the Andean nation of 16 million people", "a
# city of 2 million residents", "a population of 16 million"
_PLACES_OF = frozenset(
    stem(w)
    for w in [
        "country", "nation", "city", "town", "village", "state", "island", "province", "region",
        "county", "district", "capital", "population",
    ]
)  # fmt: skip


def _of_place(toks: Sequence[Token], start: int) -> bool:
    """The figure at toks[start] is how many people live somewhere (`_PLACES_OF`)."""
    return start >= 2 and toks[start - 1].lower == "of" and stem(toks[start - 2].text) in _PLACES_OF


def _past_currency(toks: Sequence[Token], k: int, currency: str) -> int:
    """k, or the index after toks[k] when it is `currency` written again."""
    return k + 1 if currency and k < len(toks) and toks[k].text == currency else k


def _whole_of(text: str, toks: Sequence[Token], j: int) -> int | None:
    """Where the whole begins when the figure ending before toks[j] is a part of it: "four of
    its six carriages", "five of the train's six carriages", "three of the five suspects",
    "33 out of 150 seats"."""
    if j + 2 < len(toks) and toks[j].lower == "out" and toks[j + 1].lower == "of":
        j += 1  # "33 out of 150 seats", "33 out of the 150 seats"
        if toks[j + 1].lower not in _DETERMINERS_OF:
            return j + 1 if _parse(text, toks, j + 1) is not None else None
    if j + 2 >= len(toks) or toks[j].lower != "of" or toks[j + 1].lower not in _DETERMINERS_OF:
        return None
    k = j + 2
    if toks[k].lower.endswith(("'s", "’s")):
        k += 1  # "of the train's six carriages"
    return k if k < len(toks) and _parse(text, toks, k) is not None else None


_WHERE_NONE = frozenset(["on", "in", "at", "aboard", "inside", "near"])


def _nobody(text: str, toks: Sequence[Token]) -> list[Slot]:
    """Counts of none: "No one died", "nobody was hurt", "none of the passengers was injured",
    "no deaths", "no arrests". The role must follow at once (after auxiliaries): "no one was
    seriously hurt" says nothing of the slightly hurt, and is left alone."""
    out: list[Slot] = []
    for i, t in enumerate(toks):
        if t.lower not in _NO_WORDS:
            continue  # (most words)
        nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
        if t.lower in _NOBODY:
            k = i + 1
        elif t.lower == "no" and nxt == "one":
            k = i + 2
        elif t.lower == "no" and stem(nxt) in ("dead", "hurt", "arres"):
            k = i + 1  # "no deaths", "no injuries", "no arrests were made"
        elif t.lower == "no" and stem(nxt) in _PEOPLE:
            k = i + 2  # "no child was hurt", "no passengers needed hospital treatment"
        else:
            continue
        if t.lower == "none" and k + 2 < len(toks) and toks[k].lower == "of":
            k += 3 if toks[k + 1].lower in _DETERMINERS_OF else 2  # "none of the passengers"
        elif k < len(toks) and toks[k].lower in _WHERE_NONE:
            # "No one on the island was hurt", "nobody aboard the ferry was injured": where
            # they were, up to the verb (a few words, no clause break)
            end = next(
                (m for m in range(k + 1, min(len(toks), k + 5)) if toks[m].lower in _AUXILIARIES),
                None,
            )
            if end is not None and not breaks_clause(text[toks[k].start : toks[end].start]):
                k = end
        while k < len(toks) and toks[k].lower in _AUXILIARIES:
            k += 1
        if k + 1 < len(toks) and toks[k].lower in _NEEDING:
            k += 1  # "has needed hospital treatment": the hospital is the role
        role = _ROLE_OF.get(stem(toks[k].text)) if k < len(toks) else None
        if role is None:
            continue
        span = (t.start, toks[k].end)
        counted = stem(nxt) if t.lower == "no" and stem(nxt) in _PEOPLE else "person"
        out.append(
            Slot(
                kind="number",
                key=frozenset([counted]),
                value=(0.0, 0.0, None, role, ""),
                surface=text[span[0] : span[1]],
                span=span,
                # with its role, as the window of "2 people died" holds it
                context=frozenset(window_stems(toks, i, k + 1) | {stem(toks[k].text)}),
            )
        )
    return out


def _lone(text: str, toks: Sequence[Token]) -> list[Slot]:
    """One of a thing said without "one": "a lone gunman" (against "three gunmen"). Not of a
    kind ("a lone-wolf attack"), nor of a time ("a lone day": `_DURATIONS` are how long); nor
    "a single", mostly what could be ("a single case could infect a class")."""
    out: list[Slot] = []
    for k in range(1, len(toks) - 1):
        if toks[k].lower != "lone" or toks[k - 1].lower not in ("a", "an"):
            continue
        noun = toks[k + 1]
        head = _unit_stem(noun.text)
        if not (noun.text.islower() and is_content(noun.text)) or head in _DURATIONS:
            continue
        if "-" in (text[toks[k].end : noun.start], text[noun.end : noun.end + 1]):
            continue  # "a lone-wolf attack": what kind, not how many
        span = (toks[k - 1].start, noun.end)
        out.append(
            Slot(
                kind="number",
                key=frozenset([head]),
                value=(1.0, 1.0, None, _role(text, toks, k, k + 2, [head]), ""),
                surface=text[span[0] : span[1]],
                span=span,
                context=frozenset(window_stems(toks, k - 1, k + 2)),
            )
        )
    return out


UNANIMOUS = math.inf  # the other side of a unanimous vote's tally: as many as voted


def _unanimous(text: str, toks: Sequence[Token]) -> list[Slot]:
    """A vote said to be unanimous ("backed the move unanimously", "a unanimous decision"): a
    tally with none against, as "7-0" is, which "by five votes to two" contradicts."""
    out = []
    for k, t in enumerate(toks):
        if t.lower not in ("unanimously", "unanimous"):
            continue
        if any(
            w.lower in ("not", "never") or w.lower.endswith("n't") for w in toks[max(0, k - 3) : k]
        ):
            continue  # "the decision was not unanimous": some were against, how many unsaid
        context = frozenset(window_stems(toks, k, k + 1, width=20)) | _names(toks, k, k + 1)
        value = (0.0, UNANIMOUS, "score", None, "")
        out.append(Slot("number", frozenset(["score"]), value, t.text, (t.start, t.end), context))
    return out


def _someone_died(text: str, toks: Sequence[Token]) -> list[Slot]:
    """One person named at the head of the sentence who died ("Pensioner Ruggero Tanno, 81,
    died of a suspected heart attack"): a part of the toll, of one, which a toll of none ("No
    deaths have been reported") contradicts, whatever whole it is of (`_none_and_some`)."""
    k = next((k for k, t in enumerate(toks) if t.lower == "died"), -1)
    m = k - 1
    while m >= 0 and (toks[m].text.isdigit() or toks[m].lower in ("aged",)):
        m -= 1  # "Tanno, 81, died", "Tanno, aged 81, died"
    names = 0
    while m >= 0 and toks[m].text[:1].isupper() and toks[m].text.isalpha():
        names, m = names + 1, m - 1
    if k < 0 or names < 2 or m >= 0:
        return []  # a name of two words or more opening the sentence, and nothing else
    if any(dates.is_year(t.text) for t in toks):
        return []  # "Queen Elizabeth died in 2022": another time's death
    span = (toks[0].start, toks[k].end)
    context = frozenset(window_stems(toks, 0, k + 1) | {"dead"})
    value = (1.0, 1.0, None, "dead", "part")
    return [Slot("number", frozenset(["person"]), value, text[span[0] : span[1]], span, context)]


# ("since" too: "fallen 30% since rates peaked" says from when, not that 30% was a peak)
_CLAUSE_BREAKS = frozenset(["and", "but", "while", "whereas", "or", "since"])
_COUNTED_FROM = frozenset(["after", "before", "since", "into"])
RUNNING_MARK = "+"  # in a slot's context: a tally so far, which may grow
GROUP_MARK = "&"  # ...and the group a count is of: "12 Thai hostages" ("&thai")
OWNER_MARK = "~"  # ...and the names before it in its clause: "The Greens won six seats"
_NOT_OWNERS = frozenset([*dates.WEEKDAYS, *dates.MONTHS])


def _owners(toks: Sequence[Token], clause: Clause, start: int) -> frozenset[str]:
    """The names (lower case) before the figure at toks[start] in its clause, marked
    `OWNER_MARK`."""
    return frozenset(
        OWNER_MARK + m[1:] for m in name_marks(toks[clause[0] : start]) if m[1:] not in _NOT_OWNERS
    )


def owners(s: Slot) -> frozenset[str]:
    """Whose count or share `s` may be, by the names (lower case) before it in its clause ("The
    Greens won six seats", "The Alliance took 41% of the vote"): told apart only where a story
    gives one thing for several owners (`StorySuggester`'s `owned`), and one owner may have
    several names (`decide._same_owner`)."""
    return frozenset(c[1:] for c in s.context if c[:1] == OWNER_MARK)


def _group(toks: Sequence[Token], first: int, end: int) -> str | None:
    """The group a count's head words name by a capitalised word (a nationality, a party): "12
    Thai hostages", "39 Palestinian prisoners", "13 Israelis"; None when none does, or when
    the text capitalises its words anyway ("Hamas Releases 24 Hostages")."""
    for m in range(first, end):
        t = toks[m]
        if not (t.text[:1].isupper() and t.text.isalpha()):
            continue
        nxt = toks[m + 1] if m + 1 < len(toks) else None
        if m + 1 < end and nxt is not None and nxt.text.islower():
            return stem(t.text)  # "Thai hostages"
        lower_after = nxt is None or not nxt.text[:1].isupper()
        if m + 1 == end and t.lower.endswith("s") and lower_after and m > first - 1:
            return stem(t.text)  # "13 Israelis, 10 Thais"
    return None


_SO_FAR = frozenset(
    [("so", "far"), ("to", "date"), ("thus", "far"), ("until", "now"), ("as", "yet")]
)
_RUNNING_FIRST = frozenset(["first", "until", "by", "of", *(a for a, _ in _SO_FAR)])
# what "until", "by" or "as of" a tally was counted: "until 1.30pm", "by Wednesday"
_BY_WHEN = frozenset(
    [*dates.WEEKDAYS, "now", "noon", "midnight", "midday", "mid", "morning", "afternoon",
     "evening", "tonight", "nightfall", "dawn"]
)  # fmt: skip


def _running(toks: Sequence[Token], clauses: list[Clause], i: int) -> bool:
    """The count at toks[i] is a tally so far: its clause, or a short one opening the sentence
    before it ("So far, at least 800 people have evacuated", "By Wednesday, 137 were missing"),
    says "so far", "to date", or until when ("until 1.30pm", "as of Tuesday"), or that it is
    of the first ones ("800 people were first evacuated", "initially")."""
    lo, hi = clauses[i]
    if lo > 0 and clauses[lo - 1][1] - clauses[lo - 1][0] <= 3:
        lo = clauses[lo - 1][0]
    words = [t.lower for t in toks[lo:hi]]
    if "initially" in words:
        return True
    # each of what the pairs below look for opens with one of `_RUNNING_FIRST` (most clauses
    # hold none)
    for k in range(len(words) - 1) if not _RUNNING_FIRST.isdisjoint(words) else ():
        a, b = words[k], words[k + 1]
        if a == "first" and (b.endswith("ed") or (k and words[k - 1] in _FIRST_AFTER)):
            return True  # "were first evacuated", "first reported", "at first"
        if (a, b) in _SO_FAR:
            return True
        when = b in _BY_WHEN or (b[:1].isdigit() and a != "by")  # ("by 30" is how much)
        if when and (a in ("until", "by") or (a == "of" and k and words[k - 1] == "as")):
            return True
    return False


# nouns of a move, after its size: "a 0.25% increase", "a 2% fall"
_CHANGE_NOUNS = frozenset(
    """increase increases rise rises hike hikes cut cuts drop drops fall falls decline declines
    jump jumps gain gains reduction reductions""".split()  # noqa: SIM905
)
_NOT_MOVED = frozenset(["to", "of", "at"])
_NOT_OF = frozenset(["since", "despite", "amid", "amidst"])  # after a share: not what it is of
# what stands between "from" and a figure it was: "from a record 10%", "from a peak of 11%"
_FROM_LEAD = frozenset("a an the its their record high peak low previous of".split())  # noqa: SIM905


def _next_ordinal(text: str, toks: Sequence[Token], k: int) -> tuple[float, int] | None:
    """(its value, the index after it) when an ordinal ("81st") starts at toks[k]."""
    # (decimal digits, which float() reads: "²st" is none)
    ordinal = k + 1 < len(toks) and toks[k].text.isdecimal() and toks[k + 1].lower in ORDINAL_ENDS
    if ordinal and _joined(text, toks[k], toks[k + 1], ""):
        return float(toks[k].text), k + 2
    return None


def _a_part(toks: Sequence[Token], clauses: list[Clause], i: int, unit: str | None) -> bool:
    """The figure at toks[i] is a part of a whole by the words before it: "the opening 80
    minutes", "the first 100 buyers", a count in a clause that opens with "among", or the one
    before it ("Among the dead, 84 were women"), a share in a clause of other things ("two
    other wildfires were 80% and 50% contained"); or by the words after it, "the other N" ("28
    prisoners were released in the West Bank, while the other 11 ...": the 28 of 39)."""
    lo = clauses[i][0]
    if unit is None:
        among = toks[lo].lower == "among" or (lo > 0 and toks[clauses[lo - 1][0]].lower == "among")
        rest = any(
            toks[m - 1].lower == "the" and toks[m].lower == "other" and _is_number(toks[m + 1])
            for m in range(i + 2, len(toks) - 1)
        )
        return among or rest or (i > 0 and toks[i - 1].lower in _FIRST_OF)
    return unit == "percent" and any(t.lower in ("other", "another") for t in toks[lo:i])


# Verbs that give a share as the value of their subject: "Turnout in the ballot was 78%",
# "the jobless rate stood at 4.1%"
_VALUE_VERBS = frozenset(["was", "is", "were", "are", "stood", "reached", "hit"])
_LINK_WORDS = frozenset(["of", "at", "to", "as", "up"])  # in hedges ("up to"), and links too
_SUBJECT_ENDS = _PREPOSITIONS | {"in", "of", "for", "at", "on", "among", "by", "from", "with"}


def _share_subject(
    text: str, toks: Sequence[Token], start: int, clauses: list[Clause]
) -> str | None:
    """The stem of what the share at toks[start] is of when that comes before it: the noun
    before "of" ("on a turnout of 73%") or the head of the subject of "was", "stood at"...
    ("Turnout in the ballot was 78%": the turnout, however far back it is); None for a name
    (whose share it is: "Hale's share was 46%") or none of these."""
    k = start - 1
    while k >= 0 and toks[k].lower in _HEDGE_WORDS - _LINK_WORDS:  # "was about 78%"
        k -= 1
    if k >= 1 and toks[k].lower == "of":
        word = toks[k - 1]
        return stem(word.text) if _of_what_word(word) else None
    if k >= 1 and toks[k].lower == "at":
        k -= 1
    if k < 1 or toks[k].lower not in _VALUE_VERBS:
        return None
    lo = clauses[k][0]
    subject = toks[lo:k]
    for m, t in enumerate(subject):
        if m and t.lower in _SUBJECT_ENDS:  # "turnout in the ballot": the turnout
            subject = subject[:m]
            break
    words = [t for t in subject if is_content(t.text)]
    return (
        stem(words[-1].text) if words and _of_what_word(words[-1], words[-1] is toks[0]) else None
    )


def _of_what_word(t: Token, first: bool = False) -> bool:
    """A word that may say what a share is of: a lower-case content word (or the capitalised
    first of a sentence), not a move ("a rise of 5%")."""
    return (
        is_content(t.text)
        and (first or not t.text[:1].isupper())
        and t.lower not in _MOVE_OF
        and stem(t.text) not in _CHANGE_STEMS
    )


def _is_figure(t: Token) -> bool:
    return t.text[:1].isdigit() or t.text in _CURRENCIES


def _after_figure_before(text: str, toks: Sequence[Token], start: int) -> int:
    """Where the words that may say what the figure at toks[start] is of begin, looking back
    twice `NEAR` words: past a figure before it and what follows that one up to a comma or
    "and" ("generating $17.41 billion in revenue and $5.11 billion in net income": no revenue
    for the second); 0 when no figure comes before within reach, or one this one goes on from
    ("raised its rate by 0.25% to 5.25%": the rate is both's)."""
    reach = max(-1, start - 2 * NEAR - 1)  # (a figure's scale and unit words come between)
    prev = next((m for m in range(start - 1, reach, -1) if _is_figure(toks[m])), -1)
    if prev < 0:
        return 0
    for m in range(start, prev, -1):
        if toks[m - 1].lower in ("and", "or") or breaks_clause(
            text[toks[m - 1].end : toks[m].start]
        ):
            return m
    return 0


def _after_from(toks: Sequence[Token], i: int) -> bool:
    """The figure at toks[i] follows "from", perhaps past a few words of what it was: "from
    9.5%", "from a record 10 per cent", "from a peak of 11.1%"."""
    k = i - 1
    while k >= max(0, i - 4) and toks[k].lower in _FROM_LEAD:
        k -= 1
    return k >= 0 and toks[k].lower == "from"


_LOST = frozenset(["lost", "lose", "loses", "losing", "gained", "gain", "gains", "gaining"])
# what one holds a number of, which goes up and down (stems)
_HELD = frozenset(["seat", "vote", "point", "membe", "subsc", "custo", "user", "place", "follo"])
_MOVE_OF = _CHANGE_NOUNS | {"loss", "losses", "decrease"}  # "a loss of eight seats"
_MOVE_STEMS = frozenset(stem(w) for w in _MOVE_OF)  # ("a six percent increase": no "of what")


def _count_moved(toks: Sequence[Token], start: int, head: str) -> bool:
    """The count starting at toks[start] is how much one moved: "lost nine seats", "lose a
    staggering 29 seats", "a loss of eight seats" (not how many it has: "won 33 seats"), of
    what one holds a number of (`_HELD`): homes, jobs or lives lost are counted as such."""
    if head not in _HELD:
        return False
    before = [t.lower for t in _clause(toks[max(0, start - 3) : start][::-1])]
    if before[:1] == ["of"]:
        return len(before) > 1 and before[1] in _MOVE_OF
    return bool(_LOST.intersection(before))


UP, DOWN = "\u2191", "\u2193"  # after a move's "change": which way it went (see `compatible`)
_UPWARD = frozenset(
    """rose risen rise rises rising grew grown grow grows climbed climbs jumped jumps increased
    increase increases surged soared raised lifted gained gain gains rallied advanced up higher
    hike hikes jump growth more""".split()  # noqa: SIM905
)
_DOWNWARD = frozenset(
    """fell fallen fall falls falling dropped drop drops decreased decrease decreases declined
    decline declines slipped plunged tumbled lowered reduced lost lose loses loss slid slumped
    sank sink dipped plummeted dived down lower reduction reductions cut cuts fewer
    less""".split()  # noqa: SIM905
)


def _way(s: Slot) -> str:
    """UP or DOWN for a move said to go that way ("fell 8%"), else ""."""
    part = s.value[4]  # type: ignore[index]
    return UP if UP in part else DOWN if DOWN in part else ""


def _unsigned(s: Slot) -> str:
    """A slot's part, which way a move went left out: "fell 8%" and "rose 8%" are one move."""
    part = s.value[4]  # type: ignore[index]
    return part.replace(UP, "").replace(DOWN, "") if "change" in part else part


_UP_DOWN = frozenset(["up", "down"])
_HIGHER_LOWER = frozenset(["higher", "lower", "more", "fewer", "less"])  # "40% more passengers"


def _direction(toks: Sequence[Token], start: int, after: int) -> tuple[str, int]:
    """Which way the move whose figure starts at toks[start] went, UP or DOWN ("" when not
    said), and the word saying so: the word before it, past its hedges and a "by" ("fell by
    about 8%", "down 3%"), else the word after it, toks[after] ("a 12% drop", "7.9% lower")."""
    k = _before_hedges(toks, start)
    k -= k > 0 and toks[k].lower == "by"
    for w in (k, after):
        if 0 <= w < len(toks) and toks[w].lower in _UPWARD:
            return UP, w
        if 0 <= w < len(toks) and toks[w].lower in _DOWNWARD:
            return DOWN, w
    return "", -1


def _moved_by(toks: Sequence[Token], start: int) -> bool:
    """The figure starting at toks[start] is the size of a move: "raised rates by 0.25%",
    "sales fell 14%", "had fallen by about 30%" (past its hedges, not past the "to" or "of" of
    where it moved to or what it is of: "fell to 2.4%", "a rise of 5%")."""
    k = start - 1
    while k >= 0 and toks[k].lower in _HEDGE_WORDS and toks[k].lower not in _NOT_MOVED:
        k -= 1
    if k >= 0 and toks[k].lower == "by":
        return any(t.lower in _CHANGE_VERBS for t in _clause(toks[max(0, k - SCOPE) : k][::-1]))
    return k >= 0 and toks[k].lower in _CHANGE_VERBS


def _counted_from(text: str, toks: Sequence[Token], k: int) -> set[str]:
    """The words of the event a time counts from, after toks[k] ("after", "since", "into": "six
    minutes into the flight") to the end of its phrase: "10 hours after the ferry capsized,
    divers ..." says when the divers did something; that another source's "35 hours after the
    capsize" counts from the same event does not make the two figures about one thing."""
    words = set()
    for m in range(k + 1, len(toks)):
        if toks[m].lower in _CLAUSE_BREAKS or breaks_clause(text[toks[m - 1].end : toks[m].start]):
            break
        if is_content(toks[m].text):
            words.add(topic_stem(toks[m].text))
    return words


_AUXILIARIES = frozenset(["were", "was", "are", "is", "have", "has", "had", "been", "being"])
# ("first" after one of these or "at", or before a verb: not the first of something, "their
# first talks", `_running`)
_FIRST_AFTER = (_AUXILIARIES - {"being"}) | {"at"}
# ...and the words that may stand between them and what befell those counted: "179 were
# confirmed killed", "12 are now reported missing", "two were believed dead"
_BEFELL_BETWEEN = _AUXILIARIES | frozenset(
    "confirmed reported reportedly believed now also later since officially".split()  # noqa: SIM905
)


def _befell(
    toks: Sequence[Token], start: int, end: int, head: list[str]
) -> tuple[str | None, int | None]:
    """The role (`_ROLES`) of people counted by what befell them rather than by a noun, and
    where the words saying so are when they are not the head: the head itself ("12 killed", "12
    deaths"); with no head, a role word after the figure ("30 were injured") or just before it
    ("killed 12"), or a death toll ("the death toll rose to 45")."""
    if head:
        return (_ROLE_OF[head[0]] if len(head) == 1 and head[0] in _ROLES else None), None
    after = [k for k in range(end, min(end + 4, len(toks))) if toks[k].lower not in _BEFELL_BETWEEN]
    verb = _before_hedges(toks, start)  # "injuring more than 300"
    for k in [*after[:1], verb]:
        if 0 <= k < len(toks) and (word := stem(toks[k].text)) in _ROLES:
            return _ROLE_OF[word], k
    # "the death toll from the dam collapse rose to 45": the toll may lead a long subject, the
    # longer when the figure is what it came to ("the death toll from the sinking of the ferry
    # off Karsby rose to 17")
    reach = 16 if toks[start - 1].lower in ("to", "at", "reached", "hit") else 8
    before = range(max(0, start - reach), start)
    toll = next((k for k in before if toks[k].lower == "toll"), None)
    if toll is None:
        # "the number of people killed in Tuesday's quake has risen to 37": a toll in other words
        of = next(
            (k + 1 for k in before if toks[k].lower == "number" and toks[k + 1].lower == "of"),
            start,
        )
        said = (_ROLE_OF.get(stem(t.text)) for t in toks[of + 1 : min(of + 4, start)])
        return next((r for r in said if r in _BEFELL), None), None
    death = toll > 0 and toks[toll - 1].lower == "death"
    return "dead", (toll - death if start - toll <= 4 else None)  # shown when it reads short


def _changed(toks: Sequence[Token], i: int) -> bool:
    """True when the figure at toks[i], after "from", has a new value in its clause: "fell
    from 7.1% to 6.7%", "fell to 6.7% in October from 7.1% in September"."""
    return any(
        toks[k].lower == "to" and toks[k + 1].text[:1].isdigit()
        for k in range(max(0, i - SCOPE), min(len(toks) - 1, i + SCOPE))
    )


FAR_SCOPE = 12  # words back searched for a forecast or request the figure is the object of
SCOPE = 8  # words either side of a figure searched for its clause's other figure or forecast
# verbs of change: "rose from 62 to 64" names no noun that changed
_CHANGE_VERBS = frozenset(
    """rose risen rise rises fell fallen fall falls grew grown grow climbed dropped jumped
    increased decreased declined went gone moved shifted slipped surged soared plunged tumbled
    edged changed cut raised lowered reduced lifted gained gain gains lost lose loses slid
    slumped sank rallied dipped plummeted dived eased advanced""".split()  # noqa: SIM905
)
# ...which say how a share moved, not what it is of: "sales fell 14%" / "the share price fell 2%"
_CHANGE_STEMS = frozenset(stem(w) for w in _CHANGE_VERBS)


_SAYING = frozenset(["said", "says", "say", "told", "according", "reported", "announced"])


def _changed_subject(text: str, toks: Sequence[Token], i: int) -> frozenset[str]:
    """The lower-case words of what moved by the share at toks[i], said before its verb of
    change ("Shares in the company dropped 3%", "sales in the city had fallen by about 30%",
    "Sales were down 25%"), back to the start of the clause or a verb of saying: they may be
    further from the figure than `NEAR`. Each also marked `MOVER_MARK` (`movers`)."""
    verb = _move_verb(toks, i)
    if verb >= 2 and toks[verb].lower in _UP_DOWN and toks[verb - 1].lower in _AUXILIARIES:
        verb -= 1  # "Sales were down by about a quarter": what moved is before "were"
    elif verb < 1 or toks[verb].lower not in _CHANGE_VERBS:
        return frozenset()
    out = set()
    k = verb - 1
    while k >= max(0, verb - SCOPE) and toks[k].lower not in _SAYING | _CLAUSE_BREAKS:
        t = toks[k]
        # a capital opening the sentence is the subject's noun ("Shares in the company",
        # "Sales fell"), not a name before it ("Harlow shares rose 2%")
        first = k == 0 and (k + 1 == verb or not is_content(toks[k + 1].text))
        if (first or t.text.islower()) and is_content(t.text) and t.lower not in _AUXILIARIES:
            out.add(topic_stem(t.text))
        if k and breaks_clause(text[toks[k - 1].end : t.start]):
            break
        k -= 1
    return frozenset(out | {MOVER_MARK + w for w in out})


_COPULAS = frozenset(["be", "is", "was", "are", "were", "been", "stood", "reached", "totalled"])


# nouns of a whole whose size follows "of": "a crowd of 27,412", "a workforce of 900" (job)
_OF_COUNT = frozenset(["crowd", "job"])
_STAFFS = frozenset(["workforce", "staff"])  # ...those of them that a firm employs


def _risen_noun(toks: Sequence[Token], i: int) -> int | None:
    """Where the noun is whose new value toks[i] gives with nothing after the figure: "cases
    rose to 52", "the number of measles cases in Karsby has risen to 52"; or which the figure
    is put at ("police estimated the crowd at 300,000"), or a crowd or a workforce is of ("a
    crowd of 27,412", "a workforce of 900"); else None (a name before the verb is no noun:
    "Karsby has risen to 52")."""
    at = _put_at(toks, i)
    if at is not None:
        return at
    noun = _before_hedges(toks, i)  # (past "of" too) "a crowd of 27,412", "attendance of 24,900"
    if 0 <= noun < i - 1 and toks[noun + 1].lower == "of" and stem(toks[noun].text) in _OF_COUNT:
        return noun
    copula = _before_hedges(toks, i)  # "the number of Thais released could be 11 or 12"
    if copula >= 1 and toks[copula].lower in _COPULAS:
        k, noun_only = copula - 1, True
    elif i < 3 or toks[i - 1].lower != "to" or toks[i - 2].lower not in _CHANGE_VERBS:
        return None
    else:
        k, noun_only = i - 3, False
    while k >= 0 and toks[k].lower in _AUXILIARIES:
        k -= 1
    clause = [t.lower for t in toks[max(0, k - SCOPE) : k + 1]]
    if "number" in clause and clause.index("number") + 1 < len(clause):
        at = max(0, k - SCOPE) + clause.index("number") + 1  # "the number of measles cases"
        if toks[at].lower == "of":
            end = at + 1
            while (
                end + 1 <= k
                and toks[end + 1].text.islower()
                and is_content(toks[end + 1].text)
                and not toks[end + 1].lower.endswith("ed")  # "of Thais released"
            ):
                end += 1
            return end if end <= k and is_content(toks[end].text) else None
    if noun_only:  # (a noun before "is" is its subject: "the price is 40")
        return None
    noun = toks[k] if k >= 0 else None
    return k if noun is not None and noun.text.islower() and is_content(noun.text) else None


# Who gives a figure, when a story's sources give their own ("police estimated the crowd at
# 300,000 while organisers put it at 800,000"): the two are no contradiction between reports
SAID_MARK = "!"
_SOURCES = frozenset(
    stem(w) for w in [
        "police", "organisers", "organizers", "officials", "authorities", "government",
        "ministry", "hospital", "army", "military", "rescuers", "witnesses", "union", "company",
        "residents", "activists", "opposition", "prosecutors", "department", "agency",
        "prosecution", "defense", "defence",  # ("prosecutors sought 12 years, the defense four")
    ]
)  # fmt: skip


SUBJECT_MARK = "<"  # ...named before it (`_share_subject`): "Turnout was 78%" ("<turno")
OF_MARK = "/"  # in a share's context: what it is of, named past a determiner ("of the vote")
MOVER_MARK = ">"  # ...and what moved by it, said before its verb ("Sales fell 18%": ">sale")


def movers(s: Slot) -> frozenset[str]:
    """What moved by a change, as stems, when its clause says it before the verb ("Sales fell
    18%", "Sales were down by about a quarter": "sale"; see `_changed_subject`)."""
    return frozenset(c[1:] for c in s.context if c[:1] == MOVER_MARK)


def of_what(s: Slot) -> frozenset[str]:
    """What a share is said to be of, as stems: "58% of possession", "48.6% of the vote" (none
    for "Turnout was 61%": what the sentence says of it is context, shared by chance too)."""
    return (s.key - {"percent"}) | {c[1:] for c in s.context if c[:1] == OF_MARK}


_MARKS = (
    OF_MARK,
    SUBJECT_MARK,
    STAGE_MARK,
    PLACE_MARK,
    SAID_MARK,
    RUNNING_MARK,
    GROUP_MARK,
    OWNER_MARK,
    MATURITY_MARK,
    MOVER_MARK,
)  # context that relates no counts by itself


def _said_by(toks: Sequence[Token], i: int, clause: Clause) -> frozenset[str]:
    """The source (`_SOURCES`) nearest before the figure at toks[i] in its clause, past any
    figure before it, marked `SAID_MARK`; none when no source is named there."""
    for k in range(i - 1, clause[0] - 1, -1):
        if toks[k].text[:1].isdigit():
            break
        if (s := stem(toks[k].text)) in _SOURCES:
            return frozenset({SAID_MARK + s})
    return frozenset()


_REPORTING = frozenset(
    ["reported", "reports", "posted", "posts", "announced", "announces", "recorded", "said",
     "says"]
)  # fmt: skip


def _reported_by(text: str, toks: Sequence[Token], i: int, clause: Clause) -> frozenset[str]:
    """Name marks of who reports the share or sum at toks[i], named right before a verb of
    reporting further back in its clause than `NEAR` ("Its rival Sorel Mobile reported on
    Tuesday a 9% rise", "telecom operator Nordvik said on Wednesday its profit fell 12%"):
    one company's figure is not another's. A lone capital opening the sentence may be a
    plain noun ("Analysts said"): only a run of two names is read there."""
    for v in range(i - 1, clause[0], -1):
        if toks[v].text[:1].isdigit():
            break
        if toks[v].lower not in _REPORTING:
            continue
        run = v
        while (
            run > 0 and toks[run - 1].text[:1].isupper() and _joined(text, toks[run - 1], toks[run])
        ):
            run -= 1
        if run == v or (run == 0 and v - run < 2):
            return frozenset()
        return name_marks(toks[run:v])
    return frozenset()


_PUT_AT = frozenset(["estimated", "estimate", "estimates", "put", "puts", "placed", "places"])


def _put_at(toks: Sequence[Token], i: int) -> int | None:
    """Where the noun is in "<estimated|put> the <noun> at <figure>" ("police estimated the
    crowd at around 300,000", "officials put the death toll at 45"), hedges aside."""
    k = i - 1
    while k >= 0 and toks[k].lower in _HEDGE_WORDS and toks[k].lower != "at":
        k -= 1
    if k < 3 or toks[k].lower != "at":
        return None
    noun = k - 1
    for verb in range(noun - 1, max(-1, noun - 4), -1):  # "put the (death) toll", "the total"
        if toks[verb].lower in _PUT_AT:
            ok = all(t.text.islower() for t in toks[verb + 1 : noun + 1])
            return noun if ok and is_content(toks[noun].text) else None
    return None


def _changed_noun(toks: Sequence[Token], i: int) -> int | None:
    """Where the noun is whose new value toks[i] gives in "<the ... noun> from X to <toks[i]>"
    with nothing after the figure ("raised the retirement age from 62 to 64"), else None. The
    noun must follow a determiner within two words: a verb before "from" ("has risen from 62 to
    65", "turnout went from 40 to 55") is no noun, and that figure stays unread."""
    if i < 5 or toks[i - 1].lower != "to" or toks[i - 3].lower != "from":
        return None
    noun = toks[i - 4]
    if not is_content(noun.text) or not noun.text.islower() or noun.lower in _CHANGE_VERBS:
        return None
    return i - 4 if any(t.lower in DETERMINERS for t in toks[max(0, i - 7) : i - 4]) else None


def _appositive_age(text: str, toks: Sequence[Token], i: int, j: int, value: float) -> bool:
    """A whole number set off by commas after a word, as news gives ages: "a man, 43, was
    arrested", "Jane Doe, 29, said"; or ending the sentence after a name: "said resident Mary
    Jones, 64."."""
    if i == 0 or not value.is_integer() or not 0 < value < 120 or not is_content(toks[i - 1].text):
        return False
    after = text[toks[j - 1].end : toks[j - 1].end + 1]
    last = after == "." and j == len(toks) and toks[i - 1].text[:1].isupper()
    return text[toks[i - 1].end : toks[i].start] == ", " and (after in (",", ")") or last)


def _aged(toks: Sequence[Token], i: int) -> int | None:
    """Where "aged" is when the number at toks[i] follows it ("aged 45", "aged between 9 and
    14"), else None."""
    for k in (i - 1, i - 2):
        if k >= 0 and toks[k].lower == "aged":
            return k
        if k >= 0 and toks[k].lower != "between":
            return None
    return None


_HAVE = frozenset(["has", "have", "had", "having"])


_MODALS = frozenset("will would could may might shall should to".split())  # noqa: SIM905
_AT = frozenset(["at", "in", "on", "across"])


def _promised(toks: Sequence[Token], i: int) -> bool:
    """True when the verb before the figure at toks[i] says what will be, not what is ("will
    employ 300", "is expected to employ 300")."""
    k = _before_hedges(toks, i)
    return k >= 1 and toks[k - 1].lower in _MODALS


def _ends_or_placed(text: str, toks: Sequence[Token], k: int) -> bool:
    """True when the count's words, ending before toks[k], end their clause or are followed by
    where they are ("had 40 staff at the depot", "in Halden"), not by what is said of some of
    them ("300 jobs at risk", "40 staff off sick")."""
    if k >= len(toks) or any(ch in text[toks[k - 1].end : toks[k].start] for ch in ".,;:—()"):
        return True
    t = toks[k]
    if t.lower in ("and", "but", "while", "when", "after", "before", "since", "until"):
        return True
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return (
        t.lower in _AT
        and nxt is not None
        and (nxt.text[:1].isupper() or nxt.lower in ("the", "its", "their", "a"))
    )


# A duration's units (stems, after `_MEASURES`): one followed by a word of
# `_COUNTED_FROM_WORDS` is the time between two events (`_offset`)
_DURATIONS = frozenset(["hour", "day", "month", "year", "decad"])


def _offset(text: str, toks: Sequence[Token], first: int, last: int, head: Sequence[str]) -> bool:
    """The duration at toks[first..last] (hedges to its first head word) is how long after or
    before something another event came ("two months after the verdict", "three days later",
    `point_in_time`): compared only with another such time, not with how long something took
    ("jailed for two years after a trial")."""
    return head[0] in _DURATIONS and point_in_time(text, (toks[first].start, toks[last].end))


def _before_hedges(toks: Sequence[Token], i: int) -> int:
    """Where the word before the figure at toks[i] is, past its hedges ("had around 40",
    "injuring more than 300"); -1 when there is none."""
    k = i - 1
    if k >= 0 and toks[k].lower == "up":
        return k  # "closed up 22.7%", "were up 3%": a move ("up to 40" ends in "to")
    while k >= 0 and toks[k].lower in _HEDGE_WORDS:
        k -= 1
    return k


def _verb_before(toks: Sequence[Token], i: int) -> str:
    """The word before the figure at toks[i], past its hedges, lower case ("" when none)."""
    k = _before_hedges(toks, i)
    return toks[k].lower if k >= 0 else ""


def _role(text: str, toks: Sequence[Token], start: int, end: int, head: list[str]) -> str | None:
    """What happened to the counted: "killed", "injured", "evacuated"… (`_ROLE_OF`), read from
    the head itself ("40 injured"), the verb just before the figure ("carrying 180 passengers",
    "killed 12 people"), or the words around it, nearest first, within its clause ("12 people
    were killed", "30 passengers on board", "the 180 people on the train were evacuated")."""
    verb = _before_hedges(toks, start)
    if 2 <= verb < start and toks[verb - 1].lower == "to" and toks[verb - 2].lower in _INTENT:
        return "sought"  # "working to evacuate 11,000 residents": what is meant to be done
    if 1 <= verb < start and toks[verb].lower in _UNDER_WAY:
        be = verb - 1 - (toks[verb - 1].lower in ("now", "still"))
        if be >= 0 and toks[be].lower in ("are", "is", "were", "was"):
            return "sought"  # "officials are now evacuating 11,000": the operation's scope
    share = "percent" in head or (
        "sum" if not _CURRENCY_UNITS.isdisjoint(head) else False  # type: ignore[assignment]
    )
    following = toks[end : end + 8]
    if (
        len(following) > 2 and following[0].lower == "and" and _is_number(following[1])
        and (share is True) == _is_share(text, following[1])
    ):  # fmt: skip
        # "six children and two adults remain in critical condition": said of both (not of a
        # share and a count: in "58% of possession and 17 shots, seven of them on target" the
        # target is the shots')
        following = toks[end + 3 : end + 11]
    if share is True and _a_move(toks, start):
        # what a move is said beside is why or against what, not what it is: "Shares rose 5%
        # on hopes of a deal", "fell 2% as investors sought safety", "rose 4%, faster than
        # economists had expected" (none is a forecast, nor a demand)
        following = _clause(following, _WHY)
    after = _role_stems(_clause(_until_share(text, following, share)))
    # after the figure, "demanded" is what someone asked for ("the 10% rise demanded by the
    # union"), but "demand" the market's: "Sales fell 18% as demand cooled"
    after = [
        w for w, t in zip(after, following, strict=False) if w != "deman" or t.lower.endswith("ed")
    ]
    before = _role_stems(
        _clause(_until_share(text, toks[max(0, start - 4) : start][::-1], share), _OPENS)[::-1]
    )[::-1]
    around = [
        *head,
        *([stem(toks[verb].text)] if 0 <= verb < start else []),
        *after[:4],
        *before,
        *(w for w in after[4:] if w not in _NEAR_ROLES),
    ]
    if share is True and any(t.lower in _COUNTING for t in toks[end : end + 6]):
        return "counted"  # "with 93% of the ballots counted": how far the count is, no result
    role = next((_ROLE_OF[w] for w in around if w in _ROLES), None)
    if role is None and "treat" in around[:6]:
        # "Two people were treated by paramedics at the scene for minor injuries": their
        # injuries come later in the clause than a role is read, after what they were treated
        # for ("treated 40 patients for free" says nothing of how they came to be)
        later = _role_stems(_clause(toks[end : end + 2 * SCOPE]))
        role = "hurt" if "hurt" in later else None
    if role is None:  # a forecast verb further back: "expects inflation in X to fall to 3%"
        earlier = _role_stems(_clause(toks[max(0, start - FAR_SCOPE) : start][::-1]))
        role = next((r for w in earlier if (r := _ROLE_OF.get(w)) in _FAR_ROLES), None)
    return role


_COUNTING = frozenset(["counted", "tallied", "processed", "opened", "reporting"])
# words after a move that open why it moved or what it is set against
_WHY = frozenset("as after amid on despite because following beating than ahead".split())  # noqa: SIM905


def _move_verb(toks: Sequence[Token], i: int) -> int:
    """Where the word is that may say the figure at toks[i] is a move, past its hedges and
    "by" ("fell 18%", "were down by about 5%"); -1 when there is none."""
    verb = _before_hedges(toks, i)
    if verb >= 0 and toks[verb].lower == "by":
        verb = _before_hedges(toks, verb)
    return verb


def _a_move(toks: Sequence[Token], start: int) -> bool:
    """The figure at toks[start] is how much something moved: "fell 18%", "were down by 5%"."""
    verb = _move_verb(toks, start)
    return verb >= 0 and (toks[verb].lower in _CHANGE_VERBS or toks[verb].lower in _UP_DOWN)


# an operation under way, whose figure is how many it is meant to reach
_UNDER_WAY = frozenset(["evacuating", "relocating", "rescuing", "moving", "resettling"])
# verbs of meaning to do what the infinitive after them says: "working to evacuate 11,000"
# (not an order, which is reported as done: "ordered to forfeit $11 billion")
_INTENT = frozenset(
    """working work works worked trying try tries tried plans plan planned planning aims aim aimed
    aiming moved scrambled scrambling seeking seek seeks preparing prepares prepared hoping
    hope hopes wants want wanted needs need needed expected expects""".split()  # noqa: SIM905
)


def _role_stems(toks: Sequence[Token]) -> list[str]:
    """Stems of `toks` in order, "on board" read as "aboard" (a board alone is a body:
    "the election board said"), and "lives in" as living, not lives lost."""
    out = [stem(t.text) if t.lower not in _PROJECTS else "forec" for t in toks]
    words = [t.lower for t in toks]
    for n in range(len(toks)) if "board" in words or "lives" in words else ():
        if n and toks[n].lower == "board" and toks[n - 1].lower == "on":
            out[n] = "aboar"
        elif toks[n].lower == "lives" and n + 1 < len(toks) and toks[n + 1].lower in _LIVES_IN:
            out[n] = "live"
    return out


_LIVES_IN = frozenset(["in", "on", "at", "with", "near", "alone", "together", "abroad"])
# a verb that forecasts, read around a figure ("the budget projects a deficit of 1.1 billion"; a
# count's own noun, "12 projects", is read elsewhere)
_PROJECTS = frozenset(["projects", "projected", "projecting", "projection", "projections"])
IN_EVERY_MARGIN = 2.5  # percentage points: "four in ten" is said of 38% to 42%


def _in_every(text: str, toks: Sequence[Token], j: int, part: float) -> tuple[float, int] | None:
    """(the whole, where its words end) when the figure ending before toks[j] is a share told
    as "N in M" ("four in ten", "one in every five", "1 in 4") or "N out of M" with a small M
    ("three out of four"; "33 out of 150 seats" is a part of a count), else None."""
    out_of = [t.lower for t in toks[j : j + 2]] == ["out", "of"]
    if j + 1 + out_of >= len(toks) or (toks[j].lower != "in" and not out_of):
        return None
    at = j + 1 + out_of + (toks[j + 1 + out_of].lower == "every")
    whole = _parse(text, toks, at) if at < len(toks) else None
    most = OUT_OF_MOST if out_of else 1000
    if whole is None or whole[0] != whole[1] or not part < whole[0] <= most:
        return None
    after = toks[whole[2]].text if whole[2] < len(toks) else ""
    return None if stem(after) in _MEASURES else (whole[0], whole[2])  # not "3 in 10 minutes"


_SHARE_LINKS = frozenset(["and", "while", "whereas", "but"])


def _opens_share(text: str, toks: Sequence[Token], m: int) -> bool:
    """toks[m] is "and"/"while"/... opening a clause whose share follows within NEAR words."""
    if toks[m].lower not in _SHARE_LINKS:
        return False
    return any(_is_share(text, toks[n]) for n in range(m + 1, min(len(toks), m + 1 + NEAR)))


def _until_share(text: str, toks: Sequence[Token], share: bool | str) -> Sequence[Token]:
    """`toks` up to another share when `share` (the figure's a share): what is said past it is
    that share's ("2.4% in October, close to the bank's 2% target": the target is the 2%);
    likewise up to another sum when `share` is "sum" ("an initial €105m, plus a potential €40m":
    the €40m is what may come). (Not past any figure: "400,000 people waiting over 12 months
    for hospital treatment".)"""
    if not share:
        return toks
    if share == "sum":
        stop = next((k for k, t in enumerate(toks) if t.text in _CURRENCIES), len(toks))
        if stop < len(toks):  # the next sum's own words: "a potential" of "a potential $4m"
            for _ in range(2):
                if stop and (
                    toks[stop - 1].lower in ("a", "an") or stem(toks[stop - 1].text) in _ROLES
                ):
                    stop -= 1
        return toks[:stop]
    stop = next((k for k, t in enumerate(toks) if _is_share(text, t)), len(toks))
    return toks[:stop]


# a share as a figure writes it: "61%", "61 percent", "61 per cent" (as `_percent_words` reads it)
_SHARE_AFTER = re.compile(r"%|\s+(?:percent|per\s+cent)\b", re.IGNORECASE)


def _is_share(text: str, t: Token) -> bool:
    """`t` is a figure written as a share. Read from the text after it, so the tokens around it
    may come in any order (`_until_share` walks back from a figure too); "5 per day" is none."""
    return t.text[:1].isdigit() and _SHARE_AFTER.match(text, t.end) is not None


def _same_clause(text: str, toks: Sequence[Token], end: int, start: int) -> bool:
    """No clause starts between toks[end] and toks[start] (`_CLAUSE_BREAKS`, a semicolon)."""
    between = toks[end:start]
    if any(t.lower in _CLAUSE_BREAKS for t in between):
        return False
    return not between or ";" not in text[between[0].start : between[-1].end]


def _own_window(toks: Sequence[Token], start: int, end: int, width: int = 8) -> set[str]:
    """`window_stems` of the figure at toks[start:end], not past another figure's clause on
    either side: in "Three of the injured were seriously hurt and nine were children", the
    children are the nine's ("and" before another figure opens its clause)."""
    lo, hi = max(0, start - width), min(len(toks), end + width)
    # (not "six children and two adults remain in critical condition": said of both)
    for m in range(end + 2, hi - 1):
        if toks[m].lower in _CLAUSE_BREAKS and _is_number(toks[m + 1]):
            hi = m
            break
    for m in range(start, lo, -1):  # (the figure's own clause may open right before it)
        if toks[m - 1].lower in _CLAUSE_BREAKS and (m == start or _is_number(toks[m])):
            lo = m if m == start else m + 1
            break
    return window_stems(toks[lo:hi], start - lo, end - lo, width, _HEDGE_WORDS)


def _clause(toks: Sequence[Token], breaks: Container[str] = _CLAUSE_BREAKS) -> Sequence[Token]:
    """`toks` up to the first that starts another clause: in "killing 40 people and injuring
    300", "injuring" says nothing of the 40."""
    stop = next((k for k, t in enumerate(toks) if t.lower in breaks), len(toks))
    return toks[:stop]


# ...and, read back from a figure, a word opening the clause the figure is in: in "Three men
# have been arrested after 1.1 tonnes of cocaine was found", the men were arrested, not the
# cocaine
_OPENS = _CLAUSE_BREAKS | frozenset(["after", "before", "when", "because", "once", "until"])


def _ranged(s: Slot) -> bool:
    """The figure is written as a range, two figures ("aged 8 to 12", "between 13 and 15")."""
    figures = [t for t in tokenize(s.surface) if t.text[0].isdigit() or t.lower in COUNT_WORDS]
    return len(figures) >= 2


def compatible(a: Slot, b: Slot) -> bool:
    """Two numbers about the same thing agree when their intervals meet; two scores when they
    are the same pair of figures."""
    alo, ahi = a.value[:2]  # type: ignore[index]
    blo, bhi = b.value[:2]  # type: ignore[index]
    if a.value[2] == "score":  # type: ignore[index]
        if UNANIMOUS in (ahi, bhi):  # none against: "7-0" is unanimous, "5-2" is not
            return alo == blo == 0
        return (alo, ahi) == (blo, bhi)
    ways = {_way(a), _way(b)}
    if {UP, DOWN} <= ways:
        return False  # the same move, one way and the other: "fell 8%" / "rose 8%"
    if "age" in a.key and "age" in b.key and _ranged(a) and _ranged(b):
        # a group's ages from its youngest to its oldest: "aged six to 11" is not "6 to 10
        # years old", though the two meet (one age within a range is one of the group)
        return (alo, ahi) == (blo, bhi)
    a_unit, b_unit = _written_unit(a), _written_unit(b)
    if a_unit is not None and b_unit is not None:
        if a_unit == b_unit and a_unit[0] not in _TIMES:
            # both written in one unit: compared as written, the margin is a conversion's ("a
            # 948-foot ship" is not "a 984-foot ship", though each is within 5% of the other)
            alo, ahi = alo / (1 - _ROUNDING), ahi / (1 + _ROUNDING)
            blo, bhi = blo / (1 - _ROUNDING), bhi / (1 + _ROUNDING)
        elif a_unit != b_unit and a_unit[0] in _TIMES and b_unit[0] in _TIMES:
            # a whole number of the coarser unit is a rounding, as a conversion is: "six
            # weeks" of a strike is its "40 days" (but "two weeks" is not "12 days", nor "six
            # weeks" "five")
            coarse = max(a_unit[1], b_unit[1])
            if a_unit[1] == coarse and alo == ahi:
                alo, ahi = alo * (1 - _ROUNDING), ahi * (1 + _ROUNDING)
            if b_unit[1] == coarse and blo == bhi:
                blo, bhi = blo * (1 - _ROUNDING), bhi * (1 + _ROUNDING)
    if a.value[2] in _CURRENCIES.values():  # type: ignore[index]
        # a round sum is a precise one rounded: "a $70b deal" / "$68.7 billion" (not "$40m" /
        # "$36m": two whole figures)
        a_figure, b_figure = _figure(a.surface), _figure(b.surface)
        if _round(a_figure) and "." in b_figure:
            alo, ahi = alo * (1 - _ROUNDING), ahi * (1 + _ROUNDING)
        if _round(b_figure) and "." in a_figure:
            blo, bhi = blo * (1 - _ROUNDING), bhi * (1 + _ROUNDING)
    if _confirmed(a) and _confirmed(b):
        # "at least 14 people" / "at least 17 people": each the count a source has confirmed,
        # two different ones (not "more than 94%" / "over 95%": figures rounded down)
        return abs(alo - blo) <= 1e-9 * max(alo, blo)
    if _approximate(alo, ahi) and _approximate(blo, bhi):
        # two reporters' round figures ("about 300" / "about 250"): their margins meet, but
        # each figure is outside the other's margin; each inside it ("about 300" / "some 280")
        # is one figure rounded two ways
        a_mid, b_mid = (alo + ahi) / 2, (blo + bhi) / 2
        return interval_overlap((a_mid, a_mid), (blo, bhi)) and interval_overlap(
            (b_mid, b_mid), (alo, ahi)
        )
    if a.value[2] in (None, "percent") and (finer := _finer(a, b)) is not None:  # type: ignore[index]
        # a figure written finer is a point against the other's rounding: "3.5%" is neither
        # "3%" nor "4%" (each stops a hair short of 3.5: `_as_written`), though its own margin
        # meets theirs; "7.9%" is "8%" rounded
        (lo, hi), other = (alo, ahi) if finer is a else (blo, bhi), b if finer is a else a
        mid = (lo + hi) / 2
        return interval_overlap((mid, mid), other.value[:2])  # type: ignore[index]
    return interval_overlap((alo, ahi), (blo, bhi))


def as_written(s: Slot) -> tuple:
    """All that `compatible` reads of a number slot: its value, and of how it is written, its
    figure, its unit and whether it is a confirmed count ("at least 30" / "more than 30": one
    value, two ways of writing it that another figure may meet differently). A vote tells
    figures apart by it; their other words ("3,000 homes" / "3,000 houses") it leaves alone."""
    return s.value, _confirmed(s), _figure(s.surface), _written_unit(s)


def _finer(a: Slot, b: Slot) -> Slot | None:
    """Of two figures each as precise as written (`_as_written`, no hedge), the one written
    with more decimals; None when they are written alike, in words, or either is hedged."""
    decimals = []
    for s in (a, b):
        figure = _figure(s.surface)
        lo, hi = s.value[:2]  # type: ignore[index]
        if not figure or lo == hi:
            return None
        written = _as_written(figure, (lo + hi) / 2, s.value[2] == "percent")  # type: ignore[index]
        if not (math.isclose(lo, written[0]) and math.isclose(hi, written[1])):
            return None  # hedged ("about 4%"): a margin of its own
        decimals.append(len(figure.partition(".")[2]))
    if decimals[0] == decimals[1]:
        return None
    return a if decimals[0] > decimals[1] else b


_ABOUT = _HEDGES[("about",)]
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")


_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _figure(surface: str) -> str:
    """The figure of a slot's surface as written ("68.7" of "$68.7 Billion"; "" when in words)."""
    figure = _FIGURE.search(surface)
    return figure.group() if figure else ""


def _round(figure: str) -> bool:
    """A figure written as a whole number of tens ("70" of "$70b", "150" of "€150 million")."""
    return figure.endswith("0") and "." not in figure


def _written_unit(s: Slot) -> tuple[str, float] | None:
    """The unit a measure was written in (`_MEASURES`): the last word of its surface
    ("948-foot", "3-4 meters", "six weeks"), if one of the slot's own scale."""
    unit = _last_unit(s.surface)
    if unit is None or unit[0] not in s.key or unit[0] == "t":
        return None  # ("a ton" is one of three)
    return unit


@functools.lru_cache(maxsize=1 << 16)  # a vote compares a slot with each value of the others
def _last_unit(surface: str) -> tuple[str, float] | None:
    """The unit of `_MEASURES` that the last word of a slot's surface is, if any."""
    last = _LAST_WORD.search(surface)
    if not last:
        return None
    word = last.group(1)
    return _MEASURES.get(_unit_stem(word))


def _confirmed(s: Slot) -> bool:
    """A count given as "at least N" (not a share)."""
    return s.surface[:9].lower() == "at least " and s.value[2] != "percent"  # type: ignore[index]


def _approximate(lo: float, hi: float) -> bool:
    """An interval as wide as "about N" makes it, either side of its middle."""
    return 0 < lo < hi and abs(lo * _ABOUT[1] - hi * _ABOUT[0]) <= 1e-9 * hi


def vague(s: Slot) -> bool:
    """An order of magnitude rather than a figure ("tens of thousands", "dozens"): its interval
    spans a factor of two or more, unlike a hedge ("over 30") or a range of two close figures."""
    lo, hi, unit = s.value[:3]  # type: ignore[misc]
    return unit != "score" and hi > lo and hi >= 2 * lo  # a score is two exact figures


def _as_written(figure: str, value: float, share: bool) -> tuple[float, float]:
    """A figure as precise as it is written: "54%" is 53.5 to 54.5 (so 54.2% meets it), "$1.2bn"
    is 1.15 to 1.25 billion. Whole counts are exact ("12 killed" is not "13 killed")."""
    if not figure[:1].isdigit():
        return value, value
    written = float(figure.replace(",", ""))
    decimals = len(figure.partition(".")[2])
    if not decimals and value == written and not share:
        return value, value
    # a hair under half a unit: "4%" and "5%" do not meet at 4.5
    half = 0.499 * 10.0**-decimals * (value / written if written else 1.0)
    return value - half, value + half


def all_of_its_role(s: Slot, before: Sequence[Slot]) -> Slot:
    """`s` as the whole count of what befell them when it is "other" ("Another 214 people were
    injured", "Six others were hurt") and the sentence `before` it (its slots) counts people
    something else befell, and none this: those not killed, not more of the injured (as "killing
    three and injuring 11 others" in one sentence). Otherwise `s`."""
    if s.kind != "number" or s.value[4] != "other" or s.value[3] not in _BEFELL:  # type: ignore[index]
        return s
    role = s.value[3]  # type: ignore[index]
    roles = {o.value[3] for o in before if o.kind == "number"}  # type: ignore[index]
    if role in roles or not roles & (_BEFELL - {role}):
        return s
    key = frozenset(["person"]) if s.key == {"other"} else s.key
    return dataclasses.replace(s, key=key, value=(*s.value[:4], ""))  # type: ignore[index]


def _about(
    text: str, toks: Sequence[Token], i: int, j: int, lo: float, hi: float
) -> tuple[float, float]:
    """The share toks[i:j] (lo to hi as read) after "about": a fraction in words is already
    read as rounded ("a third" is 30% to 36.7%), so "about a third" is that, not 27% to 40%."""
    if toks[j - 1].lower in _FRACTIONS:
        return lo, hi
    return _about_share(toks[i].text, lo) if lo == hi else (lo * _ABOUT[0], hi * _ABOUT[1])


def _about_share(figure: str, value: float) -> tuple[float, float]:
    """A share given as "about 58%": the hedge's tenth either way, but no more than one unit of
    its last digit (a tenth of a large share made "about 58%" meet "61%"), two and a half for
    a multiple of five ("about 60%" is rounded coarser), and no less than its rounding as
    written ("about 2%" is no narrower than "2%"). In words ("about a third"): the tenth."""
    tenth = value * (_ABOUT[1] - 1)
    if not figure[:1].isdigit():
        return value - tenth, value + tenth
    unit = 10.0 ** -len(figure.partition(".")[2])
    most = 2.5 * unit if round(value / unit) % 5 == 0 else unit
    margin = max(min(tenth, most), 0.499 * unit)
    return value - margin, value + margin


def _names(toks: Sequence[Token], start: int, end: int) -> frozenset[str]:
    """Names near a figure, marked "@": a share of the vote is someone's ("Hale took 46%")."""
    return name_marks([*toks[max(1, start - NEAR) : start], *toks[end : end + NEAR]])


def _people_before(toks: Sequence[Token], i: int) -> frozenset[str]:
    """Name marks ("@") of the people named before toks[i] in full, two capitalised words or
    more in a row that are not titles ("Queen Elizabeth II" -> elizabeth, ii): not a place
    or a word that only opens the sentence ("Four children aged 8", "the Karsby bus")."""
    runs: list[list[Token]] = [[]]
    for t in toks[:i]:
        if t.text[:1].isupper() and is_content(t.text) and not is_title_word(t.lower):
            runs[-1].append(t)
        elif runs[-1]:
            runs.append([])
    return name_marks([t for run in runs if len(run) >= 2 for t in run])


def _given_name(toks: Sequence[Token], i: int) -> frozenset[str]:
    """The given name, marked "=", of the person whose age is the figure at toks[i], named in
    full right before it ("Jan Berg, 45,", "Jan Berg, aged 45,"): one surname may be two people
    ("his brother, Erik Berg, 51,"); "Mr Berg, 45," or "Berg, 45," names no given name."""
    k = i - 1 - (i > 0 and toks[i - 1].lower == "aged")
    run: list[Token] = []
    while k >= 0 and toks[k].text[:1].isupper() and toks[k].text.isalpha():
        run.insert(0, toks[k])
        k -= 1
    run = [t for t in run if t.lower not in COURTESY_TITLES and not is_title_word(t.lower)]
    return frozenset({"=" + run[-2].lower}) if len(run) >= 2 else frozenset()


_WHOSE = ("@", SAID_MARK, "=")  # the marks of who gives or holds a figure (see `related`)


def groups(s: Slot) -> frozenset[str]:
    """The group a count is of (`_group`), as a mark: where a story counts several groups of
    one thing, a group is a part of all ("13 Israeli hostages" is not "24 hostages" in all)."""
    return _marked(s.context)[0]


def _whose(s: Slot) -> tuple[str, ...]:
    """The words of `s`'s context that say who gives or holds it (`_WHOSE`)."""
    return _marked(s.context)[1]


def whose(s: Slot) -> tuple[str, ...]:
    """`_whose`, for the vote: an age of no one named ("the 57-year-old") is any source's."""
    return _whose(s)


# The kinds of a company's results a sum may be (stems): revenue is not profit, nor profit a loss.
_RESULTS = {
    "reven": "revenue", "sale": "revenue", "turno": "revenue",
    "incom": "profit", "profi": "profit", "earn": "profit",
    "loss": "loss", "losse": "loss", "ebitd": "ebitda", "divid": "dividend", "debt": "debt",
    # ...and what other sums a story tells are: a budget, what was taken, what is paid back
    # or as a penalty ("embezzling $3.2 million", "$3.1 million in restitution", "a $48m
    # budget": three sums)
    "budge": "budget", "embez": "taken", "steal": "taken", "stole": "taken", "theft": "taken",
    "misap": "taken", "resti": "restitution", "repay": "restitution", "compe": "compensation",
    "damag": "damages", "fine": "fine", "penal": "fine", "bail": "bail", "salar": "pay",
    "wage": "pay",
}  # fmt: skip
RESULT_REACH = 12  # words back searched for what a sum is ("Net income ... were 5.11 billion")
_RESULT_PARTS = frozenset(["net", "opera", "gross"])  # "operating income" is not "net income"


def result_part(s: Slot) -> frozenset[str]:
    """Which part of a company's result a sum is said to be ("net", "opera", "gross"), if any."""
    return s.context & _RESULT_PARTS if s.value[2] in _CURRENCIES.values() else frozenset()  # type: ignore[index]


def _results(words: frozenset[str]) -> set[str]:
    return {_RESULTS[w] for w in words if w in _RESULTS}


def _result_before(toks: Sequence[Token], lo: int, start: int, named: bool) -> frozenset[str]:
    """The words of a company's results (`_RESULTS`) in the clause before the sum at toks[start],
    past the figure before it, when none is next to it (`named`): "Net income and diluted
    earnings per share for the quarter were 5.11 billion dollars"; and, either way, which of a
    result it is ("operating income", "net income")."""
    before = next((m for m in range(start - 1, lo - 1, -1) if _is_figure(toks[m])), lo - 1)
    words = {stem(t.text) for t in toks[max(before + 1, start - RESULT_REACH) : start]}
    return frozenset(w for w in words if w in _RESULT_PARTS or (w in _RESULTS and not named))


def _same_measured(a: Slot, b: Slot) -> bool:
    """Whether two figures may measure one thing: not a measure and a count ("the four-day
    Israel-Hamas truce" / "13 Israeli hostages"), nor durations of two things each names and
    the other's words do not ("a two-hour hearing" / "his 20-minute statement"; "an
    eight-hour meeting" / "talks lasted seven hours" may be one). (Not sizes: the word after
    "948-foot" names the ship no better than "Singapore-flagged".)"""
    a_units, b_units = a.key & _UNITS, b.key & _UNITS
    if bool(a_units) != bool(b_units):
        return False
    a_what, b_what = a.key - a_units, b.key - b_units
    return not (
        a_units & _TIMES and a_what and b_what
        and not a_what & (b.key | b.context) and not b_what & (a.key | a.context)
    )  # fmt: skip


def duration(s: Slot) -> str | None:
    """The unit ("hour": minutes and days are in hours too) of a slot that says how long
    something took ("just under nine hours", "a seven-week trial"), else None: not a move, a
    former value or a size."""
    if s.kind != "number" or s.value[2] is not None or s.value[4]:  # type: ignore[index]
        return None
    units = s.key & _TIMES
    return next(iter(units)) if len(units) == 1 else None


# Words after "N minutes" that make it a point in time, counted from an event ("four minutes
# after half-time", "nine minutes from time", "two hours later"), unless a word before says how
# long something took ("deliberated for 12 hours before returning")
_COUNTED_FROM_WORDS = frozenset(
    "after before from into later earlier ago since left remaining".split()  # noqa: SIM905
)
_HOW_LONG = frozenset(
    [
        "for",
        "took",
        "take",
        "takes",
        "lasted",
        "lasts",
        "spent",
        "over",
        "to",
        "of",
        "serve",
        "served",
        "serving",
    ]
)  # ("sentenced to 18 months after pleading guilty", "a term of two years after ...")


def point_in_time(text: str, span: tuple[int, int]) -> bool:
    """The duration at `span` of `text` is when something happened, counted from another event,
    not how long something took."""
    after = re.match(r"\W*(\w+)", text[span[1] :])
    before = re.search(r"(\w+)\W*$", text[: span[0]])
    return (
        after is not None
        and after.group(1).lower() in _COUNTED_FROM_WORDS
        and not (before and before.group(1).lower() in _HOW_LONG)
    )


def measure(s: Slot) -> str | None:
    """The unit ("m", "hour", "kph") of a slot that measures something ("5.8 metres", "90mph",
    "a seven-week trial"), else None: not a count, a move, a former value or a size."""
    if s.kind != "number" or s.value[2] is not None or s.value[4]:  # type: ignore[index]
        return None
    units = s.key & _UNITS
    return next(iter(units)) if len(units) == 1 else None


def same_measure(a: Slot, b: Slot) -> bool:
    """Two measures that may be of one thing: one unit, one role (a peak may be told without
    the word: "peaked at 5.8 metres" / "rose to a record 6.1 metres"), and not of two things
    each names (`_same_measured`)."""
    roles = {a.value[3], b.value[3]}  # type: ignore[index]
    return (
        measure(a) == measure(b) is not None
        and (len(roles) == 1 or roles == {None, "peak"})
        and _same_measured(a, b)
    )


def things_counted(s: Slot) -> frozenset[str]:
    """What a count of things counts, as stems ("two tugs": tug; "about 48,000 packs": pack);
    none for a measure, a sum, a share, a move, a time or a rank, or an order of magnitude."""
    if s.kind != "number" or s.value[2] is not None:  # type: ignore[index]
        return frozenset()
    if s.value[4] not in ("", "part", "other"):  # type: ignore[index]
        return frozenset()
    if measure(s) or duration(s) or vague(s) or s.key & _NOT_THINGS:
        return frozenset()
    return s.key - _UNITS


# heads of figures that are no count of things: a share's points ("50 basis points"), an age
_NOT_THINGS = frozenset(["point", "basi", "age", "year", "old"])


def currency(s: Slot) -> str | None:
    """The currency of a sum of money ("15 million crowns": crown), else None: not a move, nor
    an order of magnitude ("millions of dollars")."""
    unit = s.value[2] if s.kind == "number" else None  # type: ignore[index]
    if unit not in _CURRENCY_UNITS or s.value[4] or vague(s):  # type: ignore[index]
        return None
    return unit  # type: ignore[return-value]


def same_sum(a: Slot, b: Slot) -> bool:
    """Two sums that may be of one thing when their sentences are aligned as a whole: in one
    currency, and `related` but for the words around them ("pledged fifteen million crowns to
    help with repairs" / "announced 15 million crowns in emergency aid")."""
    return currency(a) == currency(b) is not None and related(a, b, context=False)


def same_count(a: Slot, b: Slot, people: bool = False) -> bool:
    """Two counts that may be of one thing when their sentences are aligned as a whole: of one
    noun, in one role, and `related` but for the words around them ("was refloated by two tugs"
    / "refloated at high tide ... with the help of three tugs"); not of two kinds of it ("16
    confirmed cases" / "19 suspected cases"), nor of two owners ("The Greens won six seats" /
    "The Labour Front won 29 seats")."""
    mine, theirs = things_counted(a), things_counted(b)
    if people:  # people that one thing befell, whatever each calls them (`people_by_role`)
        b = dataclasses.replace(b, key=a.key)
    elif not mine & theirs or not (mine <= theirs or theirs <= mine):
        return False
    owner_a, owner_b = owners(a), owners(b)
    if owner_a and owner_b and not owner_a & owner_b:
        return False
    return related(a, b, context=False)


def same_duration(a: Slot, b: Slot) -> bool:
    """Two durations that may be of one thing: one unit, one role, and not of two things each
    names (`_same_measured`)."""
    return (
        duration(a) == duration(b) is not None
        and a.value[3] == b.value[3]  # type: ignore[index]
        and _same_measured(a, b)
    )


# When in the trading day a move was measured: outside the session ("down 3% in premarket
# trading", "in after-hours trading", "in extended trading") or within it ("as much as 12%
# intraday") is another figure than the day's ("fell 8%", "closed 7.9% lower") (stems; "pre"
# and "hour" only with "market" and "trading": not "pre-tax profit", "within an hour")
_SESSIONS = frozenset(["prema", "exten", "intra"])
_SESSION_PAIRS = (("pre", "marke"), ("hour", "trad"))


def _session(s: Slot) -> frozenset[str]:
    if "change" not in s.value[4]:  # type: ignore[index]
        return frozenset()
    pairs = {a for a, b in _SESSION_PAIRS if a in s.context and b in s.context}
    return (s.context & _SESSIONS) | pairs


# times one figure another is: two things, whatever the words around ("Fourteen pupils have
# measles" / "a school of 412 pupils"; a takeover's "$2.4 billion" and its "$85 million" fee)
FIGURES_APART = 20


def far_apart(a: Slot, b: Slot) -> bool:
    """Two figures `FIGURES_APART` times apart or more: two things, whatever they count
    ("Fourteen pupils have measles" / "a school of 412 pupils"); not scores, counts of none
    ("No one died" / "12 died") nor orders of magnitude ("dozens" / "thousands of homes")."""
    (alo, ahi), (blo, bhi) = a.value[:2], b.value[:2]  # type: ignore[index]
    apart = 0 < min(alo + ahi, blo + bhi) * FIGURES_APART < max(alo + ahi, blo + bhi)
    return apart and a.value[2] != "score" and not vague(a) and not vague(b)  # type: ignore[index]


def _none_and_some(a: Slot, b: Slot) -> bool:
    """One says none of them, the other that some of them, in one role: "Nobody was hurt" /
    "Three of them suffered minor injuries" (a part of none is none)."""
    for x, y in ((a, b), (b, a)):
        if x.value[1] == 0 and not x.value[4] and y.value[4] == "part" and y.value[0] > 0:  # type: ignore[index]
            return x.value[3] in _BEFELL  # type: ignore[index]
    return False


def nobody(s: Slot) -> str | None:
    """What befell nobody at all, when `s` says so ("Nobody was injured", "No one has been
    arrested", "no arrests": `_nobody`); not "no passengers were hurt" (none of some)."""
    if s.kind != "number" or s.key != {"person"} or s.value[1] != 0:  # type: ignore[index]
        return None
    return s.value[3] if s.value[3] in _BEFELL else None  # type: ignore[index]


def befell(s: Slot) -> str | None:
    """What befell some, when `s` counts them by it ("Three firefighters were injured")."""
    if s.kind != "number" or not s.value[0] > 0:  # type: ignore[index]
        return None
    return s.value[3] if s.value[3] in _BEFELL else None  # type: ignore[index]


def _nobody_and_some(a: Slot, b: Slot) -> bool:
    """One says nobody at all, the other that some, whoever they are ("Nobody was injured" /
    "Three firefighters were injured"; "No one has been arrested" / "arrested two men")."""
    return any(nobody(x) is not None and befell(y) is not None for x, y in ((a, b), (b, a)))


def related(a: Slot, b: Slot, *, apart: bool = True, context: bool = True) -> bool:
    """Same head word, unit, role and part-or-whole, and at least one shared word of context:
    "12 killed" is not compared with "40 injured", nor "six other people" with "ten people",
    nor either count of "three of the five suspects" with "five suspects were charged" (which
    of the two the verb is about is a guess: only parts of the same whole are compared).
    `apart`: figures `far_apart` are not related (else that is left to the caller).
    `context` false: no shared word of context is asked for (the caller relates the two
    sentences otherwise: `same_count`)."""
    if a.value[2:4] != b.value[2:4]:  # type: ignore[index]
        return False
    if _unsigned(a) != _unsigned(b) and not _none_and_some(a, b):
        return False
    # a tally so far ("800 have evacuated so far", "two bodies recovered until 1.30pm") may
    # grow: a larger count is a later one, neither backed nor contradicted by it (a smaller
    # one still conflicts, the same one agrees)
    # ...and one said to have risen to its figure ("By Sunday the number of arrests had risen
    # to 39") was smaller before: a smaller count is an earlier one too
    for x, y in ((a, b), (b, a)):
        if RUNNING_MARK in x.context and y.value[0] > x.value[1]:  # type: ignore[index]
            return False
        if RUNNING_MARK in x.context and y.value[1] < x.value[0] and x.context & _RISEN:  # type: ignore[index]
            return False
    if {c for c in a.context if c[:1] == STAGE_MARK} != {
        c for c in b.context if c[:1] == STAGE_MARK
    }:
        return False  # shares at two stages of a count, or at one and at one not said
    of_a = {c for c in a.context if c[:1] == MATURITY_MARK}
    of_b = {c for c in b.context if c[:1] == MATURITY_MARK}
    if of_a and of_b and of_a != of_b:
        return False  # the two-year bond's move is not the 10-year bond's
    if groups(a) and groups(b) and groups(a) != groups(b):
        return False  # "13 Israeli hostages" are not "12 Thai hostages" (see also `groups`)
    if _session(a) != _session(b):
        return False  # "down 3% in premarket trading" is not the day's "fell 8%"
    if not _same_measured(a, b):
        return False
    # who gives or holds them, when both say: two people's shares ("Hale took 46%" / "Moreau
    # won with 52%"), two sources' figures ("police estimated 300,000" / "organisers said
    # 800,000"), two of one family ("Jan Berg, 45," / "his brother, Erik Berg, 51,")
    # (most slots name none: each context's marks are read once, `_marked`)
    given, held = _whose(a), _whose(b)
    for mark in _WHOSE if given and held else ():
        mine = {c for c in given if c[:1] == mark}
        theirs = {c for c in held if c[:1] == mark}
        if mine and theirs and not mine & theirs:
            return False
    shared = a.key & b.key
    if apart and far_apart(a, b):
        return False  # (`apart` False: a caller that asks it figure by figure, `far_apart`)
    if a.value[2] in _CURRENCIES.values():  # type: ignore[index]
        # a sum named by what it is ("$6.4B income") is compared only with sums said to be of
        # that too: not with "revenue of $17.41 billion" (both say "dollar")
        for x, y in ((a, b), (b, a)):
            what = x.key - {x.value[2]}  # type: ignore[index]
            # (one kind in two words is one: "a €6m penalty" / "a fine of €5m")
            if what and not what & (y.key | y.context) and not _results(what) & _results(y.context):
                return False
        # "millions of dollars", "billions in losses": much money, said of no figure
        if vague(a) or vague(b):
            return False
        # ...and two kinds of result are two sums: revenue is not net income
        kinds_a, kinds_b = _results(a.key | a.context), _results(b.key | b.context)
        if kinds_a and kinds_b and not kinds_a & kinds_b:
            return False
        parts_a, parts_b = result_part(a), result_part(b)
        if parts_a and parts_b and not parts_a & parts_b:
            return False
        if kinds_a & kinds_b:
            return bool(shared)  # one result in two words: "net income" / "net profit"
    parts = a.value[4] == b.value[4] == "part"  # type: ignore[index]
    if (a.value[3] in _BEFELL or a.value[3] == "board") and not parts:  # type: ignore[index]
        # what befell them (the same, see above) is what both are about: "12 people were
        # injured" / "three people were killed and 11 injured"; so is being on board ("was
        # carrying 182 people" / "183 people on board the jet"); but of a part of them, what
        # is said of the part ("Three of the injured were seriously hurt" / "Nine of the
        # injured are children": two parts), as of any other count; and nobody is none of
        # anyone ("Nobody was injured" / "Three firefighters were injured")
        return bool(shared) or _nobody_and_some(a, b)
    if a.value[2] == "percent":  # type: ignore[index]
        of_a, of_b = of_what(a), of_what(b)
        if of_a & of_b:
            return True  # a share of one thing both name: "58% of possession" / "62% of possession"
        # ...of two things, one named before it ("Turnout in the ballot was 78%" / "91% of
        # members backed action"), or of one the other does not speak of ("91% voted in
        # favour"): not compared (after it, "20% of the timetable" / "one in five services"
        # may be one thing in two words)
        of_a, of_b = of_a - _MOVE_STEMS, of_b - _MOVE_STEMS
        before = any(c[:1] == SUBJECT_MARK for c in a.context | b.context)
        for x, y, of_y in ((of_a, b, of_b), (of_b, a, of_a)) if before else ():
            if x and not x & (y.key | y.context) and (of_y or not _whose(y)):
                return False  # (a named candidate's share, of nothing named, is of the vote)
    common = (a.context | a.key) & (b.context | b.key)
    # a shared place (or source) relates no more than the shared words of its name already do;
    # nor do the names of whose a move is: "Nordvik's profit fell 12%" is not "Shares in
    # Nordvik fell 8%" (a share of a vote is the named candidate's, whatever the words)
    # ...nor do the names of those in a moment of a match: "Ferrante converted a 67th-minute
    # penalty awarded for handball against Pell" / "Ferante gave City the lead in the 34th
    # minute before Pell equalised" are two moments, Pell's in both
    named = "change" in a.value[4] or a.value[4] == "ordinal"  # type: ignore[index]
    marks = (*_MARKS, "@") if named else _MARKS
    if not context and not parts:
        return bool(shared)
    return bool(shared) and any(c not in shared and c[:1] not in marks for c in common)
