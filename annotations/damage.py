"""Refusing damaged rows: one line naming the table and row, never a traceback from deep inside.

A database edited by hand, truncated by a crash of another tool, or written by a buggy script can
hold cells crossread never writes (text that is not UTF-8, JSON that does not parse, a score that
is text, an unknown label). Each row decoder checks what it reads inside `row(table, key)`; the
Store's read methods are wrapped by `reads`, which turns a bad row (or an SQLite read error) into
a DamagedError that also reports `PRAGMA quick_check`.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

F = TypeVar("F", bound=Callable)


class BadRow(Exception):
    def __init__(self, table: str, key: object, reason: str) -> None:
        super().__init__(reason)
        self.table, self.key, self.reason = table, key, reason


@contextmanager
def row(table: str, key: object) -> Iterator[None]:
    """Decode one row of `table`; any value error inside becomes a BadRow naming it."""
    try:
        yield
    except BadRow:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
        reason = f"no {exc} in it" if isinstance(exc, KeyError) else str(exc)  # (not "'label'")
        raise BadRow(table, key, reason or type(exc).__name__) from None


def check(ok: bool, message: str) -> None:
    if not ok:
        raise ValueError(message)


def texts(**values: object) -> None:
    """Each named value is text (or NULL): a BLOB where text belongs is damage, not a title."""
    for name, value in values.items():
        check(value is None or isinstance(value, str), f"{name} is not text")


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def span(value: object) -> tuple[int, int]:
    """A (start, end) pair of offsets, as stored in JSON."""
    check(
        isinstance(value, list) and len(value) == 2 and all(map(is_int, value)),
        f"{_short(value)} is not a span",
    )
    return (value[0], value[1])


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def quick_check(conn: sqlite3.Connection) -> str:
    """SQLite's verdict on one line: its first three findings (it puts several in one row,
    under a "*** in database main ***" line)."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchmany(3)
    except sqlite3.Error as exc:
        return f"failed ({exc})"
    found = [
        line
        for r in rows
        for line in str(r[0]).splitlines()
        if line.strip() and not line.startswith("*** in database")
    ]
    return "; ".join(found[:3])


def _undecodable(conn: sqlite3.Connection) -> tuple[str, object, str] | None:
    """The first (table, rowid, column) whose text is not UTF-8 (scanned only after a failure)."""
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    saved = conn.text_factory
    conn.text_factory = bytes
    try:
        for table in tables:
            try:
                cur = conn.execute(f'SELECT rowid, * FROM "{table}"')
            except sqlite3.OperationalError:  # WITHOUT ROWID: a row is named by its first column
                cur = conn.execute(f'SELECT * FROM "{table}"')
            names = [d[0] for d in cur.description]
            for values in cur:
                for name, value in zip(names, values, strict=True):
                    if isinstance(value, bytes):
                        try:
                            value.decode("utf-8")
                        except UnicodeDecodeError:
                            return table, values[0], name
    finally:
        conn.text_factory = saved
    return None


def damaged(path: str, conn: sqlite3.Connection, where: str, reason: str) -> str:
    """The one line for a damaged database: where, why, and SQLite's quick_check verdict."""
    return (
        f"{path} is damaged: cannot read {where} ({' '.join(reason.split())}); "
        f"quick_check: {quick_check(conn)}"
    )


def _read_error(conn: sqlite3.Connection, exc: sqlite3.DatabaseError) -> tuple[str, str]:
    """Where and why a read of `conn` failed: the first cell that is not UTF-8, if that was it."""
    found = _undecodable(conn) if "decode" in str(exc) else None
    if found:
        table, rowid, column = found
        return f"table {table}, row {rowid}", f"{column} is not UTF-8 text"
    return "a table", str(exc)


def input_damage(path: str, conn: sqlite3.Connection, exc: sqlite3.DatabaseError) -> str | None:
    """The one line for `exc` if it comes from damage in `conn` (an input read beside a
    database being written, whose own errors look the same); None if `conn` reads fine."""
    where, reason = _read_error(conn, exc)
    if where == "a table" and quick_check(conn) == "ok":
        return None
    return damaged(path, conn, where, reason)


def reads(error: type[Exception]) -> Callable[[F], F]:
    """Decorate a Store read method: a bad row or read error raises `error` with one line."""

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except BadRow as bad:
                where, reason = f"table {bad.table}, row {bad.key}", bad.reason
            except sqlite3.DatabaseError as exc:
                where, reason = _read_error(self.conn, exc)
            raise error(damaged(self.path, self.conn, where, reason)) from None

        return wrapper  # type: ignore[return-value]

    return decorate
