"""Suggestion throughput on a synthetic story of 100 articles, and a story of 1,000 small ones.

    python benchmarks/suggest.py [ARTICLES] [CLAIMS_PER_ARTICLE]

Prints claims per second for `suggest_story` and, as a baseline measured in the same run, for the
evidence alignment (`align_story`) that an import runs before it.
"""

from __future__ import annotations

import random
import sys
import time

from reader.align.evidence import align_story
from reader.corpus.sentences import article_from_sentences
from reader.models import Story
from reader.suggest import suggest_story

PLACES = ["Dunmore", "Karsby", "Holt", "Avenford", "Lisk", "Brayton", "Corran", "Moyle"]
NAMES = ["Lena Berg", "Pedro Alves", "Anna Kowal", "Tom Reyes", "Ines Duarte", "Karl Moss"]
RANKS = ["Deputy", "Assistant", ""]
NOUNS = [
    "residents",
    "homes",
    "boats",
    "bridges",
    "schools",
    "pumps",
    "volunteers",
    "engineers",
    "roads",
    "farms",
]
VERBS = [
    "flooded",
    "evacuated",
    "repaired",
    "inspected",
    "closed",
    "reopened",
    "rescued",
    "cleared",
]
FILLER = [
    "officials",
    "said",
    "the",
    "water",
    "level",
    "kept",
    "rising",
    "while",
    "crews",
    "worked",
    "through",
    "the",
    "night",
    "and",
    "insurers",
    "warned",
    "of",
    "large",
    "claims",
    "from",
    "shopkeepers",
    "near",
    "the",
    "old",
    "market",
    "quarter",
]


def sentence(rng: random.Random, varied: bool = False) -> str:
    """One sentence; `varied` draws figures from a wide range, so that almost every article
    reports its own value (the worst case for voting, which compares values)."""
    kind = rng.random()
    place = rng.choice(PLACES)
    if kind < 0.3:
        n = rng.randint(100, 99_999) if varied else rng.choice([300, 3000, 8000, 12000])
        hedge = rng.choice(["", "about ", "more than ", "nearly "])
        return f"In {place}, {hedge}{n:,} {rng.choice(NOUNS)} were {rng.choice(VERBS)} on Monday."
    if kind < 0.45:
        rank = rng.choice(RANKS)
        return f"{rank} Mayor {rng.choice(NAMES)} said {place} was {rng.choice(VERBS)}.".strip()
    if kind < 0.55:
        hours = rng.choice(["six", "seven", "eight"])
        return (
            f"The {hours}-hour rescue in {place} ended late on {rng.choice(['Friday', 'Sunday'])}."
        )
    words = rng.sample(FILLER, 12)
    return f"{place} {' '.join(words)}."


def synthetic_story(articles: int, claims: int, seed: int = 7, varied: bool = False) -> Story:
    rng = random.Random(seed)
    story = Story(name="bench", path="bench")
    for a in range(articles):
        sentences = [sentence(rng, varied) for _ in range(claims)]
        story.articles.append(article_from_sentences("bench", f"{a:03d}.txt", sentences, title=""))
    return story


SMALL_ARTICLES, SMALL_CLAIMS = 1000, 5


def main() -> None:
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    per = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    story = synthetic_story(articles, per)
    n = len(story.claims())
    t0 = time.perf_counter()
    evidence = align_story(story)
    t1 = time.perf_counter()
    suggestions = suggest_story(story, evidence)
    t2 = time.perf_counter()
    assert len(suggestions) == n
    align_rate, suggest_rate = n / (t1 - t0), n / (t2 - t1)
    labels = {lab: sum(s.label == lab for s in suggestions) for lab in sorted({"consistent",
              "contradicted", "unverified"})}  # fmt: skip
    print(f"story: {articles} articles, {n} claims; labels {labels}")
    print(f"alignment (baseline): {align_rate:,.0f} claims/s ({t1 - t0:.2f} s)")
    print(f"suggestions:          {suggest_rate:,.0f} claims/s ({t2 - t1:.2f} s)")
    print(f"suggestions / alignment throughput: {suggest_rate / align_rate:.2f}x (target >= 0.5)")
    # many small articles: what made the old voting grow with the cube of the story's size
    wide = synthetic_story(SMALL_ARTICLES, SMALL_CLAIMS, varied=True)
    evidence = align_story(wide)
    t3 = time.perf_counter()
    suggest_story(wide, evidence)
    t4 = time.perf_counter()
    print(
        f"{SMALL_ARTICLES:,} articles of {SMALL_CLAIMS} claims, varied figures: suggestions in "
        f"{t4 - t3:.1f} s "
        "(target < 30 s)"
    )


if __name__ == "__main__":
    main()
