"""The whole-sentence fuzzy signal: rapidfuzz on `utils.default_process`-ed text.

`token_set_ratio` ranks reworded counterparts best, but it gives 100 to a short fragment contained
in a long sentence, so any pair in which either side has few content words is scored with plain
`ratio` instead.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process, utils

from reader.align.words import content_words

SHORT_CLAIM_WORDS = 6


def is_short(texts: list[str]) -> np.ndarray:
    """True for each text with too few content words for `token_set_ratio`."""
    return np.array([_short(t) for t in texts], dtype=bool)


@functools.lru_cache(maxsize=1 << 15)  # an article may repeat a sentence (a long one's are
# read a run at a time: a sentence of several runs is read once)
def _short(text: str) -> bool:
    return len(content_words(text)) < SHORT_CLAIM_WORDS


def processed(texts: list[str]) -> list[str]:
    return [utils.default_process(t) for t in texts]


def token_sets(texts: Sequence[str]) -> list[str]:
    """Each `processed` text as its words, sorted, each once: `token_set_ratio` reads nothing
    else, so it scores these the same, a quarter faster (it sorts no words per pair)."""
    # (an article may repeat a sentence, a hostile one thousands of times: each is sorted once)
    made = {t: " ".join(sorted(set(t.split()))) for t in dict.fromkeys(texts)}
    return [made[t] for t in texts]


# Below this many pairs, starting rapidfuzz's threads costs more than they save.
THREADED_PAIRS = 100_000
# All cores for big matrices; 1 in an import's worker processes, which already fill the cores.
max_threads = -1


def _threads(pairs: int, workers: int | None) -> int:
    if workers is not None:
        return workers
    return max_threads if pairs >= THREADED_PAIRS else 1


def fuzzy_scores(
    q: list[str],
    c: list[str],
    short_q: np.ndarray,
    short_c: np.ndarray,
    workers: int | None = None,
    sets: tuple[list[str], list[str]] | None = None,
) -> np.ndarray:
    """Pairwise fuzzy similarity 0-100 of `processed` texts; short texts use plain `ratio`.
    `sets`: the `token_sets` of q and c, when the caller has them."""
    workers = _threads(len(q) * len(c), workers)
    q_sets, c_sets = sets if sets is not None else (token_sets(q), token_sets(c))
    scores = process.cdist(
        q_sets, c_sets, scorer=fuzz.token_set_ratio, dtype=np.float32, workers=workers
    )
    if short_q.any() or short_c.any():
        plain = process.cdist(q, c, scorer=fuzz.ratio, dtype=np.float32, workers=workers)
        scores = np.where(short_q[:, None] | short_c[None, :], plain, scores)
    return scores


def score_matrix(queries: list[str], choices: list[str]) -> np.ndarray:
    """`fuzzy_scores` of raw texts."""
    q, c = processed(queries), processed(choices)
    return fuzzy_scores(q, c, is_short(queries), is_short(choices))


def fuzzy_pairs(
    q: np.ndarray,
    c: np.ndarray,
    short_q: np.ndarray,
    short_c: np.ndarray,
    sets: tuple[np.ndarray, np.ndarray],
    workers: int | None = None,
) -> np.ndarray:
    """`fuzzy_scores` of corresponding elements (object arrays of strings): q[k] with c[k];
    `sets`: their `token_sets`, likewise."""
    workers = _threads(len(q), workers)
    short = short_q | short_c
    q_sets, c_sets = sets
    if not short.any():
        return process.cpdist(
            q_sets, c_sets, scorer=fuzz.token_set_ratio, dtype=np.float32, workers=workers
        )
    # each pair by its one scorer: `token_set_ratio` costs most of an import's alignment, and a
    # fifth of a long story's pairs have a short side
    scores = np.empty(len(q), dtype=np.float32)
    long = ~short
    scores[short] = process.cpdist(
        q[short], c[short], scorer=fuzz.ratio, dtype=np.float32, workers=workers
    )
    scores[long] = process.cpdist(
        q_sets[long], c_sets[long], scorer=fuzz.token_set_ratio, dtype=np.float32, workers=workers
    )
    return scores
