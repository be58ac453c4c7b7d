"""Export speed: `crossread export` of 100,000 annotations against `sqlite3 -csv` of the same join.

    python benchmarks/export.py [ANNOTATIONS]
    CROSSREAD_BENCH_KEEP=DIR python benchmarks/export.py   # keep the database as DIR/x.db

Builds a database of synthetic stories (5 articles × 40 claims each) with one reviewer's label,
note and a link on every claim, then times, best of 3, `crossread export -o FILE` (and `--all`,
and the export kept in one process: a big one is otherwise made by worker processes, see
annotations/export_pool.py) and the sqlite3 command-line shell writing the same query as CSV
(Python's csv module over sqlite3 when the shell is absent). Prints both times and their ratio,
wall clock and CPU (user + system, which other work on a shared machine disturbs less); only
ratios measured in one run mean anything. With CROSSREAD_BENCH_KEEP an existing DIR/x.db is used
as it is.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from suggest import synthetic_story

from annotations.export import _CLAIM_ROWS
from annotations.schema import CLAIM_TEXT
from annotations.store import Store
from reader.models import Suggestion


def build(path: Path, annotations: int) -> None:
    stories = max(1, annotations // 200)
    now = "2026-01-01T00:00:00+00:00"
    with Store.open(path) as store:
        for k in range(stories):
            story = synthetic_story(5, 40, seed=k)
            story.name = story.path = f"story{k:05d}"
            for a in story.articles:
                a.story = story.name
                a.claims = [replace(c, id=f"{k:05d}{c.id[5:]}", story=story.name) for c in a.claims]
            claims = story.claims()
            sugg = [
                Suggestion(c.id, "consistent", "numbers agree", confidence="high") for c in claims
            ]
            store.import_story(story, [], sugg)
            first = claims[0]
            link = json.dumps(
                [{"claim_id": first.id, "article": first.article, "text": first.text}]
            )
            rows = [
                (c.id, "ana", "consistent", "checked", link, 0, story.name, c.article, c.text, now,
                 now)
                for c in claims
            ]  # fmt: skip
            store.conn.execute("BEGIN")
            store.conn.executemany(
                "INSERT INTO annotations (claim_id, reviewer, label, note, links, "
                "accepted_suggestion, story, article, claim_text, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            store.conn.execute("COMMIT")


def shell_export(db: Path, out: Path, all_claims: bool) -> None:
    sql = _CLAIM_ROWS.replace(":reviewer", "NULL").replace(":all", "1" if all_claims else "0")
    # the claim's text, which crossread cuts from its article in Python, cut here by SQL
    sql = sql.replace('c."end", c.text,', f'c."end", {CLAIM_TEXT.format(r="c", a="a")},', 1)
    if shutil.which("sqlite3"):
        with out.open("w") as f:
            subprocess.run(["sqlite3", "-csv", "-header", str(db), sql], stdout=f, check=True)
    else:
        import csv
        import sqlite3

        conn = sqlite3.connect(db)
        with out.open("w", newline="") as f:
            csv.writer(f).writerows(conn.execute(sql))


def best_of(fn: Callable[[], object], runs: int = 3) -> tuple[float, float]:
    """The best wall-clock time and the best CPU time (this process and its children) of fn."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu, wall = time.process_time(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - wall)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        children = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        cpus.append(time.process_time() - cpu + children)
    return min(walls), min(cpus)


# The export as a user runs it (worker processes when it is big), and in one process.
ONE_PROCESS = (
    "import annotations.export_pool as p; p.PARALLEL_ROWS = 1 << 62; "
    "from reader.cli.main import main; main(prog_name='crossread')"
)
RUNS = [
    ("export", ["-m", "reader", "export"]),
    ("export --all", ["-m", "reader", "export", "--all"]),
    ("export in one process", ["-c", ONE_PROCESS, "export"]),
]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    keep = os.environ.get("CROSSREAD_BENCH_KEEP")  # a folder to build the database in and keep
    with tempfile.TemporaryDirectory() as tmp:
        db, out = Path(keep or tmp) / "x.db", Path(tmp) / "out.csv"
        if not db.exists():
            t = time.perf_counter()
            build(db, n)
            print(f"built {n:,} annotations in {time.perf_counter() - t:.1f} s")
        for name, cmd in RUNS:
            every = "--all" in cmd
            cmd = [sys.executable, *cmd, "--db", str(db), "-o", str(out)]
            ours, ours_cpu = best_of(
                lambda cmd=cmd: subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
            )
            rows = sum(1 for _ in out.open()) - 1
            base, base_cpu = best_of(
                lambda every=every: shell_export(db, Path(tmp) / "base.csv", every)
            )
            print(
                f"{name}: {rows:,} rows {ours:.2f} s (CPU {ours_cpu:.2f} s); sqlite3 -csv of the "
                f"same join {base:.2f} s (CPU {base_cpu:.2f} s); ratio {ours / base:.2f}x, "
                f"CPU {ours_cpu / base_cpu:.2f}x (goal <= 2x)"
            )


if __name__ == "__main__":
    main()
