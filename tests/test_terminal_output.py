"""export / suggest to a terminal show control characters escaped; pipes get the exact data."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotations.store import Store

EVIL_NOTE = "title\x1b]0;pwned\x07 red\x1b[31m bell\x07 c1\x9b rtl\u202eexe"
EVIL_NAME = "evil\x1b[31m\u202e.txt"


def read_terminal(leader: int, seconds: float | None = None) -> bytes:
    """All a child printed on the pseudo-terminal `leader` until it closed it, or at the latest
    once `seconds` pass (an app waiting for keys never closes it)."""
    shown = b""
    deadline = None if seconds is None else time.monotonic() + seconds
    while (
        deadline is None or select.select([leader], [], [], max(0, deadline - time.monotonic()))[0]
    ):
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    return shown


def on_terminal(*args: str, streams: str = "stdout") -> tuple[int, bytes]:
    """Run crossread with `streams` ("stdout", "stderr" or "both") on a pseudo-terminal (the
    other to /dev/null); its exit status and all it printed there."""
    leader, follower = pty.openpty()
    out = follower if streams in ("stdout", "both") else subprocess.DEVNULL
    err = follower if streams in ("stderr", "both") else subprocess.DEVNULL
    proc = subprocess.Popen([sys.executable, "-m", "reader", *args], stdout=out, stderr=err)
    os.close(follower)
    shown = read_terminal(leader)
    code = proc.wait(timeout=120)
    os.close(leader)
    return code, shown


def run_on_terminal(*args: str) -> bytes:
    """Run crossread, which must succeed, with its standard output on a pseudo-terminal."""
    code, shown = on_terminal(*args)
    assert code == 0, shown
    return shown


HARMFUL = (b"\x1b]0;pwned", b"\x07", b"\x1b[31m")  # retitle the terminal, bell, red


def story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / EVIL_NAME).write_text("The bridge closed on Monday after the storm, police said.\n")
    (folder / "b.txt").write_text("The bridge closed on Monday, officials said.\n")
    return folder


def test_export_and_suggest_to_a_terminal_escape_control_characters(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    subprocess.run(
        [sys.executable, "-m", "reader", "import", str(story(tmp_path)), "--db", str(db)],
        check=True, capture_output=True,
    )  # fmt: skip
    with Store.open(db) as s:
        s.set_note(s.claims("story")[0].id, "ana", EVIL_NOTE)
    for args in (["export", "--db", str(db)], ["export", "--format", "jsonl", "--db", str(db)],
                 ["suggest", str(tmp_path / "story")]):  # fmt: skip
        shown = run_on_terminal(*args)
        for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
            assert raw.encode() not in shown, (args, raw)
        assert b"\\u202e" in shown  # still there to see, harmless
        if args[0] == "export" and "jsonl" not in args:
            assert b"\\x1b[31m" in shown and b"\\x9b" in shown
    # a pipe gets the exact data
    piped = subprocess.run(
        [sys.executable, "-m", "reader", "export", "--db", str(db)], capture_output=True
    ).stdout
    assert EVIL_NOTE.encode() in piped and EVIL_NAME.encode() in piped


def test_a_usage_error_shows_a_hostile_argument_harmless(tmp_path: Path) -> None:
    # `crossread stats *` in a folder holding a file named to drive the terminal
    evil = "notes\x1b]0;pwned\x07\x1b[31m.txt"
    db = str(tmp_path / "x.db")
    for args in (["stats", "--db", db, evil], ["export", "--db", db, "a", evil]):
        code, shown = on_terminal(*args, streams="both")
        assert code == 2
        assert b"crossread: error: " in shown and b"]0;pwned" in shown, shown
        for raw in HARMFUL:
            assert raw not in shown, (args, raw)


def test_the_import_progress_bar_shows_a_hostile_folder_name_escaped(tmp_path: Path) -> None:
    corpus = tmp_path / "news\x1b]0;pwned\x07\x1b[31m"  # would retitle the terminal, then red
    for name in ("one", "two"):  # two stories: the import shows a progress bar
        (corpus / name).mkdir(parents=True)
        (corpus / name / "a.txt").write_text("The bridge closed on Monday, police said.\n")
        (corpus / name / "b.txt").write_text("The bridge closed on Monday, officials said.\n")
    code, shown = on_terminal(
        "import", str(corpus), "--db", str(tmp_path / "x.db"), streams="stderr"
    )
    assert code == 0
    assert b"Importing" in shown and b"100%" in shown
    for raw in HARMFUL:
        assert raw not in shown, raw
    assert b"news\\x1b]0;pwned" in shown  # the name escaped, as the summary shows it


def test_export_under_a_locale_that_is_not_utf8_writes_every_character(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LANG=en_US.ISO-8859-1 (here PYTHONIOENCODING): the first ’ ended the export with a
    traceback. A pipe gets the same UTF-8 bytes as a -o file; a terminal shows ’ escaped."""
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "café.txt").write_text("The bridge’s span closed on Monday, police said.\n")
    (folder / "b.txt").write_text("The bridge closed on Monday, officials said.\n")
    db = tmp_path / "x.db"
    subprocess.run(
        [sys.executable, "-m", "reader", "import", str(folder), "--db", str(db)],
        check=True, capture_output=True,
    )  # fmt: skip
    as_file = tmp_path / "out.csv"
    args = ["export", "--all", "--db", str(db)]
    subprocess.run([sys.executable, "-m", "reader", *args, "-o", str(as_file)], check=True)
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    for extra in ([], ["--format", "jsonl"]):
        piped = subprocess.run(
            [sys.executable, "-m", "reader", *args, *extra], capture_output=True, env=env
        )
        assert piped.returncode == 0, piped.stderr
        if not extra:
            assert piped.stdout == as_file.read_bytes()
        assert "bridge’s".encode() in piped.stdout
    monkeypatch.setenv("PYTHONIOENCODING", "latin-1")
    shown = run_on_terminal(*args)
    assert b"bridge\\u2019s" in shown and "café".encode("latin-1") in shown


