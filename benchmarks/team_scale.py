"""A team of twelve on one big story: what a lead's `merge`, `stats`, `agreement` meet.

Builds twelve reviewers' databases of one story of 10 articles x 500 sentences (5,000 claims),
through the store's own write path: each reviewer labels an overlapping stretch of it (about
four reviewers a claim), with notes and linked evidence; r01 also worked in r02's file (the
same claims labelled differently at another time: conflicts); r05 re-imported a corrected
article (one sentence changed: `merge` needs `--prefer r05.db`); r07 renamed a08.txt to a08.md
and labelled on (the team file then holds that text under both names). Then times `merge` of
the twelve (in process) against copying the files, merging them again (nothing new: each
evening's merge), and `agreement` over the result.

    python benchmarks/team_scale.py             # build in a temp folder, time, remove
    python benchmarks/team_scale.py --keep DIR  # build into DIR and keep it, to try the CLI
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from storyfactory import make_story
from team import measure

from annotations.store import Store
from reader.models import LABELS, Evidence

ARTICLES, SENTENCES, REVIEWERS = 10, 500, 12
PLACES = ["Geneva", "Lyon", "Basel", "Turin", "Milan", "Bern", "Graz", "Nice", "Porto", "Lille"]
VERBS = ["met", "called", "thanked", "criticised", "visited", "briefed", "warned", "praised"]


def sentences(article: int, changed: int | None = None) -> list[str]:
    out = []
    for j in range(SENTENCES):
        n = j * 7 + article if j != changed else j * 7 + article + 1000
        out.append(
            f"On day {j} the delegation from {PLACES[(j + article) % 10]} "
            f"{VERBS[(j * 3 + article) % 8]} {n} officials near {PLACES[j % 10]}."
        )
    return out


def story(rename: bool = False, corrected: bool = False):
    arts = {}
    for k in range(ARTICLES):
        name = f"a{k:02d}.md" if rename and k == 8 else f"a{k:02d}.txt"
        arts[name] = sentences(k, changed=7 if corrected and k == 3 else None)
    return make_story("summit", arts)


def evidence(st) -> list[Evidence]:
    """Cheap evidence: each claim's neighbours by position in every other article."""
    out = []
    for a in st.articles:
        for c in a.claims:
            for b in st.articles:
                if b is a:
                    continue
                for rank, j in enumerate((c.index, c.index - 1, c.index + 1), 1):
                    if 0 <= j < len(b.claims):
                        o = b.claims[j]
                        out.append(Evidence(c.id, o.id, b.name, rank, 90.0 - 10 * rank, o.text))
    return out


def label_stretch(s: Store, name: str, start: int, rng: random.Random, ids: list[str]) -> None:
    """`name` labels 1,700 claims from `start` on, with notes and links, in one transaction."""
    with s._write():  # one transaction: the benchmark's setup only
        for k in range(start, start + 1700):
            j = k % len(ids)
            cid = ids[j]
            truth = LABELS[j % 3] if j % 5 == 0 else LABELS[0]
            label = truth if rng.random() < 0.8 else rng.choice(LABELS)
            claim = s.claim(cid)
            if claim is None:
                continue
            new = {"label": label, "note": "", "links": [], "accepted_suggestion": False}
            if rng.random() < 0.05:
                new["note"] = f"{name}: see the wire copy, paragraph {k % 9}"
            if rng.random() < 0.05:
                ev = s.evidence(cid)[:1]
                new["links"] = [
                    {"claim_id": e.other_id, "article": e.article, "text": e.text} for e in ev
                ]
            s._apply(cid, name, "set", s._current(cid, name), new, claim=claim)


def build(root: Path) -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    base = root / "base.db"
    st = story()
    with Store.open(base) as s:
        s.import_story(st, evidence(st))
    ids = [c.id for c in st.claims()]
    paths = []
    rng = random.Random(7)
    for i in range(1, REVIEWERS + 1):
        name = f"r{i:02d}"
        path = root / f"{name}.db"
        shutil.copy(base, path)
        paths.append(path)
        with Store.open(path) as s:
            if i == 5:  # an outlet's correction, re-imported before labelling
                fixed = story(corrected=True)
                s.import_story(fixed, evidence(fixed))
            if i == 7:  # labels first, then the file renamed on disk and the story re-imported
                label_stretch(s, name, (i - 1) * 420, rng, ids)
                moved = story(rename=True)
                s.import_story(moved, evidence(moved))
                label_stretch(s, name, 3300, rng, [c.id for c in moved.claims()])
                continue
            label_stretch(s, name, (i - 1) * 420, rng, ids)
    # r01 sat at r02's terminal for a while, then relabelled the same claims in their own file
    with Store.open(paths[1]) as s:
        for cid in ids[:40]:
            s.set_label(cid, "unverified", "r01")
    with Store.open(paths[0]) as s:
        for cid in ids[:40:2]:
            s.set_label(cid, "contradicted", "r01")
    base.unlink()
    return paths


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", type=Path, help="build into this folder and keep it")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        t = time.perf_counter()
        paths = build(root)
        print(f"built {len(paths)} databases in {time.perf_counter() - t:.1f} s")
        if args.keep:
            return
        measure(paths, root, prefer=paths[4])


if __name__ == "__main__":
    main()
