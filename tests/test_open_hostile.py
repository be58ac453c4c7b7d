"""Opening databases that are foreign, damaged, read-only or absent: one line, nothing harmed."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from clirun import crossread, one_line_error
from storyfactory import make_evidence, make_story, make_suggestions

from annotations import schema
from annotations.store import InvalidInput, Store, StoreError


def make_db(path: Path) -> Store:
    story = make_story("s", {"a.txt": ["The bridge closed.", "It rained."], "b.txt": ["Closed."]})
    s = Store.open(path)
    s.import_story(story, make_evidence(story), make_suggestions(story))
    s.set_label(story.claims()[0].id, "consistent", "ana")
    s.set_note(story.claims()[0].id, "ana", "checked")
    s.toggle_link(story.claims()[0].id, "ana", story.claims()[2].id)
    return s


def test_foreign_file_with_a_crossread_meta_table_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE crossread_meta (k TEXT, v TEXT)")
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not crossread's"):
        Store.open(path)
    assert path.read_bytes() == before  # still in its rollback journal mode, byte for byte
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_foreign_file_claiming_the_current_schema_is_refused_untouched(tmp_path):
    # crossread's own meta table and version, but none of its tables: `stats` was a traceback,
    # `import` and the app switched the file to write-ahead logging before refusing it
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE crossread_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute(
        "INSERT INTO crossread_meta VALUES ('schema_version', ?)", (str(schema.SCHEMA_VERSION),)
    )
    conn.execute("CREATE TABLE articles (x)")
    conn.commit()
    conn.close()
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text("The bridge closed on Monday.\n")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not crossread's"):
        Store.open(path)
    for args in (["stats"], ["export"], ["import", str(story)], [str(story)]):
        line = one_line_error(crossread(*args, "--db", str(path)))
        assert "not crossread's (no table" in line, (args, line)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db", "story"]


@pytest.mark.parametrize("value", ["two", "", "1.5", "-3"])
def test_a_schema_version_that_is_not_a_number_is_one_line(tmp_path, value):
    path = tmp_path / "w.db"
    make_db(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE crossread_meta SET value = ? WHERE key = 'schema_version'", (value,))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="schema version"):
        Store.open(path)
    one_line_error(crossread("stats", "--db", str(path)))


DAMAGE = [
    ("articles", "UPDATE articles SET text = CAST(X'5AFC72696368' AS TEXT)"),
    ("articles", "UPDATE articles SET warnings = '[not json'"),
    ("articles", "UPDATE articles SET boilerplate = '[[1]]'"),
    ("claims", "UPDATE claims SET start = 'x' WHERE claim_index = 1"),
    ("annotations", "UPDATE annotations SET label = 'maybe'"),
    ("annotations", "UPDATE annotations SET links = '{'"),
    ("annotations", "UPDATE annotations SET note = CAST(X'FFFE0041' AS TEXT)"),
    ("suggestions", "UPDATE suggestions SET spans = '[[\"a\", 2]]'"),
    ("suggestions", "UPDATE suggestions SET evidence = 'null'"),
    # a BLOB where text belongs: csv wrote its repr (b'\xff…'), jsonl ended in a traceback
    ("articles", "UPDATE articles SET title = X'FF00FE'"),
    ("annotations", "UPDATE annotations SET note = X'FF00'"),
    ("suggestions", "UPDATE suggestions SET reason = X'FF00'"),
]


def _damaged(tmp_path, sql: str):
    """A crossread database with one cell damaged by `sql`."""
    path = tmp_path / "w.db"
    make_db(path).close()
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize(("table", "sql"), DAMAGE, ids=[d[1][7:40] for d in DAMAGE])
def test_a_damaged_cell_is_one_line_naming_table_and_row(tmp_path, table, sql):
    path = _damaged(tmp_path, sql)
    exported = table in ("claims", "annotations")  # export streams only the cells it writes
    for args in (["export", "--all"], ["export", "--all", "--format", "jsonl"]):
        proc = crossread(*args, "--db", str(path))
        if not exported and proc.returncode == 0:
            continue  # it never read the damaged cell, so nothing it wrote comes from it
        line = one_line_error(proc)
        assert f"table {table}, row" in line and "quick_check: ok" in line, line
    out = tmp_path / "out.csv"
    if exported:
        one_line_error(crossread("export", "--all", "--db", str(path), "-o", str(out)))
        assert not out.exists()
    stats = crossread("stats", "--db", str(path))  # reads fewer cells: may not meet the damage
    assert stats.returncode == 0 or one_line_error(stats)


WRITTEN_DAMAGE = [
    ("suggestions", "UPDATE suggestion_rows SET label = 7"),
    ("suggestions", "UPDATE suggestion_rows SET confidence = 'x'"),
    ("claims", 'UPDATE claim_rows SET start = -5, "end" = 100000 WHERE claim_index = 0'),
]


@pytest.mark.parametrize(("table", "sql"), WRITTEN_DAMAGE, ids=[d[1][7:45] for d in WRITTEN_DAMAGE])
def test_damage_in_a_cell_the_export_writes_is_refused_not_copied(tmp_path, table, sql):
    # the export wrote `"suggested_label": 7`, "x" as a confidence and a claim cut at offsets
    # -5..100000 with exit status 0, while `stats` (and the app) refused the same rows
    path = _damaged(tmp_path, sql)
    for args in (["export", "--all"], ["export", "--all", "--format", "jsonl"]):
        line = one_line_error(crossread(*args, "--db", str(path)))
        assert f"table {table}, row" in line, line
    s = Store.open(path, create=False, read_only=True)
    with pytest.raises(StoreError, match=f"table {table}, row"):
        for claim in s.claims("s"):
            s.suggestion(claim.id)
    if table == "suggestions":  # read as `A` and the low-confidence filter read them
        with pytest.raises(StoreError, match=f"table {table}, row"):
            s.suggested([c.id for c in s.claims("s")])
    s.close()


def test_a_damaged_evidence_score_is_one_line():
    s = make_db(Path(":memory:"))
    s.conn.execute("UPDATE evidence SET score = 'high'")
    with pytest.raises(StoreError, match=r"table evidence, row .*is not a number.*quick_check"):
        s.evidence(s.claims("s")[0].id)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE annotations SET label = 'maybe'",
        "UPDATE evidence SET score = 'high'",
        "UPDATE articles SET title = X'FF00FE'",  # was a traceback, with exit status 0
    ],
)
def test_the_app_shows_a_damaged_database_instead_of_crashing(tmp_path, sql):
    path = _damaged(tmp_path, sql)
    env = {**os.environ, "CROSSREAD_EXIT_AFTER_PAINT": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(path), "--reviewer", "ana"],
        capture_output=True, text=True, timeout=120, env=env, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert proc.returncode == 2 and "Traceback" not in proc.stderr + proc.stdout
    assert sql.split()[1] in proc.stderr and "quick_check" in proc.stderr


@contextmanager
def read_only_folder(folder: Path):
    """A folder nobody may write into, not even root (immutable attribute), or chmod otherwise."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(folder)], check=True)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)


