"""Derive the pair score's calibration knots from the pairs of a story alone (no labels).

    python benchmarks/calibrate.py [CORPUS]      (default: the bundled seeds)

Nearly every pair of sentences from two articles of one story is unrelated (a claim has a
counterpart or two in an article of dozens of sentences), so the distribution of all
cross-article pairs is the yardstick: its median is a typical unrelated pair, and
median + 2 x (90th percentile - median) a level that the story's unrelated pairs rarely reach.
Prints both for each story, pooled over the corpus, and the knots `reader.align.score` uses.
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


def cross_article_raw(story: Story) -> np.ndarray:
    """Raw similarity of every pair of claims from two different articles of `story`."""
    claims = story.claims()
    scorer = score.PairScorer(claims)
    article = np.array([c.article for c in claims])
    lex = scorer.weights.lexical(0, len(claims))
    fz = fuzzy_scores(scorer.processed, scorer.processed, scorer.short, scorer.short)
    cross = article[:, None] != article[None, :]
    return score.raw_score(lex, fz)[cross]


def knots(raw: np.ndarray) -> tuple[float, float]:
    median, q90 = np.quantile(raw, [0.5, 0.9])
    return float(median), float(median + 2 * (q90 - median))


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_seeds()
    pooled = []
    for story in load_corpus(path).stories:
        raw = cross_article_raw(story)
        if not len(raw):
            continue
        pooled.append(raw)
        typical, strong = knots(raw)
        print(
            f"{story.name}: {len(raw)} cross-article pairs, median {typical:.1f}, "
            f"strong {strong:.1f} (share of pairs at or above: {np.mean(raw >= strong):.3f})"
        )
    typical, strong = knots(np.concatenate(pooled))
    print(f"pooled: TYPICAL_RAW {typical:.1f}  STRONG_RAW {strong:.1f}")
    print(f"in use: TYPICAL_RAW {score.TYPICAL_RAW}  STRONG_RAW {score.STRONG_RAW}")


if __name__ == "__main__":
    main()
