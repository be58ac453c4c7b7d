"""Postings: for each term of a story (numbered from 0), the claims that use it, in claim order,
all terms in one array, so that the postings of any number of terms are gathered in a fixed number
of array operations however many terms there are (a big story has 30,000 claims, each asking for
its own terms). Both signals that weigh shared terms use it: the evidence's weighted terms
(`reader.align.weighting`) and the suggestions' shared rare stems (`reader.suggest.support`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

import numpy as np


class Postings:
    def __init__(self, by_term: Sequence[Sequence[int]], n: int):
        """`by_term[k]`: the claims (of `n`) using term k, in increasing order."""
        lengths = np.fromiter(map(len, by_term), dtype=np.int64, count=len(by_term))
        claims = np.fromiter(chain.from_iterable(by_term), dtype=np.int64, count=int(lengths.sum()))
        self._set(lengths, claims, n)

    @classmethod
    def sorted(cls, terms: np.ndarray, claims: np.ndarray, count: int, n: int) -> Postings:
        """The postings of (term, claim) pairs sorted by term, then claim; `count` terms."""
        self = cls.__new__(cls)
        lengths = np.bincount(terms, minlength=count).astype(np.int64)
        self._set(lengths, claims.astype(np.int64), n)
        return self

    @classmethod
    def of_rows(
        cls, terms: np.ndarray, sizes: Sequence[int] | np.ndarray, count: int
    ) -> tuple[Postings, np.ndarray]:
        """The postings of rows whose term ids (of `count`) are `terms`, row after row, `sizes[k]`
        of row k; and `order`: what is given per term of a row, in the same layout (its weight),
        taken to the order of the postings by `values[order]`."""
        rows = np.repeat(np.arange(len(sizes)), sizes)
        order = np.argsort(terms, kind="stable")  # term by term, each in row order
        return cls.sorted(terms[order], rows[order], count, len(sizes)), order

    def _set(self, lengths: np.ndarray, claims: np.ndarray, n: int) -> None:
        """Each term's number of claims, and all the claims term by term, of `n`."""
        self.n = n
        self.ptr = np.concatenate(([0], np.cumsum(lengths)))
        self.claims = claims
        # (term, claim) as one sorted key: where a run of claims starts within every posting
        self.keys = np.repeat(np.arange(len(lengths)), lengths) * n + claims
        # where the claims of the last `skip` asked for start and end in every term's postings
        # (`_skipped`), once it was asked for as many terms as there are
        self._skip: tuple[int, int] | None = None
        self._asked = 0
        self._bounds: tuple[np.ndarray, np.ndarray] | None = None
        self._columns: tuple[tuple[int, int], np.ndarray] | None = None  # `columns`

    def gather(
        self, terms: np.ndarray, skip: tuple[int, int] | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Every posting of each of `terms` (term ids), term by term in order: its position in
        `claims`, and which of `terms` it is of. Without the claims skip[0]..skip[1]-1: each
        posting's part before them, then its part after them."""
        lo, hi = self.ptr[terms], self.ptr[terms + 1]
        if skip is None:
            starts, ends, source = lo, hi, np.arange(len(terms))
        else:
            a, b = self._skipped(terms, skip)
            starts, ends = np.stack([lo, b], axis=1).ravel(), np.stack([a, hi], axis=1).ravel()
            source = np.repeat(np.arange(len(terms)), 2)
        sizes = ends - starts
        # positions starts[k]..ends[k]-1 of every part, concatenated in order
        where = np.repeat(starts - (np.cumsum(sizes) - sizes), sizes) + np.arange(sizes.sum())
        return where, np.repeat(source, sizes)

    def columns(self, skip: tuple[int, int] | None) -> np.ndarray:
        """Each posting's claim as a column of rows scored against all claims but
        skip[0]..skip[1]-1 (all claims when None): the claims after them moved up to close the
        gap. Worked out once for the skip of the last rows asked for: a long article's blocks
        all skip it, and each gathered a million postings' claims and moved them itself."""
        if skip is None:
            return self.claims
        if self._columns is None or self._columns[0] != skip:
            claims = self.claims
            self._columns = (skip, claims - (skip[1] - skip[0]) * (claims >= skip[1]))
        return self._columns[1]

    def _skipped(self, terms: np.ndarray, skip: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
        """Where the claims skip[0]..skip[1]-1 start and end in each of `terms`' postings. A
        long article's blocks all skip it: once they have asked for as many terms as the story
        has, this is worked out for every term at once, and then only looked up (two binary
        searches of all the postings a block's term took a third of gathering them)."""
        if skip != self._skip:
            self._skip, self._asked, self._bounds = skip, 0, None
        self._asked += len(terms)
        count = len(self.ptr) - 1
        if self._bounds is None and self._asked >= count:
            self._bounds = self._searched(np.arange(count), skip)
        if self._bounds is not None:
            return self._bounds[0][terms], self._bounds[1][terms]
        return self._searched(terms, skip)

    def _searched(self, terms: np.ndarray, skip: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
        """`_skipped` of `terms`, by two binary searches of all the postings."""
        keys = terms * self.n
        return np.searchsorted(self.keys, keys + skip[0]), np.searchsorted(
            self.keys, keys + skip[1]
        )
