"""Per-article selection: the best few claims of each other article, for a block of claims.

Claims of one article are contiguous in a story, so scores are gathered into an
(articles x longest article) grid and `argpartition` picks each article's best without sorting
the whole row. Ties break towards the earlier sentence.
"""

from __future__ import annotations

import numpy as np

TIE_BREAK = 1e-7  # per claim index: far below the 0.1 step of a rounded score


class ArticleGrid:
    def __init__(self, article: np.ndarray):
        self.article = article
        n = len(article)
        starts = np.flatnonzero(np.r_[True, article[1:] != article[:-1]])
        ends = np.r_[starts[1:], n]
        width = int((ends - starts).max()) if n else 0
        self.grid = np.full((len(starts), width), n, dtype=np.int64)  # n = padding
        for a, (s, e) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
            self.grid[a, : e - s] = np.arange(s, e)
        self.tie = np.r_[np.arange(n) * TIE_BREAK, 0.0]

    def best(self, scores: np.ndarray, lo: int, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(rows, cols): up to `k` best claims per other article for each row of `scores`.

        `scores` holds claims lo.. as rows and every claim of the story as columns.
        """
        b, n = scores.shape
        padded = np.concatenate([scores, np.full((b, 1), -np.inf)], axis=1) - self.tie
        k = min(k, self.grid.shape[1])
        gathered = padded[:, self.grid]  # b x articles x width
        part = np.argpartition(-gathered, k - 1, axis=2)[:, :, :k]
        cols = np.take_along_axis(np.broadcast_to(self.grid, gathered.shape), part, axis=2)
        rows = np.broadcast_to(np.arange(lo, lo + b)[:, None, None], cols.shape)
        rows, cols = rows.ravel(), cols.ravel()
        keep = cols < n
        rows, cols = rows[keep], cols[keep]
        keep = self.article[cols] != self.article[rows]
        return rows[keep], cols[keep]


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
