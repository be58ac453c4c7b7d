"""Databases as a crash, a cut-short copy or another tool leaves them: one line, nothing lost."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import crossread, one_line_error
from storyfactory import make_evidence, make_story, make_suggestions

from annotations.store import DamagedError, Store


def make_db(path: Path) -> list[str]:
    """A closed crossread database with labels by ana and ben; its claim ids."""
    story = make_story(
        "s", {"a.txt": ["The bridge closed.", "It rained.", "Ten died."], "b.txt": ["Closed."]}
    )
    with Store.open(path) as s:
        s.import_story(story, make_evidence(story), make_suggestions(story))
        ids = [c.id for c in story.claims()]
        for cid in ids:
            s.set_label(cid, "consistent", "ana")
            s.set_label(cid, "contradicted", "ben")
    return ids


def damage_page_of(path: Path, table: str) -> None:
    """Overwrite the b-tree page header of `table`'s root page (a bad sector, a torn write)."""
    conn = sqlite3.connect(path)
    root, size = conn.execute(
        "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_master "
        "WHERE name = ?",
        (table,),
    ).fetchone()
    conn.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * size)
        f.write(b"\x00" * 12)


def test_export_of_a_damaged_table_page_is_one_line(tmp_path):
    # a page of annotations unreadable: export ended in a traceback (the read transaction's
    # COMMIT failed too, hiding the one-line message) with exit status 1
    path = tmp_path / "w.db"
    make_db(path)
    damage_page_of(path, "annotations")
    for args in (["export"], ["export", "--all", "--format", "jsonl"]):
        line = one_line_error(crossread(*args, "--db", str(path)))
        assert f"{path} is damaged" in line, line


