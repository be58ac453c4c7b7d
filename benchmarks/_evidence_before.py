"""Evidence alignment as it was before issue 7 (commit b696817), frozen as the baseline that
`benchmarks/evidence.py` times the current alignment against. Not used by crossread itself."""

from __future__ import annotations

import itertools
from collections import Counter

import numpy as np
from rapidfuzz import utils

from reader.align.fuzzy import fuzzy_scores, is_short, processed
from reader.align.words import content_words
from reader.models import Claim, Evidence, Story

TOP_PER_ARTICLE = 3
MIN_SCORE = 40.0  # below this a "match" is noise; not stored
CHUNK_ROWS = 512  # claims scored at once: bounds memory to CHUNK_ROWS x claims-in-story
PAIR_WORDS = 6  # a claim's rarest words combined into pair keys when pruning
FALLBACK_WORDS = 3  # a claim of common words only is matched on this many of them
PAIR_BUDGET = 2_000_000  # cross-article pairs scored exhaustively (~5 s) before pruning kicks in

# unchanged since: the stopwords, content words and the guarded fuzzy ratio
_is_short = is_short
_scores = fuzzy_scores


def score_matrix(
    queries: list[str],
    choices: list[str],
    *,
    short_q: np.ndarray | None = None,
    short_c: np.ndarray | None = None,
) -> np.ndarray:
    return _scores(
        processed(queries),
        processed(choices),
        is_short(queries) if short_q is None else short_q,
        is_short(choices) if short_c is None else short_c,
    )


def _top_per_article(
    claim: Claim, cands: list[Claim], scores: np.ndarray, top: int, min_score: float
) -> list[Evidence]:
    """The best `top` candidates of each article, best first; ties keep document order."""
    order = np.argsort(-scores, kind="stable")
    taken: dict[str, int] = {}
    out = []
    for j in order:
        score = float(scores[j])
        if score < min_score:
            break
        other = cands[int(j)]
        rank = taken.get(other.article, 0) + 1
        if rank > top:
            continue
        taken[other.article] = rank
        out.append(Evidence(claim.id, other.id, other.article, rank, round(score, 1), other.text))
    return out


def _candidates(claims: list[Claim], max_keys: int, max_cands: int) -> list[list[int]]:
    """For each claim, the claims of other articles sharing its rarest content words.

    A counterpart almost always repeats a specific word (a name, a number, a rare noun), so
    scoring only those pairs keeps alignment near-linear on stories of hundreds of articles.
    Words too common to index still count in pairs: "Russia" and "talks" are everywhere, the
    two together far less so. A claim with neither falls back to its rarest common words.
    """
    words = [set(content_words(c.text)) for c in claims]
    df = Counter(w for ws in words for w in ws)
    max_df = max(50, len(claims) // 50)
    pairs = [
        set(itertools.combinations(sorted(sorted(ws, key=df.__getitem__)[:PAIR_WORDS]), 2))
        for ws in words
    ]
    pair_df = Counter(p for ps in pairs for p in ps)
    postings: dict[object, list[int]] = {}
    for i, (ws, ps) in enumerate(zip(words, pairs, strict=True)):
        for key in itertools.chain(ws, (p for p in ps if pair_df[p] <= max_df)):
            postings.setdefault(key, []).append(i)
    code: dict[str, int] = {}
    articles = np.array([code.setdefault(c.article, len(code)) for c in claims])
    out = []
    for i, (ws, ps) in enumerate(zip(words, pairs, strict=True)):
        by_rarity = sorted(ws, key=df.__getitem__)
        keys: list[object] = [w for w in by_rarity if df[w] <= max_df][:max_keys]
        keys += sorted((p for p in ps if p in postings), key=pair_df.__getitem__)[:max_keys]
        if keys:
            shared: Counter[int] = Counter()
            for key in keys:
                shared.update(postings[key])
            ranked = (j for j, _ in shared.most_common() if claims[j].article != claims[i].article)
            out.append(list(itertools.islice(ranked, max_cands)))
            continue
        # only common words: count them with numpy, whose cost does not grow with the lists
        counts = np.zeros(len(claims), dtype=np.int32)
        for w in by_rarity[:FALLBACK_WORDS]:
            counts[postings[w]] += 1
        counts[articles == articles[i]] = 0
        best = np.argsort(-counts, kind="stable")[:max_cands]
        out.append([int(j) for j in best if counts[j] > 0])
    return out


def align_story(
    story: Story,
    *,
    top: int = TOP_PER_ARTICLE,
    min_score: float = MIN_SCORE,
    pair_budget: int = PAIR_BUDGET,
) -> list[Evidence]:
    """Evidence for every claim of `story`: up to `top` claims per other article, best first.

    Each article's claims are scored against the claims of all other articles with
    `process.cdist`; when that would exceed `pair_budget` pairs, candidates are pruned first.
    """
    claims = story.claims()
    articles = [a for a in story.articles if a.claims]
    if len(articles) < 2:
        return []
    n = len(claims)
    pairs = n * n - sum(len(a.claims) ** 2 for a in articles)
    out: list[Evidence] = []
    if pairs > pair_budget:
        processed = [utils.default_process(c.text) for c in claims]
        short = _is_short([c.text for c in claims])
        for i, cand_ix in enumerate(_candidates(claims, 8, 150)):
            if cand_ix:
                ix = np.array(cand_ix)
                # one row is too small to be worth threads
                row = _scores(
                    [processed[i]],
                    [processed[j] for j in cand_ix],
                    short[i : i + 1],
                    short[ix],
                    workers=1,
                )[0]
                out.extend(
                    _top_per_article(claims[i], [claims[j] for j in cand_ix], row, top, min_score)
                )
        return out
    for art in articles:
        others = [c for a in articles if a is not art for c in a.claims]
        other_texts = [c.text for c in others]
        short_c = _is_short(other_texts)
        for lo in range(0, len(art.claims), CHUNK_ROWS):  # bounded memory on long articles
            rows = art.claims[lo : lo + CHUNK_ROWS]
            scores = score_matrix([c.text for c in rows], other_texts, short_c=short_c)
            for claim, row in zip(rows, scores, strict=True):
                out.extend(_top_per_article(claim, others, row, top, min_score))
    return out
