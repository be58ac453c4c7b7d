"""Does another source say the same thing? Two independent signals about one pair of sentences.

1. Shared rare words. Fuzzy ratios reward shared function words and sentence shape; a counterpart
   is better recognised by the specific words two sentences share ("Ryabkov", "delays", "Brussels"),
   and their large figures ("95,000"; not years, the story's common ground).
   Weights are inverse document frequencies within the story, divided by log(claims) so one scale
   serves stories of any size: a word used by only these two sentences weighs about 1. Courtesy
   titles and attribution words ("Mr", "told", "according to people familiar with the matter")
   carry no claim and are ignored.
2. Alignment of the whole sentence: the pair score of the evidence (`reader.align.score`, the
   one score per pair the app, the database and exports show), read from the evidence.

A pair is a counterpart when the first signal is strong on its own (about two words only these
sentences use, or most of the claim's words, or a figure as precise as "61,482"), or when both
are moderate: some rare words shared *and* the sentences align as a whole. Work is done through
an inverted index, never over all pairs of claims.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import heapq
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Set
from dataclasses import dataclass

import numpy as np

from reader.align.postings import Postings
from reader.models import Claim, Evidence
from reader.suggest.dates import is_year
from reader.suggest.text import (
    COURTESY_TITLES,
    MAY_BE_SCALED,
    is_content_or_possessive,
    ordinal_suffix,
    quotations,
    scaled_figure,
    stem,
    token_text,
    tokenize,
)

# Rare-word weight that makes a counterpart on its own: about two words that only this claim and
# the other sentence use. Below it, shared words are mostly the story's common vocabulary.
SUPPORT_THRESHOLD = 2.0
# ...or a counterpart that repeats most of the claim's words, which in a small story are all common.
COVERAGE = 0.6
MIN_SHARED = 4
# Two moderate signals together: about one rare word plus a well-aligned sentence.
PAIRED_WEIGHT = 1.0
# A sentence aligned as a whole, on the calibrated pair score (60 = strong match): the level a
# claim's best unrelated sentence (after the 3 best of each other article) reaches for 1 claim in
# 100, where "strong" is 1 in 20 (`benchmarks/calibrate.py`: 63.0 pooled over 20 real
# multi-outlet stories, 61.5 on the seeds). The plain "strong" 60 lets in sentences that align
# with a claim without reporting its fact; the old 68.4 (raw 40) left out most of the real
# counterparts that share one rare word ("announced steps to tackle the production of ... fentanyl"
# / "announced agreements on addressing the production of fentanyl": 61 to 67).
ALIGNED_SCORE = 63.0
# ...or the same quoted words in the same order: two outlets quoting one remark ("we cannot
# afford any further delays"), whatever words they are.
SHARED_RUN = 5
CANDIDATES = 5  # best pairs by rare words, per claim, that are also scored for alignment
BATCH = 32  # claims whose shared stems are summed together (see Counterparts.expect)
# ...or more, as many as make this many (claim, other claim) pairs: a long article's claims are
# summed against a short article's few, and 32 at a time the fixed costs of the array
# operations were a third of a 2 MB article's counterparts
BATCH_PAIRS = 1 << 20
# ...in an array of a number per (claim, other claim) when there are more than one in DENSE
# of them (else by sorting what there is)
DENSE = 8
FEW = 64  # claims sharing stems with a claim that `Counterparts.of` reads in plain Python

# Words of address, attribution and discourse (conjunctions among them), and quantifiers and
# intensifiers: in news they surround every quote and link every paragraph, so sharing them says
# nothing about whether two sentences report the same thing.
_DISCOURSE = """told tell tells telling say saying stated noted according familiar matter
    added adding asked asking reporter reporters statement whether meanwhile while however
    although though because since unless until whereas despite during
    some other others another among amongst any all both each every many much few several own
    same certain absolutely really quite rather already still even ever""".split()  # noqa: SIM905
WEAK = frozenset(stem(w) for w in [*COURTESY_TITLES, *_DISCOURSE])


# Words of office that are nothing else (not "general", "chief", "major", "judge", "speaker").
OFFICES = frozenset(
    stem(w)
    for w in """secretary minister prime president deputy leader chairman chairwoman spokesman
    spokeswoman spokesperson ambassador governor senator mayor premier chancellor envoy
    commissioner judge prosecutor coroner chief executive ceo councillor councilor councilman
    councilwoman mp manager coach captain director chair opposition""".split()  # noqa: SIM905
)


_LARGE = re.compile(r"\d{1,3}(?:,\d{3})+|\d{3,}")  # "95,000", "1500"
# ...of which one with this many digits before its trailing zeros is the same fact where two
# sources give it: "The attendance was 61,482." / "in front of a crowd of 61,482" share no other
# word ("1,500 jobs" and "310,000 customers" are round, said of several things)
PRECISE_DIGITS = 4
_A_DIGIT = re.compile(r"\d")  # (most sentences have none: no figure is read in them)


def _pair_score(e: Evidence) -> float:
    return e.score


@dataclass(frozen=True)
class Counterpart:
    """The best sentence of another article for one claim, and why it counts (or not)."""

    index: int  # claim index of the counterpart, -1 when there is none
    weight: float  # summed rare-word weight of the shared stems
    shared: tuple[str, ...]  # shared stems, rarest first
    aligned: float  # the evidence's pair score, 0-100 (0 when the pair is not in the evidence)
    basis: str  # "rare words", "most words", "rare words and alignment", or "" (not supported)

    @property
    def supported(self) -> bool:
        return bool(self.basis)


NONE = Counterpart(-1, 0.0, (), 0.0, "")


def specific_stems(text: str) -> set[str]:
    """Stems of the words of `text` that can tie it to another sentence, and its large figures
    ("recalled 95,000 pickups" / "recalled 95,000 trucks"), not years."""
    toks = tokenize(text)
    if not _A_DIGIT.search(text):  # no figure, nor an ordinal's ending after one (most texts):
        # the stems of its content words, mapped in C (into a set built as the one below is)
        figures: set[str] = set()
        words = set(map(stem, filter(is_content_or_possessive, map(token_text, toks))))
        return (words - WEAK) | figures
    scaled = MAY_BE_SCALED.search(text) is not None  # (most sentences have no figure so written)
    figures = set()
    scales = set()  # the scale words of those: part of the figure, no word of their own
    for k, t in enumerate(toks):
        if scaled and t.text[:1].isdigit() and (key := scaled_figure(text, toks, k)):
            figures.add(key)  # "$2.4 billion", "€5m": the large figure it stands for
            scales.add(k + 1)
        elif _LARGE.fullmatch(t.text) and not is_year(t.text):
            figures.add("#" + t.text.replace(",", ""))
    words = {
        stem(t.text)
        for k, t in enumerate(toks)
        if is_content_or_possessive(t.text)
        and not (k and ordinal_suffix(toks[k - 1], t))
        and k not in scales
    }
    return (words - WEAK) | figures


def rarity(
    stems: list[set[str]], postings: Mapping[str, list[int]] | None = None
) -> dict[str, float]:
    """Each stem's inverse document frequency over the claims, on a scale where a stem used by
    about two claims weighs 1 whatever the story's size (see the module docstring)."""
    n = len(stems)
    if postings is None:
        counts: dict[str, int] = defaultdict(int)
        for ss in stems:
            for s in ss:
                counts[s] += 1
    else:
        counts = {s: len(p) for s, p in postings.items()}
    norm = math.log(max(n, 3))
    return {s: math.log(n / c) / norm for s, c in counts.items()}


