"""Evidence: for every claim, the best-matching claims of each *other* article of the same story.

Every pair is scored by `reader.align.score` (weighted shared terms + fuzzy ratio): the one
score the app, reasons, database and exports show. Small stories are scored exhaustively. Past
`PAIR_BUDGET` pairs, each claim keeps the `CANDIDATES` best claims of each other article by the
cheap weighted-term signal (exact dot products through postings), and only those get the fuzzy
ratio: pruning per article, so a big story cannot crowd one article's counterpart out.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from reader.align.candidates import ArticleGrid, ranked
from reader.align.fuzzy import SHORT_CLAIM_WORDS, fuzzy_pairs, fuzzy_scores, score_matrix
from reader.align.score import PairScorer, combine
from reader.align.words import STOPWORDS, content_words
from reader.models import Evidence, Story

__all__ = [
    "MIN_SCORE",
    "SHORT_CLAIM_WORDS",
    "STOPWORDS",
    "align_story",
    "content_words",
    "score_matrix",
]

TOP_PER_ARTICLE = 5
MIN_SCORE = 25.0  # just above a typical unrelated pair (20): shares nothing specific; not stored
CANDIDATES = 20  # per claim and other article, by weighted terms, on the pruned path
CHUNK_ROWS = 256  # claims scored at once: bounds memory to CHUNK_ROWS x claims-in-story
PAIR_BUDGET = 2_000_000  # cross-article pairs scored exhaustively before pruning kicks in


def align_story(
    story: Story,
    *,
    top: int = TOP_PER_ARTICLE,
    min_score: float = MIN_SCORE,
    pair_budget: int = PAIR_BUDGET,
    candidates: int = CANDIDATES,
    scorer: PairScorer | None = None,
) -> list[Evidence]:
    """Evidence for every claim of `story`: up to `top` claims per other article, best first.

    `scorer` (a `PairScorer` of `story.claims()`) is reused when given.
    """
    claims = story.claims()
    if len({c.article for c in claims}) < 2:
        return []
    code: dict[str, int] = {}
    article = np.array([code.setdefault(c.article, len(code)) for c in claims])
    sizes = np.bincount(article)
    n = len(claims)
    exhaustive = n * n - int((sizes**2).sum()) <= pair_budget
    scorer = scorer or PairScorer(claims)
    grid = ArticleGrid(article)
    texts = np.array(scorer.processed, dtype=object)
    fuzzy = _CrossFuzzy(scorer, grid) if exhaustive else None
    out: list[Evidence] = []
    for lo, hi, (start, end) in _blocks(article):
        # columns: the other articles' claims only; a long article is not scored against itself
        lex = scorer.weights.lexical(lo, hi, (start, end))
        if fuzzy is not None:
            fz = fuzzy.rows(lo, hi)
            rows, cols = grid.best(combine(lex, fz), lo, top)
            at = cols - (end - start) * (cols >= end)  # claim -> column
            scores = combine(lex[rows - lo, at], fz[rows - lo, at])
        else:
            rows, cols = grid.best(lex, lo, candidates)
            at = cols - (end - start) * (cols >= end)
            fz = fuzzy_pairs(texts[rows], texts[cols], scorer.short[rows], scorer.short[cols])
            scores = combine(lex[rows - lo, at], fz)
        keep = scores >= min_score
        rows, cols, scores = rows[keep], cols[keep], scores[keep]
        keep, ranks = ranked(rows, cols, scores, article, top)
        for i, j, rank, score in zip(
            rows[keep].tolist(),
            cols[keep].tolist(),
            ranks.tolist(),
            scores[keep].tolist(),
            strict=True,
        ):
            other = claims[j]
            out.append(Evidence(claims[i].id, other.id, other.article, rank, score, other.text))
    return out


class _CrossFuzzy:
    """Fuzzy scores of every cross-article pair, each scored once: the ratios are symmetric, so
    article B's rows against article A are A's block of B, transposed (half the scoring of
    asking every article for all its columns). A block is freed once both articles are done."""

    def __init__(self, scorer: PairScorer, grid: ArticleGrid):
        self.scorer = scorer
        self.spans = list(zip(grid.starts.tolist(), grid.ends.tolist(), strict=True))
        self.done: dict[tuple[int, int], np.ndarray] = {}  # (a, b), a < b: a's rows x b's

    def _pair(self, a: int, b: int) -> np.ndarray:
        block = self.done.get((a, b))
        if block is None:
            (s, e), (t, u) = self.spans[a], self.spans[b]
            sc = self.scorer
            block = self.done[(a, b)] = fuzzy_scores(
                sc.processed[s:e], sc.processed[t:u], sc.short[s:e], sc.short[t:u]
            )
        return block

    def rows(self, lo: int, hi: int) -> np.ndarray:
        """Claims lo..hi-1 (of one article) against every claim of the other articles."""
        own = next(k for k, (s, e) in enumerate(self.spans) if s <= lo < e)
        start = self.spans[own][0]
        parts = []
        for other in range(len(self.spans)):
            if other < own:
                parts.append(self._pair(other, own)[:, lo - start : hi - start].T)
            elif other > own:
                parts.append(self._pair(own, other)[lo - start : hi - start])
        if hi == self.spans[own][1]:  # the article's last block: its pairs with earlier ones
            for other in range(own):
                self.done.pop((other, own), None)
        return np.concatenate(parts, axis=1)


def _blocks(article: np.ndarray) -> Iterator[tuple[int, int, tuple[int, int]]]:
    """(lo, hi, (start, end)): chunks of at most `CHUNK_ROWS` claims of one article (claims of an
    article are contiguous, start..end-1)."""
    n = len(article)
    starts = np.flatnonzero(np.r_[True, article[1:] != article[:-1]]).tolist()
    for start, end in zip(starts, [*starts[1:], n], strict=True):
        for lo in range(start, end, CHUNK_ROWS):
            yield lo, min(end, lo + CHUNK_ROWS), (start, end)
