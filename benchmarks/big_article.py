"""A 2 MB article on one line: import time, time to the app's first screen, peak memory.

Builds (in a temp folder) a story of one ~2 MB single-line article of varied news sentences
(benchmarks/suggest.py) and two short articles, then times, in subprocesses, `crossread import`
of it and of the seeds (the baseline, in the same run), the app's first paint on each database
(benchmarks/startup.py), the import's peak RSS, the import of a 2 MB article that repeats one
paragraph (its texts are read and scored once each), and what a reviewer waits for: `crossread PATH`
on a new database, from the command to the app's first screen (a long story opens on its
claims while its evidence and suggestions are worked out in the background).

    python benchmarks/big_article.py [--mb 2]

With --two-long N, only the import of a story of two long articles of N varied sentences each
(every claim of one has thousands of candidates in the other), against the seeds', wall and
CPU seconds (of the import's whole process tree: the figure to compare on a busy machine).
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from startup import SEEDS, compile_sources, first_paint
from suggest import sentence

APP = """
import sys
from reader.ui import run_app
run_app(sys.argv[1], "bench")
"""
OPEN = """
import sys
from reader.cli.main import main
main(sys.argv[1:], prog_name="crossread")
"""


def write_story(folder: Path, size: int) -> int:
    """One single-line article of about `size` bytes and two short ones; its sentences."""
    rng = random.Random(3)
    folder.mkdir(parents=True)
    parts, total = [], 0
    while total < size:
        parts.append(sentence(rng, varied=True))
        total += len(parts[-1]) + 1
    (folder / "huge.txt").write_text(" ".join(parts), encoding="utf-8")
    for k in range(2):
        body = " ".join(sentence(rng) for _ in range(30))
        (folder / f"short{k}.txt").write_text(f"Flood report {k}\n\n{body}\n", encoding="utf-8")
    return len(parts)


def write_repeating(folder: Path, size: int) -> int:
    """`write_story`'s shape, but the long article is one paragraph of 10 sentences over and
    over (a page scraped with its text repeated; a hostile file of one sentence); its
    sentences."""
    rng = random.Random(5)
    folder.mkdir(parents=True)
    paragraph = " ".join(sentence(rng, varied=True) for _ in range(10))
    times = size // (len(paragraph) + 1) + 1
    (folder / "huge.txt").write_text(" ".join([paragraph] * times), encoding="utf-8")
    for k in range(2):
        body = " ".join(sentence(rng) for _ in range(30))
        (folder / f"short{k}.txt").write_text(f"Flood report {k}\n\n{body}\n", encoding="utf-8")
    return 10 * times


def write_two_long(folder: Path, sentences: int) -> None:
    """A story of two single-line articles of `sentences` varied sentences each."""
    rng = random.Random(11)
    folder.mkdir(parents=True)
    for k in range(2):
        body = " ".join(sentence(rng, varied=True) for _ in range(sentences))
        (folder / f"long{k}.txt").write_text(body, encoding="utf-8")


def timed_import(folder: Path, db: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system, with the import's worker processes) and peak
    RSS (MB) of `crossread import folder --db db` in a subprocess."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "reader", "import", str(folder), "--db", str(db)],
        check=True,
        capture_output=True,
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return elapsed, cpu, max(after.ru_maxrss, before.ru_maxrss) / 1024


def two_long(sentences: int) -> None:
    """Prints the import of two long articles (`write_two_long`) against the seeds'."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_two_long(root / "two" / "story", sentences)
        shutil.copytree(SEEDS, root / "seeds")
        seeds_wall, seeds_cpu, _ = timed_import(root / "seeds", root / "seeds.db")
        wall, cpu, _ = timed_import(root / "two", root / "two.db")
    print(f"story: two articles of {sentences:,} varied sentences each")
    print(
        f"import: {wall:.1f} s wall, {cpu:.1f} s CPU "
        f"(seeds {seeds_wall:.1f} s wall, {seeds_cpu:.1f} s CPU: {cpu / seeds_cpu:.0f}x the CPU)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--two-long", type=int, metavar="N", help="sentences per article")
    args = parser.parse_args()
    compile_sources()
    if args.two_long:
        two_long(args.two_long)
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sentences = write_story(root / "big" / "story", int(args.mb * 1_000_000))
        shutil.copytree(SEEDS, root / "seeds")
        seeds_s, _, _ = timed_import(root / "seeds", root / "seeds.db")
        big_s, _, peak = timed_import(root / "big", root / "big.db")
        repeated = write_repeating(root / "repeated" / "story", int(args.mb * 1_000_000))
        repeated_s, _, _ = timed_import(root / "repeated", root / "repeated.db")
        seeds_paint = min(first_paint(APP, str(root / "seeds.db")) for _ in range(3))
        big_paint = min(first_paint(APP, str(root / "big.db")) for _ in range(3))
        opened = [
            first_paint(OPEN, str(root / folder), "--db", str(root / f"open{k}-{folder}.db"))
            for k in range(3)
            for folder in ("seeds", "big")
        ]
    print(f"story: one {args.mb:g} MB single-line article ({sentences:,} sentences) + 2 short")
    print(f"import: {big_s:.1f} s (seeds {seeds_s:.1f} s: {big_s / seeds_s:.1f}x); goal < 5 s")
    print(f"peak RSS of the import: {peak:.0f} MB")
    print(
        f"import of a {args.mb:g} MB article repeating one paragraph ({repeated:,} sentences): "
        f"{repeated_s:.1f} s; goal < 5 s"
    )
    print(f"first paint: {big_paint:.2f} s (seeds {seeds_paint:.2f} s); goal < 5 s")
    print(
        f"`crossread PATH` on a new database to the first screen: {min(opened[1::2]):.2f} s "
        f"(seeds {min(opened[::2]):.2f} s); goal < 5 s"
    )


if __name__ == "__main__":
    main()
