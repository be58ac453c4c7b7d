"""The app's writer (reader.ui.writer, no Textual): a write that need not wait is committed before
`submit` returns, by the caller; one that would wait for another program's lock goes to the
writer thread, which saves it once the lock is free; results always come back through `deliver`,
in the order of the writes."""

from __future__ import annotations

import queue
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from annotations.store import Store
from reader.ui import writer as writer_module
from reader.ui.writer import Writer

REVIEWER = "ana"


def make_writer(db: Path) -> tuple[Writer, queue.Queue]:
    """A writer whose results wait in a queue, as the UI's loop would hold them."""
    Store.open(db).close()
    delivered: queue.Queue = queue.Queue()
    return Writer(lambda: Store.open(db, check_same_thread=False), delivered.put), delivered


def saved(db: Path, key: str) -> str | None:
    with Store.open(db) as store:
        return store.get_state(REVIEWER, key)


def set_place(value: str, threads: list[int]):
    def write(store: Store) -> str:
        threads.append(threading.get_ident())
        store.set_state(REVIEWER, "article", value)
        return value

    return write


def test_a_write_that_need_not_wait_is_committed_when_submit_returns(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    writer, delivered = make_writer(db)
    threads: list[int] = []
    landed: list[tuple[object, object]] = []
    writer.submit(set_place("bbc", threads), lambda r, e: landed.append((r, e)))
    # committed by the caller itself: no thread had to be woken for it
    assert threads == [threading.get_ident()]
    assert saved(db, "article") == "bbc"
    assert landed == []  # the result comes back through the UI's loop, never within submit
    assert writer.in_flight == 1
    delivered.get(timeout=10)()
    assert landed == [("bbc", None)]
    assert writer.in_flight == 0
    assert writer.close(timeout=10)


def test_a_write_kept_waiting_by_another_program_goes_to_the_thread(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    writer, delivered = make_writer(db)
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
    threads: list[int] = []
    landed: list[tuple[object, object]] = []
    writer.submit(set_place("bbc", threads), lambda r, e: landed.append((r, e)))
    # submit returned without waiting for the lock, and nothing is shown as saved
    assert saved(db, "article") is None
    assert landed == [] and writer.in_flight == 1
    # a second write queues behind the first, even though it could be tried at once
    writer.submit(set_place("reuters", threads), lambda r, e: landed.append((r, e)))
    other.execute("COMMIT")
    other.close()
    delivered.get(timeout=10)()
    delivered.get(timeout=10)()
    assert landed == [("bbc", None), ("reuters", None)]
    assert saved(db, "article") == "reuters"
    # tried once here (refused at once, nothing written), then saved on the writer thread
    assert threads[0] == threading.get_ident()
    assert threading.get_ident() not in threads[1:]
    assert writer.close(timeout=10)


def test_a_failing_write_is_reported_through_deliver(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    writer, delivered = make_writer(db)

    def broken(store: Store) -> None:
        raise ValueError("no such claim")

    landed: list[tuple[object, object]] = []
    writer.submit(broken, lambda r, e: landed.append((r, e)))
    delivered.get(timeout=10)()
    assert [(r, str(e)) for r, e in landed] == [(None, "no such claim")]
    assert writer.close(timeout=10)


def test_writes_leave_the_caller_while_the_disk_is_slow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a network file system, say: every commit takes far longer than the slow-write limit
    monkeypatch.setattr(writer_module, "RETRY_EVERY", 3)
    # far above a commit's time on a loaded machine, so only `slow` counts as slow
    monkeypatch.setattr(writer_module, "SLOW_WRITE", 0.04)
    db = tmp_path / "w.db"
    writer, delivered = make_writer(db)
    threads: list[int] = []
    here = threading.get_ident()

    def slow(store: Store) -> None:
        threads.append(threading.get_ident())
        time.sleep(writer_module.SLOW_WRITE * 3)
        store.set_state(REVIEWER, "article", "bbc")

    def submit_and_land(write) -> None:
        writer.submit(write, lambda r, e: None)
        delivered.get(timeout=10)()  # lands before the next key, as with a reviewer's pace

    fast = set_place("reuters", threads)
    # one slow write now and then is a busy machine, not a slow disk: the caller keeps them
    for write in (slow, fast, slow, slow, fast):
        submit_and_land(write)
    assert threads == [here] * 5
    for _ in range(writer_module.SLOW_RUN + 4):
        submit_and_land(slow)
    # SLOW_RUN in a row: the next go to the thread, but for one in RETRY_EVERY
    assert [t == here for t in threads[5:]] == [True, True, True, False, False, False, True]
    # a fast disk again: the next write the caller tries is fast, and so are the rest
    for _ in range(6):
        submit_and_land(fast)
    assert [t == here for t in threads[12:]] == [False, False, False, True, True, True]
    assert writer.close(timeout=10)
