"""Undo and redo latency against the length of the reviewer's event log.

Builds one story of 4 articles x 250 sentences (1,000 claims) through the store's own write
path, then a reviewer's day of N events: tags, retags, notes, a batch of accepted suggestions
every 200 changes, an undo now and then. Times ctrl+z then ctrl+y (each one committed
`Store.undo` / `Store.redo`) at the end of that log, with the log read backward from its end
(now) and with the whole log replayed (before: `Store._stacks`, still the fallback), at 1,000
and 20,000 events, in the same run; also runs of 20 and 100 undos in a row
and as many redos back (past `_Log.MAX_STEPS` steps back, each replays the log again).

    python benchmarks/undo.py [--events 1000 20000] [--samples 200]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from storyfactory import make_story, make_suggestions

from annotations import store as store_module
from annotations.store import Store

ME = "ana"
LABELS = ["consistent", "contradicted", "unverified"]
RUNS = (20, 100)  # undos in a row, then as many redos


def build(path: Path, events: int) -> None:
    st = make_story(
        "day",
        {f"a{k}.txt": [f"On day {j} delegate {k} met {j * 7 + k} officials." for j in range(250)]
         for k in range(4)},
    )  # fmt: skip
    rng = random.Random(7)
    with Store.open(path) as s:
        s.conn.execute("PRAGMA synchronous = OFF")  # building only: 20,000 fsyncs take minutes
        s.import_story(st, [], make_suggestions(st, "contradicted"))
        ids = [c.id for c in st.claims()]
        n = step = 0
        while n < events:
            r = rng.random()
            step += 1
            if step % 200 == 0:
                s.accept_suggestions(rng.sample(ids, 30), ME)
            elif r < 0.8:
                s.set_label(rng.choice(ids), rng.choice(LABELS), ME)
            elif r < 0.9:
                s.set_note(rng.choice(ids), ME, f"note {n}")
            else:
                s.undo(ME)
            n = s.conn.execute("SELECT count(*) FROM events").fetchone()[0]


@contextmanager
def replaying() -> Iterator[None]:
    """The code before: every undo and redo replays the whole log."""

    def replay(self: store_module._Log, action: str) -> list[int] | None:
        raise store_module._TooLong

    saved = store_module._Log.top
    store_module._Log.top = replay  # type: ignore[method-assign]
    try:
        yield
    finally:
        store_module._Log.top = saved  # type: ignore[method-assign]


def undo_redo(path: Path, samples: int) -> float:
    """Median ms of one undo or redo (alternating, so the log ends as it began)."""
    times = []
    with Store.open(path) as s:
        for _ in range(samples):
            for step in (s.undo, s.redo):
                t = time.perf_counter()
                assert step(ME) is not None
                times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def run_of(path: Path, count: int) -> float:
    """Mean ms of an undo or redo in `count` undos in a row, then `count` redos back."""
    with Store.open(path) as s:
        t = time.perf_counter()
        for _ in range(count):
            assert s.undo(ME) is not None
        for _ in range(count):
            assert s.redo(ME) is not None
        return (time.perf_counter() - t) / (2 * count) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, nargs="+", default=[1000, 20000])
    ap.add_argument("--samples", type=int, default=200)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = {}
        for n in args.events:
            path = Path(tmp) / f"{n}.db"
            build(path, n)
            with replaying():
                before = undo_redo(path, args.samples // 4)
                before_run = [run_of(path, k) for k in RUNS]
            now_run = [run_of(path, k) for k in RUNS]
            rows[n] = (before, undo_redo(path, args.samples), *before_run, *now_run)
        first = rows[args.events[0]]
        print(f"{'events':>7} {'before ms':>10} {'now ms':>8} {'speed-up':>9}   "
              + "   ".join(f"{k} in a row: before, now" for k in RUNS))  # fmt: skip
        for n, (before, now, *runs) in rows.items():
            print(f"{n:>7} {before:>10.2f} {now:>8.2f} {before / now:>8.1f}x   "
                  + "   ".join(f"{runs[i]:>18.2f} {runs[i + len(RUNS)]:>5.2f}"
                               for i in range(len(RUNS))))  # fmt: skip
        last = rows[args.events[-1]]
        print(
            f"one undo or redo at {args.events[-1]:,} events / at {args.events[0]:,}: "
            f"before {last[0] / first[0]:.1f}x, now {last[1] / first[1]:.1f}x; "
            + "; ".join(
                f"{k} in a row: before {last[2 + i] / first[2 + i]:.1f}x, "
                f"now {last[2 + i + len(RUNS)] / first[2 + i + len(RUNS)]:.1f}x"
                for i, k in enumerate(RUNS)
            )
        )


if __name__ == "__main__":
    main()
