"""Proper names inside a sentence: capitalised words that are not there because a sentence,
a quote or a title starts, and not days, months, words of office or units.

A claim that names someone or somewhere that no other source mentions carries content that no
counterpart can confirm, however many of the story's common words the two share.
"""

from __future__ import annotations

import functools
import re

from reader.suggest.dates import ZONES
from reader.suggest.numbers import COUNT_WORDS, CURRENCY_CODES
from reader.suggest.text import Token, tokenize
from reader.suggest.titles import is_title_word

# After these a capital starts a sentence or a quote, not a name (a dash after a space: an
# agency's dateline, "KARSBY (Reuters) -Fourteen people died")
OPENERS = frozenset(".!?“\"‘'—–-:(")
# Months that are also names ("Jan", "May"), and any month before a day ("Jan. 6, 2015")
_MONTH_NAMES = frozenset(["jan", "mar", "may", "june", "july"])
_DAY_AFTER = re.compile(r"\.?\s\d{1,2}\b")
# The audience of a statement is not what the statement says ("told ABC News", "told Reuters").
_TO_AUDIENCE = frozenset(["told", "tells", "telling", "via"])
# Units named after people are no one named ("46 degrees Celsius")
_UNITS = frozenset(["celsius", "fahrenheit", "centigrade", "kelvin", "richter", "beaufort"])


@functools.lru_cache(maxsize=1 << 15)  # several detectors ask for the names of each claim
def proper_names(text: str) -> tuple[tuple[Token, ...], ...]:
    """The names of `text`: runs of capitalised words ("Jens Stoltenberg"), each a tuple."""
    toks = tokenize(text)
    out: list[list[Token]] = []
    last = skipped = -2
    for k, t in enumerate(toks):
        if (
            not t.text[:1].isupper()
            or is_title_word(t.lower)
            or t.lower in _UNITS
            or t.lower in COUNT_WORDS
        ):
            continue
        if t.lower in ZONES and k and _told_time(toks[k - 1]):
            continue  # the clock a time is told on: "10.12am BST", "0912 GMT"
        if _currency_code(text, toks, k):
            continue  # "SEK 48.2bn", "USD 5m": a currency, named by its code
        gap = text[toks[k - 1].end : t.start] if k else ""
        if (
            k == 0
            or (gap.strip() and gap.strip()[-1] in OPENERS)  # a sentence or a quote starts
            or gap == "-"  # inside a compound ("post-Cold War")
            or text[t.end : t.end + 1] == "-"  # the start of one ("Trans-Siberian")
            or (skipped == k - 1 and gap == " ")  # the rest of a name skipped for these
        ):
            skipped = k
            continue
        prev = toks[k - 1]
        if prev.lower in _TO_AUDIENCE or (
            prev.text[:1].isupper() and k >= 2 and toks[k - 2].lower in _TO_AUDIENCE
        ):
            continue
        if len(t.text) < 2:
            continue  # initials: "J. Smith", "U.S."
        if t.lower in _MONTH_NAMES and _DAY_AFTER.match(text, t.end):
            continue  # "Jan. 6", "May 9": a date ("Jan Berg" is a name)
        if last == k - 1 and gap == " ":
            out[-1].append(t)
        else:
            out.append([t])
        last = k
    return tuple(map(tuple, out))


def _currency_code(text: str, toks: tuple[Token, ...], k: int) -> bool:
    """toks[k] is three capitals, or a currency's code (`numbers.CURRENCY_CODES`: "NKr"),
    right before a figure: a currency ("SEK 48.2bn")."""
    t = toks[k]
    return (
        ((len(t.text) == 3 and t.text.isupper()) or t.text in CURRENCY_CODES)
        and k + 1 < len(toks)
        and toks[k + 1].text[:1].isdigit()
        and text[t.end : toks[k + 1].start] in ("", " ", "\u00a0")
    )


def _told_time(t: Token) -> bool:
    return t.text[-1:].isdigit() or t.lower in ("am", "pm", "a", "p", "m")


# Endings of nationality adjectives ("Italian", "Norwegian", "Chinese", "Swedish", "Israeli")
_DEMONYM = ("ian", "ean", "an", "ese", "ish", "ic", "i")
SAME_PLACE_PREFIX = 4  # letters a nationality shares with its country's name at least


def same_place(a: str, b: str) -> bool:
    """Two lower-case words name one country, one as its nationality: "italian" / "italy",
    "norwegian" / "norway", "swedish" / "sweden", "scottish" / "scotland" (not "morgan" /
    "morgenstern": the country is the shared start give or take its last three letters, or
    its "-land")."""
    if a == b:
        return True
    if a.endswith(_DEMONYM):
        adj, place = a, b
    elif b.endswith(_DEMONYM):
        adj, place = b, a
    else:
        return False
    n = 0
    while n < min(len(adj), len(place)) and adj[n] == place[n]:
        n += 1
    if n >= max(SAME_PLACE_PREFIX, len(place) - 3):
        return True
    # a "-land" country's people are named from what comes before it, with a short ending:
    # "scottish" / "scotland", "thai" / "thailand" (not "portuguese" / "portland"; "finnish" /
    # "finland" share too few letters to be told from chance)
    core = len(place) - 4
    return place.endswith("land") and n >= max(SAME_PLACE_PREFIX, core) >= len(adj) - 4
