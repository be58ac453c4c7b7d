"""A big story is analysed and stored a block of claims at a time (memory stays bounded): the
database is the one an all-at-once import wrote, and a failure midway leaves no half story."""

from __future__ import annotations

import pickle
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from corpus import write_corpus

from annotations.store import Store
from reader.align import PairScorer, align_story, with_pair_scores
from reader.align import evidence as evidence_module
from reader.corpus.loader import load_corpus
from reader.pipeline import import_path, spool
from reader.suggest import suggest_story
from reader.suggest.decide import StorySuggester

TABLES = ("claim_rows", "evidence_packed", "evidence_pairs", "suggestion_rows")


def dump(db: Path) -> dict[str, list]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}
    finally:
        conn.close()


def whole_story_import(folder: Path, db: Path) -> None:
    """What an import stored before it went block by block: the story analysed all at once."""
    story = load_corpus(folder).stories[0]
    scorer = PairScorer(story.claims(), headlines=story.headline_ids())
    evidence = align_story(story, scorer=scorer)
    suggestions = with_pair_scores(suggest_story(story, evidence, scorer), evidence, scorer)
    with Store.open(db) as store:
        store.import_story(story, evidence, suggestions)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    write_corpus(tmp_path / "corpus", 1, articles=4, sentences=24)
    return tmp_path / "corpus" / "story00000"


def test_a_story_stored_in_small_blocks_through_a_file_is_the_story_analysed_whole(
    story: Path, tmp_path: Path, monkeypatch
):
    whole_story_import(story, tmp_path / "whole.db")
    # a few claims a block, and every block past the first few bytes written to a file
    monkeypatch.setattr(evidence_module, "CHUNK_CELLS", 40)
    monkeypatch.setattr(evidence_module, "MIN_CHUNK_ROWS", 1)
    monkeypatch.setattr(spool, "SPILL_BYTES", 1_000)
    spilled: list[str] = []
    add = spool.Spool.add

    def add_and_note(self, block, size):
        add(self, block, size)
        if self.path and self.path not in spilled:
            spilled.append(self.path)

    monkeypatch.setattr(spool.Spool, "add", add_and_note)
    with Store.open(tmp_path / "blocks.db") as store:
        import_path(store, story)
    whole, blocks = dump(tmp_path / "whole.db"), dump(tmp_path / "blocks.db")
    assert whole["evidence_packed"] and whole["suggestion_rows"] and blocks == whole
    assert spilled and not any(Path(p).exists() for p in spilled)  # read back, then removed


def test_big_stories_analysed_in_worker_processes_reach_the_writer_whole(
    tmp_path: Path, monkeypatch
):
    write_corpus(tmp_path / "corpus", 3, articles=3, sentences=20)
    with Store.open(tmp_path / "one.db") as store:
        import_path(store, tmp_path / "corpus", jobs=1)
    monkeypatch.setattr(spool, "SPILL_BYTES", 1_000)  # every story through a file
    with Store.open(tmp_path / "two.db") as store:
        import_path(store, tmp_path / "corpus", jobs=2)
    assert dump(tmp_path / "two.db") == dump(tmp_path / "one.db")


def test_an_import_failing_while_a_story_is_written_keeps_its_previous_version(
    story: Path, tmp_path: Path, monkeypatch
):
    db = tmp_path / "x.db"
    with Store.open(db) as store:
        import_path(store, story)
    before = dump(db)
    (story / "outlet0.txt").write_text("Floods in Dunmore: report 0\n\nA new sentence.\n")
    monkeypatch.setattr(evidence_module, "CHUNK_CELLS", 40)
    monkeypatch.setattr(evidence_module, "MIN_CHUNK_ROWS", 1)
    read = spool.Spool.__iter__

    def fail_midway(self):
        for k, block in enumerate(read(self)):
            if k == 3:
                raise OSError("disk gone")
            yield block

    monkeypatch.setattr(spool.Spool, "__iter__", fail_midway)
    with Store.open(db) as store, pytest.raises(OSError):
        import_path(store, story)
    assert dump(db) == before


