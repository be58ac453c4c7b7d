"""One long story analysed by several processes: its claims read a run at a time by forked
workers and the importer (`story_pool.read_story`), then its blocks. Whatever the split, the
result is the one process's, and no worker outlives the import."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from big_article import write_story

from reader import pipeline
from reader.align import evidence as evidence_module
from reader.align.evidence import as_evidence
from reader.corpus.loader import load_corpus
from reader.pipeline import story_pool

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def seeds():
    return load_corpus(SEEDS).stories[0]


def noted_submits(monkeypatch) -> list:
    """The functions given to worker processes, as they are submitted."""
    submitted: list = []
    submit = story_pool.ProcessPoolExecutor.submit

    def noting(self, fn, *args, **kwargs):
        submitted.append(fn)
        return submit(self, fn, *args, **kwargs)

    monkeypatch.setattr(story_pool.ProcessPoolExecutor, "submit", noting)
    return submitted


def in_blocks(story) -> tuple[list, list]:
    """A long story's evidence and suggestions from its blocks, worked out by two processes,
    in the order one process gives them."""
    claims = story.claims()
    evidence, suggestions = [], []
    for pairs, done in pipeline.blocks(story, jobs=2):
        evidence += as_evidence(claims, pairs)
        suggestions += done
    where = {c.id: k for k, c in enumerate(claims)}
    suggestions.sort(key=lambda s: where[s.claim_id])
    return evidence, suggestions


@pytest.mark.parametrize("jobs", [2, 3])
def test_claims_read_by_several_processes_read_as_by_one(seeds, monkeypatch, jobs):
    claims = seeds.claims()
    terms, short, read = story_pool._read(claims, 0)
    monkeypatch.setattr(story_pool, "READ_RUN", 9)  # 23 runs of the seeds' 204 claims
    submitted = noted_submits(monkeypatch)
    p_terms, p_short, p_read = story_pool.read_story(claims, jobs)
    assert story_pool._read_run in submitted  # workers read runs (how many: as fast as they go)
    assert p_terms == terms and np.array_equal(p_short, short)
    assert p_read == read  # slots, stems, negations, names, postings, each article's stems
    assert read.negated and read.opposites and read.names  # (there is something to compare)


def test_a_long_story_read_and_suggested_by_several_processes_is_analysed_as_by_one(
    seeds, monkeypatch
):
    alone = pipeline.analyse(seeds)  # a short story: one process, as ever
    monkeypatch.setattr(pipeline, "LONG_STORY", 1)
    monkeypatch.setattr(story_pool, "READ_RUN", 7)
    monkeypatch.setattr(evidence_module, "CHUNK_CELLS", 400)
    monkeypatch.setattr(evidence_module, "MIN_CHUNK_ROWS", 1)
    submitted = noted_submits(monkeypatch)
    evidence, suggestions = in_blocks(seeds)
    assert story_pool._read_run in submitted and story_pool._run in submitted
    assert (evidence, suggestions) == alone
    assert {s.label for s in suggestions} == {"consistent", "contradicted", "unverified"}
    # the garbage collector is left as it was found: on, nothing frozen
    assert gc.isenabled() and gc.get_freeze_count() == 0
    # ...and by a long story analysed in this process alone
    assert pipeline.analyse(seeds) == alone
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_short_articles_blocks_are_runs_of_their_own(monkeypatch):
    # a block of a short article is scored against all of a long one: as costly as a run
    monkeypatch.setattr(story_pool, "RUN_BLOCKS", 3)
    runs = story_pool._runs([(0, 10), (0, 10), (0, 10), (0, 10), (0, 10), (5, 4), (9, 2), (9, 2)])
    assert runs == [range(0, 3), range(3, 5), range(5, 6), range(6, 8)]
    # ...and a run holds `RUN_ROWS` claims at most, one block at least
    monkeypatch.setattr(story_pool, "RUN_ROWS", 25)
    runs = story_pool._runs([(0, 10), (0, 10), (0, 10), (0, 30), (0, 10), (5, 4)])
    assert runs == [range(0, 2), range(2, 3), range(3, 4), range(4, 5), range(5, 6)]


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] in "ZX"  # dead, not yet reaped
    except (FileNotFoundError, ProcessLookupError):
        return True


@pytest.mark.skipif(sys.platform != "linux", reason="workers die with the importer on Linux")
def test_workers_die_with_an_importer_killed_alone(tmp_path):
    # kill -9 of the importer only (not its process group): its workers, reading or
    # suggesting the long story, are not left waiting for work forever
    write_story(tmp_path / "big" / "story", 200_000)  # some 3,000 sentences: a long story
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "import", str(tmp_path / "big"), "--db",
         str(tmp_path / "x.db"), "--jobs", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while not workers and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
            workers = _children(proc.pid)
        if not workers:
            pytest.fail("no worker process was seen")
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    deadline = time.monotonic() + 30
    while not all(_gone(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [w for w in workers if not _gone(w)]
    for w in left:  # (not to leave them to the next tests)
        os.kill(w, signal.SIGKILL)
    assert not left


def test_a_long_story_whose_own_words_are_left_out_of_its_meanings_is_analysed_as_by_one(
    monkeypatch,
):
    # the meanings are read before the story's vocabulary is known (as if it had none), then
    # again for the sentences that hold some of it: the same evidence and labels as one process
    import random

    from storyfactory import make_story
    from suggest import sentence

    from reader.align import PairScorer
    from reader.align.semantic import without

    rng = random.Random(5)
    story = make_story(
        "flood",
        {
            f"{a}.txt": [
                f"In the flood, {sentence(rng, varied=True)}" if k % 4 else sentence(rng)
                for k in range(40)
            ]
            for a in "abc"
        },
    )
    claims = story.claims()
    common = PairScorer(claims).weights.common
    assert common and any(without(c.text, common) != c.text for c in claims)
    alone = pipeline.analyse(story)
    monkeypatch.setattr(pipeline, "LONG_STORY", 1)
    monkeypatch.setattr(story_pool, "READ_RUN", 7)
    assert in_blocks(story) == alone


def test_a_long_storys_meanings_read_by_several_processes_are_read_as_by_one(seeds, monkeypatch):
    # the paraphrase signal's sentence vectors, worked out once for all the blocks' workers by
    # all the processes a run at a time: the very vectors one process works out
    from reader.align.semantic import meaning_vectors, without
    from reader.align.weighting import claim_terms

    texts = [c.text for c in seeds.claims()]
    common = frozenset(claim_terms(texts[:3])[1][0])  # (words left out of every sentence)
    monkeypatch.setattr(story_pool, "READ_RUN", 9)
    submitted = noted_submits(monkeypatch)
    alone = meaning_vectors(texts, common)
    shared = story_pool.meanings(texts, common, 2)
    assert story_pool._read_run in submitted
    assert shared.dtype == alone.dtype and shared.tobytes() == alone.tobytes()
    assert sum(without(t, common) != t for t in texts) > 10  # (some words are left out)
    assert len(np.unique(alone, axis=0)) > len(texts) // 2


def test_a_long_storys_workers_collect_no_garbage_and_leave_this_process_collecting():
    # they live for one story, whose objects are freed by counting references (`worker_init`)
    with story_pool.pool(1, long=True) as workers:
        assert workers.submit(gc.isenabled).result() is False
    with story_pool.pool(1) as workers:
        assert workers.submit(gc.isenabled).result() is True
    assert gc.isenabled()
