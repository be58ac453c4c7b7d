"""A long story's analysis (or a big corpus's) in a background process, while the review app
shows its claims.

`crossread PATH` stores a long story's articles and claims first (`Store.import_claims`, a
second or two for a 2 MB article; so too every story of a corpus past a long story's worth of
sentences) and opens the app on them at once; their evidence and suggestions, which take
seconds more, are worked out by `crossread import PATH` in another process, started here. The
app notices their commit as it notices any other process's writes (`reader.ui.watch`). The
process is stopped when the app closes: its transaction is then never committed, the stories
stay marked as analysing, and the next import or open works them out again.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence

STOP_WAIT_S = 5.0  # after asking the process to stop, before killing it
# the steps a long story's import says it starts (`reader.cli.main.StoryBar.phase`): "PATH:
# aligning 30,252 sentences of 3 articles… (0.7 s)"; and, with --progress-lines, how many of
# its stories or paths are done: "PATH: 12 of 191 done… (3.1 s)"; or that another import (the
# app's in another window) is analysing the story, and it waits for it
_STEP = re.compile(
    r": (aligning|suggesting labels|saving|waiting for another import"
    r"|[\d,]+ of [\d,]+(?: stories)? done)\b[^\n]*… "
    r"\([\d.]+ s\)$",
    re.MULTILINE,
)


def last_step(said: str) -> str:
    """The step an import's error output `said` it started last ("aligning", "suggesting
    labels", "saving", "waiting for another import", "12 of 191 done"), or "" before the
    first."""
    steps = _STEP.findall(said)
    return steps[-1] if steps else ""


class BackgroundImport:
    """`crossread import` of some paths into a database, in a process of its own."""

    def __init__(self, paths: Sequence[str], db: str, options: Sequence[str] = ()) -> None:
        """`options`: more of `crossread import`'s options (`--max-mb 5`)."""
        # what it says on failure, read back for the app's message (its output is nobody's);
        # open as long as the process runs, closed by `stop`
        self.log = tempfile.TemporaryFile()  # noqa: SIM115
        # the paths in a file, not as arguments: tens of thousands of stories' paths are more
        # than a command line holds; removed by `stop`
        with tempfile.NamedTemporaryFile(prefix="crossread-paths-", delete=False) as listed:
            listed.write(b"".join(os.fsencode(p) + b"\0" for p in paths))
        self.listed = listed.name
        # "=" in the options: the database's name may start with a dash
        command = [
            sys.executable, "-m", "reader", "import", f"--db={db}", "--progress-lines",
            f"--paths0-from={self.listed}", *options,
        ]  # fmt: skip
        try:
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=self.log,
                start_new_session=True,  # not stopped by a ^C meant for the terminal's foreground
                env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            )
        except OSError:
            self._remove()
            raise

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    def _said(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    def step(self) -> str:
        """What the import is doing now (`last_step`)."""
        return last_step(self._said())

    def failure(self) -> str | None:
        """Why the process failed (its last line of error output), once it has; else None."""
        code = self.process.poll()
        if code in (None, 0):
            return None
        lines = [ln for ln in self._said().splitlines() if ln]
        return lines[-1] if lines else f"it exited with status {code}"

    def stop(self) -> None:
        """Stop the process if it is still working (what it has not committed is dropped)."""
        if self.running:
            self.process.terminate()
            try:
                self.process.wait(STOP_WAIT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._remove()

    def _remove(self) -> None:
        self.log.close()
        with contextlib.suppress(OSError):
            os.unlink(self.listed)
