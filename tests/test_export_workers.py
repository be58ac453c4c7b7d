"""A big export made by worker processes, a range of stories each: the same bytes as one process,
the same one-line errors, one snapshot, and no process left behind however it ends."""

from __future__ import annotations

import io
import itertools
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from signals import ctrl_c_as_in_a_terminal
from storyfactory import make_story
from test_open_hostile import read_only_folder, read_only_media

from annotations import export_pool
from annotations.export import write_export
from annotations.store import Store, StoreError
from reader.processes import usable_cores

pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or usable_cores() < 2, reason="workers need fork and 2 cores"
)

SENTENCES = [
    'He said "no", then left.',
    "Costs, fees, and taxes.",
    "Line one\nline two",
    "Windows\r\nline",
    '=HYPERLINK("http://x")',
    "Zürich — 東京 — مرحبا 🎉👩‍👩‍👧",
    "esc\x1b[31m red\x07 bidi\u202e",
]
# byte order, not alphabetical: "B" < "Zürich" < "a" < "hostile…" < "東京" < "🎉"
STORIES = ["🎉", "a", "B", 'hostile, "story"', "東京", "Zürich", "s1", "s10", "s2"]
NOW = "2026-01-01T00:00:00+00:00"


def build(path: Path, stories: list[str] = STORIES, note: str = "") -> None:
    """Stories of two articles, every claim labelled by ana and some by bo (links, hostile notes),
    orphans: a vanished claim, and annotations of stories with no articles left."""
    with Store.open(path) as s:
        for k, name in enumerate(stories):
            story = make_story(
                name, {"b.txt": SENTENCES[k % 3 :], "a=1.txt": SENTENCES[: 4 + k % 3]}
            )
            s.import_story(story, [])
            other = story.articles[1].claims[0]
            link = json.dumps([{"claim_id": other.id, "article": "a=1.txt", "text": other.text}])
            rows = [
                (c.id, "ana", ("consistent", "contradicted", None)[i % 3], f"{note}{c.text}\x00",
                 link if i % 2 else "[]", i % 2, name, c.article, c.text, NOW, NOW)
                for i, c in enumerate(story.claims())
            ] + [
                (c.id, "bo", "unverified", "", "[]", 0, name, c.article, c.text, NOW, NOW)
                for c in story.claims()[::3]
            ]  # fmt: skip
            gone = [(f"gone-{k}", "ana", "unverified", "orphan", "[]", 0, f"{name}~", "x.txt",
                     "Gone.", NOW, NOW)]  # fmt: skip
            s.conn.execute("BEGIN")
            s.conn.executemany(
                "INSERT INTO annotations (claim_id, reviewer, label, note, links, "
                "accepted_suggestion, story, article, claim_text, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows + (gone if k % 2 else []),
            )
            s.conn.execute("COMMIT")
        # a claim of "a" vanishes: its annotations are that story's orphans
        s.import_story(make_story("a", {"b.txt": SENTENCES[1:3], "a=1.txt": SENTENCES[:4]}), [])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    build(tmp_path / "w.db")
    return tmp_path / "w.db"


@pytest.fixture
def forced(monkeypatch):
    """Every export in worker processes, one story a range; the ranges each export used."""
    monkeypatch.setattr(export_pool, "PARALLEL_ROWS", 1)
    monkeypatch.setattr(export_pool, "RANGE_ROWS", 1)
    used: list[int] = []
    real = export_pool.write_ranges

    def noting(store, f, write, ranges):
        n = real(store, f, write, ranges)
        used.append(len(ranges) if n is not None else 0)
        return n

    monkeypatch.setattr(export_pool, "write_ranges", noting)
    return used


def one_process(db: Path, **options) -> bytes:
    out = io.StringIO(newline="")
    with Store.open(db, create=False, read_only=True) as s:
        saved = export_pool.PARALLEL_ROWS
        export_pool.PARALLEL_ROWS = sys.maxsize
        try:
            write_export(s, out, **options)
        finally:
            export_pool.PARALLEL_ROWS = saved
    return out.getvalue().encode()


