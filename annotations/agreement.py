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
import random
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

from annotations.store import StoreError

if TYPE_CHECKING:
    from annotations.store import Store

Unit = Sequence[Hashable]  # the labels one claim received, one per reviewer who labelled it

SAMPLES = 1000  # bootstrap resamples
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
    units = [list(by.values()) for by in rows.values()]
    boot = _Bootstrap(len(units), samples, seed)
    out = Report(
        scope=scope,
        reviewers=list(reviewers),
        claims=len(units),
        agreement=boot.estimate(units, percent_agreement),
        fleiss=boot.estimate(units, lambda us: fleiss_kappa(us, categories)),
        alpha=boot.estimate(units, krippendorff_alpha),
        ac1=boot.estimate(units, lambda us: gwet_ac1(us, categories)),
        disagreements=[(cid, by) for cid, by in rows.items() if len(set(by.values())) > 1],
    )
    for a, b in combinations(reviewers, 2):
        both = [(by[a], by[b]) for by in rows.values() if a in by and b in by]
        pboot = _Bootstrap(len(both), samples, seed)
        out.pairs.append(
            Pair(
                first=a,
                second=b,
                claims=len(both),
                agreement=pboot.estimate(both, percent_agreement),
                kappa=pboot.estimate(both, cohen_kappa),
                confusion=dict(Counter(both)),
            )
        )
    return out


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
    names = list(reviewers) if reviewers else labelled
    missing = [r for r in names if r not in labelled]
    if missing:
        raise StoreError(
            f"no labels by {', '.join(missing)} here (reviewers: {', '.join(labelled) or 'none'})"
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
    return [
        report(scope, {cid: labels[cid] for cid in ids}, names, LABELS, samples=samples, seed=seed)
        for scope, ids in groups.items()
    ]


class _Bootstrap:
    """The same resamples of n claims for every statistic, drawn from a seeded generator."""

    def __init__(self, n: int, samples: int, seed: int) -> None:
        rng = random.Random(seed)
        self.draws = [[rng.randrange(n) for _ in range(n)] for _ in range(samples)] if n else []

    def estimate(self, items: list, statistic: Callable[[list], float | None]) -> Estimate:
        value = statistic(items)
        if value is None or not self.draws:
            return Estimate(value)
        values = sorted(
            v for v in (statistic([items[i] for i in draw]) for draw in self.draws) if v is not None
        )
        if not values:
            return Estimate(value)
        return Estimate(value, _quantile(values, 0.025), _quantile(values, 0.975))


def _quantile(values: list[float], q: float) -> float:
    """Linear interpolation between the closest ranks (numpy's default)."""
    pos = q * (len(values) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (pos - lo)
