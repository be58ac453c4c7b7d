"""Test helper: a child process that reacts to Ctrl-C as a terminal's foreground job does."""

from __future__ import annotations

import signal


def ctrl_c_as_in_a_terminal() -> None:
    """Popen's `preexec_fn`: SIGINT's default action, whatever the test runner inherited (a job
    started in the background by a non-interactive shell, or under nohup, ignores SIGINT, and
    so would the child: a Ctrl-C test would then see nothing happen)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
