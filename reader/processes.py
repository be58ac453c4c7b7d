"""Forked worker processes, as the import and the export use them: how many cores this process
may use, and a worker that dies with the process that forked it."""

from __future__ import annotations

import os
import signal
import socket
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


def this_process(pid: int | None = None) -> str:
    """This process (or process `pid`), as another one on this machine can tell whether it
    still runs (`still_running`): "host pid start"."""
    pid = os.getpid() if pid is None else pid
    return f"{socket.gethostname()} {pid} {_started(pid)}"


def still_running(process: str) -> bool:
    """True while the process `this_process` described is running. False for one of another
    machine (a database on a shared folder: nothing tells) and wherever processes cannot be
    asked about (on Windows, os.kill(pid, 0) would end it)."""
    host, _, rest = process.partition(" ")
    pid, _, started = rest.partition(" ")
    if host != socket.gethostname() or not pid.isdigit() or sys.platform == "win32":
        return False
    try:
        os.kill(int(pid), 0)
    except PermissionError:  # another user's: it runs
        pass
    except OSError:
        return False
    return _started(int(pid)) == started  # not a later process given the same pid


def _started(pid: int) -> str:
    """When process `pid` started (Linux: its start time in clock ticks since boot), "" where
    that is unknown or the process has ended (a zombie, not waited for yet)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()  # (its name may hold anything)
    except (OSError, IndexError):
        return ""
    return "" if fields[:1] == [b"Z"] or len(fields) < 20 else fields[19].decode()


def die_with(parent: int) -> bool:
    """In a forked worker, on Linux: be killed when `parent` (the forking process) ends, so a
    kill -9 of it alone leaves no worker behind. False when the parent ended before this took
    hold: the worker should exit now."""
    if sys.platform != "linux":
        return True
    import ctypes

    ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    return os.getppid() == parent


# glibc's malloc gives a block of 128 KB or more (numpy's arrays of a block of claims against a
# long story's: several MB each, allocated and freed a hundred times) pages of its own, and back
# to the system once freed, so every new one is faulted in, page by page, zeroed by the kernel:
# half of a 2 MB article's import workers' system time (0.55 s, a third of their page faults).
# Blocks up to `MMAP_BYTES` come from the heap instead, and up to `TRIM_BYTES` freed at its top
# are kept for the next ones.
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
MMAP_BYTES = 32 * 1024 * 1024  # glibc's own ceiling for the threshold it adjusts itself
TRIM_BYTES = 128 * 1024 * 1024


def keep_freed_memory() -> None:
    """In an analysing process, on Linux with glibc: big arrays freed are reused, not given
    back to the system and faulted in again (see `MMAP_BYTES`)."""
    if sys.platform != "linux":
        return
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except AttributeError:  # not glibc (musl has no mallopt)
        return
    mallopt(M_MMAP_THRESHOLD, MMAP_BYTES)
    mallopt(M_TRIM_THRESHOLD, TRIM_BYTES)
