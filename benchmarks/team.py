"""Team review speed: merging reviewers' databases and computing agreement.

Builds three reviewers' databases of the seeds with 20 copies of the story (about 4,000 claims,
every claim labelled by each reviewer, labels written in one transaction per reviewer through
the store's own write path), then prints:
- the time to merge them into a new team database, as a ratio against copying the three files
  in the same run, and merging them again (nothing new: the idempotent path);
- the time of `agreement` (all statistics, 1000 bootstrap resamples) over the merged claims.

    python benchmarks/team.py
"""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from pathlib import Path

from annotations.agreement import team_reports
from annotations.merge import merge
from annotations.store import Store
from reader.cli.main import bundled_seeds
from reader.models import LABELS
from reader.pipeline import import_path

COPIES = 20
REVIEWERS = ("ana", "ben", "cy")


def build(root: Path) -> list[Path]:
    corpus = root / "corpus"
    for i in range(COPIES):
        shutil.copytree(bundled_seeds(), corpus / f"story{i:02d}")
    first = root / "ana.db"
    with Store.open(first) as s:
        import_path(s, corpus)
    paths = [first]
    for name in REVIEWERS[1:]:
        shutil.copy(first, root / f"{name}.db")
        paths.append(root / f"{name}.db")
    rng = random.Random(1)
    for name, path in zip(REVIEWERS, paths, strict=True):
        with Store.open(path) as s, s._write():  # one transaction: the benchmark's setup only
            for story in s.stories():
                for claim in s.claims(story):
                    label = LABELS[0] if rng.random() < 0.6 else rng.choice(LABELS)
                    new = {"label": label, "note": "", "links": [], "accepted_suggestion": False}
                    s._apply(claim.id, name, "set", s._current(claim.id, name), new)
    return paths


def measure(paths: list[Path], root: Path, prefer: Path | None = None) -> None:
    """Time merging `paths` into root/team.db (against copying them), again, and agreement."""
    t = time.perf_counter()
    for p in paths:
        shutil.copy(p, root / f"copy-{p.name}")
    copy_s = time.perf_counter() - t
    t = time.perf_counter()
    report = merge(paths, root / "team.db", prefer=prefer)
    merge_s = time.perf_counter() - t
    t = time.perf_counter()
    again = merge(paths, root / "team.db", prefer=prefer)
    again_s = time.perf_counter() - t
    assert not again.changed
    with Store.open(root / "team.db") as team:
        claims = sum(len(team.claims(s)) for s in team.stories())
        t = time.perf_counter()
        [overall] = team_reports(team)
        agreement_s = time.perf_counter() - t
    print(f"{claims} claims, {report.annotations_added} annotations, {report.events} events")
    print(f"merge {len(paths)} files: {merge_s:.2f} s ({merge_s / copy_s:.0f}x copying the files)")
    print(f"merge again (nothing new): {again_s:.2f} s")
    print(f"agreement, 1000 resamples: {agreement_s:.2f} s (alpha {overall.alpha.value:.3f})")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        measure(build(root), root)


if __name__ == "__main__":
    main()
