"""A long story is stored in two transactions: its claims first, so the review app can open on
them at once, then its evidence and suggestions. In between it is marked as analysing; an import
stopped there leaves it whole, and the next import works out what is missing."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from corpus import write_corpus

from annotations.store import Store
from reader import pipeline
from reader.corpus.loader import load_corpus
from reader.pipeline import import_path

ANALYSIS = ("evidence_packed", "evidence_pairs", "suggestion_rows")


def rows(db: Path, table: str) -> list:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
    finally:
        conn.close()


@pytest.fixture
def story(tmp_path: Path, monkeypatch) -> Path:
    write_corpus(tmp_path / "corpus", 1, articles=3, sentences=12)
    monkeypatch.setattr(pipeline, "LONG_STORY", 10)  # this story is a long one
    return tmp_path / "corpus" / "story00000"


def test_deferred_long_story_has_its_claims_and_is_marked_until_analysed(
    story: Path, tmp_path: Path
):
    with Store.open(tmp_path / "once.db") as store:
        import_path(store, story)  # both halves, one after the other
    with Store.open(tmp_path / "x.db") as store:
        result = import_path(store, story, defer=True)
        assert result.analysing == ["story00000"]
        assert store.analysing() == {"story00000"}
        loaded = load_corpus(story).stories[0]
        claims = store.claims("story00000")
        assert [c.id for c in claims] == [c.id for c in loaded.claims()]
        assert all(not rows(tmp_path / "x.db", t) for t in ANALYSIS)
        assert store.same_files(loaded) and not store.story_is_current(loaded)
        store.set_label(claims[0].id, "contradicted", "ana")  # tagged while it is analysed

        again = import_path(store, story)  # the app's background import
        assert again.analysing == [] and store.analysing() == set()
        assert store.story_is_current(loaded)
        assert store.annotation(claims[0].id, "ana").label == "contradicted"
        assert store.suggestion(claims[0].id) is not None
    for table in ("claim_rows", *ANALYSIS):  # the same database as an import in one go
        assert rows(tmp_path / "x.db", table) == rows(tmp_path / "once.db", table)


def test_an_import_stopped_while_analysing_leaves_the_story_whole_and_the_next_finishes_it(
    story: Path, tmp_path: Path, monkeypatch
):
    from reader.align import evidence as evidence_module

    def killed(*args, **kwargs):
        raise KeyboardInterrupt
        yield

    with Store.open(tmp_path / "x.db") as store:
        with monkeypatch.context() as m:
            m.setattr(evidence_module, "align_blocks", killed)
            with pytest.raises(KeyboardInterrupt):
                import_path(store, story)
        assert store.analysing() == {"story00000"}  # its claims are in, and it says so
        assert len(store.claims("story00000")) == len(load_corpus(story).stories[0].claims())
        report = import_path(store, story).reports[0]
        assert not report.articles_added and len(report.articles_unchanged) == 3
        assert store.analysing() == set()
        assert rows(tmp_path / "x.db", "suggestion_rows")


def test_an_analysis_is_not_stored_over_a_story_imported_again_from_other_files(
    story: Path, tmp_path: Path
):
    first = load_corpus(story).stories[0]
    (story / "outlet0.txt").write_text("Something else entirely.\n", encoding="utf-8")
    changed = load_corpus(story).stories[0]
    with Store.open(tmp_path / "x.db") as store:
        store.import_claims(first)
        store.import_claims(changed)  # another import, meanwhile, of the changed files
        assert not store.import_analysis(first, [])
        assert store.analysing() == {"story00000"}  # still to come: the changed files' analysis
        store.import_story(changed, [])  # a full import clears the mark
        assert store.analysing() == set() and store.story_is_current(changed)


def test_a_short_story_is_stored_in_one_go_even_when_long_ones_are_deferred(tmp_path: Path):
    write_corpus(tmp_path / "corpus", 1, articles=3, sentences=4)
    with Store.open(tmp_path / "x.db") as store:
        result = import_path(store, tmp_path / "corpus" / "story00000", defer=True)
        assert result.analysing == [] and store.analysing() == set()
    assert rows(tmp_path / "x.db", "suggestion_rows")


def test_export_of_a_story_still_analysing_says_its_suggestions_are_missing(
    story: Path, tmp_path: Path
):
    from click.testing import CliRunner

    from reader.cli.main import main

    db = tmp_path / "x.db"
    with Store.open(db) as store:
        import_path(store, story, defer=True)
    done = CliRunner().invoke(main, ["export", "--all", "--db", str(db), "-o", str(tmp_path / "o")])
    assert done.exit_code == 0
    assert "warning story00000: still being analysed" in done.output
    with Store.open(db) as store:
        import_path(store, story)
    done = CliRunner().invoke(main, ["export", "--all", "--db", str(db), "-o", str(tmp_path / "o")])
    assert "warning" not in done.output


def test_the_background_import_takes_a_database_named_like_an_option(tmp_path: Path, monkeypatch):
    from reader.pipeline.background import BackgroundImport

    write_corpus(tmp_path / "corpus", 1, articles=2, sentences=4)
    monkeypatch.chdir(tmp_path)
    background = BackgroundImport([str(tmp_path / "corpus" / "story00000")], "-team.db")
    background.process.wait(timeout=120)
    assert background.failure() is None, background.failure()
    background.stop()
    with Store.open(tmp_path / "-team.db") as store:
        assert store.stories() == ["story00000"] and store.analysing() == set()


def test_a_corpus_of_many_small_stories_is_analysed_later_past_a_long_storys_worth(
    tmp_path: Path, monkeypatch
):
    # `crossread PATH` on 200 small stories waited for all of them (17 s) before its screen
    write_corpus(tmp_path / "corpus", 5, articles=2, sentences=10)
    sizes = [len(s.claims()) for s in load_corpus(tmp_path / "corpus").stories]
    monkeypatch.setattr(pipeline, "LONG_STORY", sizes[0] + sizes[1] + 1)
    with Store.open(tmp_path / "x.db") as store:
        result = import_path(store, tmp_path / "corpus", defer=True)
        assert result.analysing == ["story00002", "story00003", "story00004"]
        assert store.analysing() == set(result.analysing)
        assert len(store.stories()) == 5  # every story's claims are there to review
        import_path(store, tmp_path / "corpus")  # the background import
        assert store.analysing() == set()
        assert all(store.story_is_current(s) for s in load_corpus(tmp_path / "corpus").stories)


def app_waiting_for_the_analysis(monkeypatch) -> list:
    """The app replaced by one that waits for its background analysis, then ends: what the
    analysis failed with (None when it did not) is added to the list returned."""
    import reader.ui

    finished: list = []

    def app(db, *args, background=None, **kwargs):
        background.process.wait(timeout=120)
        finished.append(background.failure())
        background.stop()

    monkeypatch.setattr(reader.ui, "run_app", app)
    return finished


def test_a_story_folder_gone_since_leaves_the_others_analysed_in_the_background(
    tmp_path: Path, monkeypatch
):
    # every path is checked before any is imported: one folder moved away since its claims
    # were stored must not stop the background analysis of the others
    import shutil

    from click.testing import CliRunner

    from reader.cli.main import main

    write_corpus(tmp_path / "corpus", 2, articles=3, sentences=12)
    monkeypatch.setattr(pipeline, "LONG_STORY", 10)
    db = tmp_path / "x.db"
    with Store.open(db) as store:
        import_path(store, tmp_path / "corpus", defer=True)
        assert store.analysing() == {"story00000", "story00001"}
    shutil.rmtree(tmp_path / "corpus" / "story00001")
    finished = app_waiting_for_the_analysis(monkeypatch)
    done = CliRunner().invoke(main, ["--db", str(db)])
    assert done.exit_code == 0, done.output
    assert finished == [None]
    assert "story00001 is no longer there" in done.output
    with Store.open(db) as store:
        assert store.analysing() == {"story00001"}  # (until imported from where it is now)


def test_the_background_import_finds_a_story_whose_folder_name_is_not_utf8(
    tmp_path: Path, monkeypatch
):
    # the story's path is stored escaped ("story\\xff"): the background import was given that
    # name, found no such folder, and the story stayed analysing for good
    import os

    from click.testing import CliRunner

    from reader.cli.main import main

    write_corpus(tmp_path / "corpus", 1, articles=3, sentences=12)
    root = tmp_path / os.fsdecode(b"story\xff")
    (tmp_path / "corpus" / "story00000").rename(root)
    monkeypatch.setattr(pipeline, "LONG_STORY", 10)
    finished = app_waiting_for_the_analysis(monkeypatch)
    db = tmp_path / "x.db"
    done = CliRunner().invoke(main, [str(root), "--db", str(db)])
    assert done.exit_code == 0, done.output
    assert finished == [None]
    with Store.open(db) as store:
        assert store.stories() == ["story\\xff"] and store.analysing() == set()
        assert store.suggestion(store.claims("story\\xff")[0].id) is not None


def test_progress_lines_say_how_many_stories_are_done_and_the_app_reads_them(tmp_path: Path):
    # the app's background import of many stories said nothing but "analysing…" until the end
    from click.testing import CliRunner

    from reader.cli.main import main
    from reader.pipeline.background import last_step

    write_corpus(tmp_path / "corpus", 3, articles=2, sentences=4)
    db = str(tmp_path / "x.db")
    done = CliRunner().invoke(main, ["import", str(tmp_path / "corpus"), "--db", db,
                                     "--progress-lines"])  # fmt: skip
    assert done.exit_code == 0, done.output
    assert [line.split("…")[0] for line in done.stderr.splitlines()] == [
        f"{tmp_path / 'corpus'}: {k} of 3 stories done" for k in (1, 2, 3)
    ]
    assert last_step(done.stderr) == "3 of 3 stories done"
    stories = [str(tmp_path / "corpus" / f"story0000{k}") for k in range(3)]
    done = CliRunner().invoke(main, ["import", *stories, "--db", db, "--progress-lines"])
    assert last_step(done.stderr) == "2 of 3 done"  # (the third's summary ends it)
    done = CliRunner().invoke(main, ["import", str(tmp_path / "corpus"), "--db", db])
    assert done.stderr.strip() == f"Importing {tmp_path / 'corpus'}"  # a bar, not lines


def test_an_analysis_another_import_stored_first_is_no_warning(
    story: Path, tmp_path: Path, monkeypatch
):
    # two windows (or a window and `crossread import`) analysing one story: the later one said
    # the story was "imported again while it was analysed", which it was not
    db = tmp_path / "x.db"
    with Store.open(db) as store:
        import_path(store, story, defer=True)
    analysed = pipeline._analysed

    def other_first(*args, **kwargs):
        for got in analysed(*args, **kwargs):
            monkeypatch.setattr(pipeline, "_analysed", analysed)
            with Store.open(db) as other:
                import_path(other, story)  # finishes it first
            yield got

    monkeypatch.setattr(pipeline, "_analysed", other_first)
    with Store.open(db) as store:
        result = import_path(store, story)
        assert result.warnings == [] and store.analysing() == set()
        assert store.story_is_current(load_corpus(story).stories[0])


def test_a_parallel_import_leaves_a_story_another_import_stored_meanwhile_to_that_one(
    story: Path, tmp_path: Path, monkeypatch
):
    # with several processes, a new long story's claims are stored while its sentences are
    # first read: another import that stores the story's analysis in between is not undone,
    # and this one works nothing more out
    db = tmp_path / "x.db"
    stored = Store.import_claims

    def another_meanwhile(self, *stories):
        got = stored(self, *stories)
        monkeypatch.setattr(Store, "import_claims", stored)
        with Store.open(db) as other:
            import_path(other, story)  # (the whole story, in one process)
        return got

    monkeypatch.setattr(Store, "import_claims", another_meanwhile)
    scored = []
    monkeypatch.setattr(pipeline, "_with_meanings", lambda *a: scored.append(a))
    with Store.open(db) as store:
        result = import_path(store, story, jobs=2)
        assert result.warnings == [] and [r.story for r in result.reports] == ["story00000"]
        assert scored == [] and store.analysing() == set()
        assert store.story_is_current(load_corpus(story).stories[0])


@pytest.fixture
def other_import():
    """Another import on this machine, as the store names it: a process that runs until
    killed (`kill()`)."""
    import subprocess

    from reader.processes import this_process

    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    process.described = this_process(process.pid)
    yield process
    process.kill()
    process.wait()


def test_one_import_at_a_time_works_out_a_story_s_analysis(
    story: Path, tmp_path: Path, other_import
):
    from reader.processes import still_running, this_process

    me = this_process()
    with Store.open(tmp_path / "x.db") as store:
        store.import_claims(load_corpus(story).stories[0])
        assert store.claim_analysis("story00000", other_import.described, still_running) is None
        assert store.claim_analysis("story00000", me, still_running) == other_import.described
        other_import.kill()
        other_import.wait()
        assert store.claim_analysis("story00000", me, still_running) is None  # it stopped
        store.import_analysis(load_corpus(story).stories[0], [])
        assert store.claim_analysis("story00000", me, still_running) == ""  # nothing waits


def _held_by(db: Path, story: Path, other) -> None:
    """`story`'s claims stored in `db`, waiting for the analysis that `other` works out."""
    from reader.processes import still_running

    with Store.open(db) as store:
        import_path(store, story, defer=True)
        assert store.claim_analysis("story00000", other.described, still_running) is None


