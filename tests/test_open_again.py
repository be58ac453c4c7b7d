"""A second connection in the same process (the app's writer and story reader) must not drop the
first one's locks: another program would then delete the write-ahead log still in use, and every
later commit of this process would go to a deleted file (shown as saved, lost)."""

from __future__ import annotations

import subprocess
import sys

from storyfactory import seed_story

from annotations.store import Store


def other_program(db: str, sql: str) -> str:
    code = f"import sqlite3; c = sqlite3.connect({db!r}); print(c.execute({sql!r}).fetchall())"
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_a_second_connection_never_opens_the_file_outside_sqlite(tmp_path, monkeypatch):
    # closing any descriptor of the file drops all of the process's locks on it (POSIX): the
    # header check of Store.open did, and two app windows lost their commits (tests/
    # test_e2e_windows.py saw the second window delete the first one's write-ahead log)
    import builtins
    import pathlib

    db = str(tmp_path / "w.db")
    main = Store.open(db)
    opened: list[str] = []
    real_open, real_path_open = builtins.open, pathlib.Path.open

    def watch_open(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    def watch_path_open(self, *args, **kwargs):
        opened.append(str(self))
        return real_path_open(self, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", watch_open)
    monkeypatch.setattr(pathlib.Path, "open", watch_path_open)
    try:
        main.open_again().close()
        main.open_again(read_only=True).close()
        assert not [f for f in opened if f.startswith(db)]
        Store.open(db).close()  # the first open of a file checks its header: that one does
        assert [f for f in opened if f.startswith(db)]
    finally:
        main.close()


def test_a_second_connection_keeps_the_commits_of_the_first_visible(tmp_path):
    db = str(tmp_path / "w.db")
    story = seed_story()
    claim = story.claims()[0].id
    main = Store.open(db)
    try:
        main.import_story(story, [])
        writer = Store.open(db)  # BUG CHECK
        reader = main.open_again(read_only=True)  # and its story reader
        other_program(db, "SELECT 1")  # another program comes and goes
        writer.set_label(claim, "consistent", "ana")
        assert other_program(db, "SELECT label FROM annotations") == "[('consistent',)]"
        assert reader.annotation(claim, "ana").label == "consistent"
        writer.close()
        reader.close()
    finally:
        main.close()
