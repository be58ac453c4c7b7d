"""Clauses: a sentence that tells two things is matched on each of them too.

News sentences join facts ("The pumps failed after a power cut flooded their control room, and
they say the bridge will stay shut until March"; "Residents thanked the volunteers who carried
sandbags, but engineers warned the bridge would remain closed until March"). The cosine of two
whole sentences is diluted by each one's other clause, so a counterpart told inside another fact
scores as weakly as a sentence sharing one story word.
Each clause of a claim is also read as a vector of its own (`ClauseIndex`), and a pair scores the
better of its whole sentences' similarity and `CLAUSE_WEIGHT` x the best of its clauses' (a
clause with a whole sentence, or with a clause of it). The weight is below 1, so that where a
clause and a whole sentence match as well, the sentence that says it all ranks first.

A clause ends at a semicolon, colon or dash, at a comma before a conjunction that opens another
statement ("..., but", "..., while", "..., adding"), before "but", and before "and" that opens a
clause with its own subject ("... and they say"). A clause counts only with at least
`CLAUSE_TERMS` weighted terms and fewer than its whole sentence's: one or two words are not a
fact, and a clause with all of them is the sentence.

Measured before keeping it: the 20 real multi-outlet stories' suggestions 521 -> 526 of 670 right,
no more false "consistent"; their evidence pairs 2710 -> 2713 of 3670, groups 1549 -> 1554 of
1633, contradicting pairs 339 of 406 and false leads 24 of 91 unchanged; seeds suggestions 55 ->
56 of 63, seeds evidence pairs 141 -> 140 of 173, groups 116 of 125. Weights of 0.85 to 0.95 gave
the same seeds suggestions (0.8: 55; 1.0 made one claim with no counterpart "consistent"),
clauses of 2 to 4 terms the same figures. Not kept: ending clauses also at "..., saying", "...,
after", "..., as", "..., when", "..., because" (more false "consistent" on the real stories);
only at punctuation and "but" (real stories 524); "and" before "the", "a" or a possessive, which
mostly joins two names ("Russia and the United States"; 3 more real pairs, no other change).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from reader.align.postings import Postings

CLAUSE_WEIGHT = 0.9
CLAUSE_TERMS = 3

_SUBJECTS = "i|you|he|she|it|we|they"
_BREAK = r"[;:\u2014\u2013]"
# Where a clause ends: at `_BREAK` and the spaces after it (and any before), at a comma and the
# spaces before a conjunction, at the spaces before "but" or before "and" and a subject. Written
# to open with the one character every boundary opens with (a space, a break or a comma), then
# told apart by it (looking back at it): the regex engine then skips to the next such character,
# where it tried every alternative at every character (half of the time of this, a sentence)
_BOUNDARY = re.compile(
    rf"[\s,{_BREAK[1:-1]}]"
    rf"(?:(?<={_BREAK})\s+"
    r"|(?<=,)\s+(?=(?:but|while|although|though|whereas|and|adding|which)\b)"
    rf"|(?<=\s)\s*(?:{_BREAK}\s+|(?=but\b)|(?=and\s+(?:{_SUBJECTS})\b)))",
    re.IGNORECASE,
)

Row = tuple[np.ndarray, np.ndarray]  # term ids and their weights


def clause_starts(text: str) -> list[int]:
    """Where each clause of `text` after the first starts (empty: one clause)."""
    return [m.end() for m in _BOUNDARY.finditer(text) if m.start() > 0 and m.end() < len(text)]


class ClauseIndex:
    """The clauses of a story's claims as unit vectors, kept as postings (as the claims' are in
    `reader.align.weighting.StoryWeights`), for the best clause of each claim against any rows."""

    def __init__(self, owner: Sequence[int], units: Sequence[Row], rare: Sequence[Row], terms: int):
        """`owner[k]`: the claim of clause k (in claim order); `units[k]`: its terms (of
        `terms`, numbered) and their unit-length weights; `rare[k]`: the same terms' rare
        weights."""
        self.owner = np.asarray(owner, dtype=np.int64)
        self.rows: dict[int, list[tuple[Row, Row]]] = {}
        for k, o in enumerate(owner):
            self.rows.setdefault(o, []).append((units[k], rare[k]))
        if not len(self.owner):
            return
        ids = np.concatenate([ix for ix, _ in units])
        self.postings, order = Postings.of_rows(ids, [len(ix) for ix, _ in units], terms)
        self.weight = np.concatenate([w for _, w in units])[order]
        # each claim's clauses as a run of units: where each run starts, and whose it is
        self.starts = np.flatnonzero(np.r_[True, self.owner[1:] != self.owner[:-1]])
        self.claims = self.owner[self.starts]

    def of(self, claims: Sequence[int]) -> list[tuple[int, Row, Row]]:
        """(position in `claims`, unit row, rare row) of every clause of `claims`."""
        return [(r, u, x) for r, i in enumerate(claims) for u, x in self.rows.get(i, ())]

    def against(
        self,
        units: Sequence[Row],
        rare: Sequence[Row],
        skip: tuple[int, int] | None,
        width: int,
        evidence_words: float,
    ) -> np.ndarray:
        """(rows x columns) the best cosine of each of `units` with any clause of each column's
        claim (columns: all claims, or all but skip[0]..skip[1]-1, renumbered), scaled down
        while the shared terms weigh less than `evidence_words` of the row's rare weight."""
        out = np.zeros((len(units), width))
        if not len(self.owner) or not units:
            return out
        first = last = 0
        gap = None
        if skip is not None:  # the skipped claims' clauses are a run of units
            first, last = np.searchsorted(self.owner, skip).tolist()
            gap = (first, last)
        m = len(self.owner) - (last - first)
        if not m:
            return out
        terms = np.concatenate([ix for ix, _ in units])
        row_of = np.repeat(np.arange(len(units)), [len(ix) for ix, _ in units])
        where, source = self.postings.gather(terms, gap)
        unit = self.postings.claims[where]
        if gap is not None:
            unit = unit - (last - first) * (unit >= last)
        flat = row_of[source] * m + unit
        cells = len(units) * m
        w = np.concatenate([w for _, w in units])[source]
        x = np.concatenate([x for _, x in rare])[source]
        # (bincount of nothing is of integers)
        cos = np.bincount(flat, self.weight[where] * w, cells).reshape(len(units), m) * 1.0
        scale = np.bincount(flat, x, cells).reshape(len(units), m)
        cos *= np.minimum(scale / evidence_words, 1.0)
        starts, claims = self.starts, self.claims
        if gap is not None:
            keep = (claims < skip[0]) | (claims >= skip[1])
            starts = starts[keep] - (last - first) * (starts[keep] >= last)
            claims = claims[keep] - (skip[1] - skip[0]) * (claims[keep] >= skip[1])
        if len(starts):
            out[:, claims] = np.maximum.reduceat(cos, starts, axis=1)
        return out