OPTIONS = [
    {},
    {"all_claims": True},
    {"excel": True},
    {"fmt": "jsonl"},
    {"fmt": "jsonl", "all_claims": True},
    {"reviewer": "bo"},
    {"reviewer": "bo", "all_claims": True, "excel": True},
]


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(map(str, o.items())) or "-")
def test_an_export_made_by_workers_is_the_one_process_export(db, tmp_path, forced, options):
    want = one_process(db, **options)
    with Store.open(db, create=False, read_only=True) as s:
        out = tmp_path / "out.csv"
        n = write_export(s, out, **options)
        assert out.read_bytes() == want
        stream = io.StringIO(newline="")
        assert write_export(s, stream, **options) == n
        assert stream.getvalue().encode() == want
    assert forced and min(forced) >= len(STORIES)  # one range a story (and the orphans' own)
    assert n == (want.count(b"\n") if options.get("fmt") else n)


def test_ranges_cover_every_story_once_in_order(db):
    with Store.open(db, create=False, read_only=True) as s:
        saved = export_pool.PARALLEL_ROWS, export_pool.RANGE_ROWS
        export_pool.PARALLEL_ROWS, export_pool.RANGE_ROWS = 1, 1
        try:
            ranges = export_pool.story_ranges(s, all_claims=False, reviewer=None)
        finally:
            export_pool.PARALLEL_ROWS, export_pool.RANGE_ROWS = saved
        assert ranges is not None
        assert ranges[0][0] is None and ranges[-1][1] is None
        assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))
        # the default sizes keep a small export in this process
        assert export_pool.story_ranges(s, all_claims=True, reviewer=None) is None


def test_damage_in_a_later_story_is_the_same_one_line_error(db, tmp_path, forced):
    with Store.open(db) as s:
        s.conn.execute("UPDATE annotations SET note = X'00FF' WHERE story = 's10' AND rowid % 2")
    with pytest.raises(StoreError) as alone:
        one_process(db)
    out = tmp_path / "out.csv"
    out.write_text("previous\n")
    with Store.open(db, create=False, read_only=True) as s, pytest.raises(StoreError) as workers:
        write_export(s, out)
    assert str(workers.value) == str(alone.value)
    assert "annotations" in str(alone.value) and "\n" not in str(alone.value)
    assert out.read_text() == "previous\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_commit_while_the_workers_start_still_gives_one_snapshot(db, tmp_path, monkeypatch):
    # the workers' reads must agree: a label saved once the first worker reads, before the
    # second does, is in all of the export or in none of it
    monkeypatch.setattr(export_pool, "PARALLEL_ROWS", 1)
    monkeypatch.setattr(export_pool, "RANGE_ROWS", 1)
    real = export_pool._Worker.receive
    with Store.open(db) as writer:
        claims = [writer.claims(name)[0].id for name in ("B", "東京", "🎉")]  # ranges 0, n-2, n-1

        def receive_then_save(worker, kind):
            got = real(worker, kind)
            if kind == b"R" and not writer.annotations(reviewer="carl"):
                for claim in claims:
                    writer.set_label(claim, "contradicted", "carl")
            return got

        monkeypatch.setattr(export_pool._Worker, "receive", receive_then_save)
        with Store.open(db, create=False, read_only=True) as s:
            out = tmp_path / "out.csv"
            write_export(s, out)
    assert out.read_bytes() == one_process(db)
    assert out.read_text().count("carl") == 3


