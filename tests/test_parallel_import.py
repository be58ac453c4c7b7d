"""Parallel import: the same database whatever --jobs, and a kill -9 leaves no half story."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from corpus import write_corpus
from signals import ctrl_c_as_in_a_terminal

from annotations.store import Store
from reader.pipeline import import_path

# What `crossread import` stores, by stable ids (claim numbers are the file's own).
CONTENT = {
    "stories": "SELECT name, path FROM stories ORDER BY name",
    "articles": "SELECT * EXCLUDE FROM articles",
    "claims": 'SELECT id, story, article, claim_index, start, "end", text FROM claims ORDER BY id',
    "evidence": "SELECT * FROM evidence ORDER BY claim_id, other_id",
    "suggestions": "SELECT * FROM suggestions ORDER BY claim_id",
}
CONTENT["articles"] = (
    "SELECT story, name, position, title, text, sha256, encoding, warnings, title_span, "
    "boilerplate, source, url, published FROM articles ORDER BY story, name"
)


def content(path: Path, story: str | None = None) -> dict:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = {}
        for table, sql in CONTENT.items():
            rows = conn.execute(sql).fetchall()
            if story is not None:  # the story's rows: every table has its story in column 0/1
                col = 1 if table in ("claims", "suggestions") else 0
                rows = [r for r in rows if r[col] == story]
            out[table] = rows
        return out
    finally:
        conn.close()


def test_jobs_1_and_jobs_2_write_the_same_database(tmp_path):
    write_corpus(tmp_path / "corpus", 6, articles=3, sentences=12)
    for jobs in (1, 2):
        with Store.open(tmp_path / f"j{jobs}.db") as store:
            result = import_path(store, tmp_path / "corpus", jobs=jobs)
        assert [r.story for r in result.reports] == [f"story{s:05d}" for s in range(6)]
    one, two = content(tmp_path / "j1.db"), content(tmp_path / "j2.db")
    assert all(one.values()) and one == two
    # claim numbers too: stories are stored in corpus order whatever finishes first
    numbers = [
        sqlite3.connect(tmp_path / f"j{j}.db").execute("SELECT n, id FROM claims").fetchall()
        for j in (1, 2)
    ]
    assert numbers[0] == numbers[1]


def started_import(corpus: Path, db: Path, tmp: Path, **popen) -> subprocess.Popen:
    """`crossread import corpus --db db --jobs 2` in a process group of its own (the importer
    and its workers, as a terminal's foreground job), its temporary files in `tmp`."""
    tmp.mkdir(exist_ok=True)
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "import", str(corpus), "--db", str(db), "--jobs", "2"],
        start_new_session=True, preexec_fn=ctrl_c_as_in_a_terminal,
        env={**os.environ, "TMPDIR": str(tmp)}, **popen,
    )  # fmt: skip


def wait_for_stories(db: Path, proc: subprocess.Popen, count: int) -> int:
    """Stories stored in `db` once `count` are (or the import ended, or two minutes passed)."""
    deadline = time.monotonic() + 120
    stored = 0
    while stored < count and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
            stored = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
            conn.close()
        except sqlite3.Error:
            pass  # not created yet
    return stored


