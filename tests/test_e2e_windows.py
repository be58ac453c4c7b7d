"""Two app windows, same reviewer, same database, under tmux: each sees the other's tags
within two seconds, and each window's ctrl+z reverts only its own change."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from test_e2e_tmux import SEEDS, TMUX, crossread_command, tmux, wait_for

from annotations.store import Store

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


def labelled(db: Path) -> dict[int, str]:
    """Claim index in the first article -> label, as the database holds it."""
    with Store.open(db) as s:
        story = s.stories()[0]
        first = s.articles(story)[0].name
        index = {c.id: c.index for c in s.claims(story, first)}
        return {index[a.claim_id]: a.label for a in s.annotations(reviewer="pat") if a.label}


def until(check, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


def test_two_windows_same_reviewer(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    db = tmp_path / "team.db"
    subprocess.run([*crossread_command(), "import", str(tmp_path / "seeds"), "--db", str(db)],
                   check=True, capture_output=True)  # fmt: skip
    cmd = shlex.join([*crossread_command(), "--db", str(db), "--reviewer", "pat"])
    cfg = shlex.quote(os.environ["CROSSREAD_CONFIG_DIR"])  # tests/conftest.py: never the real one
    cmd = f"env CROSSREAD_CONFIG_DIR={cfg} {cmd}"
    one, two = (f"crossread-win{i}-{os.getpid()}" for i in (1, 2))
    for name in (one, two):
        tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "36",
             f"cd {shlex.quote(str(tmp_path))} && exec {cmd}")  # fmt: skip
    try:
        screen = wait_for(one, " tagged")
        wait_for(two, " tagged")
        total = re.search(r"0/(\d+) tagged", screen).group(1)
        tmux("send-keys", "-t", one, "c")  # window 1 tags claim 1 (and moves on)
        until(lambda: labelled(db) == {0: "consistent"})
        start = time.monotonic()
        wait_for(two, f"1/{total} tagged", timeout=2.0)  # window 2 shows it within 2 s
        assert time.monotonic() - start <= 2.0
        tmux("send-keys", "-t", two, "j", "j", "x")  # window 2 tags claim 3
        until(lambda: labelled(db) == {0: "consistent", 2: "contradicted"})
        wait_for(one, f"2/{total} tagged", timeout=2.0)
        tmux("send-keys", "-t", one, "C-z")  # window 1's undo: its own tag only
        until(lambda: labelled(db) == {2: "contradicted"})
        time.sleep(0.5)
        assert labelled(db) == {2: "contradicted"}
        wait_for(two, f"1/{total} tagged", timeout=2.0)
        tmux("send-keys", "-t", two, "C-z")  # window 2's undo: its own tag
        until(lambda: labelled(db) == {})
        tmux("send-keys", "-t", one, "C-z")  # window 1 has nothing left to undo
        wait_for(one, "Nothing to undo", timeout=5.0)
        assert labelled(db) == {}
    finally:
        for name in (one, two):
            subprocess.run([TMUX, "kill-session", "-t", name], capture_output=True)