def killed_writer(path: Path, ids: list[str]) -> None:
    """A writer killed with its last labels in the -wal only (not yet checkpointed)."""
    code = (
        "import os, sys\n"
        "from annotations.store import Store\n"
        "s = Store.open(sys.argv[1])\n"
        "s.conn.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "for cid in sys.argv[2:]:\n"
        "    s.set_label(cid, 'unverified', 'cid')\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path), *ids], check=True, timeout=60)
    assert Path(f"{path}-wal").stat().st_size > 0


def test_an_empty_database_beside_a_wal_is_refused_and_the_wal_kept(tmp_path):
    # a crash left crossread.db empty (as ext4 can) and its last labels in crossread.db-wal:
    # `stats` wrote a new empty database there, deleted the -wal and said "0 claims"
    path = tmp_path / "crossread.db"
    killed_writer(path, make_db(path))
    path.write_bytes(b"")
    wal = Path(f"{path}-wal").read_bytes()
    for args in (["stats"], ["export"], ["import", str(tmp_path / "none")]):
        line = one_line_error(crossread(*args, "--db", str(path)))
        assert f"{path} is empty but {path}-wal" in line, line
    assert path.read_bytes() == b"" and Path(f"{path}-wal").read_bytes() == wal


def test_a_change_left_in_a_rollback_journal_is_named_not_called_damage(tmp_path):
    # another tool set journal_mode=DELETE and was killed mid-write: read commands read the
    # half-written file (as on read-only media) and called it damaged; a writer rolls it back
    path = tmp_path / "w.db"
    ids = make_db(path)
    sqlite3.connect(path).execute("PRAGMA journal_mode = DELETE").close()
    code = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA cache_size = 1')\n"  # (pages reach the file before the commit)
        "c.execute('BEGIN IMMEDIATE')\n"
        "c.execute(\"UPDATE annotations SET label = 'unverified', note = hex(randomblob(3000))\")\n"
        "c.execute('DELETE FROM events')\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)
    assert Path(f"{path}-journal").stat().st_size > 0
    for args in (["stats"], ["export"], ["agreement"]):
        line = one_line_error(crossread(*args, "--db", str(path)))
        assert f"{path}-journal" in line and "damaged" not in line, line
    with Store.open(path) as s:  # a writer: the unfinished change is rolled back
        assert {a.label for a in s.annotations()} == {"consistent", "contradicted"}
        assert len(s.events()) == 2 * len(ids)
    assert crossread("stats", "--db", str(path)).returncode == 0


def test_a_database_cut_short_is_refused_by_every_command(tmp_path):
    # a copy cut short (a full USB stick, a transfer stopped): merge took it in silently,
    # reading the missing pages as zeros, and reported a third of its labels fewer as added
    path = tmp_path / "w.db"
    make_db(path)
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.truncate(size - 1000)
    out = tmp_path / "team.db"
    for args in (["stats", "--db", str(path)], ["export", "--db", str(path)]):
        line = one_line_error(crossread(*args))
        assert f"{path} is cut short" in line and f"{size:,} bytes" in line, line
    line = one_line_error(crossread("merge", str(path), "-o", str(out)))
    assert f"{path} is cut short" in line and not out.exists(), line


@pytest.mark.parametrize("damage", ["page", "title"])
def test_merge_names_the_damaged_input_not_a_failed_save(tmp_path, damage):
    # it said "could not save: database disk image is malformed" (or "Could not decode to
    # UTF-8 column 'title' with text '��'"), naming no file, of an input it only reads
    good, bad, out = tmp_path / "good.db", tmp_path / "bad.db", tmp_path / "team.db"
    make_db(good)
    make_db(bad)
    if damage == "page":
        damage_page_of(bad, "events")
        where = "cannot read a table"
    else:
        conn = sqlite3.connect(bad)
        conn.execute("UPDATE articles SET title = CAST(X'C0FF' AS TEXT) WHERE n = 1")
        conn.commit()
        conn.close()
        where = "cannot read table articles, row 1 (title is not UTF-8 text)"
    proc = crossread("merge", str(good), str(bad), "-o", str(out))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    line = proc.stderr.strip().splitlines()[-1]  # (after "read good.db")
    assert f"{bad} is damaged: {where}" in line and "could not save" not in line, line
    assert not out.exists()


@pytest.mark.parametrize(
    "old",
    [
        '{"label": "maybe", "note": "", "links": [], "accepted_suggestion": false}',
        '{"label": null, "note": "", "links": [5], "accepted_suggestion": false}',
        "{}",
        "[1, 2]",
    ],
)
def test_undo_of_a_damaged_event_says_so_and_leaves_the_label(tmp_path, old):
    # undo wrote the event's damaged state into the annotation ('maybe' as its label: every
    # later read and export of the database failed), or ended in KeyError / TypeError
    path = tmp_path / "w.db"
    ids = make_db(path)
    conn = sqlite3.connect(path)
    last = conn.execute("SELECT max(id) FROM events WHERE reviewer = 'ana'").fetchone()[0]
    conn.execute("UPDATE events SET old = ? WHERE id = ?", (old, last))
    conn.commit()
    conn.close()
    with Store.open(path) as s:
        with pytest.raises(DamagedError, match=f"table events, row {last} "):
            s.undo("ana")
        assert s.annotation(ids[-1], "ana").label == "consistent"
    assert crossread("export", "--db", str(path)).returncode == 0


def test_a_database_path_in_a_symlink_loop_says_so(tmp_path):
    # read commands said "no database at loop.db: run `crossread import`" (import would fail
    # the same way), import "cannot open loop.db: unable to open database file"
    loop = tmp_path / "loop.db"
    loop.symlink_to(tmp_path / "back.db")
    (tmp_path / "back.db").symlink_to(loop)
    for args in (
        ["stats", "--db", str(loop)],
        ["import", str(tmp_path / "none"), "--db", str(loop)],
        ["merge", str(loop), "-o", str(tmp_path / "team.db")],
    ):
        line = one_line_error(crossread(*args))
        assert f"{loop} is a symbolic link loop" in line, line


def test_a_full_disk_is_named_when_the_database_cannot_be_opened(tmp_path):
    # SQLite could not make its -shm on the full disk and said only "disk I/O error"
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)]).returncode:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        path = disk / "w.db"
        make_db(path)
        with open(disk / "filler", "wb", buffering=0) as f, contextlib.suppress(OSError):
            while True:
                f.write(b"x" * 4096)
        line = one_line_error(crossread("import", str(tmp_path / "none"), "--db", str(path)))
        assert f"cannot open {path}: disk I/O error (the disk holding it is full)" in line, line
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_reading_an_empty_file_leaves_it_empty(tmp_path):
    # `stats --db notes.db` on an empty file wrote crossread's tables into it (126 KB) and
    # said "0 claims": a command that only reads changed a file not known to be crossread's
    path = tmp_path / "notes.db"
    path.write_bytes(b"")
    for args in (["stats"], ["export"], ["agreement"]):
        line = one_line_error(crossread(*args, "--db", str(path)))
        assert f"{path} is an empty file, not a crossread database yet" in line, line
    assert path.read_bytes() == b"" and not Path(f"{path}-wal").exists()


def test_quick_check_is_quoted_on_the_one_line(tmp_path):
    # SQLite's verdict came as "*** in database main ***" and a line break, shown as "\n"
    path = tmp_path / "w.db"
    make_db(path)
    damage_page_of(path, "sqlite_autoindex_annotations_1")
    line = one_line_error(crossread("stats", "--db", str(path)))
    assert line.endswith("returns error code 11"), line
    assert "quick_check: Page " in line and "\\n" not in line and "***" not in line, line
