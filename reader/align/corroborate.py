"""Corroboration: what two other outlets' versions of a fact agree on.

A story is told by several articles. When a claim's closest sentence in a third article (its
anchor there, a strong match by its words) also matches a sentence of the article being searched,
that sentence likely reports the claim's fact in the third article's words: "stop its expansion"
meets "halt to NATO enlargement" in one article, and that one meets "an effective veto on future
Nato enlargement" in another. The path's strength is the weaker of its two links;
`reader.align.score` raises a pair towards the strongest path through the claim's anchors in up
to `THIRD_ARTICLES` other articles.

A sentence that goes on from the one before it (`reader.align.weighting.goes_on`) is also on a
path through that sentence, of the claim's quick score with it (`PairScorer.paths`).

Links are read with the quick score (`reader.align.score.quick`: the pair score by the weighted
terms alone, the fuzzy ratio at its typical value), so that a claim's anchors and their rows cost
one pass over the term postings, for a block of claims or for one pair alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

import numpy as np

from reader.align.candidates import ArticleGrid

# A claim's anchors in this many other articles (the strongest first) make its paths to an
# article. Strong links are few: on the dev gold and the invented stories 1, 2 and 3 find the
# same counterparts, and each more costs a row of weighted terms per claim of a big story.
THIRD_ARTICLES = 1
# A third article's sentence anchors a path when it matches the claim this well by its words:
# the strong level of the pair score (`reader.align.score.STRONG_SCORE`).
STRONG_LINK = 60.0
ANCHOR_ROWS = 32  # anchors whose rows of weighted terms are worked out at once


class Anchors(NamedTuple):
    """For each claim of a block, its closest claim in each of its `THIRD_ARTICLES` + 1 other
    articles where that claim is closest, strongest first (the one more stands in when a path's
    target is one of the others): claim index, quick score, article number (-1: none)."""

    claim: np.ndarray
    strength: np.ndarray
    article: np.ndarray


def anchors(
    lexical: np.ndarray, lo: int, grid: ArticleGrid, link: Callable[[np.ndarray], np.ndarray]
) -> Anchors:
    """The `Anchors` of claims lo.. (all of one article), from their weighted-term similarity
    `lexical` to every claim of the other articles (`ArticleGrid.best`'s layout; ties go to the
    earlier claim); `link` gives a quick score from `lexical`. Only strong links anchor."""
    b = lexical.shape[0]
    own = int(grid.article[lo])
    start, end = int(grid.starts[own]), int(grid.ends[own])
    rows, cols = grid.best(lexical, lo, 1)
    strength = link(lexical[rows - lo, cols - (end - start) * (cols >= end)])
    keep = strength >= STRONG_LINK
    rows, cols, strength = rows[keep], cols[keep], strength[keep]
    article = grid.article[cols]
    order = np.lexsort((article, -strength, rows))  # by claim, strongest first, article order
    rows, cols, strength, article = rows[order], cols[order], strength[order], article[order]
    slot = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left")
    keep = slot <= THIRD_ARTICLES
    shape = (b, THIRD_ARTICLES + 1)
    out = Anchors(
        np.full(shape, -1, dtype=np.int64), np.full(shape, -np.inf), np.full(shape, -1, np.int64)
    )
    at = (rows[keep] - lo, slot[keep])
    out.claim[at], out.strength[at], out.article[at] = cols[keep], strength[keep], article[keep]
    return out


def paths(
    found: Anchors,
    rows: np.ndarray,
    cols: np.ndarray,
    col_article: np.ndarray,
    lexical_rows: Callable[[np.ndarray], np.ndarray],
    link: Callable[[np.ndarray], np.ndarray],
) -> np.ndarray:
    """For each pair (the block's claim of row `rows[k]`, column `cols[k]`, of article
    `col_article[k]`): the strongest path through the claim's anchors in other articles than the
    column's, `THIRD_ARTICLES` of them at most; 0 where there is none. `lexical_rows(claims)`:
    the weighted-term similarity of those claims to every column; `link`: its quick score."""
    out = np.zeros(len(rows))
    # the last anchor stands in only for a target article among the strongest ones
    target_among = (found.article[rows, :THIRD_ARTICLES] == col_article[:, None]).any(axis=1)
    used = []
    for s in range(THIRD_ARTICLES + 1):
        anchor = found.claim[rows, s]
        use = (anchor >= 0) & (found.article[rows, s] != col_article)
        if s == THIRD_ARTICLES:
            use &= target_among
        k = np.flatnonzero(use)
        used.append((s, k, anchor[k]))
    # rows only of anchors on some pair's path: a claim's anchor in the column's own article
    # is none (a story of two articles has no path at all, and each row is as wide as it)
    wanted = np.unique(np.concatenate([a for _, _, a in used]))
    if not wanted.size:
        return out
    slots = [(s, k, np.searchsorted(wanted, a)) for s, k, a in used]
    for first, table in _batches(wanted, lexical_rows):
        for s, k, at in slots:
            mine = (at >= first) & (at < first + len(table))
            if mine.any():
                k_, at_ = k[mine], at[mine] - first
                second = link(table[at_, cols[k_]])
                out[k_] = np.maximum(out[k_], np.minimum(found.strength[rows[k_], s], second))
    return out


def _batches(
    claims: np.ndarray, lexical_rows: Callable[[np.ndarray], np.ndarray]
) -> Iterator[tuple[int, np.ndarray]]:
    """(first, rows): the anchors' rows `ANCHOR_ROWS` at a time (a big story's block has
    hundreds of anchors, each a row as wide as the story), with the position of the first."""
    for first in range(0, len(claims), ANCHOR_ROWS):
        yield first, lexical_rows(claims[first : first + ANCHOR_ROWS])


def path_matrix(
    found: Anchors,
    col_article: np.ndarray,
    lexical_rows: Callable[[np.ndarray], np.ndarray],
    link: Callable[[np.ndarray], np.ndarray],
) -> np.ndarray:
    """`paths` of every pair of the block's claims (rows) and the columns (of articles
    `col_article`), as a matrix: the same values, without a pair list as long as the matrix."""
    out = np.zeros((found.claim.shape[0], len(col_article)))
    valid = found.claim >= 0
    if not valid.any():
        return out
    wanted = np.unique(found.claim[valid])
    for first, table in _batches(wanted, lexical_rows):
        for s in range(THIRD_ARTICLES + 1):
            at = np.searchsorted(wanted, found.claim[:, s]) - first
            r = np.flatnonzero(valid[:, s] & (at >= 0) & (at < len(table)))
            if not len(r):
                continue
            second = link(table[at[r]])
            use = found.article[r, s, None] != col_article
            if s == THIRD_ARTICLES:  # stands in only for a target among the strongest ones
                among = np.zeros_like(use)
                for t in range(THIRD_ARTICLES):
                    among |= found.article[r, t, None] == col_article
                use &= among
            path = np.minimum(found.strength[r, s, None], second)
            out[r] = np.where(use, np.maximum(out[r], path), out[r])
    return out
