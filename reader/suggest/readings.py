"""What the story-wide steps of suggestions read from each claim's text on its own: its slots,
specific stems, quoted words, negations, opposite words and proper names, and per article the
stems its words and capitalised words use.

Each claim is read without looking at any other, so a long story's claims can be read a run at a
time by several processes (`reader.pipeline.story_pool`) and the runs joined: what
`StorySuggester` then works out across the story is the same as from one reading of the whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.models import Claim
from reader.suggest import (
    antonyms,
    charges,
    dates,
    names,
    negation,
    numbers,
    places,
    speakers,
    spelling,
    titles,
)
from reader.suggest.antonyms import Opposite
from reader.suggest.negation import Negated
from reader.suggest.slots import Slot
from reader.suggest.support import quoted_words, specific_stems
from reader.suggest.text import stem, tokenize

# a proper name: the offsets of its first and last word, and each word's stem
Name = tuple[int, int, tuple[str, ...]]


def slots_of(text: str) -> list[Slot]:
    """The numbers, titles, dates, quotes' speakers and charges of `text`, as the story-wide vote
    compares them."""
    toks = tokenize(text)
    found = numbers.extract(text, toks) + titles.extract(text, toks) + dates.extract(text, toks)
    return found + speakers.extract(text, toks) + charges.extract(text, toks)


@dataclass
class ClaimReadings:
    """Claim by claim (lists, in claim order) and article by article (sets of stems)."""

    slots: list[list[Slot]]
    specific: list[set[str]]  # `support.specific_stems`
    quoted: list[list[str]]  # `support.quoted_words`
    negated: list[list[Negated]]  # `negation.negations`
    opposites: list[tuple[Opposite, ...]]  # `antonyms.opposites`
    names: list[list[Name]]  # `names.proper_names`
    full_names: list[list[tuple[str, str]]]  # `spelling.full_names`
    figures: list[tuple[tuple[float, float], ...]]  # `numbers.figures`
    # word as written, lower case first letter -> claims using it, in order (index numbers in
    # the story, whatever run was read): where a negated predicate may stand asserted
    lower: dict[str, list[int]]
    capitalised: dict[str, set[str]]  # article -> stems of its capitalised words (places)
    words: dict[str, set[str]]  # article -> stems of all its words (names no other one uses)


def read_claims(claims: Sequence[Claim], first: int = 0) -> ClaimReadings:
    """The readings of `claims`, the story's claims from number `first` on."""
    capitalised: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    for c in claims:
        capitalised.setdefault(c.article, set()).update(places.mentioned_stems(c.text))
        words.setdefault(c.article, set()).update(stem(t.text) for t in tokenize(c.text))
    return ClaimReadings(
        slots=[slots_of(c.text) for c in claims],
        specific=[specific_stems(c.text) for c in claims],
        quoted=[quoted_words(c.text) for c in claims],
        negated=[negation.negations(c.text) for c in claims],
        opposites=[antonyms.opposites(c.text) for c in claims],
        names=[_names(c.text) for c in claims],
        full_names=[spelling.full_names(c.text) for c in claims],
        figures=[numbers.figures(c.text) for c in claims],
        lower=negation.word_postings([c.text for c in claims], first),
        capitalised=capitalised,
        words=words,
    )


def _names(text: str) -> list[Name]:
    return [
        (n[0].start, n[-1].end, tuple(stem(t.text) for t in n)) for n in names.proper_names(text)
    ]


def joined(runs: Sequence[ClaimReadings]) -> ClaimReadings:
    """The readings of consecutive runs of a story's claims, in order, as one."""
    out = ClaimReadings([], [], [], [], [], [], [], [], {}, {}, {})
    for r in runs:
        out.slots += r.slots
        out.specific += r.specific
        out.quoted += r.quoted
        out.negated += r.negated
        out.opposites += r.opposites
        out.names += r.names
        out.full_names += r.full_names
        out.figures += r.figures
        for w, js in r.lower.items():
            out.lower.setdefault(w, []).extend(js)
        for mine, theirs in ((out.capitalised, r.capitalised), (out.words, r.words)):
            for article, stems in theirs.items():
                mine.setdefault(article, set()).update(stems)
    return out
