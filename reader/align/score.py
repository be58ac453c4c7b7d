"""One score per pair: the number the evidence list, reasons, the database and exports all show.

raw = 100 x (LEXICAL_WEIGHT x weighted shared terms + FUZZY_WEIGHT x whole-sentence fuzzy
ratio / 100). The weighted terms find what a sentence says (rare words, numbers, slots,
back-reference context, see `weighting`); the fuzzy ratio rewards the same fact told in the same
shape. Measured on the dev gold, the terms alone beat the fuzzy ratio alone, and the two together
beat either.

A pair the paraphrase signal (`semantic`) finds closer in meaning than the story's pairs usually
are is then raised towards, never to, the strong level (`lifted`): it reorders the weak matches,
where a sentence that says the same in other words lost to one that shares the story's names
(dev gold, recall@3 0.73 -> 0.77, contradicting 0.77 -> 0.79, groups 0.84 -> 0.87, false leads
2 -> 2).

A pair that the claim's strong matches in third articles also match (`corroborate`) is then
raised by `CORROBORATION` of the gap to that path's strength, again never to the strong level on
its own: what two other outlets' versions of a fact agree on is likely that fact told a third way
(dev gold 0.79/0.79/0.89 -> 0.80/0.85/0.90, false leads 2 -> 2; three invented four-outlet
stories 73 -> 75 of 82 pairs, groups 65 -> 67 of 72; raises of 0.2 to 0.4 of the gap all find
more). A sentence that goes on from the one before it (`weighting.goes_on`: "She also pledged...",
"It does not appear that such details...", "“...,” she told reporters") is also on a path
through that sentence, as strong as the claim's quick score with it: a story tells a fact over
two sentences, and a claim that tells it in one matches the first by its words and the second
hardly at all ("campaigned on cheaper housing and longer library hours" / "promised cheaper
housing" + "She also pledged to keep libraries open later"). Five invented four-outlet stories
130 -> 133 of 138 pairs, groups 122 -> 123 of 127; dev gold unchanged (140/173, 33/39, 115/125,
false leads 2 of 10). Raising it towards the previous sentence's full score instead lost 1 to 4
dev gold pairs ("But he also said..." after the best match, another of the speaker's points,
passed a counterpart), and so did reading such a sentence with the one before as context.

Last, a pair that shares no fact is `held` below the strong level, in the same order: one whose
shared terms that say what happened (`weighting.FACT_WORDS`: not the names of its people and
places, offices, words of attribution) weigh less than about one rare word. What made a claim
with no counterpart look matched was a sentence naming the same people and places ("Councillor
Tom Reyes praised..." / "Local councillor Tom Reyes said...", "...outside Leeds Crown Court" /
"A jury at Leeds Crown Court...") or a lede of the story's names and topic words ("Here is what
we know about the fire at the Keller Logistics warehouse in Dunmore"): three or four of those
words reach the cosine's full weight, and the fuzzy ratio of two sentences sharing them is high.
Two sentences that give one person different titles share a fact (the title), and a pair sharing
half of what the sparser of the two says shares what that one says, names too, when some of it is
a fact word (a name alone is not: "..., said Jennifer Homendy, chair of the National
Transportation Safety Board" / "The National Transportation Safety Board immediately announced an
investigation" scored 72), and a term is a shared fact only where both sentences say it as one
(that name is the short one's subject, the quote's speaker). The 20 real stories' false leads
26 -> 24 of 91, their pairs, contradicting pairs and groups unchanged, the seeds' figures too.
Dev gold: pairs,
groups and false leads unchanged (139/173, 33/39, 114/125, 2 of 10), recall@1 92 -> 96 pairs,
groups at rank 1 92 -> 96, evidence of its gold claims scoring 60 or more that is no counterpart
62 -> 47 (counterparts 96 -> 92); five invented four-outlet stories: false leads 5 -> 1 of 16,
pairs and groups unchanged (128 of 138, 120 of 127), no counterpart at 60 or more 49 -> 23
(counterparts 79 -> 76). Not kept: a threshold of one word only two claims use (0.8 of one in a
story of 60 claims: dev gold 138 pairs); slot terms ("#hour") left out of the facts ("seven
hours" / "eight-hour meeting" lost its first place: contradicting recall@1 28 -> 26); half of
what the richer sentence says (the short counterpart inside a long claim held); a cap at 59.9
(held pairs tied, a corroborated one lost its first place); no title rule (Assistant / Deputy
Secretary of State lost its first place twice).

Tried and not kept, on the same figures (dev gold 139 of 173 pairs; invented stories 132 of 138):
a penalty for sentences that match everything (a claim's top scores against the other
article, as in CSLS: 111-138, invented up to 135); corroborating paths through 2 or more third
articles, anchors from 50, a raise of half the gap, or links scored in full (131-139); crediting
how much of a claim the other sentence covers, not the cosine (133-138, more false leads); a
back-referring candidate read with its preceding sentence too (135, a false lead more); how alike
two sentences' scores against the third articles are (129-139). The 11 (claim, article) groups
still missed have their best counterpart 5th to 40th, 8 to 30 points below the 3rd: what they
need is a better sense of meaning, not a reweighting.

The score is `calibrate(raw)`, rounded to one decimal: a monotone rescale (rankings are those of
the raw value) that gives the numbers a meaning, derived from a story's pairs alone, no labels
(`benchmarks/calibrate.py`). Nearly all pairs of sentences from two articles of a story are
unrelated: their median, a typical unrelated pair, scores 20. 60, a strong match, is a level that
what a reviewer reads for a claim with no counterpart, its best evidence across the other
articles, rarely reaches: a claim has at most a few counterparts in an article, so its best
sentence there after the 3 best is unrelated, and the best of those over the other articles
stays below 60 for 19 claims in 20.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Container, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cached_property
from itertools import pairwise

import numpy as np

from reader.align.candidates import ArticleGrid, article_numbers
from reader.align.corroborate import anchors, path_matrix, paths
from reader.align.fuzzy import fuzzy_scores, is_short, processed, token_sets
from reader.align.numbering import first_seen
from reader.align.semantic import StorySemantics, meaning_vectors
from reader.align.weighting import FACT_WORDS, ClaimTerms, StoryWeights
from reader.models import Claim, Evidence, Story, Suggestion

LEXICAL_WEIGHT = 0.7
FUZZY_WEIGHT = 0.3

# (raw, score) knots, linear between: the median cross-article pair of the seeds, and the 95th
# percentile of their claims' best unrelated evidence (`benchmarks/calibrate.py`)
TYPICAL_RAW, TYPICAL_SCORE = 13.6, 20.0
STRONG_RAW, STRONG_SCORE = 24.1, 60.0
# The paraphrase signal (`reader.align.semantic`) raises a pair whose meanings are closer than
# the story's pairs usually are by more than `PARAPHRASE_Z` standard deviations (about the closest
# sixth of its pairs), by `LIFT` raw points per further deviation: half the gap between a typical
# and a strong pair, so a typical pair 3 deviations out closes 1 - 1/e of its gap to strong. It
# never makes a strong match on its own (a false lead), and a pair strong by its words keeps its
# place above every raised pair. Derived, not fitted: on the dev gold, thresholds of 0.5 to 1.5
# and raises of 4 to 6 per deviation all find 3 to 7 more counterparts of 173.
PARAPHRASE_Z = 1.0
LIFT = (STRONG_RAW - TYPICAL_RAW) / 2
# A pair that shares no fact (`weighting.FACT_WORDS`: only the story's names, offices or common
# words) is held below the strong level: its score above STRONG_SCORE - HOLD closes in on
# STRONG_SCORE without reaching it (the top quarter of the gap between a typical and a strong
# pair), so such pairs keep their order among themselves.
HOLD = (STRONG_SCORE - TYPICAL_SCORE) / 4
# A corroborated pair closes this share of the gap between its score and its path's strength.
CORROBORATION = 0.3
# The fuzzy ratio of a typical unrelated pair (45): what the quick score of a link assumes.
TYPICAL_FUZZY = TYPICAL_RAW / FUZZY_WEIGHT
# Anchors' rows of weighted terms kept for the next block (`PairScorer._lexical_rows`): rows
# this wide at most, this many cells in all (some MB)
KEPT_ROW = 4_096
KEPT_CELLS = 1_000_000
_RAW_KNOTS = (0.0, TYPICAL_RAW, STRONG_RAW, 100.0)
_SCORE_KNOTS = (0.0, TYPICAL_SCORE, STRONG_SCORE, 100.0)


def raw_score(lexical: np.ndarray, fuzzy: np.ndarray) -> np.ndarray:
    """The uncalibrated similarity 0-100 from its two signals (lexical 0-1, fuzzy 0-100)."""
    return 100 * LEXICAL_WEIGHT * lexical + FUZZY_WEIGHT * fuzzy


def calibrate(raw: np.ndarray | float) -> np.ndarray:
    """The pair score 0-100 of a raw similarity: monotone, 60 and above a strong match."""
    return np.interp(raw, _RAW_KNOTS, _SCORE_KNOTS)


def lifted(raw: np.ndarray, z: np.ndarray) -> np.ndarray:
    """`raw`, raised by the paraphrase signal: by `LIFT` per standard deviation that `z` stands
    above `PARAPHRASE_Z`, closing the gap to the strong level without ever reaching it."""
    extra = LIFT * np.maximum(z - PARAPHRASE_Z, 0.0)
    gap = STRONG_RAW - raw
    up = (extra > 0) & (gap > 0)
    if not up.any():
        return raw
    out = np.array(raw, dtype=np.float64)
    out[up] = STRONG_RAW - gap[up] * np.exp(-extra[up] / gap[up])
    return out


def combine(lexical: np.ndarray, fuzzy: np.ndarray, z: np.ndarray | None = None) -> np.ndarray:
    """The pair score 0-100 from its signals (lexical 0-1, fuzzy 0-100, paraphrase z-score)."""
    raw = raw_score(lexical, fuzzy)
    if z is None:
        return np.round(calibrate(raw), 1)
    up = lifted(raw, z)
    score = np.round(calibrate(up), 1)
    # a pair only the paraphrase signal raised stays below strong, rounding included
    return np.where((up > raw) & (score >= STRONG_SCORE), STRONG_SCORE - 0.1, score)


def held(score: np.ndarray, facts: np.ndarray) -> np.ndarray:
    """`score` (combined, corroborated), kept below the strong level where the pair's shared
    `facts` (`StoryWeights.with_facts`) weigh less than `FACT_WORDS`: above STRONG_SCORE - HOLD
    it closes in on STRONG_SCORE without reaching it, in the same order."""
    knee = STRONG_SCORE - HOLD
    over = (facts < FACT_WORDS - 1e-9) & (score > knee)  # (a sum of weights: float noise)
    if not over.any():
        return score
    out = np.array(score, dtype=np.float64)
    out[over] = np.minimum(
        np.round(STRONG_SCORE - HOLD * np.exp(-(score[over] - knee) / HOLD), 1),
        STRONG_SCORE - 0.1,
    )
    return out


def quick(lexical: np.ndarray) -> np.ndarray:
    """The pair score by the weighted terms alone, the fuzzy ratio at its typical value: the
    strength of a link of a corroborating path, cheap for whole rows."""
    return combine(lexical, np.full(lexical.shape, TYPICAL_FUZZY))


def corroborated(score: np.ndarray, path: np.ndarray) -> np.ndarray:
    """`score` raised by `CORROBORATION` of its gap to `path` (`corroborate.paths`); a pair
    below the strong level stays below it."""
    up = np.round(score + CORROBORATION * np.maximum(path - score, 0.0), 1)
    return np.where((score < STRONG_SCORE) & (up >= STRONG_SCORE), STRONG_SCORE - 0.1, up)


class PairScorer:
    """Scores of any pair of claims of one story, exactly as `align_story` stores them."""

    def __init__(
        self,
        claims: Sequence[Claim],
        terms: Sequence[ClaimTerms] | None = None,
        short: np.ndarray | None = None,
        headlines: Collection[str] = (),
    ):
        """`terms`, `short`: the claims' `claim_terms` and `is_short`, when the caller has them
        (a long story's are read by several processes); `headlines`: the ids of the claims
        that are headlines (`Story.headline_ids`: a story's pairs are scored with them, always)."""
        self.claims = list(claims)
        self.weights = StoryWeights(self.claims, terms, headlines)
        texts = [c.text for c in self.claims]
        self.processed = processed(texts)
        self.sets = token_sets(self.processed)
        self.short = is_short(texts) if short is None else short
        # each claim's article as a range of claims (contiguous in a story), so that a claim of
        # a long article is not scored against its whole article to score a few pairs
        self._article: dict[str, tuple[int, int]] = {}
        for k, c in enumerate(self.claims):
            start, _ = self._article.get(c.article, (k, k))
            self._article[c.article] = (start, k + 1)
        changes = sum(a.article != b.article for a, b in pairwise(self.claims))
        self._contiguous = changes == len(self._article) - 1
        self._rows: dict[tuple[int, int], dict[int, np.ndarray]] = {}  # `_lexical_rows`
        self._kept_cells = 0

    @cached_property
    def semantic(self) -> StorySemantics:
        """The paraphrase signal of the story's claims (reads the model on first use)."""
        return self._semantic(meaning_vectors)

    def read_semantic(self, read: Callable[[Sequence[str], Container[str]], np.ndarray]) -> None:
        """`semantic` worked out now, its sentence vectors given by `read` (as
        `StorySemantics` takes it): a long story's, by several processes, before its blocks'
        workers are forked."""
        self.semantic = self._semantic(read)

    def _semantic(
        self, read: Callable[[Sequence[str], Container[str]], np.ndarray]
    ) -> StorySemantics:
        texts = [c.text for c in self.claims]
        return StorySemantics(texts, self.articles, self.weights.common, read)

    @cached_property
    def articles(self) -> np.ndarray:
        """Each claim's article as a number, in the order the articles come (asked for by
        every run of a long story's blocks: worked out once)."""
        return article_numbers(self.claims)

    @cached_property
    def grid(self) -> ArticleGrid:
        """The story's articles as an `ArticleGrid` (claims of an article are contiguous)."""
        return ArticleGrid(self.articles)

    @cached_property
    def _third_article(self) -> bool:
        """A path runs through a third article, besides the claim's and the column's: with
        two, every block's anchors (an `ArticleGrid.best` of its rows) would be found for
        nothing."""
        return len(self.grid.starts) > 2

    def paths(
        self,
        lo: int,
        span: tuple[int, int],
        lexical: np.ndarray,
        rows: np.ndarray,
        cols: np.ndarray,
    ) -> np.ndarray:
        """The corroborating path (`corroborate.paths`) of each pair (claim lo + rows[k], column
        cols[k]) of a block of claims of the article span[0]..span[1]-1, whose `lexical`
        similarity to every other article's claim is given."""
        start, end = span
        others = np.r_[0:start, end : len(self.claims)]
        if self._third_article:
            found = anchors(lexical, lo, self.grid, quick)
            col_article = self.articles[others[cols]]
            out = paths(found, rows, cols, col_article, self._lexical_rows(span), quick)
        else:
            out = np.zeros(len(rows))
        k = np.flatnonzero(self.weights.goes_on[others[cols]])
        if k.size:  # through the sentence a column goes on from: the column before it
            out[k] = np.maximum(out[k], quick(lexical[rows[k], cols[k] - 1]))
        return out

    def path_matrix(self, lo: int, span: tuple[int, int], lexical: np.ndarray) -> np.ndarray:
        """`paths` of every pair of the block (claims lo.. x the other articles' claims)."""
        start, end = span
        others = np.r_[0:start, end : len(self.claims)]
        if self._third_article:
            found = anchors(lexical, lo, self.grid, quick)
            out = path_matrix(found, self.articles[others], self._lexical_rows(span), quick)
        else:
            out = np.zeros(lexical.shape)
        c = np.flatnonzero(self.weights.goes_on[others])
        if c.size:
            out[:, c] = np.maximum(out[:, c], quick(lexical[:, c - 1]))
        return out

    def _lexical_rows(self, span: tuple[int, int]) -> Callable[[np.ndarray], np.ndarray]:
        """The weighted-term rows of anchors (`corroborate.paths`) against every claim but
        span's. Narrow rows are kept, `KEPT_CELLS` at most: a long article's blocks are anchored
        in a short article's few claims, whose rows against the short articles every block
        worked out again (each row is the same whatever rows are asked with it)."""
        width = len(self.claims) - (span[1] - span[0])
        if width > KEPT_ROW:
            return lambda claims: self.weights.lexical_of(claims.tolist(), span)
        kept = self._rows.setdefault(span, {})

        def rows(claims: np.ndarray) -> np.ndarray:
            wanted = claims.tolist()
            missing = [c for c in dict.fromkeys(wanted) if c not in kept]
            if missing:
                got = self.weights.lexical_of(missing, span)
                if self._kept_cells + got.size <= KEPT_CELLS:
                    self._kept_cells += got.size
                    kept.update(zip(missing, got, strict=True))
                else:  # (all there is, not kept)
                    made = dict(zip(missing, got, strict=True))
                    return np.array([kept[c] if c in kept else made[c] for c in wanted])
            return np.array([kept[c] for c in wanted]).reshape(len(wanted), width)

        return rows

    @cached_property
    def processed_array(self) -> np.ndarray:
        """`processed` as an array (of objects), to take many at once."""
        return np.array(self.processed, dtype=object)

    @cached_property
    def sets_array(self) -> np.ndarray:
        """`sets` (each claim's `token_sets`) as an array (of objects)."""
        return np.array(self.sets, dtype=object)

    @cached_property
    def text_ids(self) -> np.ndarray:
        """Each claim's text as a number, the same for claims of the same text (an article
        may repeat a sentence: its pairs of texts are scored once, see `evidence._fuzzy`)."""
        return np.array(first_seen(c.text for c in self.claims)[1], dtype=np.int64)

    @cached_property
    def index(self) -> dict[str, int]:
        """Each claim's position, by id (asked for block after block of a big story)."""
        return {c.id: k for k, c in enumerate(self.claims)}

    def scores(self, i: int, js: Sequence[int]) -> np.ndarray:
        """The pair score of claim `i` with each claim in `js`."""
        ix = np.asarray(js, dtype=np.int64)
        start, end = self._article[self.claims[i].article]
        own = (ix >= start) & (ix < end)
        row = facts = None
        if self._contiguous:
            row, facts = self.weights.with_facts(i, i + 1, (start, end))  # own article left out
        if row is not None and facts is not None and not own.any():
            at = ix - (end - start) * (ix >= end)
            lex, shared = row[0, at], facts[0, at]
        else:
            every, every_fact = self.weights.with_facts(i, i + 1)
            lex, shared = every[0, ix], every_fact[0, ix]
        js = ix.tolist()
        fz = fuzzy_scores(
            [self.processed[i]],
            [self.processed[j] for j in js],
            self.short[i : i + 1],
            self.short[ix],
            workers=1,
            sets=([self.sets[i]], [self.sets[j] for j in js]),
        )[0]
        score = combine(lex, fz, self.semantic.z_pairs(np.full(len(ix), i), ix))
        if row is None or own.all():  # corroboration needs each article's claims together
            return held(score, shared)
        k = np.flatnonzero(~own)
        cols = ix[k] - (end - start) * (ix[k] >= end)
        path = self.paths(i, (start, end), row, np.zeros(len(k), dtype=np.int64), cols)
        score[k] = corroborated(score[k], path)
        return held(score, shared)

    def score(self, i: int, j: int) -> float:
        return float(self.scores(i, [j])[0])


def pair_score(story: Story, claim: Claim, other: Claim) -> float:
    """The score of one pair of claims of `story` (build a `PairScorer` to score many)."""
    claims = story.claims()
    ids = {c.id: k for k, c in enumerate(claims)}
    return PairScorer(claims, headlines=story.headline_ids()).score(ids[claim.id], ids[other.id])


def with_pair_scores(
    suggestions: Iterable[Suggestion],
    evidence: Iterable[Evidence],
    scorer: PairScorer,
    scored: Mapping[tuple[str, str], float] | None = None,
) -> list[Suggestion]:
    """`suggestions` whose evidence carries the pair score, whatever score found it.

    A pair alignment stored keeps that stored score; any other pair is scored here, the same way,
    unless it is in `scored` ((claim id, other claim id) -> score): pairs `scorer` scored
    already, for the suggester (`StorySuggester.pair_scores`).
    """
    known = {(e.claim_id, e.other_id): e.score for e in evidence}
    if scored:
        known.update(scored)
    index = scorer.index
    out = []
    for s in suggestions:
        missing = [e.other_id for e in s.evidence if (s.claim_id, e.other_id) not in known]
        if missing and s.claim_id in index:
            js = [index[m] for m in missing]
            got = scorer.scores(index[s.claim_id], js).tolist()
            known.update(((s.claim_id, m), g) for m, g in zip(missing, got, strict=True))
        scored = tuple(
            _rescored(e, known.get((s.claim_id, e.other_id), e.score)) for e in s.evidence
        )
        if any(a is not b for a, b in zip(scored, s.evidence, strict=True)):
            s = replace(s, evidence=scored)
        out.append(s)
    return out


def _rescored(e: Evidence, score: float) -> Evidence:
    """`e` with `score` (itself when the score is already that: most are)."""
    return e if score == e.score else replace(e, score=score)
