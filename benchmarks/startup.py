"""Cold start: process start to first painted screen, crossread vs a minimal Textual app.

Both run as fresh subprocesses in a pseudo-terminal and exit themselves right after their first
paint (CROSSREAD_EXIT_AFTER_PAINT), having written the time of that paint to a file. Figures: the
best of N runs to the first paint and to the exit (which adds closing the terminal and the
database), and the ratios of the two apps. crossread's modules are byte-compiled first, as an
installed package is.

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
import time
from textual.app import App
from textual.widgets import Footer, Header, Static

class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("hello")
        yield Footer()

    def on_mount(self):
        if os.environ.get("CROSSREAD_EXIT_AFTER_PAINT"):
            self.call_after_refresh(self.painted)

    def painted(self):
        stamp = os.environ["CROSSREAD_EXIT_AFTER_PAINT"]
        if stamp != "1":
            open(stamp, "w").write(repr(time.time()))
        self.exit()

Minimal().run()
"""

CROSSREAD = """
import sys
from reader.ui import run_app
run_app(sys.argv[1], "bench")
"""


def compile_sources() -> None:
    """Byte-compile crossread's modules, as `pip install` does, so that no run compiles them:
    under PYTHONDONTWRITEBYTECODE or an editable install every start would pay for it. The
    bytecode is checked against a hash of its source, so it is never stale in a working tree
    edited within the second (mtime checks are by the second)."""
    import compileall
    import py_compile

    import annotations
    import reader

    for package in (reader, annotations):
        compileall.compile_dir(
            Path(package.__file__).parent,
            quiet=1,
            invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH,
        )


def time_run(code: str, *args: str) -> float:
    """Seconds from spawning `python -c code` to its exit, with a pty as its terminal."""
    return _run(code, args, "1")


def first_paint(code: str, *args: str) -> float:
    """Seconds from spawning `python -c code` to its first painted frame."""
    with tempfile.TemporaryDirectory() as tmp:
        stamp = Path(tmp) / "painted"
        spawned = time.time()
        _run(code, args, str(stamp))
        return float(stamp.read_text()) - spawned


def _run(code: str, args: tuple[str, ...], stamp: str) -> float:
    env = {**os.environ, "CROSSREAD_EXIT_AFTER_PAINT": stamp, "COLUMNS": "120", "LINES": "36"}
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
    compile_sources()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        from annotations.store import Store
        from reader.pipeline import import_path

        shutil.copytree(SEEDS, Path(tmp) / "seeds")
        store = Store.open(db)
        import_path(store, Path(tmp) / "seeds")
        store.close()
        minimal, app, minimal_paint, app_paint = [], [], [], []
        for _ in range(runs):  # interleaved, so drift in machine load hits both alike
            minimal.append(time_run(MINIMAL))
            app.append(time_run(CROSSREAD, db))
            minimal_paint.append(first_paint(MINIMAL))
            app_paint.append(first_paint(CROSSREAD, db))
    for what, bare, ours, goal in (
        ("start to first paint", minimal_paint, app_paint, "1.2"),
        ("start to exit after the first paint", minimal, app, "1.5"),
    ):
        print(f"{what}: minimal Textual app {min(bare) * 1000:.0f} ms, crossread on seeds "
              f"{min(ours) * 1000:.0f} ms (best of {runs}): {min(ours) / min(bare):.2f}x "
              f"(target <= {goal}x)")  # fmt: skip


if __name__ == "__main__":
    main()
