"""Evidence: for every claim, the best-matching claims of each *other* article of the same story.

Scores come from rapidfuzz on `utils.default_process`-ed text. `token_set_ratio` ranks paraphrased
counterparts best, but it gives 100 to a short fragment contained in a long sentence, so any pair in
which either side has few content words is scored with plain `ratio` instead.
"""

from __future__ import annotations

import re

import numpy as np
from rapidfuzz import fuzz, process, utils

from reader.models import Evidence, Story

TOP_PER_ARTICLE = 3
MIN_SCORE = 40.0  # below this a "match" is noise; not stored
SHORT_CLAIM_WORDS = 6
CHUNK_ROWS = 512  # claims scored at once: bounds memory to CHUNK_ROWS x claims-in-story

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being it
    its this that these those he she they we you i his her their our your them him us not no do does
    did has have had will would can could should may might must so than then there here which who
    whom whose what when where why how also said says about after before over under into out up
    down more most very just only such""".split()  # noqa: SIM905 -- a word list reads best as text
)


def content_words(text: str) -> list[str]:
    """Lower-cased words of `text` that carry meaning (stopwords dropped)."""
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


def _is_short(texts: list[str]) -> np.ndarray:
    return np.array([len(content_words(t)) < SHORT_CLAIM_WORDS for t in texts], dtype=bool)


def score_matrix(
    queries: list[str],
    choices: list[str],
    *,
    short_q: np.ndarray | None = None,
    short_c: np.ndarray | None = None,
) -> np.ndarray:
    """Pairwise similarity 0-100 of raw texts; short texts are guarded against token_set_ratio."""
    q = [utils.default_process(t) for t in queries]
    c = [utils.default_process(t) for t in choices]
    short_q = _is_short(queries) if short_q is None else short_q
    short_c = _is_short(choices) if short_c is None else short_c
    scores = process.cdist(q, c, scorer=fuzz.token_set_ratio, dtype=np.float32, workers=-1)
    if short_q.any() or short_c.any():
        # plain ratio wherever either side is short
        plain = process.cdist(q, c, scorer=fuzz.ratio, dtype=np.float32, workers=-1)
        scores = np.where(short_q[:, None] | short_c[None, :], plain, scores)
    return scores


def align_story(
    story: Story,
    *,
    top: int = TOP_PER_ARTICLE,
    min_score: float = MIN_SCORE,
    chunk: int = CHUNK_ROWS,
) -> list[Evidence]:
    """Evidence for every claim of `story`: up to `top` claims per other article, best first.

    Rows are scored `chunk` claims at a time so memory stays bounded on very long articles.
    """
    claims = story.claims()
    if len(story.articles) < 2 or not claims:
        return []
    texts = [c.text for c in claims]
    short = _is_short(texts)
    bounds = np.cumsum([0] + [len(a.claims) for a in story.articles])
    article_of = np.repeat(np.arange(len(story.articles)), np.diff(bounds))
    out: list[Evidence] = []
    for lo_row in range(0, len(claims), chunk):
        rows = slice(lo_row, min(lo_row + chunk, len(claims)))
        scores = score_matrix(texts[rows], texts, short_q=short[rows], short_c=short)
        ranked = []  # per article: (its offset, best k columns per row, highest first)
        for a in range(len(story.articles)):
            lo, hi = int(bounds[a]), int(bounds[a + 1])
            k = min(top, hi - lo)
            # stable so ties keep document order
            ranked.append((lo, np.argsort(-scores[:, lo:hi], axis=1, kind="stable")[:, :k]))
        for r in range(scores.shape[0]):
            i = lo_row + r
            for a, (lo, best) in enumerate(ranked):
                if a == article_of[i]:
                    continue
                for rank, j in enumerate(best[r], start=1):
                    score = float(scores[r, lo + j])
                    if score < min_score:
                        break
                    other = story.articles[a].claims[int(j)]
                    out.append(
                        Evidence(
                            claims[i].id, other.id, other.article, rank, round(score, 1), other.text
                        )
                    )
    return out
