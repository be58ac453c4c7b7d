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


def pane_command(folder: Path, cmd: list[str]) -> str:
    """The shell line that runs `cmd` in `folder` as the pane's own process (exec, so a kill
    of the pane's process reaches it), with the tests' config folder, never the real one."""
    cfg = shlex.quote(os.environ["CROSSREAD_CONFIG_DIR"])  # tests/conftest.py
    return f"cd {shlex.quote(str(folder))} && exec env CROSSREAD_CONFIG_DIR={cfg} {shlex.join(cmd)}"


def test_three_tags_survive_kill_9(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    db = tmp_path / "e2e.db"
    cmd = [*crossread_command(), str(tmp_path / "seeds"), "--db", str(db), "--reviewer", "e2e"]
    session = f"crossread-e2e-{os.getpid()}"
    shell = pane_command(tmp_path, cmd)
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


def test_a_closed_terminal_keeps_the_place_and_frees_the_undo_history(tmp_path: Path) -> None:
    # closing the terminal (SIGHUP, as a dropped SSH connection) killed the app: it reopened
    # where the reviewer had been a second before, and its window stayed "open" for 30 s, its
    # changes no other window's to undo meanwhile
    db = tmp_path / "hup.db"
    cmd = [*crossread_command(), str(SEEDS), "--db", str(db), "--reviewer", "e2e"]
    session = f"crossread-hup-{os.getpid()}"
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "36", pane_command(tmp_path, cmd))
    try:
        wait_for(session, " tagged")
        pid = int(tmux("list-panes", "-t", session, "-F", "#{pane_pid}").split()[0])
        tmux("send-keys", "-t", session, "j", "j", "j")
        wait_for(session, "claim 4/")
    finally:
        subprocess.run([TMUX, "kill-session", "-t", session], capture_output=True)
    deadline = time.monotonic() + 20
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    with Store.open(db) as store:
        story = store.stories()[0]
        fourth = store.claims(story, store.articles(story)[0].name)[3]
        assert store.get_state("e2e", "claim") == fourth.id
        keys = [k for (k,) in store.conn.execute("SELECT key FROM state WHERE reviewer = 'e2e'")]
    assert not [k for k in keys if k.startswith("session:")]


def running_with(text: str) -> list[str]:
    """The command lines of this machine's processes that mention `text`."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:  # gone meanwhile
            continue
        line = b" ".join(args).decode("utf-8", "replace")
        if text in line:
            found.append(line)
    return found


def none_left(text: str, timeout: float = 10) -> list[str]:
    """`running_with(text)` once it is empty, or as it is after `timeout` seconds: an import's
    forked workers die with it (a parent-death signal), a moment after it on a loaded
    machine."""
    deadline = time.monotonic() + timeout
    while (left := running_with(text)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def gone(session: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if subprocess.run([TMUX, "has-session", "-t", session], capture_output=True).returncode:
            return
        time.sleep(0.1)
    raise AssertionError(f"{session} did not exit")


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
def test_a_long_story_opens_before_its_analysis_which_the_app_waits_for_or_stops(
    tmp_path: Path,
) -> None:
    # a 2 MB article took as long to open as to import: its claims are shown at once now, and
    # its evidence and suggestions come from a background import
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from corpus import write_corpus

    write_corpus(tmp_path / "corpus", 1, articles=4, sentences=1_500)
    story = tmp_path / "corpus" / "story00000"
    db = tmp_path / "long.db"
    cmd = [*crossread_command(), str(story), "--db", str(db), "--reviewer", "e2e"]
    shell = pane_command(tmp_path, cmd)

    def analysed() -> set[str]:
        with Store.open(db) as store:
            return store.analysing()

    session = f"crossread-long-{os.getpid()}"
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "36", shell)
    try:
        wait_for(session, "analysing…")
        tmux("send-keys", "-t", session, "q")  # quit before the analysis is done
        gone(session)
    finally:
        subprocess.run([TMUX, "kill-session", "-t", session], capture_output=True)
    assert none_left(str(db)) == []  # the background import was stopped with the app
    assert analysed() == {"story00000"}  # and said nothing was stored: the next open redoes it

    # `crossread` with no path opens the database: what was left to analyse is finished too
    again = [*crossread_command(), "--db", str(db), "--reviewer", "e2e"]
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "36", pane_command(tmp_path, again))
    try:
        wait_for(session, "analysing…")
        screen = wait_for(session, "Suggested:", timeout=120)
        assert "analysing…" not in screen
        tmux("send-keys", "-t", session, "q")
        gone(session)
    finally:
        subprocess.run([TMUX, "kill-session", "-t", session], capture_output=True)
    assert analysed() == set()
    with Store.open(db) as store:
        claims = store.claims("story00000")
        assert len(claims) > 5_000 and store.suggestion(claims[0].id) is not None
