"""Evidence retrieval: for each claim, the sentences of other articles that report its fact.

`pair_score` / `PairScorer` give the one score of a pair that `align_story` stores.
"""

from reader.align.evidence import align_story
from reader.align.score import PairScorer, pair_score, with_pair_scores

__all__ = ["PairScorer", "align_story", "pair_score", "with_pair_scores"]
