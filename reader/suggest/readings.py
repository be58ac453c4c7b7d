"""What the story-wide steps of suggestions read from each claim's text on its own: its slots,
specific stems, quoted words, negations, opposite words and proper names, and per article the
stems its words and capitalised words use.

Each claim is read without looking at any other, so a long story's claims can be read a run at a
time by several processes (`reader.pipeline.story_pool`) and the runs joined: what
`StorySuggester` then works out across the story is the same as from one reading of the whole.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reader.align.numbering import first_seen
from reader.models import Claim
from reader.suggest import (
    antonyms,
    charges,
    dates,
    levels,
    names,
    negation,
    numbers,
    places,
    positives,
    speakers,
    spelling,
    superlatives,
    titles,
)
from reader.suggest.antonyms import Opposite
from reader.suggest.negation import Negated
from reader.suggest.slots import Slot
from reader.suggest.support import quoted_words, specific_stems
from reader.suggest.text import stem, token_text, tokenize

# a proper name: the offsets of its first and last word, and each word's stem
Name = tuple[int, int, tuple[str, ...]]


def slots_of(text: str) -> list[Slot]:
    """The numbers, titles, dates, quotes' speakers, charges, alert levels, positive tests and
    records of `text`, as the story-wide vote compares them."""
    toks = tokenize(text)
    found = numbers.extract(text, toks) + titles.extract(text, toks) + dates.extract(text, toks)
    return (
        found + speakers.extract(text, toks) + charges.extract(text, toks)
        + levels.extract(text, toks) + positives.extract(text, toks)
        + superlatives.extract(text, toks)
    )  # fmt: skip


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


# What a text reads as on its own (a row of `ClaimReadings`' claim-by-claim lists), by text: see
# `read_claims`' `known`
TextReadings = tuple[Any, ...]


def read_claims(
    claims: Sequence[Claim], first: int = 0, known: dict[str, TextReadings] | None = None
) -> ClaimReadings:
    """The readings of `claims`, the story's claims from number `first` on. A text met again
    (an article may repeat a sentence, a hostile one thousands of times) is read once, each
    claim getting its own containers, and its own copies of what is told apart by identity
    (slots). `known`: what the texts read by earlier calls read as (given to their claims
    then), kept for the next: a long story is read a run of claims at a time, and a sentence
    repeated across runs was read again in each (a sixth of a 2 MB article's)."""
    capitalised: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    seen: set[tuple[str, str]] = set()
    for c in claims:
        if (c.article, c.text) not in seen:
            seen.add((c.article, c.text))
            capitalised.setdefault(c.article, set()).update(places.mentioned_stems(c.text))
            # (the stems of every word, mapped in C: asked word by word, a sixth of this)
            words.setdefault(c.article, set()).update(map(stem, map(token_text, tokenize(c.text))))
    texts = [c.text for c in claims]
    distinct, which = first_seen(texts)
    known = {} if known is None else known
    # texts an earlier call read (and gave to its claims): each of their claims gets copies
    before = {k for k, t in enumerate(distinct) if t in known}
    rows = _rows(distinct, before, known)

    # each claim's reading, and whether it is given as it is: to the first claim of a text read
    # now (the others get copies), worked out once for all the columns below
    mine = [rows[k] for k in which]
    given, met = [], set(before)
    for k in which:
        given.append(k not in met)
        met.add(k)

    def each(column: int, again: Callable[[Any], Any] | None) -> list:
        """`column` (of one reading of each distinct text) for every claim, in claim order."""
        if again is None or (len(distinct) == len(texts) and not before):
            return [row[column] for row in mine]
        pairs = zip(mine, given, strict=True)
        return [row[column] if as_is else again(row[column]) for row, as_is in pairs]

    return ClaimReadings(
        slots=each(0, lambda ss: [copy.copy(s) for s in ss]),
        specific=each(1, set),
        quoted=each(2, list),
        negated=each(3, list),
        opposites=each(4, None),  # tuples
        names=each(5, list),
        full_names=each(6, list),
        figures=each(7, None),
        lower=negation.word_postings(texts, first),
        capitalised=capitalised,
        words=words,
    )


def _rows(
    distinct: list[str], before: set[int], known: dict[str, TextReadings]
) -> list[TextReadings]:
    """The readings of each of `distinct`: those numbered `before` as in `known`, the others
    read now (and added to `known`)."""
    new = [t for k, t in enumerate(distinct) if k not in before]
    # one list after the other (objects of a kind made together are read together later)
    read = zip(
        [slots_of(t) for t in new],
        [specific_stems(t) for t in new],
        [quoted_words(t) for t in new],
        [negation.negations(t) for t in new],
        [antonyms.opposites(t) for t in new],  # tuples
        [_names(t) for t in new],
        [spelling.full_names(t) for t in new],
        [numbers.figures(t) for t in new],
        strict=True,
    )
    rows = []
    for k, t in enumerate(distinct):
        if k not in before:
            known[t] = next(read)
        rows.append(known[t])
    return rows


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