def test_an_import_waits_for_the_one_analysing_a_story_and_takes_over_if_it_stops(
    story: Path, tmp_path: Path, other_import, monkeypatch
):
    # two windows on one database each analysed the story: twice the work, each twice as slow
    import threading
    import time

    monkeypatch.setattr(pipeline, "WAIT_S", 0.05)
    db = tmp_path / "x.db"
    _held_by(db, story, other_import)
    threading.Timer(0.5, other_import.kill).start()  # its window is closed
    said: list[str] = []
    started = time.monotonic()
    with Store.open(db) as store:
        result = import_path(store, story, phase=said.append)
        assert time.monotonic() - started >= 0.5  # it waited
        assert said[0].startswith(f"waiting for another import (process {other_import.pid})")
        assert store.analysing() == set() and result.warnings == []
        assert store.story_is_current(load_corpus(story).stories[0])


def test_an_import_waiting_for_another_ends_when_that_one_stores_the_analysis(
    story: Path, tmp_path: Path, other_import, monkeypatch
):
    import threading

    monkeypatch.setattr(pipeline, "WAIT_S", 0.05)
    db = tmp_path / "x.db"
    _held_by(db, story, other_import)
    loaded = load_corpus(story).stories[0]

    def other_stores() -> None:
        with Store.open(db) as other:
            other.import_story(loaded, [])  # (its analysis, stored: the mark goes)

    analysed = []
    monkeypatch.setattr(pipeline, "_analysed", lambda stories, *a, **k: analysed.extend(stories)
                        or iter(()))  # fmt: skip
    threading.Timer(0.3, other_stores).start()
    with Store.open(db) as store:
        result = import_path(store, story)
        assert analysed == [] and result.reports[0].skipped  # nothing worked out twice
        assert store.analysing() == set() and store.story_is_current(loaded)


