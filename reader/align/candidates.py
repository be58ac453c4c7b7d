"""Per-article selection: the best few claims of each other article, for a block of claims.

Claims of one article are contiguous in a story, so scores are gathered into an
(articles x longest article) grid and `argpartition` picks each article's best without sorting
the whole row. Ties break towards the earlier sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reader.align.numbering import first_seen
from reader.models import Claim

TIE_BREAK = 1e-7  # per claim index: far below the 0.1 step of a rounded score


def article_numbers(claims: Sequence[Claim]) -> np.ndarray:
    """Each claim's article as a number, in the order the articles come (the `article` an
    `ArticleGrid` takes)."""
    return np.array(first_seen(c.article for c in claims)[1])


class ArticleGrid:
    def __init__(self, article: np.ndarray):
        self.article = article
        n = len(article)
        self.starts = np.flatnonzero(np.r_[True, article[1:] != article[:-1]])
        self.ends = np.r_[self.starts[1:], n]
        self.tie = np.arange(n) * TIE_BREAK
        self._grids: dict[int, np.ndarray] = {}

    def _others(self, own: int) -> np.ndarray:
        """(other articles x their longest) positions of their claims among the columns that
        leave article `own` out; padded with the number of those columns."""
        grid = self._grids.get(own)
        if grid is None:
            gap = self.ends[own] - self.starts[own]
            spans = [
                (s if s < self.starts[own] else s - gap, e - s)
                for a, (s, e) in enumerate(
                    zip(self.starts.tolist(), self.ends.tolist(), strict=True)
                )
                if a != own
            ]
            width = max((size for _, size in spans), default=0)
            grid = np.full((len(spans), width), len(self.article) - gap, dtype=np.int64)
            for row, (first, size) in enumerate(spans):
                grid[row, :size] = np.arange(first, first + size)
            self._grids = {own: grid}  # blocks come article by article
        return grid

    def best(self, scores: np.ndarray, lo: int, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(rows, cols): up to `k` best claims per other article for each row of `scores`.

        `scores` holds claims lo.. (all of one article) as rows and, as columns, every claim of
        the story but those of their own article, in order. `cols` are claim indices.
        """
        b, m = scores.shape
        own = int(self.article[lo])
        start, gap = int(self.starts[own]), int(self.ends[own] - self.starts[own])
        grid = self._others(own)
        if not grid.size:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        index = np.r_[np.arange(start), np.arange(start + gap, m + gap)]  # column -> claim
        padded = np.concatenate([scores - self.tie[index], np.full((b, 1), -np.inf)], axis=1)
        k = min(k, grid.shape[1])
        gathered = padded[:, grid]  # b x other articles x width
        part = np.argpartition(-gathered, k - 1, axis=2)[:, :, :k]
        cols = np.take_along_axis(np.broadcast_to(grid, gathered.shape), part, axis=2)
        rows = np.broadcast_to(np.arange(lo, lo + b)[:, None, None], cols.shape)
        rows, cols = rows.ravel(), cols.ravel()
        keep = cols < m
        return rows[keep], index[cols[keep]]


def ranked(
    rows: np.ndarray, cols: np.ndarray, scores: np.ndarray, article: np.ndarray, top: int
) -> np.ndarray:
    """Indices into the pairs, ordered by claim, article, best score first (earlier sentence on
    ties), keeping the first `top` of each (claim, other article); also returns each one's rank."""
    order = np.lexsort((cols, -scores, article[cols], rows))
    r, a = rows[order], article[cols[order]]
    new = np.r_[True, (r[1:] != r[:-1]) | (a[1:] != a[:-1])]
    start = np.maximum.accumulate(np.where(new, np.arange(len(order)), 0))
    rank = np.arange(len(order)) - start + 1
    keep = rank <= top
    return np.stack([order[keep], rank[keep]])
