"""A hostile corpus, made here, read by `import`, `suggest` and the app under tmux.

Names with escapes and bytes that are not UTF-8, a symlink out of the corpus, a stray NUL, a
stray invalid byte, cp1251, UTF-16 without a BOM, a FIFO and a symlink loop, beside two ordinary
articles: nothing may end in a traceback, and the user is told what was skipped or repaired.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotations.store import Store

TMUX = shutil.which("tmux")
ENGLISH = (
    "The talks in Geneva ended on Monday without a breakthrough, officials said. "
    "Both delegations agreed to meet again next week in Vienna.\n"
)
OTHER = (
    "Talks in Geneva ended on Monday with no breakthrough, a spokesman said. "
    "The delegations will meet again in Vienna next week.\n"
)
RUSSIAN = (
    "Москва заявила, что переговоры в Женеве прошли конструктивно, но без прорыва. "
    "Стороны договорились продолжить диалог на следующей неделе в Вене. "
    "Представитель министерства отметил, что позиции сторон по-прежнему расходятся.\n"
) * 2
ESCAPED_NAME = "evil\x1b]0;pwned\x07\x1b[31m\u202etxt.txt"


def make_hostile_corpus(root: Path) -> Path:
    """The story folder `root/hostile`, and a secret file beside it that a symlink points to."""
    (root / "secret.txt").write_text("root:x:0:0: the password is swordfish, said the admin.\n")
    story = root / "hostile"
    story.mkdir()
    (story / "a.txt").write_text(ENGLISH)
    (story / "b.txt").write_text(OTHER)
    (story / ESCAPED_NAME).write_text(OTHER.replace("spokesman", "\x1b[31mspokesman\x1b[0m"))
    (story / os.fsdecode(b"caf\xe9.txt")).write_text(ENGLISH)
    (story / "passwd.txt").symlink_to(root / "secret.txt")
    (story / "nul.txt").write_bytes(ENGLISH.encode() * 2 + b"\x00" + OTHER.encode())
    (story / "stray.txt").write_bytes("Zürich: ".encode() + b"\xff" + ENGLISH.encode())
    (story / "ru.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (story / "utf16.txt").write_bytes((ENGLISH * 2).encode("utf-16-le"))
    os.mkfifo(story / "pipe.txt")
    (story / "loop.txt").symlink_to("loop.txt")
    return story


def crossread(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip


EXPECTED_SKIPS = {
    "passwd.txt": b"symbolic link out of the corpus",
    "pipe.txt": b"not a regular file",
    "loop.txt": b"cannot read",
}
EXPECTED_WARNINGS = {
    "ru.txt": b"decoded as cp1251",
    "stray.txt": b"1 invalid UTF-8 sequence(s) replaced with U+FFFD (first at byte 9)",
    "nul.txt": b"(1 NUL) replaced with U+FFFD",
    "caf\\xe9.txt": b"file name is not valid UTF-8",
    "utf16.txt": b"decoded as utf-16-le",
}


def assert_user_was_told(output: bytes) -> None:
    """No traceback, no raw escape, and one line per skipped or repaired file saying why."""
    assert b"Traceback" not in output
    assert b"\x1b" not in output and "\u202e".encode() not in output
    lines = [ln.strip() for ln in output.splitlines()]
    for name, reason in EXPECTED_SKIPS.items():
        said = [ln for ln in lines if ln.startswith(b"skipped ") and f"/{name}:".encode() in ln]
        assert len(said) == 1 and reason in said[0], (name, said)
    for name, warning in EXPECTED_WARNINGS.items():
        said = [ln for ln in lines if ln.startswith(f"warning hostile/{name}: ".encode())]
        assert any(warning in ln for ln in said), (name, said)


def test_import_reads_every_readable_file_and_says_what_it_skipped(tmp_path: Path) -> None:
    story = make_hostile_corpus(tmp_path)
    db = tmp_path / "x.db"
    proc = crossread("import", str(story), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    assert_user_was_told(proc.stdout + proc.stderr)
    with Store.open(db) as s:
        names = {a.name for a in s.articles("hostile")}
        texts = {a.name: a.text for a in s.articles("hostile")}
    assert names == {"a.txt", "b.txt", ESCAPED_NAME, "caf\\xe9.txt", "nul.txt", "stray.txt",
                     "ru.txt", "utf16.txt"}  # fmt: skip
    assert texts["ru.txt"] == RUSSIAN and texts["utf16.txt"] == ENGLISH * 2
    assert texts["stray.txt"].startswith("Zürich: \ufffd")
    assert not any("swordfish" in t for t in texts.values())
    export = crossread("export", "--all", "--db", str(db))
    assert export.returncode == 0 and b"swordfish" not in export.stdout


def test_suggest_reads_the_same_and_says_the_same(tmp_path: Path) -> None:
    story = make_hostile_corpus(tmp_path)
    proc = crossread("suggest", str(story))
    assert proc.returncode == 0, proc.stderr
    assert_user_was_told(proc.stderr)
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert {r["article"] for r in records} >= {"ru.txt", "utf16.txt", "caf\\xe9.txt"}
    out = tmp_path / "s.jsonl"
    assert crossread("suggest", str(story), "-o", str(out)).returncode == 0
    assert len(out.read_text().splitlines()) == len(records)


def tmux(*args: str) -> str:
    assert TMUX is not None
    return subprocess.run(
        [TMUX, *args], check=True, capture_output=True, text=True, timeout=20
    ).stdout


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed")
def test_the_app_opens_the_hostile_corpus_in_a_real_terminal(tmp_path: Path) -> None:
    story = make_hostile_corpus(tmp_path)
    db = tmp_path / "x.db"
    cmd = [sys.executable, "-m", "reader", str(story), "--db", str(db), "--reviewer", "t"]
    # the app draws on stderr; what import said stays in the main screen, seen after `q`
    shell = f"{shlex.join(cmd)}; echo EXIT=$?; sleep 30"
    session = f"crossread-hostile-{os.getpid()}"
    tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", shell)
    try:
        deadline, screen = time.monotonic() + 90, ""
        while time.monotonic() < deadline and " tagged" not in screen:
            time.sleep(0.3)
            screen = tmux("capture-pane", "-p", "-t", session)
        assert " tagged" in screen, screen
        for key in ("]", "]", "]", "]", "c"):  # walk through the articles, tag one claim
            tmux("send-keys", "-t", session, key)
            time.sleep(0.3)
        screen = tmux("capture-pane", "-p", "-e", "-t", session)  # with escapes, as drawn
        assert "pwned" not in tmux("display-message", "-p", "-t", session, "#{pane_title}")
        tmux("send-keys", "-t", session, "q")
        while time.monotonic() < deadline and "EXIT=" not in screen:
            time.sleep(0.3)
            screen = tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", session)
    finally:
        subprocess.run([TMUX, "kill-session", "-t", session], capture_output=True)
    assert "EXIT=0" in screen, screen
    assert_user_was_told(screen.encode())
    with Store.open(db) as s:
        assert [a.label for a in s.annotations(reviewer="t")] == ["consistent"]
