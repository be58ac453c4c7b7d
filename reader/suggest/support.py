"""Does another source say the same thing? Shared rare words, weighted by rarity in the story.

Fuzzy ratios reward shared function words and sentence shape; a counterpart is better recognised by
the specific words two sentences share ("Ryabkov", "delays", "Brussels"). Weights are inverse
document frequencies within the story, divided by log(claims) so that one threshold serves stories
of any size. Work is done through an inverted index, never over all pairs of claims.
"""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np

from reader.models import Claim
from reader.suggest.text import content_stems

# About two words that only this claim and its counterpart use (tuned on no particular story:
# below it, shared words are the story's common vocabulary).
SUPPORT_THRESHOLD = 2.05
# ...or a counterpart that repeats most of the claim's words, which in a small story are all common.
COVERAGE = 0.6
MIN_SHARED = 4


def best_counterparts(claims: list[Claim]) -> list[tuple[float, int, list[str]]]:
    """For each claim: (score, index of the best claim of another article or -1, shared stems)."""
    n = len(claims)
    if n == 0:
        return []
    stems = [content_stems(c.text) for c in claims]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ss in enumerate(stems):
        for s in ss:
            postings[s].append(i)
    norm = math.log(max(n, 3))
    idf = {s: math.log(n / len(p)) / norm for s, p in postings.items()}
    arrays = {s: np.fromiter(p, dtype=np.int64) for s, p in postings.items()}
    names = {c.article for c in claims}
    code = {a: k for k, a in enumerate(sorted(names))}
    article = np.fromiter((code[c.article] for c in claims), dtype=np.int64, count=n)
    out: list[tuple[float, int, list[str]]] = []
    acc = np.zeros(n, dtype=np.float64)
    for i, ss in enumerate(stems):
        acc[:] = 0.0
        for s in ss:
            if idf[s] > 0:
                acc[arrays[s]] += idf[s]
        acc[article == article[i]] = 0.0
        j = int(acc.argmax())
        if acc[j] <= 0:
            out.append((0.0, -1, []))
            continue
        shared = sorted(ss & stems[j], key=lambda s: -idf[s])
        score = float(acc[j])
        if len(shared) >= MIN_SHARED and len(shared) >= COVERAGE * len(ss):
            # most of the claim's words recur there: a counterpart even if the words are common
            score = max(score, SUPPORT_THRESHOLD)
        out.append((score, j, shared))
    return out
