"""Agreement between reviewers who labelled the same claims (`crossread agreement`).

A *unit* is one claim and the labels reviewers gave it; only units with two or more labels count.
Statistics (nominal labels, missing labels allowed):
- percent agreement: the share of agreeing pairs of labels within a unit, averaged over units;
- Cohen's κ for every pair of reviewers, over the claims both labelled;
- Fleiss' κ, with each unit's own number of labels (Gwet 2014, §2.3);
- Krippendorff's α from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
  Alpha-Reliability"; its 4 coders × 12 units example gives 0.743, checked in the tests);
- Gwet's AC1, which stays stable when one label dominates (Gwet 2008).
Each comes with a bootstrap 95 % interval: claims are resampled with replacement from a seeded
generator, so the same data always give the same interval.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

from annotations.store import StoreError
from reader.models import shown_names

if TYPE_CHECKING:
    import numpy as np

    from annotations.store import Store

Unit = Sequence[Hashable]  # the labels one claim received, one per reviewer who labelled it

SAMPLES = 1000  # bootstrap resamples
# Fewer cannot make a 95% percentile interval: its 2.5% tails would hold a resample or two, and
# one resample gave "[0.667, 0.667]" around an estimate of 0.333.
MIN_SAMPLES = 100
SEED = 2026


def percent_agreement(units: Iterable[Unit]) -> float | None:
    """Mean over units of the share of pairs of labels that agree."""
    shares = [_agreeing_pairs(u) / (len(u) * (len(u) - 1)) for u in units if len(u) >= 2]
    return sum(shares) / len(shares) if shares else None


def _agreeing_pairs(unit: Unit) -> int:
    """Ordered pairs of the unit's labels that are equal: Σ n_k (n_k − 1)."""
    return sum(n * (n - 1) for n in Counter(unit).values())