def test_a_failing_analysis_leaves_no_file_behind(story: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(spool, "SPILL_BYTES", 1_000)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    suggest = StorySuggester.suggest
    calls = []

    def fail_late(self, i, evidence):
        calls.append(i)
        if len(calls) > 60:
            raise RuntimeError("out of memory")
        return suggest(self, i, evidence)

    monkeypatch.setattr(StorySuggester, "suggest", fail_late)
    with Store.open(tmp_path / "x.db") as store, pytest.raises(RuntimeError):
        import_path(store, story)
    assert list((tmp_path / "tmp").iterdir()) == []


@pytest.mark.parametrize("limit", [10**9, 10, 100])
def test_a_spool_gives_its_blocks_back_in_order_also_in_another_process(limit: int):
    s = spool.Spool(limit=limit)
    blocks = [(k, "x" * k) for k in range(50)]
    for b in blocks:
        s.add(b, 4)
    sent = pickle.loads(pickle.dumps(s.done()))  # what a worker process hands the writer
    assert list(sent) == blocks
    assert sent.path is None  # a spilled file is removed once read


def test_a_long_storys_blocks_analysed_by_several_processes_give_the_same_database(
    story: Path, tmp_path: Path, monkeypatch
):
    # one long story (a 2 MB article) is split among the cores, a run of blocks each; its
    # headlines wait for body sentences that another process suggests
    from reader import pipeline
    from reader.pipeline import story_pool

    whole_story_import(story, tmp_path / "whole.db")
    loaded = load_corpus(story).stories[0]
    leads = StorySuggester(loaded).lead.values()
    assert any(lead >= 0 for lead in leads)  # some headline takes up a body sentence's label
    monkeypatch.setattr(pipeline, "LONG_STORY", 1)
    monkeypatch.setattr(evidence_module, "CHUNK_CELLS", 40)
    monkeypatch.setattr(evidence_module, "MIN_CHUNK_ROWS", 1)
    monkeypatch.setattr(story_pool, "RUN_BLOCKS", 2)
    runs: list[range] = []
    submit = story_pool.ProcessPoolExecutor.submit

    def noting(self, fn, *args, **kwargs):
        if args:  # (not the pool's first task, which starts its workers: `story_pool.pool`)
            runs.append(args[0])
        return submit(self, fn, *args, **kwargs)

    monkeypatch.setattr(story_pool.ProcessPoolExecutor, "submit", noting)
    with Store.open(tmp_path / "pooled.db") as store:
        import_path(store, story, jobs=2)
    assert len(runs) > 4  # many runs, in worker processes
    assert dump(tmp_path / "pooled.db") == dump(tmp_path / "whole.db")


def test_suggest_shares_a_long_storys_blocks_among_processes_with_the_same_result(
    story: Path, monkeypatch
):
    from reader import pipeline
    from reader.cli.suggest_export import suggestion_records
    from reader.pipeline import story_pool

    alone = list(suggestion_records(story))
    monkeypatch.setattr(pipeline, "LONG_STORY", 1)
    monkeypatch.setattr(evidence_module, "CHUNK_CELLS", 40)
    monkeypatch.setattr(evidence_module, "MIN_CHUNK_ROWS", 1)
    pooled: list[int] = []
    real = story_pool.pooled_blocks

    def noting(*args, **kwargs):
        pooled.append(args[-1])  # jobs
        yield from real(*args, **kwargs)

    monkeypatch.setattr(story_pool, "pooled_blocks", noting)
    assert list(suggestion_records(story, jobs=2)) == alone
    assert pooled == [2]


def test_an_import_needs_no_temporary_folder_until_a_story_is_too_big_for_memory(
    story: Path, tmp_path: Path, monkeypatch
):
    # with no usable temporary folder (a locked-down server's read-only /tmp) every import
    # failed at its start, and the app did not open, though a story held in memory needs none
    unusable = tmp_path / "tmp"
    unusable.write_text("a file, not a folder\n")
    monkeypatch.setattr("tempfile.tempdir", str(unusable))
    with Store.open(tmp_path / "x.db") as store:
        import_path(store, story)
        assert store.stories() == ["story00000"] and store.claims("story00000")
    # a story that must wait on disk says what to do
    monkeypatch.setattr(spool, "SPILL_BYTES", 1_000)
    (story / "outlet0.txt").write_text("Floods in Dunmore: report 0\n\nA new sentence.\n")
    with Store.open(tmp_path / "x.db") as store, pytest.raises(OSError, match="set TMPDIR"):
        import_path(store, story)
    assert unusable.read_text() == "a file, not a folder\n"
