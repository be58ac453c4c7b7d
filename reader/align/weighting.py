"""What a claim says, weighed within its story.

A claim becomes a set of terms: word stems, numbers (number words as digits, so "eight" meets
"8"), and number slots ("#hour" for "six-hour", "#troop" for "100,000 troops") so that two claims
giving a count of the same thing meet whatever the count. Each term weighs its inverse document
frequency among the story's claims: the names and nouns every article of the story repeats say
little, a rare word, number or name says a lot; a term in more than `COMMON_SHARE` of the claims
weighs nothing. A claim that opens by pointing back ("It", "Such details", "He added") is also
read with its preceding sentence as context, at `CONTEXT_WEIGHT`; so is one that refers to
"such details" or "those demands" anywhere.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

from reader.models import Claim

_NUMBERS = """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty"""
NUMBER_WORDS = {w: str(n) for n, w in enumerate(_NUMBERS.split())}
# Words that, opening a sentence, point back to what the previous sentence said.
BACK_REFERENCES = frozenset(
    "it its this that these those such he she they them his her their there".split()  # noqa: SIM905
)
DEMONSTRATIVES = frozenset(("such", "these", "those"))  # "those demands", "such details"
CONTEXT_WEIGHT = 0.5  # the previous sentence counts half as much as the claim's own words
COMMON_SHARE = 0.5  # terms of more claims than this share carry no weight


def terms(text: str) -> set[str]:
    """Stems, normalised numbers and number slots ("#" + head stem) of `text`."""
    # imported here: reader.suggest imports reader.align, and these helpers are shared with it
    from reader.suggest import numbers
    from reader.suggest.text import is_content, stem, tokenize

    out = set()
    for tok in tokenize(text):
        w = tok.lower
        if w in NUMBER_WORDS:
            out.add(NUMBER_WORDS[w])
        elif w[0].isdigit():
            out.add(w.replace(",", ""))
        elif is_content(tok.text):
            out.add(stem(tok.text))
    out.update("#" + k for slot in numbers.extract(text) for k in slot.key)
    return out


def refers_back(text: str) -> bool:
    """True when the sentence points back to the one before it: it opens with a pronoun or
    demonstrative ("It", "This", "He added"), or names something as "such/these/those ..."."""
    from reader.suggest.text import tokenize

    words = [t.lower for t in tokenize(text)]
    return bool(words) and (words[0] in BACK_REFERENCES or any(w in DEMONSTRATIVES for w in words))


class StoryWeights:
    """Unit-length term vectors of a story's claims, kept as postings for fast dot products."""

    def __init__(self, claims: Sequence[Claim]):
        n = len(claims)
        self.n = n
        own = [terms(c.text) for c in claims]
        df = Counter(t for ts in own for t in ts)
        limit = max(2, COMMON_SHARE * n)
        idf = {t: math.log(n / d) for t, d in df.items() if d <= limit and d < n}
        self.ids = {t: k for k, t in enumerate(idf)}
        rows = [self._vector({t: idf[t] for t in ts if t in idf}) for ts in own]
        self.rows = rows
        # context: a back-referring claim also read with the sentence before it, at half weight
        self.context: list[tuple[np.ndarray, np.ndarray] | None] = [None] * n
        for i, c in enumerate(claims):
            prev = claims[i - 1] if i else None
            follows = prev and prev.article == c.article and prev.index == c.index - 1
            if follows and refers_back(c.text):
                merged = {t: CONTEXT_WEIGHT * idf[t] for t in own[i - 1] if t in idf}
                merged.update({t: idf[t] for t in own[i] if t in idf})
                self.context[i] = self._vector(merged)
        # postings: for each term, the claims that use it and its weight there
        by_term: list[list[tuple[int, float]]] = [[] for _ in self.ids]
        for i, (ix, w) in enumerate(rows):
            for k, x in zip(ix.tolist(), w.tolist(), strict=True):
                by_term[k].append((i, x))
        self.post_ix = [np.array([p[0] for p in ps], dtype=np.int64) for ps in by_term]
        self.post_w = [np.array([p[1] for p in ps], dtype=np.float64) for ps in by_term]

    def _vector(self, weights: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
        ix = np.array([self.ids[t] for t in weights], dtype=np.int64)
        w = np.array(list(weights.values()), dtype=np.float64)
        norm = math.sqrt(float(w @ w))
        return ix, (w / norm if norm else w)

    def _dots(self, rows: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        """Dot products of each of `rows` with every claim: one bincount for all of them."""
        idx, wts = [], []
        for r, (ix, w) in enumerate(rows):
            for k, x in zip(ix.tolist(), w.tolist(), strict=True):
                idx.append(self.post_ix[k] + r * self.n)
                wts.append(self.post_w[k] * x)
        if not idx:
            return np.zeros((len(rows), self.n))
        flat = np.bincount(
            np.concatenate(idx), weights=np.concatenate(wts), minlength=len(rows) * self.n
        )
        return flat.reshape(len(rows), self.n)

    def lexical(self, lo: int, hi: int) -> np.ndarray:
        """Weighted-term similarity 0-1 of claims lo..hi-1 with every claim of the story.

        A back-referring claim scores the better of its own words and its words in context.
        """
        sims = self._dots(self.rows[lo:hi])
        ctx = [(r, c) for r, c in enumerate(self.context[lo:hi]) if c is not None]
        if ctx:
            with_context = self._dots([c for _, c in ctx])
            rows = [r for r, _ in ctx]
            sims[rows] = np.maximum(sims[rows], with_context)
        return np.minimum(sims, 1.0)