def quoted_words(text: str) -> list[str]:
    """The words inside quotation marks, in order ("|" between quotes, so no run spans two)."""
    out: list[str] = []
    for m in quotations(text):
        out += [t.lower for t in tokenize(m.group(1)) if t.text[:1].isalpha()]
        out.append("|")
    return out


def shared_run(wa: list[str], wb: list[str]) -> int:
    """Length of the longest run of words (`quoted_words` of two sentences) shared in order."""
    if not wa or not wb:
        return 0
    m = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False)
    match = m.find_longest_match(0, len(wa), 0, len(wb))
    return sum(w != "|" for w in wa[match.a : match.a + match.size])


@functools.lru_cache(maxsize=1 << 12)
def name_words(text: str) -> frozenset[str]:
    """Stems of the words `text` writes only inside names of two words or more ("National
    Transportation Safety Board")."""
    toks = tokenize(text)
    runs: list[list[str]] = [[]]  # capitalised words one space apart
    for k, t in enumerate(toks):
        if not t.text[:1].isupper():
            runs.append([])
            continue
        if runs[-1] and text[toks[k - 1].end : t.start] != " ":
            runs.append([])
        runs[-1].append(t.text)
    inside = {stem(w) for run in runs if len(run) >= 2 for w in run}
    return frozenset(inside - {stem(t.text) for t in toks if t.text.islower()})


