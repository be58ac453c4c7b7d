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


def score_matrix(queries: list[str], choices: list[str]) -> np.ndarray:
    """Pairwise similarity 0-100 of raw texts; short texts are guarded against token_set_ratio."""
    q = [utils.default_process(t) for t in queries]
    c = [utils.default_process(t) for t in choices]
    scores = process.cdist(q, c, scorer=fuzz.token_set_ratio, dtype=np.float32, workers=-1)
    short_q = np.array([len(content_words(t)) < SHORT_CLAIM_WORDS for t in queries], dtype=bool)
    short_c = np.array([len(content_words(t)) < SHORT_CLAIM_WORDS for t in choices], dtype=bool)
    if short_q.any() or short_c.any():
        # plain ratio wherever either side is short: rows of short queries, columns of short choices
        plain = process.cdist(q, c, scorer=fuzz.ratio, dtype=np.float32, workers=-1)
        mask = short_q[:, None] | short_c[None, :]
        scores = np.where(mask, plain, scores)
    return scores


def align_story(
    story: Story, *, top: int = TOP_PER_ARTICLE, min_score: float = MIN_SCORE
) -> list[Evidence]:
    """Evidence for every claim of `story`: up to `top` claims per other article, best first."""
    claims = story.claims()
    if len(story.articles) < 2 or not claims:
        return []
    texts = [c.text for c in claims]
    scores = score_matrix(texts, texts)
    article_of = np.array([a for a, art in enumerate(story.articles) for _ in art.claims])
    bounds = np.cumsum([0] + [len(a.claims) for a in story.articles])
    out: list[Evidence] = []
    for i, claim in enumerate(claims):
        row = scores[i]
        for a, art in enumerate(story.articles):
            if a == article_of[i] or not art.claims:
                continue
            lo, hi = bounds[a], bounds[a + 1]
            seg = row[lo:hi]
            k = min(top, hi - lo)
            # argsort on negated scores; stable so ties keep document order
            best = np.argsort(-seg, kind="stable")[:k]
            for rank, j in enumerate(best, start=1):
                score = float(seg[j])
                if score < min_score:
                    break
                other = art.claims[int(j)]
                out.append(
                    Evidence(claim.id, other.id, art.name, rank, round(score, 1), other.text)
                )
    return out
