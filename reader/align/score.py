"""One score per pair: the number the evidence list, reasons, the database and exports all show.

score = 100 x (LEXICAL_WEIGHT x weighted shared terms + FUZZY_WEIGHT x whole-sentence fuzzy
ratio / 100), rounded to one decimal. The weighted terms find what a sentence says (rare words,
numbers, slots, back-reference context, see `weighting`); the fuzzy ratio rewards the same fact
told in the same shape. Measured on the dev gold, the terms alone beat the fuzzy ratio alone, and
the two together beat either.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reader.align.fuzzy import fuzzy_scores, is_short, processed
from reader.align.weighting import StoryWeights
from reader.models import Claim

LEXICAL_WEIGHT = 0.7
FUZZY_WEIGHT = 0.3


def combine(lexical: np.ndarray, fuzzy: np.ndarray) -> np.ndarray:
    """The pair score 0-100 from its two signals (lexical 0-1, fuzzy 0-100)."""
    return np.round(100 * LEXICAL_WEIGHT * lexical + FUZZY_WEIGHT * fuzzy, 1)


class PairScorer:
    """Scores of any pair of claims of one story, exactly as `align_story` stores them."""

    def __init__(self, claims: Sequence[Claim]):
        self.claims = list(claims)
        self.weights = StoryWeights(self.claims)
        texts = [c.text for c in self.claims]
        self.processed = processed(texts)
        self.short = is_short(texts)

    def scores(self, i: int, js: Sequence[int]) -> np.ndarray:
        """The pair score of claim `i` with each claim in `js`."""
        ix = np.asarray(js, dtype=np.int64)
        lex = self.weights.lexical(i, i + 1)[0, ix]
        fz = fuzzy_scores(
            [self.processed[i]],
            [self.processed[j] for j in ix.tolist()],
            self.short[i : i + 1],
            self.short[ix],
            workers=1,
        )[0]
        return combine(lex, fz)

    def score(self, i: int, j: int) -> float:
        return float(self.scores(i, [j])[0])


def pair_score(claims: Sequence[Claim], claim: Claim, other: Claim) -> float:
    """The score of one pair of claims of a story (build a `PairScorer` to score many)."""
    ids = {c.id: k for k, c in enumerate(claims)}
    return PairScorer(claims).score(ids[claim.id], ids[other.id])
