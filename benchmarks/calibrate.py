"""Derive the pair score's calibration knots from the pairs of a story alone (no labels).

    python benchmarks/calibrate.py [CORPUS]      (default: the bundled seeds)

Nearly every pair of sentences from two articles of one story is unrelated (a claim has a
counterpart or two in an article of dozens of sentences), so the median of all cross-article
pairs is a typical unrelated pair (score 20). A strong match (score 60) must be rare among what a
reviewer reads for a claim that has no counterpart: its best evidence over every other article.
A claim has at most a few counterparts in one article, so its best sentence of an article after
the 3 best is unrelated; the 95th percentile, over the story's claims, of the best such sentence
across the other articles is the level a claim's best unrelated evidence stays below 19 times in
20. Prints both for each story, pooled over the corpus, and the knots `reader.align.score` uses;
and, on the score scale, the level that best unrelated sentence reaches for 1 claim in 100: the
whole-sentence alignment `reader.suggest.support.ALIGNED_SCORE` asks of a counterpart that
shares only about one rare word with its claim.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from reader.align import score
from reader.align.fuzzy import fuzzy_scores
from reader.cli.main import bundled_seeds
from reader.corpus.loader import load_corpus
from reader.models import Story
from reader.suggest import support

FEW = 3  # counterparts a claim can have in one article (the evidence list's top 3)


def cross_article_raw(story: Story) -> tuple[np.ndarray, np.ndarray]:
    """Raw similarity of every pair of claims from two different articles of `story`, and each
    claim's best raw score outside the `FEW` best of every other article."""
    claims = story.claims()
    scorer = score.PairScorer(claims, headlines=story.headline_ids())
    article = np.array([c.article for c in claims])
    lex = scorer.weights.lexical(0, len(claims))
    fz = fuzzy_scores(scorer.processed, scorer.processed, scorer.short, scorer.short)
    raw = score.raw_score(lex, fz)
    best = np.full(len(claims), -np.inf)
    for a in np.unique(article):
        cols, rows = np.flatnonzero(article == a), np.flatnonzero(article != a)
        if len(cols) > FEW:
            after = np.sort(raw[np.ix_(rows, cols)], axis=1)[:, -FEW - 1]
            best[rows] = np.maximum(best[rows], after)
    cross = article[:, None] != article[None, :]
    return raw[cross], best[np.isfinite(best)]


def knots(raw: np.ndarray, best_unrelated: np.ndarray) -> tuple[float, float]:
    return float(np.median(raw)), float(np.quantile(best_unrelated, 0.95))


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_seeds()
    pooled: list[np.ndarray] = []
    bests: list[np.ndarray] = []
    for story in load_corpus(path).stories:
        raw, best = cross_article_raw(story)
        if not len(best):
            continue
        pooled.append(raw)
        bests.append(best)
        typical, strong = knots(raw, best)
        print(
            f"{story.name}: {len(raw)} cross-article pairs, median {typical:.1f}, "
            f"strong {strong:.1f} (share of pairs at or above: {np.mean(raw >= strong):.3f})"
        )
    typical, strong = knots(np.concatenate(pooled), np.concatenate(bests))
    aligned = score.calibrate(float(np.quantile(np.concatenate(bests), 0.99)))
    print(f"pooled: TYPICAL_RAW {typical:.1f}  STRONG_RAW {strong:.1f}  aligned {aligned:.1f}")
    print(
        f"in use: TYPICAL_RAW {score.TYPICAL_RAW}  STRONG_RAW {score.STRONG_RAW}  "
        f"aligned {support.ALIGNED_SCORE}"
    )


if __name__ == "__main__":
    main()