def test_the_app_s_own_import_leaves_a_story_another_import_is_analysing_to_it(
    story: Path, tmp_path: Path, other_import, monkeypatch
):
    # `crossread PATH` does not wait for it: the app opens, and its background import waits
    db = tmp_path / "x.db"
    _held_by(db, story, other_import)
    monkeypatch.setattr(pipeline, "LONG_STORY", 1_000)  # a story it would analyse itself
    with Store.open(db) as store:
        result = import_path(store, story, defer=True)
        assert result.analysing == ["story00000"] and store.analysing() == {"story00000"}
    other_import.kill()
    other_import.wait()
    with Store.open(db) as store:  # once that import has stopped, the story is this one's
        assert import_path(store, story, defer=True).analysing == []
        assert store.analysing() == set()


def test_the_background_import_of_more_stories_than_a_command_line_holds_starts(tmp_path: Path):
    # a corpus of tens of thousands of stories: their paths as arguments passed the system's
    # limit (E2BIG), the analysis never started, and the hint to finish it named them all
    from reader.pipeline.background import BackgroundImport

    write_corpus(tmp_path / "corpus", 1, articles=2, sentences=4)
    first = str(tmp_path / "corpus" / "story00000")
    gone = [str(tmp_path / f"{'long-folder-name-' * 10}{k:05d}") for k in range(12_000)]
    background = BackgroundImport([first, *gone], str(tmp_path / "x.db"))
    background.process.wait(timeout=120)
    # it started, and read every path: the first that is not there stops it before any import
    assert background.failure() == f"crossread: error: no such file or folder: {gone[0]}"
    background.stop()
    assert not (tmp_path / "x.db").exists()


