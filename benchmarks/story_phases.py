"""A long story's analysis phase by phase, in one process: the CPU seconds of loading it, reading
its claims (a run at a time, as an import's processes read them), making its scorer and
suggester, reading its sentences' meanings, and aligning and suggesting its blocks (the store's
rows prepared); with --time, the seconds spent in the functions named. What a change to one
phase saves, without the noise of a parallel import's other processes.

    python benchmarks/story_phases.py STORY [--time MODULE:FUNCTION ...]

e.g. `--time reader.suggest.decide:StorySuggester._votes reader.align.postings:Postings.gather`
(STORY: a story folder, such as the one `benchmarks/big_article.py` writes).
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import time
from collections.abc import Callable
from typing import Any

from reader.processes import one_blas_thread


def timed(spec: str, spent: dict[str, float]) -> None:
    """Wrap the function `spec` names ("module:Class.function"): its time adds to spent[spec]."""
    module, _, name = spec.partition(":")
    *path, attr = name.split(".")
    owner: Any = importlib.import_module(module)
    for part in path:
        owner = getattr(owner, part)
    f: Callable[..., Any] = getattr(owner, attr)
    spent[spec] = 0.0

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return f(*args, **kwargs)
        finally:
            spent[spec] += time.perf_counter() - started

    setattr(owner, attr, wrapper)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("story")
    parser.add_argument("--time", nargs="*", default=[], metavar="MODULE:FUNCTION")
    args = parser.parse_args()
    one_blas_thread()  # as an import's processes run (before numpy is imported)
    import numpy as np

    from reader.align import PairScorer, fuzzy
    from reader.corpus.loader import load_corpus
    from reader.pipeline import _preparer, _serial_blocks
    from reader.pipeline.story_pool import READ_RUN, _read, collections_paused
    from reader.suggest import StorySuggester
    from reader.suggest.readings import joined

    fuzzy.max_threads = 1  # (as in an import's worker processes)
    spent: dict[str, float] = {}
    for spec in args.time:
        timed(spec, spent)
    cpu: dict[str, float] = {}
    clock = time.process_time()

    def lap(phase: str) -> None:
        nonlocal clock
        now = time.process_time()
        cpu[phase], clock = now - clock, now

    story = load_corpus(args.story).stories[0]
    claims = story.claims()
    lap("load")
    gc.disable()  # as an import pauses collections while a long story's structures are built
    known: tuple[dict, dict] = ({}, {})
    parts = [_read(claims[lo : lo + READ_RUN], lo, known) for lo in range(0, len(claims), READ_RUN)]
    terms = [t for ts, _, _ in parts for t in ts]
    short = [s for _, ss, _ in parts for s in ss]
    read = joined([r for _, _, r in parts])
    lap("read")
    scorer = PairScorer(claims, terms, np.array(short, dtype=bool), story.headline_ids())
    lap("scorer")
    suggester = StorySuggester(story, scorer, read)
    lap("suggester")
    scorer.semantic  # noqa: B018 (read now: the sentences' meanings)
    lap("meanings")
    gc.freeze()
    gc.enable()
    prepare = _preparer(claims)
    with collections_paused():  # (as in the workers sharing a long story's blocks)
        for block in _serial_blocks(story, scorer, suggester):
            prepare(*block)
    lap("blocks")
    print(f"{len(claims):,} claims; CPU s: " + ", ".join(f"{k} {v:.2f}" for k, v in cpu.items()))
    for spec, seconds in spent.items():
        print(f"  {spec}: {seconds:.3f} s")


if __name__ == "__main__":
    main()