@contextmanager
def read_only_media(folder: Path, mount: Path):
    """`folder` seen through a read-only bind mount at `mount` (needs root and mount)."""
    mount.mkdir()
    ok = subprocess.run(["mount", "--bind", str(folder), str(mount)], capture_output=True)
    if ok.returncode != 0:
        pytest.skip("cannot bind-mount here (needs root)")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(mount)], check=True)
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def read_commands_work(db: Path, out_dir: Path) -> None:
    stats = crossread("stats", "--db", str(db))
    assert stats.returncode == 0 and re.search(r" 1/3 +33% ", stats.stdout), stats.stderr
    export = crossread("export", "--db", str(db))
    assert export.returncode == 0 and "checked" in export.stdout, export.stderr
    out = out_dir / "out.csv"
    assert crossread("export", "--db", str(db), "-o", str(out)).returncode == 0
    assert "consistent" in out.read_text()


def test_read_commands_work_in_a_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    make_db(folder / "w.db").close()  # closed cleanly: no -wal or -shm left beside it
    with read_only_folder(folder):
        read_commands_work(folder / "w.db", tmp_path)
        proc = crossread("import", str(tmp_path / "none"), "--db", str(folder / "w.db"))
        assert proc.returncode == 2


def test_read_commands_work_on_read_only_media(tmp_path):
    folder = tmp_path / "disk"
    folder.mkdir()
    make_db(folder / "w.db").close()
    with read_only_media(folder, tmp_path / "mnt") as mnt:
        read_commands_work(mnt / "w.db", tmp_path)