def test_import_reads_paths_ended_by_nul_bytes_from_a_file_or_standard_input(tmp_path: Path):
    import os

    from click.testing import CliRunner

    from reader.cli.main import main

    write_corpus(tmp_path / "corpus", 2, articles=2, sentences=4)
    odd = tmp_path / os.fsdecode(b"story\xff\nnew line")  # any name a folder may have
    (tmp_path / "corpus" / "story00001").rename(odd)
    listed = os.fsencode(tmp_path / "corpus" / "story00000") + b"\0" + os.fsencode(odd) + b"\0"
    db = str(tmp_path / "x.db")
    done = CliRunner().invoke(main, ["import", "--db", db, "--paths0-from", "-"], input=listed)
    assert done.exit_code == 0, done.output
    with Store.open(db) as store:
        assert store.stories() == ["story00000", "story\\xff\nnew line"]
    done = CliRunner().invoke(main, ["import", "--db", db])
    assert done.exit_code == 2
    assert done.stderr == "crossread: error: no paths to import: give PATHS or --paths0-from FILE\n"


def test_paths_given_one_a_line_to_paths0_from_say_so(tmp_path: Path):
    # `find ... | crossread import --paths0-from -` (no -print0) said 'no such file or folder:
    # .../story00000\ufffd.../story00001\ufffd', the lines run together
    from click.testing import CliRunner

    from reader.cli.main import main

    write_corpus(tmp_path / "corpus", 2, articles=2, sentences=4)
    lines = "".join(f"{tmp_path / 'corpus' / s}\n" for s in ("story00000", "story00001"))
    db = str(tmp_path / "x.db")
    done = CliRunner().invoke(main, ["import", "--db", db, "--paths0-from", "-"], input=lines)
    assert done.exit_code == 2
    assert done.stderr == (
        "crossread: error: --paths0-from: the paths are one a line, not ended by NUL bytes "
        "(`find -print0` writes those; or `tr '\\n' '\\0'`)\n"
    )
    assert not (tmp_path / "x.db").exists()
