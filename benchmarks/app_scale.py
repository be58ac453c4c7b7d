"""The app at scale: a 1,000-story database and a 20,000-claim story against the seeds.

For each database: cold start to the first painted frame (a fresh process in a pseudo-terminal,
best of N, as a ratio to a bare Textual app measured in the same run), then inside one app
(Textual's pilot, 160×48) the median and p99 time the app spends handling a move key (j), a tag
key (c) and a story switch (}), and for the big story a search query in its claims.

    python benchmarks/app_scale.py [--stories 1000] [--claims 20000] [--runs 5] [--keys 60]

The 1,000 stories are one synthetic story (benchmarks/suggest.py: 5 articles × 40 sentences)
aligned once and stored 1,000 times under new names and claim ids; the 20,000-claim story has
cheap evidence (the same position in each other article), since alignment speed is not what is
measured here.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import shutil
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from keystroke import p99
from startup import MINIMAL, SEEDS, compile_sources, first_paint
from suggest import synthetic_story

from annotations.store import Store
from reader.models import Evidence, Story, Suggestion
from reader.pipeline import analyse, import_path

CROSSREAD = """
import sys
from reader.ui import run_app
run_app(sys.argv[1], "bench")
"""


def renamed(story: Story, evidence: list, suggestions: list, name: str) -> tuple:
    """The same story under another name, with claim ids of its own."""
    ids = {c.id: hashlib.sha256(f"{name}/{c.id}".encode()).hexdigest()[:16] for c in story.claims()}

    def ev(e: Evidence) -> Evidence:
        return replace(e, claim_id=ids[e.claim_id], other_id=ids[e.other_id])

    articles = [
        replace(a, story=name, claims=[replace(c, id=ids[c.id], story=name) for c in a.claims])
        for a in story.articles
    ]
    return (
        replace(story, name=name, path=f"{story.path}/{name}", articles=articles),
        [ev(e) for e in evidence],
        [
            replace(s, claim_id=ids[s.claim_id], evidence=tuple(map(ev, s.evidence)))
            for s in suggestions
        ],
    )


def many_stories(db: str, count: int) -> None:
    story = synthetic_story(5, 40)
    evidence, suggestions = analyse(story)
    store = Store.open(db)
    try:
        for k in range(count):
            store.import_story(*renamed(story, evidence, suggestions, f"story{k:05d}"))
    finally:
        store.close()


def big_story(db: str, claims: int) -> None:
    story = synthetic_story(5, claims // 5)
    arts = story.articles
    evidence = [
        Evidence(c.id, o.claims[i].id, o.name, 1, 50.0, o.claims[i].text)
        for a in arts
        for i, c in enumerate(a.claims)
        for o in arts
        if o is not a and i < len(o.claims)
    ]
    suggestions = [Suggestion(c.id, "unverified", "no counterpart checked") for c in story.claims()]
    store = Store.open(db)
    try:
        store.import_story(story, evidence, suggestions)
    finally:
        store.close()


async def keys(db: str, count: int) -> dict[str, list[float]]:
    """Seconds spent handling j and c keys and a story switch (`}`), handler to handler."""
    from reader.ui.app import build_app

    app = build_app(db, "bench", advance=True)
    out: dict[str, list[float]] = {"j": [], "c": [], "}": []}
    for key, action in (("j", "action_next_claim"), ("c", "action_tag"), ("}", "action_story")):
        setattr(app, action, timed(getattr(app, action), out[key]))
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        for i in range(count):
            await pilot.press("j", "c")
            if i % 10 == 0 and len(app.review.stories) > 1:
                await pilot.press("right_curly_bracket")
    return out


def timed(method, into: list[float]):
    def run(*args):
        started = time.perf_counter()
        method(*args)
        into.append(time.perf_counter() - started)

    return run


def search(db: str) -> float:
    """Median seconds of a search query typed into the story's claims."""
    from reader.ui.search import SearchIndex, rank

    store = Store.open(db)
    try:
        texts = [c.text for c in store.claims(store.stories()[0])]
    finally:
        store.close()
    index = SearchIndex(texts)
    times = []
    for query in ("flood", "mayor said", "8,000 homes", "evacuatd"):
        started = time.perf_counter()
        rank(query, index)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=60)
    args = parser.parse_args()
    compile_sources()
    with tempfile.TemporaryDirectory() as tmp:
        dbs = {name: str(Path(tmp) / f"{name}.db") for name in ("seeds", "many", "big")}
        shutil.copytree(SEEDS, Path(tmp) / "seeds")
        store = Store.open(dbs["seeds"])
        import_path(store, Path(tmp) / "seeds")
        store.close()
        started = time.perf_counter()
        many_stories(dbs["many"], args.stories)
        big_story(dbs["big"], args.claims)
        print(f"built {args.stories} stories and a {args.claims}-claim story in "
              f"{time.perf_counter() - started:.0f} s")  # fmt: skip
        names = {"seeds": "seeds", "many": f"{args.stories} stories"}
        names["big"] = f"{args.claims} claims"
        paint: dict[str, list[float]] = {"minimal": [], **{k: [] for k in dbs}}
        for _ in range(args.runs):  # interleaved, so drift in machine load hits all alike
            paint["minimal"].append(first_paint(MINIMAL))
            for name, db in dbs.items():
                paint[name].append(first_paint(CROSSREAD, db))
        bare = min(paint["minimal"])
        print(f"first paint, bare Textual app: {ms(bare)} (best of {args.runs})")
        for name in dbs:
            best = min(paint[name])
            print(f"first paint, {names[name]}: {ms(best)} = {best / bare:.2f}x bare "
                  f"(goal: seeds <= 1.2x, {args.stories} stories <= 1.3x)")  # fmt: skip
        base = asyncio.run(keys(dbs["seeds"], args.keys))
        for name, db in dbs.items():
            got = base if name == "seeds" else asyncio.run(keys(db, args.keys))
            for key, label in (("j", "move (j)"), ("c", "tag (c)"), ("}", "story switch (})")):
                if got[key]:
                    med = statistics.median(got[key])
                    print(f"{names[name]}: {label} median {ms(med)} "
                          f"({med / statistics.median(base[key] or got[key]):.2f}x seeds), "
                          f"p99 {ms(p99(got[key]))}")  # fmt: skip
        query = search(dbs["big"])
        print(f"search in {args.claims} claims: median {ms(query)} a query (goal <= 50 ms)")


if __name__ == "__main__":
    main()
