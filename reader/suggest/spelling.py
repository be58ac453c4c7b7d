"""One person, two spellings: the same office, or the same first name, with a surname spelled a
little differently ("police spokesman Jan Kowalski" / "spokesman Jan Kovalski", "Laura
Pennington" / "Laura Penington"), or the same surname after a first name spelled a little
differently ("Henrik Lassander" / "Hendrik Lassander").

Titles (`titles.extract`) key a person by surname, and a first name keys the surname that follows
it; here surnames of the same office or first name from different articles are compared with a
fuzzy ratio: close but not equal is a finding, since one source misspells the name or names
someone else. When more sources write one spelling than the other, only the other is flagged; a
source that writes both spellings tells two people apart, and flags neither.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

from reader.align.evidence import STOPWORDS
from reader.suggest.places import PLACE_NOUNS
from reader.suggest.slots import Slot
from reader.suggest.text import Token, tokenize, without_accents, without_possessive
from reader.suggest.titles import NAME_PARTICLES, extract, is_title_word

SIMILAR = 80.0  # rapidfuzz ratio of two surnames that are one name spelled two ways
# ...or, given after one first name by the holders of one office ("Mayor Tomas Halvik" /
# "Mayor Tomas Halvec"): one person named two ways, further apart
SAME_HOLDER = 60.0
MIN_LENGTH = 4  # shorter surnames ("Li", "Wu") differ by a letter and are different people...
FIRST_MIN_LENGTH = 2  # ...unless they follow the same first name ("Jonas Ek" / "Jonas Eck")


# Words that British and American outlets spell differently, in the names of bodies and places
# ("Research Centre" / "Research Center"); surnames are left out of any rule ("Okafour" is not
# "Okafor"), so the words are listed, American first
_US_UK = {
    uk: us
    for us, uk in (
        pair.split("/")
        for pair in """center/centre theater/theatre meter/metre fiber/fibre liter/litre
        labor/labour harbor/harbour honor/honour color/colour favor/favour neighbor/neighbour
        behavior/behaviour rumor/rumour defense/defence offense/offence license/licence
        program/programme catalog/catalogue counselor/counsellor jewelry/jewellery
        aluminum/aluminium gray/grey tire/tyre pediatric/paediatric""".split()  # noqa: SIM905
    )
}
_ISATION = re.compile(r"isation(s?)$")  # "Organisation", "Mobilisation"
# Words that name a body or a place after a place's name ("Wrenfield County", "Wrenfield
# Community Hall"), never a surname after a first name
_BODIES = PLACE_NOUNS | frozenset(
    """community city town council hall school hospital college university court station airport
    bridge centre center church house office bank police authority agency club""".split()  # noqa: SIM905
)


def _american(word: str) -> str:
    return _ISATION.sub(r"ization\1", _US_UK.get(word, word))


def _two_spellings(a: str, b: str) -> bool:
    """True when `a` and `b` are one word in British and American spelling, with and without
    accents, or in the singular and the plural: a US and a UK outlet naming one body ("Research
    Center" / "Research Centre"), or two outlets one body's parts ("IAM District 751" / "IAM
    Districts 751 and W24"), spell no name two ways. (A surname that only gains an "s" is
    rarely a misspelling: "Williams" and "William" are two names.)"""
    a, b = _american(without_accents(a)), _american(without_accents(b))
    return a == b or a.removesuffix("s") == b.removesuffix("s")


def _span(text: str, surname: str) -> tuple[int, int]:
    """Where `surname`, as a token reads it (lower case, marks composed), is written in `text`."""
    for t in tokenize(text):
        if without_possessive(t.lower) == surname:
            return t.start, t.end - (len(t.lower) - len(surname))  # without a possessive's 's
    at = text.lower().find(surname)
    return (at, at + len(surname)) if at >= 0 else (0, len(text))


def conflicts(
    texts: Sequence[str],
    articles: Sequence[str],
    slots: Sequence[Sequence[Slot]] | None = None,
    named: Sequence[Sequence[tuple[str, str]]] | None = None,
) -> list[tuple[int, int, str, tuple[int, int]]]:
    """(i, j, the name as j writes it, span of the name in i) for each pair of claims of
    different articles where one office, or one first name, is held by surnames spelled two
    ways, or one surname follows a first name spelled two ways. `slots`, `named`:
    each text's slots and `full_names` when the caller has them (else they are read here)."""
    # office, first name or surname -> (claim, the surname, or the first name of a surname)
    holders: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    offices: dict[str, set[str]] = defaultdict(set)  # surname -> the offices it is given
    held_by: dict[tuple[int, str], set[str]] = defaultdict(set)  # ...in each claim
    for i, text in enumerate(texts):
        if slots is None:
            titles = extract(text)
        else:  # (most sentences have no slot: none to look at)
            titles = [s for s in slots[i] if s.kind == "title"] if slots[i] else []
        for slot in titles:
            surname = next(iter(slot.key))
            for office in slot.value[1]:  # type: ignore[index]
                holders[("office", office)].append((i, surname))
                offices[surname].add(office)
                held_by[(i, surname)].add(office)
        for first, surname in full_names(text) if named is None else named[i]:
            holders[("first", first)].append((i, surname))
            holders[("surname", surname)].append((i, first))  # "Henrik" / "Hendrik" Lassander
    out = []
    seen: set[tuple[int, int]] = set()
    words: dict[str, set[str]] | None = None
    for (by, key), people in holders.items():
        shortest = FIRST_MIN_LENGTH if by == "first" else MIN_LENGTH
        names = {n for _, n in people if len(n) >= shortest}
        close = {
            (a, b)
            for a in names
            for b in names
            if a != b
            and (
                (ratio := fuzz.ratio(a, b)) >= SIMILAR
                or (by == "first" and ratio >= SAME_HOLDER and offices[a] & offices[b])
                or (by == "surname" and offices[key])
            )
            and not _two_spellings(a, b)
        }
        if not close:
            continue
        if words is None:  # article -> its words, lower case: who writes each spelling
            words = defaultdict(set)
            for text, article in zip(texts, articles, strict=True):
                words[article].update(without_possessive(t.lower) for t in tokenize(text))
            for (kind, _), held in holders.items():  # (a surname of several words writes it)
                for i, n in held if kind == "first" else ():
                    words[articles[i]].add(n)
        writers = {n: {a for a, ws in words.items() if n in ws} for pair in close for n in pair}
        for i, a in people:
            for j, b in people:
                if (a, b) not in close or len(writers[a]) > len(writers[b]):
                    continue  # more sources spell it as this claim does
                if articles[j] in writers[a]:
                    continue  # that source writes both: two people ("Dan Pryce and Dan Price")
                if (
                    by == "surname"
                    and fuzz.ratio(a, b) < SIMILAR
                    and not held_by[(i, key)] & held_by[(j, key)]
                ):
                    continue  # two first names, unlike: one person only if both give that
                    # surname one office ("managing director Colin Reyes" / "Callum Reyes")
                if articles[i] != articles[j] and (i, j) not in seen:
                    seen.add((i, j))
                    lo, hi = _span(texts[j], b)
                    out.append((i, j, texts[j][lo:hi], _span(texts[i], a)))
    return out