def test_writing_commands_on_read_only_media_say_so(tmp_path):
    # it said "not crossread's (crossread_meta is foreign)" of the user's own database
    folder = tmp_path / "disk"
    folder.mkdir()
    make_db(folder / "w.db").close()
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text("The bridge closed on Monday.\n")
    with read_only_media(folder, tmp_path / "mnt") as mnt:
        line = one_line_error(crossread("import", str(story), "--db", str(mnt / "w.db")))
        assert "read-only" in line and "not crossread's" not in line, line


def special_files(folder: Path) -> list[Path]:
    fifo = folder / "fifo.db"
    os.mkfifo(fifo)
    files = [fifo]
    if os.geteuid() == 0:  # a null device of our own (never a real /dev path)
        null = folder / "null.db"
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        files.append(null)
    return files


def test_a_fifo_or_device_as_the_database_is_one_line(tmp_path):
    # a FIFO hung every command (reading its header waits for a writer forever); a device
    # said "cannot rollback - no transaction is active" and left a -journal beside it
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text("The bridge closed on Monday.\n")
    inputs = tmp_path / "in"
    inputs.mkdir()
    make_db(tmp_path / "w.db").close()
    for db in special_files(inputs):
        for args in (["stats"], ["export"], ["import", str(story)], [str(story)]):
            line = one_line_error(crossread(*args, "--db", str(db)))
            assert "not a database file" in line, (args, line)
        line = one_line_error(crossread("merge", str(db), "-o", str(tmp_path / "team.db")))
        assert "not a database file" in line, line
        line = one_line_error(crossread("merge", str(tmp_path / "w.db"), "-o", str(db)))
        assert "not a database file" in line, line
    expected = ["fifo.db", "null.db"] if os.geteuid() == 0 else ["fifo.db"]
    assert sorted(p.name for p in inputs.iterdir()) == expected  # no -journal, -wal, -shm


BAD_NAME = os.fsdecode(b"an\xffa")  # as Python reads bytes that are not UTF-8 from argv


