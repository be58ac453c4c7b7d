"""Cold start: process start to first painted screen, crossread vs a minimal Textual app.

Both run as fresh subprocesses in a pseudo-terminal and exit themselves right after their first
paint (CROSSREAD_EXIT_AFTER_PAINT). The figure is the best of N runs and the ratio of the two.

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

MINIMAL = """
import os
from textual.app import App
from textual.widgets import Footer, Header, Static

class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("hello")
        yield Footer()

    def on_mount(self):
        if os.environ.get("CROSSREAD_EXIT_AFTER_PAINT"):
            self.call_after_refresh(self.exit)

Minimal().run()
"""

CROSSREAD = """
import sys
from reader.ui import run_app
run_app(sys.argv[1], "bench")
"""


def time_run(code: str, *args: str) -> float:
    """Seconds from spawning `python -c code` to its exit, with a pty as its terminal."""
    env = {**os.environ, "CROSSREAD_EXIT_AFTER_PAINT": "1", "COLUMNS": "120", "LINES": "36"}
    leader, follower = pty.openpty()
    # a pty starts at 0x0; give it a real size or the app has nothing to paint
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,  # Textual draws on stderr: it must be the terminal too
        env=env,
    )
    os.close(follower)
    # drain the terminal output so the app never blocks writing to it
    deadline = started + 30
    while proc.poll() is None and time.perf_counter() < deadline:
        if select.select([leader], [], [], 0.05)[0]:
            try:
                os.read(leader, 65536)
            except OSError:  # EIO: the child closed the terminal, it is exiting
                break
    try:
        proc.wait(timeout=max(0.1, deadline - time.perf_counter()))
    except subprocess.TimeoutExpired:
        proc.kill()
        raise SystemExit("the app did not exit after its first paint within 30 s") from None
    elapsed = time.perf_counter() - started
    os.close(leader)
    if proc.returncode:
        raise SystemExit(f"the app exited with status {proc.returncode}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        from annotations.store import Store
        from reader.pipeline import import_path

        shutil.copytree(SEEDS, Path(tmp) / "seeds")
        store = Store.open(db)
        import_path(store, Path(tmp) / "seeds")
        store.close()
        minimal, app = [], []
        for _ in range(runs):  # interleaved, so drift in machine load hits both alike
            minimal.append(time_run(MINIMAL))
            app.append(time_run(CROSSREAD, db))
    best_minimal, best_app = min(minimal), min(app)
    print(f"minimal Textual app: best {best_minimal * 1000:.0f} ms of {runs} runs")
    print(f"crossread on seeds:  best {best_app * 1000:.0f} ms of {runs} runs")
    print(f"ratio: {best_app / best_minimal:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
