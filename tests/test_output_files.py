"""Where `-o` writes: links, FIFOs, devices, hard links, modes, and files that must never be hit.

Every special file here is made by the test in its temp folder (never a real /dev path).
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from clirun import crossread
from storyfactory import make_evidence, make_story

from annotations.export import write_export
from annotations.output import open_output
from annotations.store import Store, StoreError


@pytest.fixture
def store(tmp_path):
    story = make_story("s", {"a.txt": ["The bridge closed on Monday."], "b.txt": ["It reopened."]})
    s = Store.open(tmp_path / "w.db")
    s.import_story(story, make_evidence(story))
    s.set_label(story.claims()[0].id, "consistent", "ana")
    yield s
    s.close()


def write(out, text="new\n", **kw):
    with open_output(out, **kw) as f:
        f.write(text)


def test_symlink_target_is_written_and_the_link_stays(tmp_path):
    target = tmp_path / "real.csv"
    target.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to("real.csv")
    write(link)
    assert link.is_symlink() and os.readlink(link) == "real.csv"
    assert target.read_text() == "new\n"


def test_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "made.csv")
    write(link)
    assert link.is_symlink() and (tmp_path / "made.csv").read_text() == "new\n"


def test_symlink_target_write_is_atomic(tmp_path):
    target = tmp_path / "real.csv"
    target.write_text("previous export\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    with pytest.raises(StoreError, match="No space"), open_output(link) as f:
        f.write("half")
        raise OSError(28, "No space left on device")
    assert target.read_text() == "previous export\n" and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.csv", "real.csv"]


def test_fifo_is_written_into_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "stdout"  # like /dev/stdout -> /proc/self/fd/1
    link.symlink_to(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()), daemon=True)
    reader.start()
    write(link, "through the pipe\n")
    reader.join(10)
    if reader.is_alive():  # nothing was written into the FIFO: let the reader finish
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert got == ["through the pipe\n"]
    assert link.is_symlink() and stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe", "stdout"]


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod of a character device needs root")
def test_character_device_is_written_into_not_replaced(tmp_path):
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a private /dev/null
    write(null, "discarded\n")
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_hard_linked_file_stays_one_file(tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("old\n")
    other = tmp_path / "same.csv"
    os.link(out, other)
    write(out)
    assert out.stat().st_ino == other.stat().st_ino and other.read_text() == "new\n"


def test_new_file_gets_the_umask_mode(tmp_path):
    old = os.umask(0o022)
    try:
        write(tmp_path / "a.csv")
        os.umask(0o002)
        write(tmp_path / "b.csv")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.csv").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "b.csv").stat().st_mode) == 0o664


def test_existing_file_keeps_its_mode_and_owner(tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("old\n")
    out.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(out, 1234, 5678)
    write(out)
    st = out.stat()
    assert stat.S_IMODE(st.st_mode) == 0o640
    if os.geteuid() == 0:
        assert (st.st_uid, st.st_gid) == (1234, 5678)


def test_symlink_loop_is_one_line(tmp_path):
    loop = tmp_path / "loop"
    loop.symlink_to(tmp_path / "loop")
    with pytest.raises(StoreError, match="cannot write"):
        write(loop)


def test_export_refuses_the_database_by_any_spelling(store, tmp_path):
    (tmp_path / "alias.db").symlink_to(tmp_path / "w.db")
    (tmp_path / "sub").mkdir()
    for out in ("w.db", "w.db-wal", "w.db-shm", "alias.db", "sub/../w.db"):
        with pytest.raises(StoreError, match="it is the database"):
            write_export(store, str(tmp_path / out))
    assert [a.label for a in store.annotations()] == ["consistent"]


def test_no_output_replaces_a_database(store, tmp_path):
    # `crossread suggest story -o crossread.db` (for --db) replaced the team's database, every
    # tag in it, with a CSV: an SQLite file, or its -wal or -shm, is never an output
    other = tmp_path / "team.db"
    with Store.open(other):
        pass
    before = other.read_bytes()
    with pytest.raises(StoreError, match="it is an SQLite database; nothing was written"):
        write(other)
    assert other.read_bytes() == before
    for out in (tmp_path / "team.db-wal", tmp_path / "team.db-shm"):
        with pytest.raises(StoreError, match=r"it is the (wal|shm) file of an SQLite database"):
            write(out)
        assert not out.exists()
    (tmp_path / "story").mkdir()
    (tmp_path / "story" / "a.txt").write_text("The bridge closed on Monday after the storm.\n")
    proc = crossread("suggest", str(tmp_path / "story"), "-o", str(other))
    assert proc.returncode == 2 and "is an SQLite database" in proc.stderr, proc.stderr
    proc = crossread("export", "--db", str(tmp_path / "w.db"), "-o", str(other))
    assert proc.returncode == 2 and "is an SQLite database" in proc.stderr, proc.stderr
    with Store.open(other):  # still a database
        pass
    # look-alike: a file that only ends in .db is written as any other
    plain = tmp_path / "notes.db"
    plain.write_text("not a database\n")
    write(plain)
    assert plain.read_text() == "new\n"


def test_export_refuses_every_imported_article(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    article = story / "article.txt"
    article.write_text("The bridge closed on Monday after the storm.\n")
    (story / "b.txt").write_text("The bridge closed on Monday, officials said.\n")
    db = tmp_path / "x.db"
    # imported with a relative path, exported with another spelling of it: both are the article
    assert crossread("import", "story", "--db", "x.db", cwd=tmp_path).returncode == 0
    for out in ("story/article.txt", "./story/../story/article.txt", str(article)):
        proc = crossread("export", "--db", str(db), "-o", out, cwd=tmp_path)
        assert proc.returncode == 2, out
        assert "is an imported article" in proc.stderr, proc.stderr
    # a new file among them is none yet: said as what it would become
    proc = crossread("export", "--db", str(db), "-o", "story/new.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "is a .md file among the articles in " in proc.stderr
    assert "read as one by the next import; nothing was written" in proc.stderr
    assert article.read_text() == "The bridge closed on Monday after the storm.\n"
    assert not (story / "new.md").exists()
    assert crossread("export", "--db", str(db), "-o", "story/out.csv", cwd=tmp_path).returncode == 0


def test_suggest_on_a_symlink_loop_with_output_is_one_line(tmp_path):
    loop = tmp_path / "loop"
    loop.symlink_to(tmp_path / "loop")
    proc = crossread("suggest", str(loop), "-o", str(tmp_path / "out.jsonl"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("crossread: error:")


def test_export_refuses_an_article_of_a_folder_whose_name_is_not_utf8(tmp_path):
    # the database keeps such a path escaped ("bad\xffdir"): it must still protect the real one
    story = Path(os.fsdecode(bytes(tmp_path) + b"/bad\xffdir"))
    story.mkdir()
    article = story / "a.txt"
    article.write_text("The bridge closed on Monday after the storm.\n")
    (story / "b.txt").write_text("The bridge closed on Monday, officials said.\n")
    name = Path(os.fsdecode(b"caf\xe9.txt"))
    (story / name).write_text("The bridge closed on Monday, the mayor said.\n")
    db = tmp_path / "x.db"
    assert crossread("import", str(story), "--db", str(db)).returncode == 0
    for out in (article, story / name, story / "new.md"):
        proc = crossread("export", "--db", str(db), "-o", str(out))
        assert proc.returncode == 2, proc.stderr
        assert "is an imported article" in proc.stderr or "among the articles" in proc.stderr
    assert article.read_text() == "The bridge closed on Monday after the storm.\n"
    assert not (story / "new.md").exists()


def test_an_output_ending_in_a_slash_never_writes_a_file(tmp_path):
    # `-o keep.csv/` replaced the file keep.csv; `-o exports/` (a folder meant) made a file
    keep = tmp_path / "keep.csv"
    keep.write_text("precious\n")
    with pytest.raises(StoreError, match=r"keep\.csv/: it is not a folder"):
        write(f"{keep}/")
    assert keep.read_text() == "precious\n"
    with pytest.raises(StoreError, match="exports/: no such folder"):
        write(f"{tmp_path}/exports/")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.csv"]
    (tmp_path / "dir").mkdir()
    with pytest.raises(StoreError, match="it is a folder"):
        write(f"{tmp_path}/dir/")


def test_cli_merge_and_db_refuse_the_log_of_a_database(store, tmp_path):
    store.close()
    (tmp_path / "w.db-wal").write_bytes(b"")
    for args in (
        ("merge", str(tmp_path / "w.db"), "-o", str(tmp_path / "x.db-wal")),
        ("stats", "--db", str(tmp_path / "w.db-wal")),
    ):
        (tmp_path / "x.db").write_bytes((tmp_path / "w.db").read_bytes())
        proc = crossread(*args)
        assert proc.returncode == 2 and "wal file of the SQLite database" in proc.stderr, (
            proc.stderr
        )
        assert "Traceback" not in proc.stderr
    assert not (tmp_path / "x.db-wal").exists()


def test_suggest_refuses_an_article_reached_by_another_name(tmp_path):
    # a hard link to an article, and a file outside PATH that --follow-symlinks reads as one:
    # neither is under PATH, both are an article suggest read, and -o must not replace it
    from reader.cli.suggest_export import write_suggestions

    story = tmp_path / "story"
    story.mkdir()
    article = story / "a.txt"
    article.write_text("The bridge closed on Monday after the storm.\n")
    outside = tmp_path / "outside.txt"
    outside.write_text("The bridge closed on Monday, officials said.\n")
    (story / "b.txt").symlink_to(outside)
    hard = tmp_path / "copy.jsonl"
    os.link(article, hard)
    for out in (hard, outside):
        with pytest.raises(StoreError, match="is an article of"):
            write_suggestions(story, out, follow_symlinks=True)
    assert article.read_text() == "The bridge closed on Monday after the storm.\n"
    assert outside.read_text() == "The bridge closed on Monday, officials said.\n"


def test_an_output_named_as_long_as_the_folder_allows_is_written(store, tmp_path):
    # a 250-byte name (the shell writes it: `> name`) said "File name too long": the temporary
    # file made beside it, named after it, was longer than a name may be
    store.close()
    out = tmp_path / ("n" * 246 + ".csv")
    write(out)
    assert out.read_text() == "new\n"
    write(out, "newer\n")  # over an existing one too
    assert out.read_text() == "newer\n"
    team = tmp_path / ("t" * 244 + ".db")  # room left for SQLite's -journal beside it
    proc = crossread("merge", str(tmp_path / "w.db"), "-o", str(team))
    assert proc.returncode == 0, proc.stderr
    assert crossread("stats", "--db", str(team)).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["w.db", out.name, team.name])


def test_a_database_name_with_no_room_for_its_journal_is_one_clear_line(store, tmp_path):
    # SQLite said only "unable to open database file": its "-journal" would not fit beside it
    store.close()
    long = tmp_path / ("d" * 250 + ".db")
    for args in (
        ("merge", str(tmp_path / "w.db"), "-o", str(long)),
        ("import", str(tmp_path), "--db", str(long)),
    ):
        proc = crossread(*args)
        assert proc.returncode == 2, proc.stderr
        line = proc.stderr.strip()
        assert "\n" not in line and "name is too long for SQLite" in line, line
        assert "(253 bytes, at most 247" in line, line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.db"]