def named_in_both(text: str, other: str) -> frozenset[str]:
    """The stems both texts write only inside a name of two words or more (`name_words`): "The
    National Transportation Safety Board immediately announced an investigation" shares nothing
    said with "..., said Jennifer Homendy, chair of the National Transportation Safety Board",
    though a story writes "safety" and "board" in lower case too."""
    return name_words(text) & name_words(other)


def says_more_than_names(text: str, other: str, both: Set[str], names: Set[str]) -> bool:
    """Two sentences sharing the stems `both` share more than the same people and offices
    ("Sarah Quinn said the government had lost control" / "Sarah Quinn called for an election"
    share no statement): stems left once `names` (`names_only`) and the names both write
    (`named_in_both`) are taken out. `other`'s name words are read first: most share none of
    these, and `text`'s are then not read (a counterpart is asked of many claims)."""
    said = both - names
    return bool(said) and (
        said.isdisjoint(name_words(other)) or bool(said - named_in_both(text, other))
    )


def names_only(names: Iterable[Iterable[str]], lower_words: Iterable[str]) -> frozenset[str]:
    """Stems that tie two sentences to the same people, not to the same statement: the words
    of proper names (each claim's name stems, `names`) that the story never writes in lower
    case, and words of office ("Prime Minister", "leader")."""
    common = {stem(w) for w in lower_words}
    named = {s for ss in names for s in ss} - common
    return frozenset(named | OFFICES)


def precise(stems: Iterable[str]) -> bool:
    """One of `stems` is a large figure (`specific_stems`) precise to PRECISE_DIGITS or more
    ("#61482" of "61,482", not "#1500"): two sources give it for one fact, not by chance."""
    return any(s[:1] == "#" and len(s[1:].rstrip("0")) >= PRECISE_DIGITS for s in stems)


def judge(
    n_stems: int, weight: float, n_shared: int, aligned: float, run: int = 0, figure: bool = False
) -> str:
    """Why a pair is a counterpart ("" when it is not): the decision rule, in one place.
    `figure`: the two share a `precise` figure."""
    if weight >= SUPPORT_THRESHOLD:
        return "rare words"
    if figure:
        return "same figure"
    if run >= SHARED_RUN:
        return "same wording"
    if n_shared >= MIN_SHARED and n_shared >= COVERAGE * n_stems:
        return "most words"
    if weight >= PAIRED_WEIGHT and aligned >= ALIGNED_SCORE:
        return "rare words and alignment"
    return ""


def best_counterparts(
    claims: list[Claim], aligned: Mapping[str, Iterable[Evidence]] | None = None
) -> list[Counterpart]:
    """For each claim, its best counterpart in another article (`NONE` when nothing is shared).

    `aligned` maps a claim id to its evidence from `reader.align.evidence.align_story`: the
    best-scored of those are candidates too, and their pair score is the alignment signal (never
    recomputed here: one score per pair, the evidence's).
    """
    known = aligned or {}
    finder = Counterparts(claims)
    finder.expect(range(len(claims)))
    return [finder.of(i, known.get(c.id, ())) for i, c in enumerate(claims)]


