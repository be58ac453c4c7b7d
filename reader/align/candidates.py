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


# Other articles past which a block is handled among all of them at once, not article by article
# (`ArticleGrid.best`, `evidence._CrossFuzzy.rows`): many short ones
MANY_ARTICLES = 32


class ArticleGrid:
    def __init__(self, article: np.ndarray):
        self.article = article
        n = len(article)
        self.starts = np.flatnonzero(np.r_[True, article[1:] != article[:-1]])
        self.ends = np.r_[self.starts[1:], n]
        self.tie = np.arange(n) * TIE_BREAK
        self._grids: dict[int, np.ndarray] = {}

    def _spans(self, own: int) -> tuple[np.ndarray, np.ndarray]:
        """(first columns, claims) of the other articles among the columns that leave article
        `own` out."""
        gap = self.ends[own] - self.starts[own]
        others = np.r_[0:own, own + 1 : len(self.starts)]
        first = self.starts[others]
        return first - gap * (first > self.starts[own]), self.ends[others] - first

    def _others(self, own: int) -> np.ndarray:
        """(other articles x their longest) positions of their claims among the columns that
        leave article `own` out; padded with the number of those columns."""
        grid = self._grids.get(own)
        if grid is None:
            gap = self.ends[own] - self.starts[own]
            first, size = self._spans(own)
            width = int(size.max(initial=0))
            at = np.arange(width)
            grid = np.where(at < size[:, None], first[:, None] + at, len(self.article) - gap)
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
        k = min(k, grid.shape[1])
        # article by article, each its own columns; but many short ones (hardly padded) at
        # once: a call each cost more than their few columns (1,000 one-sentence articles)
        dense = grid.shape[0] > MANY_ARTICLES and grid.size <= 2 * m
        if not dense and np.isfinite(scores).all():
            rows, cols = [], []
            for first, size in zip(*(x.tolist() for x in self._spans(own)), strict=True):
                at = slice(first, first + size)
                r, c = _largest(scores[:, at] - self.tie[index[at]], k, grid.shape[1])
                rows.append(r + lo)
                cols.append(index[c + first])
            return np.concatenate(rows), np.concatenate(cols)
        padded = np.concatenate([scores - self.tie[index], np.full((b, 1), -np.inf)], axis=1)
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


# rows at least this many times `k` wide are ranked by `_largest`'s floor
WIDE = 16


def _largest(values: np.ndarray, k: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """(rows, columns) of the `k` largest of each row of `values` (finite): those that
    `np.argpartition` picks of each row padded to `width` with -inf, as `ArticleGrid.best`
    did for every other article at once. On a wide row (a long article's claims against
    another long one), the least of the maxima of k parts of the row is reached by k of its
    values at least: only those it reaches are ranked, a fraction of argpartition's time.
    A row whose k-th and next values are equal is left to argpartition: it breaks the tie."""
    n, size = values.shape
    if k >= size:
        return np.repeat(np.arange(n), size), np.tile(np.arange(size), n)
    if size < WIDE * k:
        part = np.argpartition(-values, (k - 1, k), axis=1)
        kth, after = (np.take_along_axis(values, part[:, [j]], axis=1)[:, 0] for j in (k - 1, k))
        rows, cols = np.repeat(np.arange(n), k), part[:, :k].ravel()
    else:
        step = size // k
        floor = values[:, : k * step].reshape(n, k, step).max(axis=2).min(axis=1)
        rows, cols = np.nonzero(values >= floor[:, None])
        order = np.lexsort((-values[rows, cols], rows))  # best first in each row
        rows, cols = rows[order], cols[order]
        starts = np.searchsorted(rows, np.arange(n))  # (each row has k at least)
        kth = values[rows[starts + k - 1], cols[starts + k - 1]]
        # the next value, where it is among them (else it is below the floor, so below the k-th)
        nxt = np.minimum(starts + k, len(rows) - 1)
        among = np.r_[starts[1:], len(rows)] > starts + k
        after = np.where(among, values[rows[nxt], cols[nxt]], -np.inf)
        keep = np.arange(len(rows)) - starts[rows] < k
        rows, cols = rows[keep], cols[keep]
    tied = np.flatnonzero(kth == after)
    if tied.size:
        padded = np.full((len(tied), width), -np.inf)
        padded[:, :size] = values[tied]
        picked = np.argpartition(-padded, k - 1, axis=1)[:, :k]
        again = np.isin(rows, tied, invert=True)
        rows = np.r_[rows[again], np.repeat(tied, k)]
        cols = np.r_[cols[again], picked.ravel()]
        keep = cols < size
        rows, cols = rows[keep], cols[keep]
    return rows, cols
