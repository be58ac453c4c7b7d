"""Evidence retrieval: recall on the dev gold, seeds speed against the old alignment, big stories.

    python benchmarks/evidence.py [--gold GOLD.jsonl] [--scorer PATH] [--sample N]

Prints, in one run:
1. recall on the counterpart gold, through `score-evidence` (the seeds imported into a temp DB);
2. the alignment and the whole import of the seeds, against the alignment before issue 7
   (`_evidence_before.py`, frozen) measured in the same run;
3. a synthetic story of 40 articles x 500 sentences (20,000): pruned alignment against
   exhaustive scoring of every pair with the same score (`pair_budget` unlimited), and the share
   of (claim, other article) pairs whose top 3 agree. Exhaustive scoring of all 20,000 claims
   takes minutes, so it is run on `--sample` claims (their rows against the whole story) and its
   time scaled to the whole story; agreement is measured on those claims.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

import _evidence_before
from load import best_of

from annotations.store import Store
from reader import pipeline
from reader.align import evidence as current
from reader.align.candidates import ArticleGrid
from reader.align.fuzzy import fuzzy_scores
from reader.align.score import PairScorer, combine, corroborated, held
from reader.cli.main import bundled_seeds
from reader.corpus.loader import load_corpus
from reader.corpus.sentences import article_from_sentences
from reader.models import Story
from reader.pipeline import import_path
from reader.suggest import suggest_story

GOLD = "/work/shared/dev-gold/seeds-counterparts.jsonl"
SCORER = "/work/shared/tools/score-evidence"


def gold_recall(gold: str, scorer: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "seeds.db"
        with Store.open(db) as store:
            import_path(store, bundled_seeds())
        out = subprocess.run(
            [sys.executable, scorer, gold, str(db)], capture_output=True, text=True, check=False
        )
    keep = ("agrees", "contradicts", "claim x", "false leads", "recall@")
    for line in out.stdout.splitlines():
        if line.startswith(keep):
            print("  " + line)
    if out.returncode:
        print("  score-evidence failed:", out.stderr.strip())


def seeds_speed() -> None:
    story = load_corpus(bundled_seeds()).stories[0]
    old = best_of(lambda: _evidence_before.align_story(story))
    new = best_of(lambda: current.align_story(story))
    print(f"  align the seeds: {new * 1000:.0f} ms, before: {old * 1000:.0f} ms ({new / old:.2f}x)")

    def import_once() -> None:
        with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "s.db") as store:
            import_path(store, bundled_seeds())

    def analyse_before(story: Story, phase: object = None) -> tuple[list, list]:
        evidence = _evidence_before.align_story(story)
        return evidence, suggest_story(story, evidence)

    now = best_of(import_once)
    saved = pipeline.analyse
    pipeline.analyse = analyse_before  # what `import_path` runs for each story
    try:
        before = best_of(import_once)
    finally:
        pipeline.analyse = saved
    print(
        f"  import the seeds: {now * 1000:.0f} ms, with the old alignment: {before * 1000:.0f} ms"
        f" ({now / before:.2f}x; target <= 1.5x)"
    )


def synthetic_story(articles: int = 40, per_article: int = 500, seed: int = 7) -> Story:
    """Articles that each retell a random 500 of 2,000 facts in their own words.

    A fact is six specific words and maybe a count; a retelling keeps four or five of them,
    adds words of the story every article repeats (its names and places) and general filler.
    """
    rng = random.Random(seed)
    syll = ["ka", "lo", "mi", "ren", "tu", "sa", "vel", "dor", "ni", "pe", "gra", "hol", "stin"]

    def word() -> str:
        return "".join(rng.choice(syll) for _ in range(rng.randint(2, 4)))

    story_words = [word().title() for _ in range(25)]
    general = [word() for _ in range(3000)]
    weights = [1 / (k + 1) for k in range(len(general))]  # Zipf-like
    facts = []
    for _ in range(2000):
        specific = rng.sample(general, 6)
        count = f"{rng.randint(2, 900)} {rng.choice(general)}" if rng.random() < 0.3 else ""
        facts.append((specific, count))
    story = Story("synthetic", "/tmp/synthetic")
    for a in range(articles):
        sentences = []
        for specific, count in rng.sample(facts, per_article):
            words = rng.sample(specific, rng.randint(4, 5))
            words += rng.sample(story_words, rng.randint(1, 3))
            words += rng.choices(general, weights=weights, k=rng.randint(1, 4))
            rng.shuffle(words)
            if count:
                words.insert(rng.randint(0, len(words)), count)
            sentences.append(" ".join(["The", *words, "the", "said"]).capitalize() + ".")
        story.articles.append(article_from_sentences("synthetic", f"{a:02d}.txt", sentences))
    return story


def exhaustive_top(story: Story, rows: list[int], top: int) -> dict[tuple[str, str], set[str]]:
    """Top `top` per other article for claims `rows`, every pair scored with the pair score."""
    claims = story.claims()
    scorer = PairScorer(claims, headlines=story.headline_ids())
    article = scorer.articles
    grid = ArticleGrid(article)
    out: dict[tuple[str, str], set[str]] = {}
    for i in rows:
        # columns: the other articles' claims, as `ArticleGrid.best` takes them
        own = int(article[i])
        start, end = int(grid.starts[own]), int(grid.ends[own])
        lex, facts = scorer.weights.with_facts(i, i + 1, (start, end))
        short = np.r_[scorer.short[:start], scorer.short[end:]]
        others = scorer.processed[:start] + scorer.processed[end:]
        fz = fuzzy_scores(scorer.processed[i : i + 1], others, scorer.short[i : i + 1], short)
        z = scorer.semantic.z(slice(i, i + 1), np.r_[0:start, end : len(claims)])
        m = lex.shape[1]
        path = scorer.paths(i, (start, end), lex, np.zeros(m, dtype=np.int64), np.arange(m))
        _, cols = grid.best(held(corroborated(combine(lex, fz, z), path[None, :]), facts), i, top)
        for j in cols.tolist():
            out.setdefault((claims[i].id, claims[j].article), set()).add(claims[j].id)
    return out


def big_story(sample: int) -> None:
    story = synthetic_story()
    claims = story.claims()
    t = time.perf_counter()
    pruned = current.align_story(story, top=3, min_score=0)
    t_pruned = time.perf_counter() - t
    t = time.perf_counter()
    _evidence_before.align_story(story)
    t_before = time.perf_counter() - t
    rows = sorted(random.Random(1).sample(range(len(claims)), sample))
    t = time.perf_counter()
    full = exhaustive_top(story, rows, 3)
    t_full = (time.perf_counter() - t) * len(claims) / sample
    got: dict[tuple[str, str], set[str]] = {}
    for e in pruned:
        got.setdefault((e.claim_id, e.article), set()).add(e.other_id)
    agree = sum(got.get(k, set()) == v for k, v in full.items()) / len(full)
    print(
        f"  {len(claims)} sentences in {len(story.articles)} articles: pruned {t_pruned:.1f} s;"
        f" exhaustive ~{t_full:.0f} s (timed on {sample} claims, scaled): {t_full / t_pruned:.1f}x"
        f" faster (target >= 5x); top-3 agreement {agree:.3f} on {len(full)} (claim, article)"
        f" pairs (target >= 0.98); the alignment before issue 7: {t_before:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=GOLD)
    parser.add_argument("--scorer", default=SCORER)
    parser.add_argument("--sample", type=int, default=400)
    args = parser.parse_args()
    print("dev gold (score-evidence):")
    gold_recall(args.gold, args.scorer)
    print("seeds:")
    seeds_speed()
    print("synthetic story:")
    big_story(args.sample)


if __name__ == "__main__":
    main()