def full_names(text: str) -> list[tuple[str, str]]:
    """(first name, surname), lower case, of each pair of capitalised words in a row that are
    not words of office or function words ("Health Minister Laura Pennington" -> laura,
    pennington), at the start of a sentence too ("Mark Davis said")."""
    toks = tokenize(text)
    out = []
    # (most words are not capitalised: only the pairs of those that are are looked at)
    capitalised = [k for k, t in enumerate(toks) if t.text[:1].isupper()]
    for k, m in itertools.pairwise(capitalised):
        a, b = toks[k], toks[m]
        if m != k + 1 or text[a.end : b.start] != " ":
            continue
        if any(is_title_word(t.lower) or t.lower in STOPWORDS for t in (a, b)):
            continue
        if without_possessive(a.lower) != a.lower:
            continue  # "Brazil's Amazon state": a place's, not a first name
        if b.lower in _BODIES:
            continue  # "Wrenfield Community Hall", "Wrenfield County Council": a body of a place
        out.append((a.lower, _surname(text, toks, m)))
    return out


def _surname(text: str, toks: Sequence[Token], k: int) -> str:
    """The surname that starts at toks[k], lower case: one word, or its particles and the word
    after them ("Van der Meer" -> "van der meer", which "Vandermeer" writes another way)."""
    end = k
    while (
        toks[end].lower in NAME_PARTICLES
        and end + 1 < len(toks)
        and text[toks[end].end : toks[end + 1].start] == " "
    ):
        end += 1
    if end == k or not toks[end].text[:1].isupper():
        return without_possessive(toks[k].lower)
    return " ".join([t.lower for t in toks[k:end]] + [without_possessive(toks[end].lower)])