def test_the_app_without_a_terminal_to_read_or_draw_on_says_so_and_ends(tmp_path: Path) -> None:
    """`crossread < /dev/null` drew a screen no key could reach, and `crossread 2>log` filled
    the log with screen codes and left the terminal blank; both ran until killed."""
    folder = story(tmp_path)
    cmd = [sys.executable, "-m", "reader", str(folder), "--db", str(tmp_path / "x.db")]
    no_input = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    assert no_input.returncode == 2
    assert no_input.stderr.decode().count("\n") == 1
    assert "reads keys from a terminal, and standard input is not one" in no_input.stderr.decode()
    # keys and the screen's standard output on a terminal, standard error to a file
    leader, follower = pty.openpty()
    with (tmp_path / "log").open("wb") as log:
        proc = subprocess.Popen(cmd, stdin=follower, stdout=follower, stderr=log)
        os.close(follower)
        shown = read_terminal(leader, seconds=60)
        proc.kill()  # (when it still runs: the app waiting for keys)
        assert proc.wait(timeout=60) == 2
    os.close(leader)
    assert b"draws on standard error, and it is not a terminal" in shown
    assert (tmp_path / "log").read_bytes() == b""
    with Store.open(tmp_path / "x.db") as s:  # the import it did first is kept
        assert s.stories() == ["story"]


def first_frame_size(shown: bytes) -> tuple[int, int]:
    """The rows and columns of the app's first frame, from its cursor moves and line ends."""
    import re

    rows: list[int] = []
    for row, _ in re.findall(rb"\x1b\[(\d+);(\d+)H", shown):
        if rows and int(row) == 1 and rows[-1] > 1:
            break  # the next frame
        rows.append(int(row))
    status = shown.split(b"\x1b[1;1H", 1)[1].split(b"\r\n", 1)[0]  # the status line, drawn whole
    text = re.sub(rb"\x1b\[[\d;?]*[A-Za-z]", b"", status).decode("utf-8")
    return max(rows), len(text)


@pytest.mark.parametrize(
    "env, stdout",
    [({"COLUMNS": "40", "LINES": "10"}, "terminal"), ({}, "file")],
    ids=["stale COLUMNS and LINES", "standard output to a file"],
)
def test_the_app_fills_the_terminal_it_draws_on(tmp_path: Path, env: dict, stdout: str) -> None:
    # $COLUMNS/$LINES exported by a shell drew the app in a corner of a bigger terminal; with
    # standard output to a file (the app draws on standard error) it was drawn 80×24 whatever
    # the terminal's size, over what the terminal showed before
    import fcntl
    import struct
    import termios

    folder = story(tmp_path)
    db = str(tmp_path / "x.db")
    assert (
        subprocess.run([sys.executable, "-m", "reader", "import", folder, "--db", db]).returncode
        == 0
    )
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))  # 100×30
    environ = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    environ.update(env, CROSSREAD_EXIT_AFTER_PAINT="1")
    with (tmp_path / "out").open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "reader", "--db", db], env=environ, stdin=follower,
            stdout=follower if stdout == "terminal" else out, stderr=follower,
        )  # fmt: skip
        os.close(follower)
        shown = read_terminal(leader, seconds=60)
        assert proc.wait(timeout=60) == 0
    os.close(leader)
    assert first_frame_size(shown) == (30, 100)


def test_the_import_bar_fits_a_narrow_terminal(tmp_path: Path) -> None:
    # on a 40-column terminal (a split pane, a phone's SSH) the 90-column bar line wrapped, and
    # each redraw (a carriage return goes back one line only) added two lines to the screen
    import fcntl
    import re
    import struct
    import termios

    from reader.models import cell_len

    corpus = tmp_path / "a folder of stories with a long name to show"
    for k in range(3):
        story = corpus / f"story{k}"
        story.mkdir(parents=True)
        (story / "a.txt").write_text(f"Flood {k}\n\nThe river rose on Monday.\n")
        (story / "b.txt").write_text(f"Flood {k}\n\nThe river rose by two metres on Monday.\n")
    for columns in (40, 60, 100):
        leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        proc = subprocess.Popen(
            [sys.executable, "-m", "reader", "import", str(corpus), "--jobs", "1",
             "--db", str(tmp_path / f"x{columns}.db")],
            stdout=subprocess.DEVNULL, stderr=follower, env=env,
        )  # fmt: skip
        os.close(follower)
        shown = read_terminal(leader)
        assert proc.wait(timeout=120) == 0
        os.close(leader)
        text = re.sub(r"\x1b\[\?25[lh]", "", shown.decode())  # (the cursor hidden, shown)
        drawn = [line for line in re.split(r"[\r\n]+", text) if line.startswith("Importing")]
        assert len(drawn) >= 3, text
        assert all(cell_len(line) < columns for line in drawn), (columns, drawn)
        assert any("[" in line and "%" in line for line in drawn), drawn  # a bar, with its share
