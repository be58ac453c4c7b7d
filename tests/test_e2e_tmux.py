"""End to end in a real terminal: the installed `crossread` under tmux, tags three claims, kill -9.

The three tags must be in the database even though the process never got to shut down.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotations.store import Store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
TMUX = shutil.which("tmux")

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


def crossread_command() -> list[str]:
    installed = shutil.which("crossread") or shutil.which(
        "crossread", path=str(Path(sys.executable).parent)
    )
    return [installed] if installed else [sys.executable, "-m", "reader"]


def tmux(*args: str) -> str:
    return subprocess.run(
        [TMUX, *args], check=True, capture_output=True, text=True, timeout=20
    ).stdout


def wait_for(session: str, text: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared on screen:\n{screen}")


def test_three_tags_survive_kill_9(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    db = tmp_path / "e2e.db"
    cmd = [*crossread_command(), str(tmp_path / "seeds"), "--db", str(db), "--reviewer", "e2e"]
    session = f"crossread-e2e-{os.getpid()}"
    # exec, so the pane's process is crossread itself and the kill below reaches it
    cfg = shlex.quote(os.environ["CROSSREAD_CONFIG_DIR"])  # tests/conftest.py: never the real one
    shell = (
        f"cd {shlex.quote(str(tmp_path))} && exec env CROSSREAD_CONFIG_DIR={cfg} {shlex.join(cmd)}"
    )
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "36", shell)
    try:
        screen = wait_for(session, " tagged")
        total = re.search(r"0/(\d+) tagged", screen).group(1)
        pid = int(tmux("list-panes", "-t", session, "-F", "#{pane_pid}").split()[0])
        for key in ("c", "x", "u"):
            tmux("send-keys", "-t", session, key)
            time.sleep(0.3)
        wait_for(session, f"3/{total} tagged")  # the screen says saved: now pull the plug
        os.kill(pid, signal.SIGKILL)
    finally:
        subprocess.run([TMUX, "kill-session", "-t", session], capture_output=True)
    store = Store.open(db)
    try:
        got = {a.claim_text[:30]: a.label for a in store.annotations(reviewer="e2e")}
        claims = store.claims(store.stories()[0], store.articles(store.stories()[0])[0].name)[:3]
    finally:
        store.close()
    assert got == {
        claims[0].text[:30]: "consistent",
        claims[1].text[:30]: "contradicted",
        claims[2].text[:30]: "unverified",
    }
