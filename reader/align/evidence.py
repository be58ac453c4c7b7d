"""Evidence: for every claim, the best-matching claims of each *other* article of the same story.

Every pair is scored by `reader.align.score` (weighted shared terms + fuzzy ratio): the one
score the app, reasons, database and exports show. Small stories are scored exhaustively. Past
`PAIR_BUDGET` pairs, each claim keeps the `CANDIDATES` best claims of each other article by the
cheap weighted-term signal (exact dot products through postings), and only those get the fuzzy
ratio: pruning per article, so a big story cannot crowd one article's counterpart out.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

import numpy as np

from reader.align.candidates import MANY_ARTICLES, ArticleGrid, article_numbers, ranked
from reader.align.fuzzy import SHORT_CLAIM_WORDS, fuzzy_pairs, fuzzy_scores, score_matrix
from reader.align.score import PARAPHRASE_Z, PairScorer, combine, corroborated, held
from reader.align.words import STOPWORDS, content_words
from reader.models import Claim, Evidence, Story

__all__ = [
    "MIN_SCORE",
    "NO_PAIRS",
    "SHORT_CLAIM_WORDS",
    "STOPWORDS",
    "Pairs",
    "align_blocks",
    "align_story",
    "as_evidence",
    "by_claim",
    "content_words",
    "score_matrix",
]

TOP_PER_ARTICLE = 5
MIN_SCORE = 25.0  # just above a typical unrelated pair (20): shares nothing specific; not stored
# ...unless among the WEAK_TOP best of its article, kept down to a typical unrelated pair's score:
# a counterpart in other words scores as low as that ("machinists have voted to keep up their
# strike" / "64% of the workers voted against the new contract": 21.5), and a reviewer reads an
# article's few best. On 20 real stories' counterpart gold, (claim, article) groups with a
# counterpart in the top 3: 0.934 -> 0.949; the seeds' figures are unchanged.
WEAK_SCORE = 20.0
WEAK_TOP = 3
# Evidence a claim keeps at most, the strongest: what a story of 101 articles gives at most
# (the top 3 of each of a 40-article story's are all kept: `benchmarks/evidence.py`). A story of
# 3,000 one-sentence files kept 1,379 a claim (mostly the weak pairs each article has): four
# million rows, and a story of 10,000 ran out of memory.
MAX_EVIDENCE = 100 * TOP_PER_ARTICLE
CANDIDATES = 20  # per claim and other article, by weighted terms and by meaning, when pruned
# claims scored at once at most: a block's cost is mostly fixed (some 20 array operations,
# each on all its rows), so a long article against short ones is aligned in fewer, bigger
# blocks (256 rows: 17 % more CPU for a 2 MB article's alignment)
CHUNK_ROWS = 1024
CHUNK_CELLS = 1_000_000  # (claim, other claim) cells scored at once: some 8 MB per matrix
MIN_CHUNK_ROWS = 8  # ...unless the story is so big that fewer rows would be slower than memory
PAIR_BUDGET = 2_000_000  # cross-article pairs scored exhaustively before pruning kicks in


class Pairs(NamedTuple):
    """Evidence of a block of claims as arrays (claim indices into `story.claims()`), ordered by
    claim, other article, rank: a few bytes a pair where an `Evidence` costs a few hundred."""

    rows: np.ndarray  # the claim
    cols: np.ndarray  # the other claim
    ranks: np.ndarray
    scores: np.ndarray

    def __len__(self) -> int:
        return len(self.rows)


NO_PAIRS = Pairs(*(np.zeros(0, dtype=t) for t in (np.int32, np.int32, np.int16, np.float64)))


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
    blocks = align_blocks(
        story, top=top, min_score=min_score, pair_budget=pair_budget, candidates=candidates,
        scorer=scorer,
    )  # fmt: skip
    return [e for _, _, pairs in blocks for e in as_evidence(claims, pairs)]


def as_evidence(claims: Sequence[Claim], pairs: Pairs) -> Iterator[Evidence]:
    """`pairs` as `Evidence`, in their order."""
    for i, j, rank, score in zip(
        pairs.rows.tolist(), pairs.cols.tolist(), pairs.ranks.tolist(), pairs.scores.tolist(),
        strict=True,
    ):  # fmt: skip
        other = claims[j]
        yield Evidence(claims[i].id, other.id, other.article, rank, score, other.text)


def by_claim(
    claims: Sequence[Claim], lo: int, hi: int, pairs: Pairs
) -> tuple[list[Evidence], dict[int, list[Evidence]]]:
    """A block's `pairs` as `Evidence`, in their order, and each claim lo..hi-1's own.

    Each is made without `Evidence.__init__`, which (a frozen dataclass's) sets every field
    through `object.__setattr__`: a long story's blocks make some 300,000 of them, and that
    took 0.15 s of a 2 MB article's import."""
    evidence: list[Evidence] = []
    found: dict[int, list[Evidence]] = {i: [] for i in range(lo, hi)}
    add, new = evidence.append, object.__new__
    for i, j, rank, score in zip(
        pairs.rows.tolist(), pairs.cols.tolist(), pairs.ranks.tolist(), pairs.scores.tolist(),
        strict=True,
    ):  # fmt: skip
        other = claims[j]
        e = new(Evidence)
        e.__dict__.update(
            claim_id=claims[i].id, other_id=other.id, article=other.article, rank=rank,
            score=score, text=other.text,
        )  # fmt: skip
        add(e)
        found[i].append(e)
    return evidence, found


def align_blocks(
    story: Story,
    *,
    top: int = TOP_PER_ARTICLE,
    min_score: float = MIN_SCORE,
    pair_budget: int = PAIR_BUDGET,
    candidates: int = CANDIDATES,
    scorer: PairScorer | None = None,
    only: range | None = None,
) -> Iterator[tuple[int, int, Pairs]]:
    """(lo, hi, pairs): the evidence of claims lo..hi-1, block after block in claim order, the
    blocks covering every claim; what `align_story` returns, a block at a time, so that a big
    story's millions of pairs need never be in memory at once. `only`: the numbers of the
    blocks wanted (of `block_count(story)`), the others are skipped."""
    claims = story.claims()
    if len({c.article for c in claims}) < 2:
        for b, lo in enumerate(range(0, len(claims), CHUNK_ROWS)):
            if only is None or b in only:
                yield lo, min(len(claims), lo + CHUNK_ROWS), NO_PAIRS
        return
    scorer = scorer or PairScorer(claims, headlines=story.headline_ids())
    article = scorer.articles
    sizes = np.bincount(article)
    n = len(claims)
    exhaustive = n * n - int((sizes**2).sum()) <= pair_budget
    grid = ArticleGrid(article)
    fuzzy = _CrossFuzzy(scorer, grid, whole=only is None) if exhaustive else None
    semantic = scorer.semantic.on
    for b, (lo, hi, (start, end)) in enumerate(_blocks(article)):
        if only is not None and b not in only:
            continue
        # columns: the other articles' claims only; a long article is not scored against itself
        lex, facts = scorer.weights.with_facts(lo, hi, (start, end))
        z = scorer.semantic.z(slice(lo, hi), np.r_[0:start, end:n]) if semantic else None
        if fuzzy is not None:
            fz = fuzzy.rows(lo, hi)
            full = corroborated(combine(lex, fz, z), scorer.path_matrix(lo, (start, end), lex))
            full = held(full, facts)
            rows, cols = grid.best(full, lo, top)
            at = cols - (end - start) * (cols >= end)  # claim -> column
            scores = full[rows - lo, at]
            del full
        else:
            # candidates: the best of each other article by weighted terms, and as many by
            # meaning (a paraphrase shares few words with its claim), of those that meaning
            # raises at all: one it leaves as it is competes on terms, where it already lost
            rows, cols = grid.best(lex, lo, candidates)
            if z is not None:
                more_rows, more_cols = grid.best(z, lo, candidates)
                more_at = more_cols - (end - start) * (more_cols >= end)
                raised = z[more_rows - lo, more_at] > PARAPHRASE_Z
                more_rows, more_cols = more_rows[raised], more_cols[raised]
                pair = _distinct(np.r_[rows * n + cols, more_rows * n + more_cols])
                rows, cols = pair // n, pair % n
            at = cols - (end - start) * (cols >= end)
            fz = _fuzzy(scorer, rows, cols, lo, hi)
            scores = combine(lex[rows - lo, at], fz, _at(z, rows - lo, at))
            path = scorer.paths(lo, (start, end), lex, rows - lo, at)
            scores = held(corroborated(scores, path), facts[rows - lo, at])
        del lex, facts, fz, at, z
        keep = scores >= min(min_score, WEAK_SCORE)
        rows, cols, scores = rows[keep], cols[keep], scores[keep]
        keep, ranks = ranked(rows, cols, scores, article, top)
        fine = (scores[keep] >= min_score) | (ranks <= WEAK_TOP)  # (a weak pair ranks 1-3)
        keep, ranks = keep[fine], ranks[fine]
        if len(keep) > (hi - lo) * MAX_EVIDENCE:  # (a story of many articles)
            most = _at_most(rows[keep], cols[keep], scores[keep], MAX_EVIDENCE)
            keep, ranks = keep[most], ranks[most]
        yield lo, hi, Pairs(
            rows[keep].astype(np.int32), cols[keep].astype(np.int32), ranks.astype(np.int16),
            scores[keep],
        )  # fmt: skip


def _at_most(rows: np.ndarray, cols: np.ndarray, scores: np.ndarray, most: int) -> np.ndarray:
    """The positions of the pairs kept when each row keeps its `most` best (the earlier
    sentence first on ties), in the order given."""
    order = np.lexsort((cols, -scores, rows))
    r = rows[order]
    first = np.searchsorted(r, r)  # where each pair's row starts among the sorted pairs
    return np.sort(order[np.arange(len(r)) - first < most])


def _fuzzy(scorer: PairScorer, rows: np.ndarray, cols: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """`fuzzy_pairs` of claims rows[k] and cols[k] (rows among claims lo..hi-1). Where their
    texts are few (an article repeating a sentence, a hostile one a sentence 45,000 times), each
    pair of texts is scored once: a matrix of the distinct texts, read pair by pair."""
    ids = scorer.text_ids
    mine = np.unique(ids[lo:hi])
    theirs = np.zeros(len(ids), dtype=bool)  # (ids run below the number of claims)
    theirs[ids[cols]] = True
    theirs = np.flatnonzero(theirs)
    if 2 * mine.size * theirs.size > rows.size:  # as many pairs of texts as pairs: one by one
        texts, sets, short = scorer.processed_array, scorer.sets_array, scorer.short
        return fuzzy_pairs(
            texts[rows], texts[cols], short[rows], short[cols], (sets[rows], sets[cols])
        )
    claim_of = _claim_of(ids)
    matrix = _text_matrix(scorer, claim_of[mine], claim_of[theirs])
    row_of, col_of = np.empty(len(ids), dtype=np.int64), np.empty(len(ids), dtype=np.int64)
    row_of[mine], col_of[theirs] = np.arange(mine.size), np.arange(theirs.size)
    return matrix[row_of[ids[rows]], col_of[ids[cols]]]


def _claim_of(ids: np.ndarray) -> np.ndarray:
    """A claim of each text, by its `PairScorer.text_ids` number."""
    claim_of = np.empty(len(ids), dtype=np.int64)
    claim_of[ids] = np.arange(len(ids))
    return claim_of


def _text_matrix(scorer: PairScorer, q: np.ndarray, c: np.ndarray) -> np.ndarray:
    """`fuzzy_scores` of claims q (rows) against claims c (columns)."""
    texts, sets, short = scorer.processed_array, scorer.sets_array, scorer.short
    return fuzzy_scores(
        list(texts[q]), list(texts[c]), short[q], short[c], sets=(list(sets[q]), list(sets[c]))
    )


def _distinct(keys: np.ndarray) -> np.ndarray:
    """`np.unique(keys)`: sorted, then each run kept once (numpy's own, hashing first, took
    ten times as long on a block's 20,000 candidate pairs)."""
    keys = np.sort(keys)
    return keys[np.r_[True, keys[1:] != keys[:-1]]] if keys.size else keys


def _at(z: np.ndarray | None, rows: np.ndarray, cols: np.ndarray) -> np.ndarray | None:
    return None if z is None else z[rows, cols]


def block_count(story: Story) -> int:
    """How many blocks `align_blocks` yields for `story`."""
    return len(block_sizes(story))


def block_sizes(story: Story) -> list[tuple[int, int]]:
    """For each block `align_blocks` yields for `story`, in order, the number of the first
    claim of the article its claims are from (0 for all when nothing is aligned), and how
    many claims it holds."""
    claims = story.claims()
    if len({c.article for c in claims}) < 2:
        return [(0, min(CHUNK_ROWS, len(claims) - lo)) for lo in range(0, len(claims), CHUNK_ROWS)]
    return [(start, hi - lo) for lo, hi, (start, _) in _blocks(article_numbers(claims))]


class _CrossFuzzy:
    """Fuzzy scores of every cross-article pair, each scored once: the ratios are symmetric, so
    article B's rows against article A are A's block of B, transposed (half the scoring of
    asking every article for all its columns). A block is freed once both articles are done.

    Unless `whole`: only some blocks are wanted (a long story's, shared among worker processes
    that each align a run of one article's blocks), and a block's rows are scored on their own,
    each pair the same way round as in the whole block. Each run had scored the whole of its
    article against every other one for the few rows it wanted: a 7,500-sentence article and
    two short ones took 4 s of fuzzy ratios where 0.6 s do."""

    def __init__(self, scorer: PairScorer, grid: ArticleGrid, whole: bool = True):
        self.scorer = scorer
        self.spans = list(zip(grid.starts.tolist(), grid.ends.tolist(), strict=True))
        self.done: dict[tuple[int, int], np.ndarray] = {}  # (a, b), a < b: a's rows x b's
        self.whole = whole

    def _score(self, q: tuple[int, int], c: tuple[int, int]) -> np.ndarray:
        """Claims q[0]..q[1]-1 (rows) against claims c[0]..c[1]-1; where their texts are few
        (an article repeating its sentences), each pair of texts is scored once."""
        (a, b), (s, e) = q, c
        ids = self.scorer.text_ids
        rows, row_of = np.unique(ids[a:b], return_inverse=True)
        cols, col_of = np.unique(ids[s:e], return_inverse=True)
        if 2 * rows.size * cols.size > (b - a) * (e - s):
            return _text_matrix(self.scorer, np.arange(a, b), np.arange(s, e))
        claim_of = _claim_of(ids)
        return _text_matrix(self.scorer, claim_of[rows], claim_of[cols])[np.ix_(row_of, col_of)]

    def _pair(self, a: int, b: int) -> np.ndarray:
        block = self.done.get((a, b))
        if block is None:
            block = self.done[(a, b)] = self._score(self.spans[a], self.spans[b])
        return block

    def _against(self, own: int, other: int, lo: int, hi: int) -> np.ndarray:
        """Claims lo..hi-1 of article `own` against every claim of article `other`."""
        start = self.spans[own][0]
        if self.whole and other < own:
            return self._pair(other, own)[:, lo - start : hi - start].T
        if self.whole:
            return self._pair(own, other)[lo - start : hi - start]
        # the earlier article's claims as the rows, as in its `_pair`
        if other < own:
            return self._score(self.spans[other], (lo, hi)).T
        return self._score((lo, hi), self.spans[other])

    def rows(self, lo: int, hi: int) -> np.ndarray:
        """Claims lo..hi-1 (of one article) against every claim of the other articles."""
        own = next(k for k, (s, e) in enumerate(self.spans) if s <= lo < e)
        if len(self.spans) > MANY_ARTICLES:
            # many articles: a call per pair of them cost more than the ratios it saved (a
            # story of 1,000 one-sentence files spent most of its import there); the rows are
            # scored against the whole story at once, their own article's columns then left out
            start, end = self.spans[own]
            whole = self._score((lo, hi), (0, self.spans[-1][1]))
            return np.concatenate([whole[:, :start], whole[:, end:]], axis=1)
        parts = [
            self._against(own, other, lo, hi) for other in range(len(self.spans)) if other != own
        ]
        if hi == self.spans[own][1]:  # the article's last block: its pairs with earlier ones
            for other in range(own):
                self.done.pop((other, own), None)
        return np.concatenate(parts, axis=1)


def _blocks(article: np.ndarray) -> Iterator[tuple[int, int, tuple[int, int]]]:
    """(lo, hi, (start, end)): chunks of one article's claims (contiguous in a story,
    start..end-1). A chunk is scored against every claim of the other articles at once: at most
    `CHUNK_CELLS` of them, so the memory a chunk takes does not grow with the story (and
    `CHUNK_ROWS` claims, so a long article against short ones is not scored in one go)."""
    n = len(article)
    starts = np.flatnonzero(np.r_[True, article[1:] != article[:-1]]).tolist()
    for start, end in zip(starts, [*starts[1:], n], strict=True):
        others = n - (end - start)
        rows = max(MIN_CHUNK_ROWS, min(CHUNK_ROWS, CHUNK_CELLS // max(1, others)))
        for lo in range(start, end, rows):
            yield lo, min(end, lo + rows), (start, end)
