"""One story of many long articles: import time and peak memory, against the seeds' import.

Writes (in a temp folder) one synthetic story of ARTICLES articles × SENTENCES sentences that
retell one pool of facts (benchmarks/corpus.py), then runs `crossread import` of the seeds and of
that story, each in its own subprocess, and prints each one's wall time and peak RSS (of the
import's largest process). The goal: a peak under 500 MB whatever the story's size.

    python benchmarks/big_story.py [--articles 40] [--sentences 500] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import write_corpus
from startup import SEEDS

GOAL_MB = 500


def measured_import(folder: Path, db: Path, jobs: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of `crossread import folder --db db` in a subprocess."""
    cmd = [sys.executable, "-m", "reader", "import", str(folder), "--db", str(db), *jobs]
    started = time.perf_counter()
    # run from the temp folder: `-m reader` would find ./reader first (PYTHONPATH=... ignored)
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=db.parent)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    errors = child.stderr.read().decode() if child.stderr else ""
    if child.returncode:
        sys.exit(f"import of {folder} failed: {errors.strip()}")
    return elapsed, usage.ru_maxrss / 1024  # Linux: kilobytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--sentences", type=int, default=500, help="per article")
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    jobs = [] if args.jobs is None else ["--jobs", str(args.jobs)]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        size = write_corpus(root / "big", 1, articles=args.articles, sentences=args.sentences)
        story = next((root / "big").iterdir())
        seeds_s, seeds_mb = measured_import(SEEDS, root / "seeds.db", jobs)
        big_s, big_mb = measured_import(story, root / "big.db", jobs)
        db_mb = (root / "big.db").stat().st_size / 1e6
    print(
        f"story: {args.articles} articles x {args.sentences} sentences "
        f"({size / 1e6:.1f} MB of text); load average {os.getloadavg()[0]:.2f}"
    )
    print(f"seeds import: {seeds_s:.1f} s, peak RSS {seeds_mb:.0f} MB")
    print(
        f"story import: {big_s:.1f} s ({big_s / seeds_s:.0f}x the seeds), peak RSS {big_mb:.0f} MB "
        f"({big_mb / seeds_mb:.1f}x the seeds; goal < {GOAL_MB} MB); database {db_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