def only_whole_stories(db: Path, whole: Path, stories: int) -> None:
    """`db` holds some stories, not all, each exactly as the finished import `whole` does."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    names = [r[0] for r in conn.execute("SELECT name FROM stories ORDER BY name")]
    conn.close()
    assert 3 <= len(names) < stories
    for name in names:  # each stored story is whole: exactly what a finished import stores
        assert content(db, name) == content(whole, name), name
    # a story never stored has no row anywhere
    left = content(db)
    assert {r[0] for r in left["articles"]} == set(names)
    assert {r[1] for r in left["claims"]} == set(names)


def test_kill_9_during_a_parallel_import_leaves_only_whole_stories(tmp_path):
    stories = 40
    write_corpus(tmp_path / "corpus", stories, articles=4, sentences=30)
    with Store.open(tmp_path / "whole.db") as store:
        import_path(store, tmp_path / "corpus", jobs=1)
    db = tmp_path / "killed.db"
    proc = started_import(
        tmp_path / "corpus", db, tmp_path / "tmp",
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        stored = wait_for_stories(db, proc, 3)
        os.killpg(proc.pid, signal.SIGKILL)  # the importer and its worker processes
    finally:
        proc.wait()
    if stored >= stories:
        pytest.fail("the import finished before it could be killed")
    only_whole_stories(db, tmp_path / "whole.db", stories)
    # its temporary folder is made only for a story that spills to disk (none here), and a
    # killed import's is removed by the next import
    assert list((tmp_path / "tmp").iterdir()) == []
    left = tmp_path / "tmp" / f"crossread-import-{proc.pid}-0123456789abcdef"
    left.mkdir(mode=0o700)
    (left / "crossread-x.spool").write_bytes(b"blocks")
    subprocess.run(
        [sys.executable, "-m", "reader", "import", str(tmp_path / "corpus"), "--db", str(db)],
        check=True, capture_output=True, env={**os.environ, "TMPDIR": str(tmp_path / "tmp")},
    )  # fmt: skip
    assert list((tmp_path / "tmp").iterdir()) == []


def test_ctrl_c_during_a_parallel_import_says_so_and_ends_with_only_whole_stories(tmp_path):
    # Ctrl-C printed click's "Aborted!" (status 1), often a worker's traceback, and sometimes
    # never ended: a worker it stopped mid-way through sending a result left the import waiting
    stories = 40
    write_corpus(tmp_path / "corpus", stories, articles=4, sentences=30)
    with Store.open(tmp_path / "whole.db") as store:
        import_path(store, tmp_path / "corpus", jobs=1)
    for attempt in range(3):  # at different moments of the workers' work
        db = tmp_path / f"interrupted{attempt}.db"
        proc = started_import(
            tmp_path / "corpus", db, tmp_path / "tmp",
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            stored = wait_for_stories(db, proc, 3 + 2 * attempt)
            os.killpg(proc.pid, signal.SIGINT)  # a terminal sends it to the whole group
            err = proc.communicate(timeout=60)[1].decode()
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        if stored >= stories:
            pytest.fail("the import finished before it could be interrupted")
        assert proc.returncode == 130, err
        assert "Traceback" not in err and "Aborted" not in err, err
        said = err.strip().splitlines()[-1]
        assert said.startswith("crossread: interrupted after storing ")
        assert said.endswith("; the same import again goes on from there")
        only_whole_stories(db, tmp_path / "whole.db", stories)
        with pytest.raises(ProcessLookupError):  # no worker left behind
            os.killpg(proc.pid, 0)
    again = subprocess.run(
        [sys.executable, "-m", "reader", "import", str(tmp_path / "corpus"), "--db", str(db)],
        capture_output=True, text=True, env={**os.environ, "TMPDIR": str(tmp_path / "tmp")},
    )  # fmt: skip
    assert again.returncode == 0
    assert content(db) == content(tmp_path / "whole.db")


def test_two_shards_merged_equal_one_import(tmp_path):
    import shutil

    from annotations.merge import merge

    corpus = tmp_path / "corpus"
    write_corpus(corpus, 4, articles=3, sentences=12)
    for k, stories in enumerate((["story00000", "story00001"], ["story00002", "story00003"])):
        for name in stories:
            shutil.copytree(corpus / name, tmp_path / f"shard{k}" / name)
        with Store.open(tmp_path / f"shard-{k}.db") as store:
            import_path(store, tmp_path / f"shard{k}", jobs=2)
    with Store.open(tmp_path / "one.db") as store:
        import_path(store, corpus, jobs=2)
    merge([tmp_path / "shard-0.db", tmp_path / "shard-1.db"], tmp_path / "merged.db")
    one, merged = content(tmp_path / "one.db"), content(tmp_path / "merged.db")
    # a story's folder differs between the shards and the whole corpus, nothing else may
    one["stories"] = [name for name, _ in one["stories"]]
    merged["stories"] = [name for name, _ in merged["stories"]]
    assert len(one["stories"]) == 4 and all(one.values())
    assert merged == one


def test_a_long_story_says_each_step_of_its_import(tmp_path, monkeypatch):
    from reader import pipeline

    monkeypatch.setattr(pipeline, "LONG_STORY", 20)  # what "long" is; the steps are the same
    folder = tmp_path / "big"
    folder.mkdir()
    for k in range(2):
        sentences = [f"In town {i} the river rose {k + i} metres on day {i}." for i in range(10)]
        (folder / f"{k}.txt").write_text(" ".join(sentences), encoding="utf-8")
    steps: list[str] = []
    with Store.open(tmp_path / "x.db") as store:
        import_path(store, folder, phase=steps.append)
    assert [s.split()[0] for s in steps] == ["aligning", "suggesting", "saving"]
    assert "20 sentences" in steps[0]
    # a short story has nothing to wait for: no steps
    steps.clear()
    monkeypatch.setattr(pipeline, "LONG_STORY", 21)
    (folder / "0.txt").write_text("The river rose two metres.", encoding="utf-8")
    with Store.open(tmp_path / "x.db") as store:
        import_path(store, folder, phase=steps.append)
    assert steps == []


def test_stories_are_analysed_while_the_next_ones_load(tmp_path, monkeypatch):
    # loading 1,000 stories took seconds with every worker idle: the first ones now go to the
    # workers while the rest load, and the corpus is never all in memory at once
    from reader import pipeline

    write_corpus(tmp_path / "corpus", 8, articles=2, sentences=6)
    events: list[str] = []
    opened = pipeline.open_corpus

    def noting_loads(*args, **kwargs):
        corpus, count, stories = opened(*args, **kwargs)
        return corpus, count, (events.append(f"loaded {s.name}") or s for s in stories)

    from reader.pipeline.story_pool import ProcessPoolExecutor  # the import's worker pools

    submit = ProcessPoolExecutor.submit

    def noting_submits(self, fn, *args, **kwargs):
        if args:  # (not the pool's first task, which forks its workers)
            events.append(f"analyse {args[0].name}")
        return submit(self, fn, *args, **kwargs)

    monkeypatch.setattr(pipeline, "open_corpus", noting_loads)
    monkeypatch.setattr(ProcessPoolExecutor, "submit", noting_submits)
    with Store.open(tmp_path / "x.db") as store:
        result = import_path(store, tmp_path / "corpus", jobs=2)
    assert len(result.reports) == 8 and not any(r.skipped for r in result.reports)
    assert events.index("analyse story00000") < events.index("loaded story00007")


def test_the_command_line_runs_numpy_on_one_blas_thread_unless_the_user_says():
    # the import's processes fill the cores: a BLAS's own threads would spin between two
    # matrix products and take their time; the setting is read when numpy is first imported
    from reader.processes import BLAS_THREADS

    def run(code: str, **env: str) -> str:
        clean = {k: v for k, v in os.environ.items() if k not in BLAS_THREADS}
        done = subprocess.run(
            [sys.executable, "-c", code], env=clean | env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    seen = "import os, sys, reader.cli.main; print('numpy' in sys.modules, os.environ[{!r}])"
    assert run(seen.format("OPENBLAS_NUM_THREADS")) == "False 1"
    assert run(seen.format("MKL_NUM_THREADS")) == "False 1"
    assert run(seen.format("OPENBLAS_NUM_THREADS"), OPENBLAS_NUM_THREADS="3") == "False 3"


# Ctrl-C as the workers are being forked, delivered to each process of the group: the importing
# process gets it in its after-fork hooks, each worker before its first line of our code.
_CTRL_C_AT_FORK = """
import os, signal, sys
from reader.cli.main import main

told = []

def in_parent():
    if not told:  # one Ctrl-C
        told.append(1)
        os.kill(os.getpid(), signal.SIGINT)

os.register_at_fork(
    after_in_parent=in_parent, after_in_child=lambda: os.kill(os.getpid(), signal.SIGINT)
)
sys.argv = ["crossread", "import", *sys.argv[1:]]
main()
"""


def test_ctrl_c_while_the_workers_start_ends_the_import_without_a_traceback(tmp_path):
    # it went unseen by the importing process (raised in a fork hook, "Exception ignored"): the
    # import ran on to the end, status 0; each worker it reached first printed a traceback
    write_corpus(tmp_path / "corpus", 6, articles=3, sentences=10)
    db = tmp_path / "x.db"
    proc = subprocess.run(
        [sys.executable, "-c", _CTRL_C_AT_FORK, str(tmp_path / "corpus"), "--db", str(db),
         "--jobs", "2"],
        capture_output=True, text=True, timeout=120, preexec_fn=ctrl_c_as_in_a_terminal,
    )  # fmt: skip
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr, proc.stderr
    assert proc.returncode == 130, proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("crossread: interrupted after storing")
