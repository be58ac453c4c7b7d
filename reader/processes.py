"""Forked worker processes, as the import and the export use them: how many cores this process
may use, and a worker that dies with the process that forked it."""

from __future__ import annotations

import os
import signal
import sys

# numpy's BLAS (its matrix products), one thread per process unless the user set these: the
# import's worker processes already fill the cores, and a BLAS's own threads, spinning between
# two products, took their time instead (a 2 MB article's import: 20 s of CPU, not 14)
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread() -> None:
    """`BLAS_THREADS` set to 1 where the user did not set them: read when numpy is first
    imported, so called before (the command line does, first thing)."""
    for name in BLAS_THREADS:
        os.environ.setdefault(name, "1")


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
