"""Corpus loading, seed import speed, and imports at scale.

Prints: the time to load 10,000 small article files (a folder of 100 stories) as a ratio against
just reading their bytes in the same run, and the median time to import the seeds (load, align,
suggest, store) into a fresh database.

    python benchmarks/load.py
    python benchmarks/load.py --scale 100 300 1000 [--jobs N]

--scale: synthetic corpora (benchmarks/corpus.py: 5 articles × 40 sentences a story) imported by
`crossread import` in a subprocess: wall time, CPU/wall (1.0 = one core busy), peak RSS of the
largest process, database size against the article text, and for the first size the import's
time against exhaustive `process.cdist` token_set_ratio scoring of every story's sentences on
all cores, measured in the same run. The machine's load average is printed: it is shared.
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


def exhaustive(root: Path) -> float:
    """Seconds to score every pair of sentences of each story with token_set_ratio."""
    import numpy as np
    from rapidfuzz import fuzz, process

    corpus = load_corpus(root)
    t = time.perf_counter()
    for story in corpus.stories:
        texts = [c.text for c in story.claims()]
        process.cdist(texts, texts, scorer=fuzz.token_set_ratio, dtype=np.float32, workers=-1)
    return time.perf_counter() - t


def scale(sizes: list[int], jobs: list[str]) -> None:
    import os
    import resource
    import subprocess
    import sys

    from corpus import write_corpus

    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root, db = Path(tmp) / "corpus", Path(tmp) / "x.db"
            text = write_corpus(root, n)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            cmd = [sys.executable, "-m", "reader", "import", str(root), "--db", str(db), *jobs]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall = time.perf_counter() - t
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            size = db.stat().st_size
            print(
                f"{n} stories ({text / 1e6:.1f} MB text): import {wall:.1f} s, "
                f"CPU/wall {cpu / wall:.2f}, peak RSS {after.ru_maxrss / 1024:.0f} MB, "
                f"DB {size / 1e6:.1f} MB = {size / text:.1f}x the text; "
                f"load average {os.getloadavg()[0]:.2f}"
            )
            if n == sizes[0]:
                base = exhaustive(root)
                print(
                    f"  exhaustive token_set_ratio of the same sentences: {base:.1f} s; "
                    f"import / exhaustive = {wall / base:.1f}x"
                )


if __name__ == "__main__":
    import sys

    if "--scale" in sys.argv:
        args = sys.argv[sys.argv.index("--scale") + 1 :]
        jobs = args[args.index("--jobs") :][:2] if "--jobs" in args else []
        scale([int(a) for a in args if a.isdigit() and a not in jobs], jobs)
    else:
        main()
