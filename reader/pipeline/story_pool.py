"""One long story analysed by several processes: a 30,000-sentence article is one story, so the
import's one-story-per-process parallelism leaves the other cores idle.

First each claim is read on its own (terms, slots, negations, names...: `read_story`), a run of
claims at a time, by forked workers and by this process, which keeps what it read in its caches
for the blocks' workers to inherit. What needs the whole story (term weights, postings, fact
groups, negation pairs...) is then worked out once, in this process, from what was read; the
blocks' workers are forked after it, so they share it without copying. Each then aligns and
suggests a run of blocks. A headline waits for the body sentence it condenses, which may be in
another worker's run: the workers send back headlines with their evidence, and the body
sentences headlines wait for, and headlines are suggested here once every block is in. The
result is the serial `blocks`', block for block; only the headlines come last.

While a long story's structures are built (millions of small objects, hardly any in a
reference cycle), the cyclic garbage collector is paused (`collections_paused`): its full
passes, each walking every object again, took a quarter of that time; and they are frozen
before the blocks' workers fork (`frozen`), so that no collection walks them again (nor copies
their memory pages into a worker by touching them).
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Container, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from reader.models import Claim, Evidence, Story, Suggestion
from reader.processes import die_with, keep_freed_memory

if TYPE_CHECKING:
    import numpy as np

    from reader.align import PairScorer
    from reader.align.weighting import ClaimTerms
    from reader.suggest import StorySuggester
    from reader.suggest.readings import ClaimReadings

# blocks a worker aligns and suggests per task, and claims at most (but one block whatever its
# size): results come back in order
RUN_BLOCKS, RUN_ROWS = 4, 1_024
READ_RUN = 500  # claims a process reads per task (some 50 ms): the last runs end together

# What each claim reads as on its own: for alignment (`claim_terms`, `is_short`), then for
# suggestions (`ClaimReadings`).
Reading = tuple[list["ClaimTerms"], "np.ndarray", "ClaimReadings"]

# what is being read, a run at a time, set before the readers are forked (they inherit it)
_reading: Callable[[int, int], Any] | None = None
T = TypeVar("T")

# the story being analysed, set before the workers are forked (they inherit it), and what its
# blocks are given back as (`pooled_blocks`' `prepare`)
_shared: tuple[Story, PairScorer, StorySuggester, Callable[..., Any] | None] | None = None

Run = tuple[
    list[Any],  # each block: its pairs and suggestions (or as `prepare` made them)
    dict[int, list[Evidence]],  # headlines that wait for a body sentence: their evidence
    dict[int, Suggestion],  # body sentences headlines wait for: their suggestion as made
]


def worker_init(parent: int | None = None, long: bool = False) -> None:
    """Set up an analysing worker process: the processes fill the cores, so rapidfuzz threads
    inside them would only contend. `parent`: the importing process's id; on Linux the worker
    dies with it (else a kill -9 of it alone left its workers waiting for work forever).
    `long`: the worker reads or aligns a long story's claims, a block of its arrays against
    the whole story after another: freed ones are reused (`keep_freed_memory`); and it never
    collects garbage, living for that one story: what it makes is freed by counting
    references, and the collection each run set off, once collections resumed, found next to
    nothing to free (0.3 s of CPU a 2 MB article, walking the run's results)."""
    # Ctrl-C reaches every process of the terminal's group; it is the importing process's to
    # handle (`pool`). A worker it ended mid-way through sending a result would leave the
    # executor waiting for the rest forever (and printed a traceback). Held since the fork
    # (`pool`), it is ignored before anything else runs, then let through: dropped.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    from reader.align import fuzzy

    fuzzy.max_threads = 1
    if long:
        keep_freed_memory()
        gc.disable()
    if parent is not None and not die_with(parent):
        os._exit(1)


@contextlib.contextmanager
def pool(jobs: int, long: bool = False) -> Iterator[ProcessPoolExecutor]:
    """`jobs` forked worker processes (`worker_init`): they inherit what this process holds.
    Left by an exception (Ctrl-C, an error), the work not started is dropped, not waited for:
    the workers only finish what they are doing."""
    # Ctrl-C is held while the workers are forked (all at the first task, with "fork"): one
    # reaching this process in its after-fork hooks was lost there ("Exception ignored"), the
    # import running on to the end; one reaching a worker before `worker_init` printed a
    # traceback. Let through after, it stops this process here, as anywhere else.
    executor = None
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        try:
            executor = ProcessPoolExecutor(
                max_workers=jobs,
                mp_context=multiprocessing.get_context("fork"),
                initializer=worker_init,
                initargs=(os.getpid(), long),
            )
            executor.submit(int)  # forks the workers now
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        yield executor
    except BaseException:
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
            # and the workers ended, not waited for at exit: one that hangs (forked while
            # another thread held a lock) kept an interrupted import from ever ending (seen
            # once in CI)
            for worker in list((getattr(executor, "_processes", None) or {}).values()):
                with contextlib.suppress(OSError):
                    worker.terminate()
        raise
    executor.shutdown()


@contextlib.contextmanager
def collections_paused() -> Iterator[None]:
    """No cyclic garbage collection inside (a long story's structures are being built)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


@contextlib.contextmanager
def frozen() -> Iterator[None]:
    """What this process holds now is left out of every garbage collection inside (and out of
    the workers' collections: see the module's docstring)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _read(claims: Sequence[Claim], first: int, known: tuple[dict, dict] | None = None) -> Reading:
    """What `claims`, the story's from number `first` on, read as on their own. `known`: what
    the texts this process read before read as, for `claim_terms` and `read_claims` (a
    sentence repeated in several runs is read once a process)."""
    from reader.align.fuzzy import is_short
    from reader.align.weighting import claim_terms
    from reader.suggest.readings import read_claims

    texts = [c.text for c in claims]
    terms, readings = known or ({}, {})
    return claim_terms(texts, terms), is_short(texts), read_claims(claims, first, readings)


def _read_run(lo: int, hi: int) -> Any:
    """`_reading(lo, hi)`: a run of what is being read (in a worker)."""
    assert _reading is not None
    return _reading(lo, hi)


def by_runs(
    count: int,
    jobs: int,
    read: Callable[[int, int], T],
    mine_first: bool = False,
    meanwhile: Callable[[], None] | None = None,
) -> list[T]:
    """`read(lo, hi)` of every run of `READ_RUN` of `count` things, in order, by `jobs`
    processes: jobs - 1 forked workers take runs from the front, this process takes runs from
    the back (what it reads stays in its caches: the blocks' workers, forked from it, use them
    again), or, `mine_first`, the other way round (a second pass over the same things: the
    workers, forked now, hold what this process read in the first, and this process reads,
    and keeps, the rest). `meanwhile()`: other work this process does first: the workers are
    given every run, and this process takes back, from the back, those not started when it is
    done."""
    global _reading
    runs = deque(range(lo, min(count, lo + READ_RUN)) for lo in range(0, count, READ_RUN))
    if mine_first:
        runs.reverse()
    got: dict[int, T] = {}
    _reading = read
    try:
        with pool(jobs - 1, long=True) as readers:
            pending: dict[Future[T], range] = {}

            def feed(most: int) -> None:
                while runs and len(pending) < most:
                    run = runs.popleft()
                    pending[readers.submit(_read_run, run.start, run.stop)] = run

            if meanwhile is not None:
                feed(len(runs))
                meanwhile()
                for future in reversed(list(pending)):
                    if not future.cancel():  # started: so are those before it
                        break
                    run = pending.pop(future)
                    got[run.start] = read(run.start, run.stop)
            # two runs a worker: the next is there when one is done, whatever this process is
            # reading meanwhile
            feed(2 * (jobs - 1))
            while runs:
                run = runs.pop()
                got[run.start] = read(run.start, run.stop)
                for future in [f for f in pending if f.done()]:
                    got[pending.pop(future).start] = future.result()
                feed(2 * (jobs - 1))
            for future, run in pending.items():
                got[run.start] = future.result()
    finally:
        _reading = None
    return [got[lo] for lo in sorted(got)]


def read_story(claims: Sequence[Claim], jobs: int) -> Reading:
    """`_read` of all `claims`, by `jobs` processes (`by_runs`), the runs joined."""
    import numpy as np

    from reader.suggest.readings import joined

    known: tuple[dict, dict] = ({}, {})  # (each process adds to its own copy)
    parts = by_runs(len(claims), jobs, lambda lo, hi: _read(claims[lo:hi], lo, known))
    return (
        [t for terms, _, _ in parts for t in terms],
        np.concatenate([short for _, short, _ in parts]),
        joined([read for _, _, read in parts]),
    )


def meanings(
    texts: Sequence[str],
    common: Container[str],
    jobs: int,
    meanwhile: Callable[[], None] | None = None,
) -> np.ndarray:
    """`reader.align.semantic.meaning_vectors` of `texts`, by `jobs` processes (`by_runs`): a
    long story's, once, for all the blocks' workers (each worked them all out again).
    `meanwhile()`: other work of this process, done while the workers start on them."""
    import numpy as np

    from reader.align.semantic import meaning_vectors

    # the claims' words were read by `read_story`: this process reads the runs it did not
    parts = by_runs(
        len(texts), jobs, lambda lo, hi: meaning_vectors(texts[lo:hi], common), True, meanwhile
    )
    return np.concatenate(parts)


def _run(blocks: range) -> Run:
    """Align and suggest the blocks numbered `blocks` (in a worker)."""
    from reader.align import with_pair_scores
    from reader.align.evidence import align_blocks, by_claim

    assert _shared is not None
    story, scorer, suggester, prepare = _shared
    claims = scorer.claims
    out, held = [], {}
    before = set(suggester.restated)  # a worker process runs several runs
    # what a run makes (evidence, suggestions, rows) is freed by counting references: the
    # collections its allocations set off (some 400 a story) found next to nothing to free
    # (a long story's worker collects none: `worker_init`)
    with collections_paused():
        for lo, hi, pairs in align_blocks(story, scorer=scorer, only=blocks):
            evidence, found = by_claim(claims, lo, hi, pairs)
            suggester.expect(range(lo, hi))
            done = []
            for i in range(lo, hi):
                if suggester.lead.get(i, -1) >= 0:  # its body sentence may be another worker's
                    held[i] = found[i]
                else:
                    done.append(suggester.suggest(i, found[i]))
            block = (pairs, with_pair_scores(done, evidence, scorer, suggester.pair_scores()))
            out.append(prepare(*block) if prepare else block)
    bodies = {i: s for i, s in suggester.restated.items() if i not in before}
    return out, held, bodies


def _runs(blocks: list[tuple[int, int]]) -> list[range]:
    """The blocks (given their article and size: `evidence.block_sizes`) cut into runs of one
    article's blocks, `RUN_BLOCKS` and `RUN_ROWS` claims at most: a short article's block is
    scored against all the long one's claims, as costly as a run of the long one's blocks, so
    it is a run of its own, not the long tail of one worker's."""
    runs: list[range] = []
    rows = 0  # in the last run
    for b, (article, size) in enumerate(blocks):
        run = runs[-1] if runs else range(0)
        if (
            run and len(run) < RUN_BLOCKS and rows + size <= RUN_ROWS
            and blocks[run.start][0] == article
        ):  # fmt: skip
            runs[-1], rows = range(run.start, b + 1), rows + size
        else:
            runs.append(range(b, b + 1))
            rows = size
    return runs


def pooled_blocks(
    story: Story,
    scorer: PairScorer,
    suggester: StorySuggester,
    jobs: int,
    prepare: Callable[..., Any] | None = None,
) -> Iterator[Any]:
    """`blocks(story)` computed by `jobs` worker processes, at most 2 x jobs runs ahead of the
    one given back, so memory stays bounded; each block as `prepare(pairs, suggestions)` makes
    it there, if given (the store's rows: see `reader.pipeline.blocks`)."""
    global _shared
    from reader.align.evidence import block_sizes

    runs = _runs(block_sizes(story))
    held: dict[int, list[Evidence]] = {}
    _shared = (story, scorer, suggester, prepare)
    try:
        with pool(jobs, long=True) as workers:
            pending: deque[Future[Run]] = deque()
            todo = iter(runs)
            for run in todo:
                pending.append(workers.submit(_run, run))
                if len(pending) >= 2 * jobs:
                    break
            while pending:
                blocks, waiting, bodies = pending.popleft().result()
                nxt = next(todo, None)
                if nxt is not None:
                    pending.append(workers.submit(_run, nxt))
                held.update(waiting)
                suggester.restated.update(bodies)
                yield from blocks
    finally:
        _shared = None
    if held:
        block = late_headlines(held, suggester, scorer)
        yield prepare(*block) if prepare else block


def late_headlines(
    held: dict[int, list[Evidence]], suggester: StorySuggester, scorer: PairScorer
) -> tuple[Any, list[Suggestion]]:
    """The headlines `held` for the body sentence each condenses (by claim number, with their
    evidence), suggested in claim order once every block is in: a block of no pairs."""
    from reader.align import with_pair_scores
    from reader.align.evidence import NO_PAIRS

    late = [suggester.suggest(i, e) for i, e in sorted(held.items())]
    evidence = [x for e in held.values() for x in e]
    return NO_PAIRS, with_pair_scores(late, evidence, scorer, suggester.pair_scores())