class Counterparts:
    """`best_counterparts` one claim at a time: what the story's claims share is worked out
    once; a claim's evidence is only needed when its counterpart is asked for."""

    def __init__(
        self,
        claims: list[Claim],
        stems: list[set[str]] | None = None,
        quoted: list[list[str]] | None = None,
        names: frozenset[str] = frozenset(),
    ):
        """`stems`, `quoted`: each claim's `specific_stems` and `quoted_words`, when the caller
        has them; `names`: stems that only ever name someone or something, or an office
        (`names_only`)."""
        n = len(claims)
        self.names = names
        self.texts = [c.text for c in claims]
        if stems is None:
            stems = [specific_stems(c.text) for c in claims]
        self.stems = stems
        postings: dict[str, list[int]] = defaultdict(list)
        for i, ss in enumerate(stems):
            for s in ss:
                postings[s].append(i)
        self.idf = idf = rarity(stems, postings)
        code = {a: k for k, a in enumerate(sorted({c.article for c in claims}))}
        self.article = article = np.fromiter(
            (code[c.article] for c in claims), dtype=np.int64, count=n
        )
        self.quoted = [quoted_words(c.text) for c in claims] if quoted is None else quoted
        self.index = {c.id: i for i, c in enumerate(claims)}
        # claims of an article are contiguous in a story: its claims are first[a]..after[a]-1
        self.contiguous = int((np.diff(article) != 0).sum()) == len(code) - 1
        self.first = {a: int(np.argmax(article == a)) for a in code.values()}
        self.after = {a: self.first[a] + int((article == a).sum()) for a in code.values()}
        # each stem's claims, and its rarity, by stem number
        self.stem_id = {s: k for k, s in enumerate(postings)}
        self.shares = Postings(list(postings.values()), n)
        self.stem_idf = np.fromiter(idf.values(), dtype=np.float64)  # (keyed as `postings`)
        # the story's `precise` figures (`_share_figure`)
        self.precise_figures = frozenset(s for s in postings if precise((s,)))
        self._expected = range(0)
        self._ready: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def expect(self, claims: range) -> None:
        """Claims `claims` are asked for next, in order: their shared stems are summed a batch
        at a time (fewer, larger array operations than one claim at a time)."""
        self._expected = claims
        self._ready.clear()

    def _shared(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """The claims of other articles that share specific stems with claim i (in claim order),
        and the summed rarity of the stems each shares."""
        got = self._ready.pop(i, None)
        if got is None:
            end = i + 1
            if self.contiguous and i in self._expected:  # a batch: claims of i's article only
                a = int(self.article[i])
                others = len(self.stems) - (self.after[a] - self.first[a])
                rows = max(BATCH, BATCH_PAIRS // max(others, 1))  # (sums as alone, any size)
                end = min(i + rows, self._expected.stop, self.after[a])
            self._sum(i, end)
            got = self._ready.pop(i)
        return got

    def _sum(self, lo: int, hi: int) -> None:
        """`_shared` of claims lo..hi-1, all of one article."""
        stems, idf, n = self.stems, self.idf, len(self.stems)
        a = int(self.article[lo])
        # postings are sorted, so the claims' own article is cut out of each without walking it
        own = (self.first[a], self.after[a]) if self.contiguous else None
        # sorted: sums in a fixed order, so near-equal candidates rank the same in every run
        rows = [[self.stem_id[s] for s in sorted(stems[k]) if idf[s] > 0] for k in range(lo, hi)]
        ids = np.fromiter((x for r in rows for x in r), dtype=np.int64)
        where, source = self.shares.gather(ids, own)
        weights = self.stem_idf[ids][source]
        # one sum per (claim, other claim), added up in the claim's stem order as when alone;
        # the other claims numbered as if the claims' own article were not there, so that a
        # long article's claims count their sums with a short one's in a small array
        start, gap = (own[0], own[1] - own[0]) if own else (n, 0)
        width = n - gap
        row_at = np.repeat(np.arange(hi - lo) * width, [len(r) for r in rows])
        if own is None:  # (one claim at a time)
            flat, at = self.shares.claims[where], row_at[source]
            other = self.article[flat] != a
            codes, weights = at[other] + flat[other], weights[other]
        else:
            codes = self.shares.columns(own)[where] + row_at[source]
        size = (hi - lo) * width
        if codes.size * DENSE >= size:  # counted in place (`np.unique` sorted a million codes,
            # for the same sums in the same order)
            present = np.zeros(size, dtype=bool)
            present[codes] = True
            keys = np.flatnonzero(present)
            sums = np.bincount(codes, weights, minlength=size)[keys]
        else:
            keys, inverse = np.unique(codes, return_inverse=True)
            sums = np.bincount(inverse.ravel(), weights, minlength=keys.size)
        bounds = np.searchsorted(keys, np.arange(hi - lo + 1) * width).tolist()
        others = keys % width
        others += gap * (others >= start)  # back to claim numbers
        for k in range(hi - lo):
            part = slice(bounds[k], bounds[k + 1])
            self._ready[lo + k] = (others[part], sums[part])

    def carries(self, i: int, j: int, aligned: float) -> bool:
        """Claim j (of another article, `aligned` its pair score) is a counterpart of claim i by
        the rule of `judge`, and shares more with it than names."""
        ss = self.stems[i]
        both = ss & self.stems[j]
        weight = sum(w for s in both if (w := self.idf[s]) > 0)
        basis = judge(len(ss), weight, len(both), aligned, figure=self._share_figure(both))
        return bool(basis) and self._said(i, j, both)

    def _share_figure(self, both: set[str]) -> bool:
        """`precise(both)`: the shared stems `both` of two claims hold a precise figure (a set
        operation with the story's, where `precise` read each shared stem of each pair)."""
        return not both.isdisjoint(self.precise_figures)

    def _said(self, i: int, j: int, both: set[str]) -> bool:
        """`says_more_than_names` of claims i and j."""
        return says_more_than_names(self.texts[i], self.texts[j], both, self.names)

    def of(
        self,
        i: int,
        evidence: Iterable[Evidence],
        ranked: bool = False,
        vouches: Callable[[int, str], bool] | None = None,
    ) -> Counterpart:
        """Claim i's best counterpart; `evidence`: claim i's evidence (its CANDIDATES best
        are enough; `ranked`: it is those, best first, ties in evidence order); `vouches`:
        whether claim j, found on a basis, may be it (else the next best is asked)."""
        stems, idf = self.stems, self.idf
        ss = stems[i]
        js, sums = self._shared(i)
        # the CANDIDATES largest sums, ties in claim order (`js` is in claim order), and how
        # to read any other claim's sum (0 when it shares nothing)
        if js.size > FEW:  # (lexsort: last key first)
            keep = sums > 0
            jk, sk = js[keep], sums[keep]
            if sk.size > CANDIDATES:  # only those as heavy as the CANDIDATES-th are sorted: a
                # claim of a long article shares stems with thousands of another long one's
                kth = sk.size - CANDIDATES
                heavy = sk >= np.partition(sk, kth)[kth]
                jk, sk = jk[heavy], sk[heavy]
            order = np.lexsort((jk, -sk))[:CANDIDATES]
            acc = dict(zip(jk[order].tolist(), sk[order].tolist(), strict=True))
            jl, sl = js, sums
        else:  # in Python: a claim shares stems with a few dozen claims of other articles
            # (numpy's fixed costs per operation took as long as all the rest of this)
            jl, sl = js.tolist(), sums.tolist()
            top_k = sorted(range(len(sl)), key=sl.__getitem__, reverse=True)[:CANDIDATES]
            acc = {jl[k]: sl[k] for k in top_k if sl[k] > 0}
        top = list(acc)  # by weight, the heaviest first (then what the evidence adds)
        by_weight = len(top)
        # the best-scored sentences of the evidence, when they share some rare word
        aligned_of: dict[int, float] = {}
        best_ev = evidence if ranked else heapq.nlargest(CANDIDATES, evidence, key=_pair_score)
        for e in best_ev:
            j = self.index.get(e.other_id, -1)
            if j >= 0:
                aligned_of[j] = e.score
                if j not in acc:
                    k = bisect.bisect_left(jl, j)
                    if k < len(jl) and jl[k] == j and (w := float(sl[k])) > 0:
                        acc[j] = w
                        top.append(j)
        best: tuple[tuple[int, float], int, str, set[str]] | None = None
        for at, j in enumerate(top):
            weight = acc[j]
            both = ss & stems[j]
            if weight < SUPPORT_THRESHOLD:
                run = shared_run(self.quoted[i], self.quoted[j])
                figure = self._share_figure(both)
            else:  # (`judge` reads neither: the weight is enough)
                run, figure = 0, False
            basis = judge(len(ss), weight, len(both), aligned_of.get(j, 0.0), run, figure)
            if basis and basis != "same wording" and not self._said(i, j, both):
                basis = ""  # the same people and offices, saying something else
            if basis and vouches is not None and not vouches(j, basis):
                basis = ""  # (the caller's reason: another figure for the same thing)
            key = (1 if basis else 0, weight)
            if best is None or key > best[0]:
                best = (key, j, basis, both)
            if basis and at < by_weight:
                break  # every other weighs no more (what the evidence adds weighs less still)
        if best is None:
            return NONE
        _, j, basis, both = best
        # rarest first, then in stem order (sorted twice: the second sort keeps the first's
        # order among equals, and reads no key made per stem)
        shared = tuple(sorted(sorted(both), key=idf.__getitem__, reverse=True))
        return Counterpart(j, float(acc[j]), shared, aligned_of.get(j, 0.0), basis)
