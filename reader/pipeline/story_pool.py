"""One long story's blocks analysed in worker processes: a 30,000-sentence article is one story,
so the import's one-story-per-process parallelism leaves the other cores idle.

What needs the whole story (term weights, fact votes, negations...) is worked out once, in this
process; the workers are forked after it, so they share it without copying. Each then aligns
and suggests a run of blocks. A headline waits for the body sentence it condenses, which may be
in another worker's run: the workers send back headlines with their evidence, and the body
sentences headlines wait for, and headlines are suggested here once every block is in. The
result is the serial `blocks`', block for block; only the headlines come last.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

from reader.models import Evidence, Story, Suggestion

if TYPE_CHECKING:
    from reader.align import PairScorer
    from reader.align.evidence import Pairs
    from reader.suggest import StorySuggester

RUN_BLOCKS = 4  # blocks a worker aligns and suggests per task: results come back in order

# the story being analysed, set before the workers are forked (they inherit it)
_shared: tuple[Story, PairScorer, StorySuggester] | None = None

Run = tuple[
    list[tuple["Pairs", list[Suggestion]]],  # each block's pairs and suggestions
    dict[int, list[Evidence]],  # headlines that wait for a body sentence: their evidence
    dict[int, Suggestion],  # body sentences headlines wait for: their suggestion as made
]


def worker_init() -> None:
    """Set up an analysing worker process: the processes fill the cores, so rapidfuzz threads
    inside them would only contend."""
    from reader.align import fuzzy

    fuzzy.max_threads = 1


def _run(blocks: range) -> Run:
    """Align and suggest the blocks numbered `blocks` (in a worker)."""
    from reader.align import with_pair_scores
    from reader.align.evidence import align_blocks, by_claim

    assert _shared is not None
    story, scorer, suggester = _shared
    claims = scorer.claims
    out, held = [], {}
    before = set(suggester.restated)  # a worker process runs several runs
    for lo, hi, pairs in align_blocks(story, scorer=scorer, only=blocks):
        evidence, found = by_claim(claims, lo, hi, pairs)
        suggester.expect(range(lo, hi))
        done = []
        for i in range(lo, hi):
            if suggester.lead.get(i, -1) >= 0:  # its body sentence may be another worker's
                held[i] = found[i]
            else:
                done.append(suggester.suggest(i, found[i]))
        out.append((pairs, with_pair_scores(done, evidence, scorer)))
    bodies = {i: s for i, s in suggester.restated.items() if i not in before}
    return out, held, bodies


def pooled_blocks(
    story: Story, scorer: PairScorer, suggester: StorySuggester, jobs: int
) -> Iterator[tuple[Pairs, list[Suggestion]]]:
    """`blocks(story)` computed by `jobs` worker processes, at most 2 x jobs runs ahead of the
    one given back, so memory stays bounded."""
    global _shared
    from reader.align import with_pair_scores
    from reader.align.evidence import NO_PAIRS, block_count

    count = block_count(story)
    runs = [range(b, min(count, b + RUN_BLOCKS)) for b in range(0, count, RUN_BLOCKS)]
    held: dict[int, list[Evidence]] = {}
    _shared = (story, scorer, suggester)
    try:
        with ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context("fork"),
            initializer=worker_init,
        ) as pool:
            pending: deque[Future[Run]] = deque()
            todo = iter(runs)
            for run in todo:
                pending.append(pool.submit(_run, run))
                if len(pending) >= 2 * jobs:
                    break
            while pending:
                blocks, waiting, bodies = pending.popleft().result()
                nxt = next(todo, None)
                if nxt is not None:
                    pending.append(pool.submit(_run, nxt))
                held.update(waiting)
                suggester.restated.update(bodies)
                yield from blocks
    finally:
        _shared = None
    if held:
        late = [suggester.suggest(i, e) for i, e in sorted(held.items())]
        yield NO_PAIRS, with_pair_scores(late, [x for e in held.values() for x in e], scorer)