def cohen_kappa(pairs: Iterable[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's κ for two reviewers; `pairs` are their labels on the claims both labelled."""
    pairs = list(pairs)
    if not pairs:
        return None
    n = len(pairs)
    po = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(first[k] * second[k] for k in first) / (n * n)
    return _chance_corrected(po, pe)


def _chance_corrected(po: float, pe: float) -> float | None:
    """(po − pe) / (1 − pe); None when chance agreement is perfect (the ratio is undefined)."""
    if math.isclose(pe, 1.0):
        return None
    return (po - pe) / (1 - pe)


def _shares(units: list[Unit], categories: Sequence[Hashable]) -> dict[Hashable, float]:
    """π_k: the share of label k within each unit, averaged over units."""
    share = dict.fromkeys(categories, 0.0)
    for u in units:
        for k, n in Counter(u).items():
            share[k] = share.get(k, 0.0) + n / len(u)
    return {k: v / len(units) for k, v in share.items()}


def fleiss_kappa(units: Iterable[Unit], categories: Sequence[Hashable] = ()) -> float | None:
    """Fleiss' κ; units may have different numbers of labels."""
    units = [u for u in units if len(u) >= 2]
    if not units:
        return None
    po = percent_agreement(units)
    pe = sum(p * p for p in _shares(units, categories).values())
    return _chance_corrected(po, pe)


def gwet_ac1(units: Iterable[Unit], categories: Sequence[Hashable]) -> float | None:
    """Gwet's AC1 over `categories` (all the labels a reviewer could choose)."""
    units = [u for u in units if len(u) >= 2]
    q = len(set(categories) | {k for u in units for k in u})
    if not units or q < 2:
        return None
    po = percent_agreement(units)
    pe = sum(p * (1 - p) for p in _shares(units, categories).values()) / (q - 1)
    return _chance_corrected(po, pe)


def krippendorff_alpha(units: Iterable[Unit]) -> float | None:
    """Krippendorff's α for nominal data, from the coincidence matrix of pairable values."""
    coincide: Counter = Counter()  # (c, k) -> o_ck
    for u in units:
        m = len(u)
        if m < 2:
            continue
        counts = Counter(u)
        for c, nc in counts.items():
            for k, nk in counts.items():
                coincide[c, k] += (nc * (nc - 1) if c == k else nc * nk) / (m - 1)
    totals: Counter = Counter()
    for (c, _k), o in coincide.items():
        totals[c] += o
    n = sum(totals.values())
    if n <= 1:
        return None
    observed = sum(o for (c, k), o in coincide.items() if c != k)
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if expected == 0:
        return None  # every value is the same: no variation to be reliable about
    return 1 - (n - 1) * observed / expected


# ---- one report over a set of claims --------------------------------------------------------


@dataclass(frozen=True)
class Estimate:
    value: float | None
    low: float | None = None  # bootstrap 95 % interval
    high: float | None = None


@dataclass
class Pair:
    first: str
    second: str
    claims: int  # labelled by both
    agreement: Estimate
    kappa: Estimate
    confusion: dict[tuple[str, str], int]  # (first's label, second's label) -> claims


@dataclass
class Report:
    """Agreement over one set of claims (every claim, a story or an article)."""

    scope: str
    reviewers: list[str]
    claims: int  # labelled by two or more of the reviewers
    agreement: Estimate
    fleiss: Estimate
    alpha: Estimate
    ac1: Estimate
    pairs: list[Pair] = field(default_factory=list)
    # the claims they disagree on, in reading order: (claim id, reviewer -> label)
    disagreements: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    # claims labelled by two or more of the reviewers whose sentence a re-import took away
    # (orphans): left out, since their article no longer has them, but counted so the report
    # says why it has fewer claims than `export` lists
    orphans_left_out: int = 0


def report(
    scope: str,
    labels: Mapping[str, Mapping[str, str]],
    reviewers: Sequence[str],
    categories: Sequence[str],
    *,
    samples: int = SAMPLES,
    seed: int = SEED,
) -> Report:
    """Every statistic over `labels` (claim id -> reviewer -> label), claims in their order."""
    rows = {
        cid: {r: by[r] for r in reviewers if by.get(r) is not None} for cid, by in labels.items()
    }
    rows = {cid: by for cid, by in rows.items() if len(by) >= 2}
    cats = list(dict.fromkeys([*categories, *(v for by in rows.values() for v in by.values())]))
    boot = _Bootstrap(len(rows), samples, seed)
    counts = _counts([list(by.values()) for by in rows.values()], cats)
    agreement, fleiss, alpha, ac1 = boot.estimates(_unit_statistics(counts), 4)
    out = Report(
        scope=scope,
        reviewers=list(reviewers),
        claims=len(rows),
        agreement=agreement,
        fleiss=fleiss,
        alpha=alpha,
        ac1=ac1,
        disagreements=[(cid, by) for cid, by in rows.items() if len(set(by.values())) > 1],
    )
    for a, b in combinations(reviewers, 2):
        both = [(by[a], by[b]) for by in rows.values() if a in by and b in by]
        pboot = _Bootstrap(len(both), samples, seed)
        pair_agreement, kappa = pboot.estimates(_pair_statistics(both, cats), 2)
        out.pairs.append(
            Pair(a, b, len(both), pair_agreement, kappa, confusion=dict(Counter(both)))
        )
    return out


# The report's statistics are sums over claims, so a bootstrap resample is a vector of weights
# (how often each claim was drawn) and every statistic of 1000 resamples is a few matrix
# products. The functions above are the same formulas one unit at a time; tests check both agree.

Stats = Callable[["np.ndarray"], list["np.ndarray"]]


def _counts(units: list[list[str]], cats: list[str]) -> np.ndarray:
    """units × categories: how many reviewers gave each label to each claim."""
    import numpy as np

    index = {c: i for i, c in enumerate(cats)}
    out = np.zeros((len(units), len(cats)))
    for i, unit in enumerate(units):
        for label in unit:
            out[i, index[label]] += 1
    return out


def _unit_statistics(counts: np.ndarray) -> Stats:
    """(percent agreement, Fleiss' κ, Krippendorff's α, Gwet's AC1) for weights W (S × units)."""
    import numpy as np

    m = counts.sum(axis=1)
    q = counts.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        agree = (counts * (counts - 1)).sum(axis=1) / (m * (m - 1))
        share = counts / m[:, None]
        # Σ_{c≠k} o_ck for a unit: the pairable values that disagree
        differ = (m * m - (counts * counts).sum(axis=1)) / (m - 1)

    def stats(w: np.ndarray) -> list[np.ndarray]:
        with np.errstate(divide="ignore", invalid="ignore"):
            n_units = w.sum(axis=1)
            po = (w @ agree) / n_units
            pi = (w @ share) / n_units[:, None]
            fleiss = (po - (pi * pi).sum(axis=1)) / (1 - (pi * pi).sum(axis=1))
            pe_gwet = (pi * (1 - pi)).sum(axis=1) / (q - 1)
            ac1 = (po - pe_gwet) / (1 - pe_gwet)
            nc = w @ counts
            n = nc.sum(axis=1)
            alpha = 1 - (n - 1) * (w @ differ) / (n * n - (nc * nc).sum(axis=1))
        return [po, fleiss, alpha, ac1]

    return stats


def _pair_statistics(pairs: list[tuple[str, str]], cats: list[str]) -> Stats:
    """(percent agreement, Cohen's κ) of two reviewers for weights W (S × claims)."""
    import numpy as np

    index = {c: i for i, c in enumerate(cats)}
    first, second = np.zeros((len(pairs), len(cats))), np.zeros((len(pairs), len(cats)))
    for i, (a, b) in enumerate(pairs):
        first[i, index[a]] = second[i, index[b]] = 1
    same = (first * second).sum(axis=1)

    def stats(w: np.ndarray) -> list[np.ndarray]:
        with np.errstate(divide="ignore", invalid="ignore"):
            n = w.sum(axis=1)
            po = (w @ same) / n
            pe = ((w @ first) * (w @ second)).sum(axis=1) / (n * n)
            kappa = np.where(np.isclose(pe, 1.0), np.nan, (po - pe) / (1 - pe))
        return [po, kappa]

    return stats


def team_reports(
    store: Store,
    *,
    story: str | None = None,
    reviewers: Sequence[str] | None = None,
    by: str | None = None,
    samples: int = SAMPLES,
    seed: int = SEED,
) -> list[Report]:
    """Agreement over every claim (or one story's), then per story or article if `by` says so.

    Raises StoreError for an unknown story or reviewer, or fewer than two reviewers.
    """
    from reader.models import LABELS

    known = store.stories()
    if story is not None and story not in known:
        raise StoreError(f"no story {story!r} in {store.path} (stories: {', '.join(known)})")
    stories = [story] if story is not None else known
    claims = [c for s in stories for c in store.claims(s)]
    labels: dict[str, dict[str, str]] = {c.id: {} for c in claims}  # reading order
    for s in stories:
        for ann in store.annotations(story=s):
            if ann.label is not None and ann.claim_id in labels:
                labels[ann.claim_id][ann.reviewer] = ann.label
    labelled = sorted({r for row in labels.values() for r in row})
    # a name given twice is one reviewer: "ana,ana" agreed with herself on no claim
    names = list(dict.fromkeys(reviewers)) if reviewers else labelled
    missing = [r for r in names if r not in labelled]
    if missing:
        hint = (
            "; a name with a comma is given with --reviewer"
            if any("," in r for r in labelled)
            else ""
        )
        raise StoreError(
            f"no labels by {shown_names(missing)} here (reviewers: {shown_names(labelled)}){hint}"
        )
    if len(names) < 2:
        raise StoreError(
            f"agreement needs two reviewers or more; found {', '.join(names) or 'none'}"
        )
    parts: dict[str, list[str]] = {}
    for c in claims if by is not None else ():
        parts.setdefault(c.story if by == "story" else f"{c.story}/{c.article}", []).append(c.id)
    groups = {story or "all claims": list(labels)}
    groups.update((k, v) for k, v in parts.items() if k != story)
    reports = [
        report(scope, {cid: labels[cid] for cid in ids}, names, LABELS, samples=samples, seed=seed)
        for scope, ids in groups.items()
    ]
    gone: dict[str, set[str]] = {}
    for ann in store.orphans():
        if ann.label is not None and ann.story in stories and ann.reviewer in names:
            gone.setdefault(ann.claim_id, set()).add(ann.reviewer)
    reports[0].orphans_left_out = sum(1 for who in gone.values() if len(who) >= 2)
    return reports


def check_samples(samples: int) -> None:
    """ValueError unless `samples` bootstrap resamples can make a 95% interval (or are 0)."""
    if 0 < samples < MIN_SAMPLES:
        raise ValueError(
            f"{samples} resamples make no 95% interval: give {MIN_SAMPLES} or more "
            "(0: no intervals)"
        )


class _Bootstrap:
    """Resamples of n claims with replacement from a seeded generator, as weight vectors."""

    CHUNK = 100  # resamples per matrix product: bounds memory on large datasets

    def __init__(self, n: int, samples: int, seed: int) -> None:
        check_samples(samples)
        self.n, self.samples, self.seed = n, samples, seed

    def estimates(self, stats: Stats, count: int) -> list[Estimate]:
        """Each statistic's value on all claims and its 95 % percentile interval."""
        import numpy as np

        if self.n == 0:
            return [Estimate(None)] * count
        values = [_finite(v[0]) for v in stats(np.ones((1, self.n)))]
        rng = np.random.default_rng(self.seed)
        drawn: list[list[np.ndarray]] = [[] for _ in range(count)]
        for start in range(0, self.samples, self.CHUNK):
            size = min(self.CHUNK, self.samples - start)
            picks = rng.integers(0, self.n, size=(size, self.n))
            # how often each claim was drawn in each resample (np.add.at did the same count at a
            # tenth of the speed: 4.8 of agreement's 5.8 s for twelve reviewers' 5,000 claims)
            rows = picks + (np.arange(size) * self.n)[:, None]
            w = np.bincount(rows.ravel(), minlength=size * self.n).reshape(size, self.n)
            w = w.astype(float)
            for k, v in enumerate(stats(w)):
                drawn[k].append(v)
        out = []
        for value, parts in zip(values, drawn, strict=True):
            sample = np.concatenate(parts) if parts else np.array([])
            sample = sample[np.isfinite(sample)]
            if value is None or sample.size == 0:
                out.append(Estimate(value))
                continue
            low, high = np.quantile(sample, [0.025, 0.975])
            out.append(Estimate(value, float(low), float(high)))
        return out


def _finite(x: float) -> float | None:
    return float(x) if math.isfinite(x) else None
