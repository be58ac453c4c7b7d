"""Keystroke to committed row and to painted screen: median and p99 over many tag keys, on the
seed story.

Each sample is one Pilot key press ("c", "x" or "u") until its write's commit returned on the
writer thread (and the label is then checked from a second, independent SQLite connection, i.e.
committed and durable, not just drawn); and until the first
frame the app writes after its handler returned (the screen showing the key's effect); and until
the first frame showing the new claim's whole evidence list (the candidates below the panel's
height are rendered after that first frame).

    python benchmarks/keystroke.py [--keys 200]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
KEYS = {"c": "consistent", "x": "contradicted", "u": "unverified"}


async def measure(db: str, count: int) -> tuple[list[float], list[float], list[float], list[float]]:
    """(press→row seconds, seconds inside the tag handler, press→next frame written after the
    handler, press→first frame with the new claim's whole evidence list) for `count` tag keys."""
    from reader.ui.app import build_app
    from reader.ui.panels import EvidencePanel

    app = build_app(db, "bench", advance=True)
    complete: list[float] = []  # when the evidence list of the new claim was fully rendered
    finish = EvidencePanel._finish_body

    def timed_finish(panel: EvidencePanel, height: int | None = None) -> None:
        finish(panel, height)
        if panel._rest is None:
            complete.append(time.perf_counter())

    EvidencePanel._finish_body = timed_finish
    handler: list[float] = []
    handled: list[float] = []  # when each handler returned
    frames: list[float] = []  # when each frame was written (headless: composed for a terminal)
    original, display = app.action_tag, app._display

    def timed_tag(label: str) -> None:
        started = time.perf_counter()
        original(label)
        handled.append(time.perf_counter())
        handler.append(handled[-1] - started)

    def timed_display(screen, update) -> None:
        frames.append(time.perf_counter())
        display(screen, update)

    app.action_tag = timed_tag
    app._display = timed_display
    painted: list[float] = []
    full: list[float] = []  # key -> first frame showing the whole evidence list
    other = sqlite3.connect(db, timeout=10)
    samples = []
    async with app.run_test(size=(160, 48)) as pilot:
        # the commit's moment is stamped on the writer thread as the write returns: a poll on
        # the event loop would only see it once the loop is free, after the frame being drawn
        commits: list[float] = []
        deliver = app.writer._deliver

        def stamped(fn) -> None:
            commits.append(time.perf_counter())
            deliver(fn)

        app.writer._deliver = stamped
        for i in range(count):
            review = app.review
            if review.claim is None or review.claim_index == len(review.article_claims) - 1:
                await pilot.press("right_square_bracket")
            claim = app.review.claim
            # past the last claim the story wraps: always change the label, so each key commits
            before = committed(other, claim.id)
            key = next(k for k in "cxu"[i % 3 :] + "cxu" if KEYS[k] != before)
            started = time.perf_counter()
            press = asyncio.create_task(pilot.press(key))
            # poll from the other connection while the app handles the key on the same loop
            while committed(other, claim.id) != KEYS[key] or commits[-1:] <= [started]:
                if time.perf_counter() - started > 10:
                    raise SystemExit(f"key {key!r} on claim {claim.id} was not committed in 10 s")
                await asyncio.sleep(0.0005)
            samples.append(next(t for t in commits if t > started) - started)
            await press
            while not (frames and handled and frames[-1] > handled[-1]):
                if time.perf_counter() - started > 10:
                    raise SystemExit(f"no frame was drawn within 10 s of key {key!r}")
                await asyncio.sleep(0.0005)
            painted.append(next(f for f in frames if f > handled[-1]) - started)
            while not (complete and complete[-1] > started and frames[-1] > complete[-1]):
                if time.perf_counter() - started > 10:
                    raise SystemExit(f"the evidence list was not drawn within 10 s of {key!r}")
                await asyncio.sleep(0.0005)
            full.append(next(f for f in frames if f > complete[-1]) - started)
    other.close()
    EvidencePanel._finish_body = finish
    return samples, handler, painted, full


def committed(conn: sqlite3.Connection, claim_id: str) -> str | None:
    row = conn.execute(
        "SELECT label FROM annotations WHERE claim_id = ? AND reviewer = 'bench'", (claim_id,)
    ).fetchone()
    return row[0] if row else None


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=200)
    count = parser.parse_args().keys
    with tempfile.TemporaryDirectory() as tmp:
        from annotations.store import Store
        from reader.pipeline import import_path

        shutil.copytree(SEEDS, Path(tmp) / "seeds")
        db = str(Path(tmp) / "bench.db")
        store = Store.open(db)
        import_path(store, Path(tmp) / "seeds")
        store.close()
        samples, handler, painted, full = asyncio.run(measure(db, count))
    ms = [s * 1000 for s in samples]
    inside = [s * 1000 for s in handler]
    drawn = [s * 1000 for s in painted]
    whole = [s * 1000 for s in full]
    print(f"{len(ms)} tag keys, key press -> row committed (then seen from another connection):")
    print(f"  median {statistics.median(ms):.1f} ms, p99 {p99(ms):.1f} ms (goal p99 <= 10 ms)")
    print(
        f"  inside the handler (write + redraw bookkeeping): median "
        f"{statistics.median(inside):.1f} ms, p99 {p99(inside):.1f} ms"
    )
    print(
        f"key press -> next frame drawn after the handler: median {statistics.median(drawn):.1f} "
        f"ms, p99 {p99(drawn):.1f} ms (goal: median <= 30 ms, p99 <= 60 ms)"
    )
    print(
        f"  and the new claim's whole evidence list (rendered after that frame): median "
        f"{statistics.median(whole):.1f} ms, p99 {p99(whole):.1f} ms"
    )


if __name__ == "__main__":
    main()
