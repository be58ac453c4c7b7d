"""Reading a database leaves its folder as it was: no -wal or -shm left behind by a look."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from storyfactory import make_story
from test_open_hostile import crossread, make_db

from annotations import merge
from annotations.store import Store


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_read_commands_leave_no_log_files_beside_the_database(tmp_path):
    # `stats`, `export`, `agreement` and `merge` (inputs) left an empty w.db-wal and a
    # 32 KB w.db-shm beside a database that had none: SQLite makes them to read a WAL
    # database read-only, and only a writer may delete them
    folder = tmp_path / "db"
    folder.mkdir()
    make_db(folder / "w.db").close()
    before = (folder / "w.db").read_bytes()
    out = tmp_path / "out"
    out.mkdir()
    for args in (
        ["stats"],
        ["stats", "--reviewer", "ana"],
        ["export"],
        ["export", "--all", "--format", "jsonl", "-o", str(out / "all.jsonl")],
        ["export", "--final", "-o", str(out / "final.csv")],
    ):
        proc = crossread(*args, "--db", str(folder / "w.db"))
        assert proc.returncode == 0, proc.stderr
        assert listing(folder) == ["w.db"], args
    crossread("agreement", "--db", str(folder / "w.db"))  # (one reviewer: refused, after reading)
    assert listing(folder) == ["w.db"]
    merge.merge([str(folder / "w.db")], out / "team.db")
    assert listing(folder) == ["w.db"]
    with Store.open(folder / "w.db", create=False, read_only=True) as s:
        assert s.stories()
    assert listing(folder) == ["w.db"]
    assert (folder / "w.db").read_bytes() == before  # only read


def test_a_writer_open_meanwhile_keeps_its_log_and_is_seen(tmp_path):
    path = tmp_path / "w.db"
    story = make_story("s", {"a.txt": ["One.", "Two."], "b.txt": ["Three."]})
    with Store.open(path) as s:
        s.import_story(story, [])
    first, second = story.claims()[0].id, story.claims()[1].id
    reader = Store.open(path, create=False, read_only=True)  # before any -wal existed
    writer = Store.open(path)
    writer.set_label(first, "consistent", "ana")
    assert reader.annotation(first, "ana").label == "consistent"  # a writer's commit is seen
    reader.close()  # the writer still uses the -wal and -shm: they stay
    assert {"w.db-wal", "w.db-shm"} <= set(listing(tmp_path))
    writer.set_label(second, "contradicted", "ana")
    writer.close()
    with Store.open(path, create=False, read_only=True) as s:
        assert s.annotation(second, "ana").label == "contradicted"
    assert listing(tmp_path) == ["w.db"]


def test_the_log_of_a_writer_that_died_is_left_as_found(tmp_path):
    # what a killed writer committed is only in its -wal: a read-only look reads it and leaves
    # the file there, byte for byte, for the next writer to take in
    path = tmp_path / "w.db"
    story = make_story("s", {"a.txt": ["One.", "Two."], "b.txt": ["Three."]})
    with Store.open(path) as s:
        s.import_story(story, [])
    cid = story.claims()[0].id
    code = (
        "import os, sys; from annotations.store import Store\n"
        f"s = Store.open({str(path)!r}); s.set_label({cid!r}, 'consistent', 'ana')\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    wal = (tmp_path / "w.db-wal").read_bytes()
    db = path.read_bytes()
    assert wal
    stats = crossread("stats", "--db", str(path))
    assert stats.returncode == 0 and re.search(r" 1/3 +33% ", stats.stdout), (
        stats.stdout + stats.stderr
    )
    assert (tmp_path / "w.db-wal").read_bytes() == wal and path.read_bytes() == db
    with Store.open(path) as s:
        assert s.annotation(cid, "ana").label == "consistent"