@pytest.mark.parametrize("where", ["read-only folder", "read-only media"])
def test_a_database_that_cannot_be_written_is_exported_by_workers(tmp_path, forced, where):
    # SQLite cannot make its -shm file there: the database is opened immutable, by each worker too
    folder = tmp_path / "ro"
    folder.mkdir()
    build(folder / "w.db")  # closed: no -wal or -shm beside it
    if where == "read-only folder":
        cannot_write = read_only_folder(folder)
    else:
        cannot_write = read_only_media(folder, tmp_path / "mnt")
    with cannot_write as mount:
        want = one_process((mount or folder) / "w.db", all_claims=True)
        with Store.open((mount or folder) / "w.db", read_only=True) as s:
            out = io.StringIO(newline="")
            write_export(s, out, all_claims=True)
    assert out.getvalue().encode() == want
    assert forced and all(forced)  # made by workers


# The command line, forced to use workers (one story a range) in its own process group.
FORCED_CLI = (
    "import annotations.export_pool as p; p.PARALLEL_ROWS = p.RANGE_ROWS = 1; "
    "from reader.cli.main import main; main(prog_name='crossread')"
)
WORKERS = min(usable_cores(), export_pool.MAX_WORKERS)


@contextmanager
def own_group(*args: str, **popen) -> Iterator[subprocess.Popen]:
    """A process in a group of its own; whatever is left of the group is killed after the test."""
    proc = subprocess.Popen(
        args, start_new_session=True, preexec_fn=ctrl_c_as_in_a_terminal, **popen
    )
    try:
        yield proc
    finally:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def group(pgid: int) -> list[int]:
    """The live processes of a process group."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                pids.append(int(entry.name))
    return pids


def gone(pgid: int) -> bool:
    for _ in range(200):  # the kernel ends them at once; this only waits for it to be seen
        if not group(pgid):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def big_db(tmp_path: Path) -> Path:
    """More output than the pipes and buffers between the workers and a reader hold."""
    build(tmp_path / "big.db", [f"story{k:02d}" for k in range(12)], note="n" * 20_000)
    return tmp_path / "big.db"


def test_a_reader_that_stops_leaves_no_worker_and_no_traceback(big_db):
    with own_group(
        sys.executable, "-c", FORCED_CLI, "export", "--db", str(big_db),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    ) as proc:  # fmt: skip
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline().startswith(b"story,")
        assert proc.stdout.readline().startswith(b"story00,")  # the first range: workers at work
        assert len(group(proc.pid)) == 1 + WORKERS
        proc.stdout.close()  # `| head -2`
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == 1
        assert "Traceback" not in err and "Exception" not in err, err
        assert gone(proc.pid)


@pytest.mark.parametrize("how", ["kill -9", "Ctrl-C"])
def test_an_export_stopped_midway_leaves_no_worker_and_no_traceback(big_db, how):
    with own_group(
        sys.executable, "-c", FORCED_CLI, "export", "--db", str(big_db),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    ) as proc:  # fmt: skip
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        assert proc.stdout.readline().startswith(b"story00,")  # the first range: workers at work
        # read no further: the export and its workers wait mid-way
        assert len(group(proc.pid)) == 1 + WORKERS
        if how == "kill -9":
            proc.kill()
        else:  # a terminal sends it to every process of the foreground group
            os.killpg(proc.pid, signal.SIGINT)
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=60)
        assert gone(proc.pid)
        if how == "Ctrl-C":  # said in a line, with a shell's status for it
            assert code == 130 and "Traceback" not in err and "Exception" not in err, err
            assert err.strip().splitlines()[-1] == "crossread: interrupted"


BUSY_WORKERS = """
import sys, time
from annotations import export_pool
from annotations.store import Store

def busy(store, f, stories):  # a long range: the workers are not sending when the export dies
    time.sleep(600)

with Store.open(sys.argv[1], create=False, read_only=True) as s:
    export_pool.write_ranges(s, sys.stdout, busy, [(None, "m"), ("m", None)])
"""


def test_workers_busy_formatting_die_with_the_export(db):
    with own_group(sys.executable, "-c", BUSY_WORKERS, str(db)) as proc:
        for _ in range(600):  # until both workers are forked
            if len(group(proc.pid)) == 3:
                break
            time.sleep(0.05)
        assert len(group(proc.pid)) == 3
        proc.kill()
        proc.wait()
        assert gone(proc.pid)