def test_a_name_that_is_not_utf8_is_one_line_not_a_traceback(tmp_path):
    # the app crashed on start (exit status 0, a traceback) and `export --reviewer` was a
    # traceback: the name reached SQLite, which cannot store it
    make_db(tmp_path / "w.db").close()
    db = str(tmp_path / "w.db")
    env = {**os.environ, "CROSSREAD_EXIT_AFTER_PAINT": "1"}
    for args in (
        ["--reviewer", BAD_NAME],
        ["export", "--reviewer", BAD_NAME],
        ["stats", "--reviewer", BAD_NAME],
        ["agreement", "--reviewers", f"ana,{BAD_NAME}"],
        ["agreement", "--story", BAD_NAME],
    ):
        proc = subprocess.run(
            [sys.executable, "-m", "reader", *args, "--db", db],
            capture_output=True, text=True, timeout=120, env=env, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        line = one_line_error(proc)
        assert "an\\xffa" in line and "not valid UTF-8" in line, (args, line)


def test_a_login_name_that_is_not_utf8_is_escaped_as_the_reviewer(tmp_path):
    make_db(tmp_path / "w.db").close()
    env = {**os.environ, "LOGNAME": BAD_NAME, "CROSSREAD_EXIT_AFTER_PAINT": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(tmp_path / "w.db")],
        capture_output=True, text=True, timeout=120, env=env, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert proc.returncode == 0 and "Traceback" not in proc.stderr + proc.stdout, proc.stderr


def test_a_failed_open_leaves_no_database_behind(tmp_path):
    for args in (["import", "nonexistent"], ["nonexistent"], ["open", "nonexistent"]):
        proc = crossread(*args, "--db", "x.db", cwd=tmp_path)
        one_line_error(proc)
        assert sorted(p.name for p in tmp_path.iterdir()) == [], args


def test_a_note_with_a_lone_surrogate_is_refused_clearly(tmp_path):
    s = make_db(tmp_path / "w.db")
    cid = s.claims("s")[0].id
    with pytest.raises(InvalidInput, match="cannot be saved"):
        s.set_note(cid, "ana", "bad \ud800 note")
    with pytest.raises(InvalidInput, match="cannot be saved"):
        s.set_label(cid, "consistent", "an\udcffa")  # a login name read with surrogateescape
    assert s.annotation(cid, "ana").note == "checked"
    s.close()


def test_a_new_database_in_a_read_only_folder_names_the_folder(tmp_path):
    # `crossread` in a shared folder one may not write into said only "cannot open
    # crossread.db: unable to open database file"
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text("The bridge closed on Monday.\n")
    folder = tmp_path / "shared"
    folder.mkdir()
    with read_only_folder(folder):
        for args in (["import", str(story)], [str(story)]):
            line = one_line_error(crossread(*args, cwd=folder))
            assert "cannot create crossread.db" in line and str(folder) in line, line
            assert "not writable" in line and "--db" in line, line
    assert list(folder.iterdir()) == []


def test_a_database_path_longer_than_sqlite_takes_says_so(tmp_path):
    # SQLite cannot open a file whose full path is over 512 bytes (with its "-journal"): in a
    # deep folder every command said only "unable to open database file"
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text("The bridge closed on Monday.\n")
    deep = tmp_path
    while len(str(deep)) < 600:
        deep = deep / ("d" * 100)
    deep.mkdir(parents=True)
    line = one_line_error(crossread("import", str(story), cwd=deep))
    assert "crossread.db" in line and "path is too long for SQLite" in line, line
    assert "--db" in line, line
    make_db(tmp_path / "w.db").close()
    os.rename(tmp_path / "w.db", deep / "crossread.db")
    for args in (["stats"], ["export"], ["import", str(story)]):
        line = one_line_error(crossread(*args, cwd=deep))
        assert "path is too long for SQLite" in line, (args, line)
    team = str(tmp_path / "team.db")
    line = one_line_error(crossread("merge", str(deep / "crossread.db"), "-o", team))
    assert "path is too long for SQLite" in line and "crossread.db" in line, line
    make_db(tmp_path / "short.db").close()
    line = one_line_error(crossread("merge", str(tmp_path / "short.db"), "-o", "team.db", cwd=deep))
    assert "path is too long for SQLite" in line and "team.db" in line and "-o" in line, line


@pytest.mark.parametrize("umask, mode", [(0o002, 0o664), (0o077, 0o600), (0o000, 0o666)])
def test_a_new_database_gets_the_mode_the_umask_gives(tmp_path, umask, mode):
    # a team's database made under umask 002 (a shared group folder) was 0644 whatever the
    # umask, SQLite's own mode: the others of the group could not tag
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text("The bridge closed on Monday.\n")
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "import", str(story), "--db", "team.db"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path, umask=umask,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE((tmp_path / "team.db").stat().st_mode) == mode
    with Store.open(tmp_path / "team.db") as store:  # the log SQLite makes beside it: the same
        store.stories()
        assert stat.S_IMODE((tmp_path / "team.db-wal").stat().st_mode) == mode


def test_an_export_over_a_file_in_a_folder_one_may_not_write_into_says_why(tmp_path):
    # the file itself may be written, so "Permission denied" (root: "Operation not permitted")
    # read as wrong: the export is written beside it first, in a folder one may not write into
    make_db(tmp_path / "w.db").close()
    folder = tmp_path / "shared"
    folder.mkdir()
    out = folder / "labels.csv"
    out.write_text("previous\n")
    with read_only_folder(folder):
        line = one_line_error(crossread("export", "--db", str(tmp_path / "w.db"), "-o", str(out)))
        assert f"folder {folder} is not writable" in line and "beside it" in line, line
    assert out.read_text() == "previous\n"
    assert sorted(p.name for p in folder.iterdir()) == ["labels.csv"]
