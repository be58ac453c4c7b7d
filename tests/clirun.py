"""Running the installed command line as a user does, for the tests that check its messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def crossread(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def one_line_error(proc: subprocess.CompletedProcess) -> str:
    """The one line a user mistake gets (exit 2, no traceback)."""
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crossread: error:"), proc.stderr
    return lines[0]
