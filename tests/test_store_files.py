"""Opening files safely, durability after kill -9, and two processes writing at once."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from storyfactory import make_story

from annotations import schema
from annotations.store import SaveError, Store, StoreError

TESTS = str(Path(__file__).parent)


def fingerprint(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_text_file_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("my precious notes\n" * 100)
    before = fingerprint(path)
    with pytest.raises(StoreError, match="not a crossread database"):
        Store.open(path)
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_other_programs_sqlite_db_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER, name TEXT)")
    conn.execute("INSERT INTO customers VALUES (1, 'Ada')")
    conn.commit()
    conn.close()
    before = fingerprint(path)
    with pytest.raises(StoreError, match=r"not crossread's.*customers"):
        Store.open(path)
    assert fingerprint(path) == before


def test_newer_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "future.db"
    with Store.open(path) as s:
        s.set_state("ana", "k", "v")
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE crossread_meta SET value = ? WHERE key = 'schema_version'",
        (str(schema.SCHEMA_VERSION + 1),),
    )
    conn.commit()
    conn.close()
    before = fingerprint(path)
    with pytest.raises(StoreError, match="newer crossread"):
        Store.open(path)
    assert fingerprint(path) == before


def test_empty_or_missing_file_is_created(tmp_path):
    (tmp_path / "empty.db").write_bytes(b"")
    for name in ("empty.db", "new.db"):
        with Store.open(tmp_path / name) as s:
            assert s.stories() == []
        with Store.open(tmp_path / name, create=False) as s:
            assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with pytest.raises(StoreError, match="no database"):
        Store.open(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()


def test_memory_store_works():
    with Store.open(":memory:") as s:
        story = make_story("s", {"a.txt": ["One."], "b.txt": ["Two."]})
        s.import_story(story, [])
        assert s.set_label(story.claims()[0].id, "consistent", "ana").label == "consistent"


def test_connection_settings(tmp_path):
    with Store.open(tmp_path / "w.db") as s:
        assert s.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert s.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def _child(code: str) -> str:
    return f"import sys; sys.path.insert(0, {TESTS!r})\n" + textwrap.dedent(code)


def test_label_survives_kill_9_right_after_saving(tmp_path):
    path = tmp_path / "w.db"
    story = make_story("s", {"a.txt": ["One.", "Two."], "b.txt": ["Three."]})
    with Store.open(path) as s:
        s.import_story(story, [])
    cid = story.claims()[1].id
    code = _child(f"""
        import time
        from annotations.store import Store
        s = Store.open({str(path)!r})
        s.set_label({cid!r}, "contradicted", "ana")
        print("ok", flush=True)
        time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ok"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with Store.open(path) as s:
        assert s.annotation(cid, "ana").label == "contradicted"
        assert [e.action for e in s.events("ana")] == ["set"]


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "w.db"
    n = 500
    story = make_story(
        "s", {f"{i}.txt": [f"Sentence {j} of {i}." for j in range(n)] for i in (1, 2)}
    )
    with Store.open(path) as s:
        s.import_story(story, [])
    writer = _child(f"""
        import json, sys
        from annotations.store import Store
        s = Store.open({str(path)!r})
        ids = json.loads(sys.argv[1])
        print("ready", flush=True)
        sys.stdin.readline()  # start together
        for i, cid in enumerate(ids):
            s.set_label(cid, ("consistent", "contradicted", "unverified")[i % 3], sys.argv[2])
        print("done", flush=True)
    """)
    procs = []
    for art, reviewer in (("1.txt", "ana"), ("2.txt", "ben")):
        ids = [c.id for c in story.claims() if c.article == art]
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", writer, json.dumps(ids), reviewer],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    for p in procs:
        assert p.stdout.readline().strip() == "ready"
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert out.strip() == "done"
    with Store.open(path) as s:
        assert len(s.annotations()) == 2 * n
        assert len(s.events()) == 2 * n
        assert len(s.annotations(reviewer="ben")) == n
        assert s.progress().overall.tagged == 2 * n


def test_locked_database_raises_save_error_and_saves_nothing(tmp_path):
    path = tmp_path / "w.db"
    story = make_story("s", {"a.txt": ["One."], "b.txt": ["Two."]})
    with Store.open(path) as s:
        s.import_story(story, [])
        s.conn.execute("PRAGMA busy_timeout = 50")  # shorten the wait for the test
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        with pytest.raises(SaveError, match="could not save: database is locked"):
            s.set_label(story.claims()[0].id, "consistent", "ana")
        other.execute("ROLLBACK")
        other.close()
        assert s.annotations() == [] and s.events() == []
        assert s.set_label(story.claims()[0].id, "consistent", "ana").label == "consistent"


def test_a_database_moved_or_deleted_while_open_is_not_written_as_if_saved(tmp_path):
    # the app showed the tags as saved, committed into a file no longer at its path (and its
    # -wal beside that path, orphaned): the moved file had none of them, a deleted one lost them
    story = make_story("s", {"a.txt": ["The bridge closed on Monday."], "b.txt": ["It shut."]})
    path, moved = tmp_path / "r.db", tmp_path / "moved.db"
    with Store.open(path) as s:
        s.import_story(story, [], [])
    first, second = (c.id for c in story.claims())
    with Store.open(path) as s:
        s.set_label(first, "consistent", "ana")
        path.rename(moved)
        with pytest.raises(SaveError, match=r"r\.db was moved, replaced or deleted since it was"):
            s.set_label(second, "contradicted", "ana")
        # what was saved before is in the moved file itself, not left in the -wal beside r.db
        other = sqlite3.connect(moved)
        assert other.execute("SELECT count(*) FROM annotations").fetchone() == (1,)
        other.close()
        moved.rename(path)  # back where it was opened: saved again
        assert s.set_label(second, "unverified", "ana").label == "unverified"
    with Store.open(path) as s:
        assert [a.label for a in s.annotations()] == ["consistent", "unverified"]
        path.unlink()
        with pytest.raises(SaveError, match="moved, replaced or deleted"):
            s.set_label(first, "contradicted", "ana")


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_the_log_of_another_database_is_never_opened_as_a_database(tmp_path, suffix):
    # `--db x.db-wal` (or `merge -o x.db-wal`) made a database where SQLite keeps x.db's log:
    # the next write to x.db took the file for a stale log and deleted it, every tag with it
    main = tmp_path / "x.db"
    with Store.open(main) as s:
        s.set_state("ana", "k", "v")
    log = tmp_path / f"x.db{suffix}"
    log.write_bytes(b"")  # (as a writer killed before its first commit leaves them)
    for existing in (True, False):
        if not existing:
            log.unlink()
        with pytest.raises(StoreError, match=f"x.db{suffix} is the {suffix[1:]} file of"):
            Store.open(log)
        assert log.exists() == existing and (not existing or log.read_bytes() == b"")
    # look-alike: a name ending in -wal beside no database is a database like any other
    with Store.open(tmp_path / "notes-wal") as s:
        assert s.stories() == []


def test_a_database_path_ending_in_a_slash_is_refused(tmp_path):
    # `--db team.db/` created (or opened) the file team.db, which the path does not name
    with Store.open(tmp_path / "team.db"):
        pass
    for path in (f"{tmp_path}/team.db/", f"{tmp_path}/new.db/"):
        with pytest.raises(StoreError, match="ends in /: it names a folder"):
            Store.open(path)
    assert not (tmp_path / "new.db").exists()
