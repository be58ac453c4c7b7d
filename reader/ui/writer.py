"""The app's writes, off the UI thread when they must wait: one connection applies them in order.

A write can wait for the whole busy timeout while another process holds the database's write
lock; on the event loop that froze every key. Such a write goes to a thread with its own
connection, and the screen shows the claim as saving until the commit returns (Invariant 1:
nothing is shown as saved before its commit); keys keep working meanwhile.

A write that need not wait (nothing queued, the lock free) is done at once by the caller, on the
same connection: waking an idle thread takes several milliseconds on a small virtual machine
(p99 4-6 ms, up to 10), far more than the commit itself (under 1 ms). Unless the disk is slow
(a network file system, say: a commit's fsync can take tens of milliseconds there): once
`SLOW_RUN` of the caller's writes in a row took `SLOW_WRITE` or more, writes go to the thread
too, and every `RETRY_EVERY`th is tried by the caller again, in case the disk got faster. (One
slow write is no sign: a busy machine or a checkpoint makes one now and then.) No Textual here:
results come back through `deliver`, a thread-safe "call this on the UI's loop" given by the
app, in all cases.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotations.store import Store

Write = Callable[["Store"], Any]
Landed = Callable[[Any, Exception | None], None]
SLOW_WRITE = 0.010  # seconds a write by the caller may take (a commit here: 0.2-1 ms)
SLOW_RUN = 3  # slow writes in a row that show a slow disk
RETRY_EVERY = 20  # writes, while slow, between two tried by the caller


class Writer:
    """Applies writes in the order they were submitted and hands each result to its callback."""

    def __init__(
        self, open_store: Callable[[], Store], deliver: Callable[[Callable[[], None]], None]
    ) -> None:
        self._open_store = open_store  # opened by the first write: a connection for writes only
        self._store: Store | None = None
        self._deliver = deliver
        self._queue: queue.Queue[tuple[Write, Landed] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="crossread-writer", daemon=True)
        self._thread.start()
        self.in_flight = 0  # submitted, result not yet handed back (UI thread only)
        self.unsaved: list[str] = []  # failures while closing, when no callback can show them
        self._closing = False
        self._slow = 0  # the caller's last writes that were slow, in a row
        self._passed = 0  # writes sent to the thread since the caller last tried one

    def submit(self, write: Write, landed: Landed) -> None:
        """Run `write(store)`, here or on the writer thread; then `landed(result, error)` on the
        UI's loop (never before `submit` returns)."""
        idle = self.in_flight == 0  # so the thread is not using the connection
        self.in_flight += 1

        def back(result: Any, error: Exception | None) -> None:
            self.in_flight -= 1
            if not self._closing:  # a closed window has nothing left to redraw
                landed(result, error)

        fast = self._slow < SLOW_RUN or self._passed >= RETRY_EVERY
        if not (idle and fast and self._now(write, back)):
            self._passed += 1
            self._queue.put((write, back))

    def _now(self, write: Write, back: Landed) -> bool:
        """Run the write here unless it would wait for the lock (then False: nothing written)."""
        from annotations.store import Busy

        started = time.perf_counter()
        try:
            if self._store is None:
                self._store = self._open_store()
            started = time.perf_counter()  # (opening the connection, once, is not the disk)
            with self._store.not_waiting():
                result, error = write(self._store), None
        except Busy:
            return False
        except Exception as exc:  # as on the thread: shown by the callback
            result, error = None, exc
        self._slow = self._slow + 1 if time.perf_counter() - started >= SLOW_WRITE else 0
        self._passed = 0
        self._deliver(lambda: back(result, error))
        return True

    def close(self, timeout: float) -> bool:
        """Finish the queued writes (waiting at most `timeout` s); False if some are left.
        Their failures are in `unsaved`: no callback will show them any more."""
        self._closing = True
        self._queue.put(None)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            while (item := self._queue.get()) is not None:
                write, back = item
                try:
                    if self._store is None:
                        self._store = self._open_store()
                    result, error = write(self._store), None
                except Exception as exc:  # StoreError: locked, read-only, full; else a bug, shown
                    result, error = None, exc
                if error is not None and self._closing:
                    self.unsaved.append(str(error))
                with suppress(RuntimeError):  # the UI's loop is gone: the app has closed
                    self._deliver(lambda back=back, r=result, e=error: back(r, e))
        finally:
            if self._store is not None:
                self._store.close()
