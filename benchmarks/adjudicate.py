"""The adjudication screen on a big team file: twelve reviewers on a 5,000-claim story
(`team_scale.py`'s databases, merged: 21,400 labels).

Prints the time from building the app to its first screen, then, for 50 claims in a row,
the latency of `n` (to the next disagreement) and of deciding (c / x / u) it, each key
pressed and its frame drawn (Textual's Pilot); then, when another window writes (every window
notes it is still open every ten seconds, a write), how long the screen's thread is held
(`held`: keys wait that long) and how long until the team's labels, re-read on a worker,
are shown (`re-read`). Against a baseline: the same keys on the seeds' few claims.

    python benchmarks/adjudicate.py
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from team_scale import build

from annotations.merge import merge
from annotations.store import Store
from reader.cli.main import bundled_seeds
from reader.pipeline import import_path
from reader.ui.adjudicate import AdjudicateScreen
from reader.ui.app import build_app


async def drive(db: Path, rounds: int) -> dict[str, list[float]]:
    t = time.perf_counter()
    app = build_app(str(db), "lead", adjudicate=True)
    times: dict[str, list[float]] = {}
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AdjudicateScreen)
        times["open"] = [time.perf_counter() - t]
        for k in range(rounds):
            for key, what in (("n", "n"), ("cxu"[k % 3], "decide")):
                t = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                times.setdefault(what, []).append(time.perf_counter() - t)
        t = time.perf_counter()
        app.screen.on_database_changed()
        times["held"] = [time.perf_counter() - t]  # the screen's thread, kept from keys
        await app.workers.wait_for_complete()  # (the re-read runs on a worker)
        await pilot.pause()
        times["re-read"] = [time.perf_counter() - t]
    return times


def seeds_db(root: Path) -> Path:
    """The seeds, three reviewers disagreeing on every claim."""
    path = root / "seeds.db"
    with Store.open(path) as s:
        import_path(s, bundled_seeds())
        for story in s.stories():
            for k, claim in enumerate(s.claims(story)):
                for r, name in enumerate(("ana", "ben", "cy")):
                    s.set_label(claim.id, ("consistent", "contradicted")[(k + r) % 2], name)
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = build(root / "team")
        merge(paths, root / "team.db", prefer=paths[4])
        base = asyncio.run(drive(seeds_db(root), 10))
        big = asyncio.run(drive(root / "team.db", 50))
    for what in ("open", "n", "decide", "held", "re-read"):
        b, g = sorted(base[what]), sorted(big[what])
        med_b, med_g = b[len(b) // 2], g[len(g) // 2]
        print(
            f"{what:8} 21,400 labels: median {1000 * med_g:6.0f} ms, max {1000 * g[-1]:6.0f} ms;"
            f" seeds {1000 * med_b:4.0f} ms ({med_g / med_b:.1f}x)"
        )


if __name__ == "__main__":
    main()
