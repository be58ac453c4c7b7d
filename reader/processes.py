"""Forked worker processes, as the import and the export use them: how many cores this process
may use, and a worker that dies with the process that forked it."""

from __future__ import annotations

import os
import signal
import sys


def usable_cores() -> int:
    """The cores this process may use (its CPU affinity, where the system tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def die_with(parent: int) -> bool:
    """In a forked worker, on Linux: be killed when `parent` (the forking process) ends, so a
    kill -9 of it alone leaves no worker behind. False when the parent ended before this took
    hold: the worker should exit now."""
    if sys.platform != "linux":
        return True
    import ctypes

    ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    return os.getppid() == parent
