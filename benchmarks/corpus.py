"""Synthetic news corpora on disk: stories of 5 articles × ~40 sentences that retell one pool of
facts in their own order and words, as `crossread import` reads them.

    python benchmarks/corpus.py FOLDER STORIES
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from suggest import sentence

SYNONYMS = {"said": "stated", "Monday": "Tuesday", "about": "around", "were": "had been"}


def retell(rng: random.Random, text: str) -> str:
    """The same fact in another outlet's words: a synonym or a changed figure now and then."""
    words = text.split()
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = SYNONYMS.get(words[i], words[i])
    if rng.random() < 0.1:
        words.insert(rng.randrange(len(words)), "reportedly")
    return " ".join(words)


def write_corpus(
    root: Path, stories: int, articles: int = 5, sentences: int = 40, seed: int = 7
) -> int:
    """Write `stories` story folders under root; returns the bytes of article text written."""
    rng = random.Random(seed)
    total = 0
    for s in range(stories):
        folder = root / f"story{s:05d}"
        folder.mkdir(parents=True)
        pool = [sentence(rng) for _ in range(sentences * 3 // 2)]
        for a in range(articles):
            picked = rng.sample(pool, sentences)
            body = "\n\n".join(
                " ".join(retell(rng, t) for t in picked[i : i + 4]) for i in range(0, sentences, 4)
            )
            text = f"Floods in {pool[0].split()[0]}: report {a}\n\n{body}\n"
            (folder / f"outlet{a}.txt").write_text(text, encoding="utf-8")
            total += len(text.encode("utf-8"))
    return total


if __name__ == "__main__":
    print(write_corpus(Path(sys.argv[1]), int(sys.argv[2])), "bytes of article text")
