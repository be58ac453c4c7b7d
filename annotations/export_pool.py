"""A big export formatted by worker processes, one range of stories at a time, written in order.

The export's rows are sorted by story first, so the rows of a range of stories are a run of the
whole export's rows. The stories are cut into ranges of about `RANGE_ROWS` rows; forked workers
each take every Nth range, format it exactly as the single-process export does, and send it back
as text; this process writes the ranges in order as they come. The output streams and is byte
for byte the single-process export's. A damaged row gives the same one-line error; a stream has
then received the ranges before the damaged one (a file is never half-written).

Each worker reads through its own read-only connection, opened as this process opened its
(immutable on read-only media), in one read transaction. The workers' snapshots are one: the
database did not change (`PRAGMA data_version`) from before they were forked until all of them
had begun reading; when it did, the export runs in this process instead (so it always does where
SQLite can only read the -shm file: every read counts as a change there).

A worker ignores Ctrl-C (this process stops it), dies with this process (kill -9 included), and
never runs this process's code on its way out (os._exit). Small exports, exports made from a
thread of a threaded process (the app) or from a transaction, and one-core machines stay in one
process.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import pickle
import signal
import sqlite3
import struct
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from annotations import connection
from annotations.output import Written
from annotations.store import Store, StoreError
from reader.processes import die_with, usable_cores

PARALLEL_ROWS = 10_000  # rows below which an export stays in one process (a worker costs ~10 ms)
RANGE_ROWS = 5_000  # rows a worker formats and sends at a time, about
MAX_WORKERS = 4  # the writer keeps up with about this many

# the stories from the first (None: from the first story) to before the second (None: to the end)
Stories = tuple[str | None, str | None]
EVERY_STORY: Stories = (None, None)
WriteStories = Callable[[Store, TextIO, Stories], Written]  # the rows of a range; their count

_FRAME = struct.Struct("!cQQQ")  # kind (Ready, Data, Error), payload bytes, rows, cells cut
_NOTHING = Written(0)

# rows per story: the annotations (--reviewer: theirs), and with --all the claims too
_ANNOTATED = """SELECT story, count(*) FROM annotations
WHERE :reviewer IS NULL OR reviewer = :reviewer GROUP BY story"""
_WEIGHTS = {
    False: f"{_ANNOTATED} ORDER BY story",
    True: f"""SELECT story, sum(n) FROM (
    SELECT a.story, count(*) AS n FROM claim_rows c JOIN articles a ON a.n = c.article GROUP BY a.n
    UNION ALL {_ANNOTATED}) GROUP BY story ORDER BY story""",
}


def story_ranges(store: Store, *, all_claims: bool, reviewer: str | None) -> list[Stories] | None:
    """The export's stories cut into ranges of about RANGE_ROWS rows, in order; None when the
    export is better made in this process."""
    if (
        sys.platform != "linux"  # fork, and a worker dying with its parent (prctl)
        or usable_cores() < 2
        or threading.active_count() > 1  # a fork copies only this thread: others' locks stay held
        or store.conn.in_transaction  # its snapshot (or its own writes) are this connection's
        or not os.path.isfile(store.path)
    ):
        return None
    try:
        weights = store.conn.execute(_WEIGHTS[all_claims], {"reviewer": reviewer}).fetchall()
    except sqlite3.Error:  # damage: the single-process export names it
        return None
    if sum(n for _, n in weights) < PARALLEL_ROWS:
        return None
    bounds: list[str | None] = [None]
    rows = 0
    for story, n in weights:
        if rows >= RANGE_ROWS and isinstance(story, str):  # a BLOB story sorts last: no bound
            bounds.append(story)
            rows = 0
        rows += n
    bounds.append(None)
    return list(itertools.pairwise(bounds)) if len(bounds) > 2 else None


def write_ranges(
    store: Store, f: TextIO, write: WriteStories, ranges: list[Stories]
) -> Written | None:
    """Write the ranges' rows to `f` in order, formatted by worker processes; what was written,
    or None (nothing written) when the database changed while the workers were starting."""
    count = min(usable_cores(), MAX_WORKERS, len(ranges))
    before = _data_version(store.conn)
    workers: list[_Worker] = []
    try:
        for k in range(count):
            workers.append(_start(store.path, write, ranges[k::count], workers))
        try:
            for worker in workers:
                worker.receive(b"R")  # reading: its snapshot is taken
        except StoreError:  # it could not open the database: this process may still read it
            return None
        if _data_version(store.conn) != before:
            return None
        n = cut = 0
        for k in range(len(ranges)):
            text, written = workers[k % count].receive(b"D")
            f.write(text)
            n += written.rows
            cut += written.cut
        return Written(n, cut)
    finally:
        for worker in workers:
            worker.stop()


def _data_version(conn: sqlite3.Connection) -> int:
    """Changes when another connection commits."""
    return conn.execute("PRAGMA data_version").fetchone()[0]


@dataclass
class _Worker:
    pid: int
    pipe: BinaryIO  # what it sends

    def receive(self, kind: bytes) -> tuple[str, Written]:
        """The next frame, of `kind`: its text and what it holds. A worker's error is raised
        here."""
        head = self.pipe.read(_FRAME.size)
        if len(head) < _FRAME.size:
            raise StoreError(f"export stopped: a worker process ended unexpectedly ({self._end()})")
        got, size, rows, cut = _FRAME.unpack(head)
        payload = self.pipe.read(size)
        if len(payload) < size:
            raise StoreError(f"export stopped: a worker process ended unexpectedly ({self._end()})")
        if got == b"E":
            raise pickle.loads(payload)
        assert got == kind, (got, kind)
        return payload.decode("utf-8", "surrogatepass"), Written(rows, cut)

    def _end(self) -> str:
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        code = os.waitstatus_to_exitcode(status)
        return f"signal {-code}" if code < 0 else f"exit status {code}"

    def stop(self) -> None:
        self.pipe.close()  # a worker still sending gets EPIPE
        if self.pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)  # not reaped yet: the pid is still its
            os.waitpid(self.pid, 0)
            self.pid = 0


def _start(path: str, write: WriteStories, ranges: list[Stories], others: list[_Worker]) -> _Worker:
    read_end, write_end = os.pipe()
    parent = os.getpid()
    # Ctrl-C is held until the child ignores it, so it never runs this process's handlers
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = os.fork()
        if pid == 0:
            _child(path, write, ranges, write_end, [read_end, *(w.pipe.fileno() for w in others)],
                   parent)  # fmt: skip
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    os.close(write_end)  # the worker's end: its exit is this end's EOF
    return _Worker(pid, open(read_end, "rb"))


def _child(
    path: str,
    write: WriteStories,
    ranges: list[Stories],
    out: int,
    inherited: list[int],
    parent: int,
) -> None:
    """A worker's whole life: it never returns to the caller's code, whatever happens."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        if not die_with(parent):
            return
        for fd in inherited:  # other workers' pipes: their ends must close when they do
            os.close(fd)
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1):  # a reader of stdout sees its end when this process's parent ends
            os.dup2(null, fd)
        with open(out, "wb") as pipe:
            _serve(path, write, ranges, pipe)
        code = 0
    except BaseException:
        pass
    finally:
        os._exit(code)


def _serve(path: str, write: WriteStories, ranges: list[Stories], pipe: BinaryIO) -> None:
    def send(kind: bytes, payload: bytes = b"", written: Written = _NOTHING) -> None:
        pipe.write(_FRAME.pack(kind, len(payload), *written))
        pipe.write(payload)
        pipe.flush()

    try:
        conn = connection.open_read_only(Path(path))
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot is taken
    except sqlite3.Error as e:
        send(b"E", pickle.dumps(StoreError(f"cannot open {path} read-only: {e}")))
        return
    send(b"R")
    store = Store(conn, path)
    for stories in ranges:
        text = io.StringIO(newline="")
        try:
            written = write(store, text, stories)
        except Exception as e:
            send(b"E", _pickled(e))
            return
        send(b"D", text.getvalue().encode("utf-8", "surrogatepass"), written)


def _pickled(e: Exception) -> bytes:
    try:
        return pickle.dumps(e)
    except Exception:
        return pickle.dumps(StoreError(f"{type(e).__name__}: {e}"))
