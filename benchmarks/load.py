"""Corpus loading and seed import speed.

Prints: the time to load 10,000 small article files (a folder of 100 stories) as a ratio against
just reading their bytes in the same run, and the median time to import the seeds (load, align,
suggest, store) into a fresh database.

    python benchmarks/load.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from annotations.store import Store
from reader.cli.main import bundled_seeds
from reader.corpus.loader import load_corpus
from reader.pipeline import import_path

SENTENCES = [
    "Officials met on Monday in Geneva for talks that lasted about six hours.",
    "The U.S. delegation was led by Deputy Secretary Jane Doe, who spoke to reporters.",
    "Mr. Smith said the sides “remain far apart” on the main questions.",
    "Analysts expect further meetings in Brussels and Vienna later this week.",
]


def make_corpus(root: Path, stories: int = 100, per_story: int = 100) -> None:
    for s in range(stories):
        folder = root / f"story{s:03d}"
        folder.mkdir()
        for a in range(per_story):
            body = " ".join(SENTENCES[(a + k) % len(SENTENCES)] for k in range(6))
            (folder / f"{a:03d}.txt").write_text(f"Headline number {a}\n\n{body}\n")


def best_of(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_corpus(root)
        files = sorted(root.rglob("*.txt"))
        raw = best_of(lambda: [f.read_bytes() for f in files])
        corpus = load_corpus(root)
        loaded = best_of(lambda: load_corpus(root))
        claims = sum(len(st.claims()) for st in corpus.stories)
        print(
            f"load {len(files)} files ({claims} claims): {loaded:.2f} s; "
            f"reading the bytes alone: {raw:.3f} s; ratio {loaded / raw:.1f}x"
        )
        imports = []
        for i in range(5):
            with Store.open(root / f"seeds{i}.db") as store:
                t = time.perf_counter()
                result = import_path(store, bundled_seeds())
                imports.append(time.perf_counter() - t)
        print(
            f"import the seeds (load, align, suggest, store; {result.claims} claims): "
            f"median {statistics.median(imports) * 1000:.0f} ms over {len(imports)} runs"
        )


if __name__ == "__main__":
    main()
