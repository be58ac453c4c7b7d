"""Opening a crossread database safely: refuse foreign or newer files before touching them."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from annotations import schema

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


class OpenError(Exception):
    """Raised with a one-line message; store.py turns it into StoreError."""


def _inspect(path: Path) -> int | None:
    """Check an existing file read-only; its stored schema version (None = fresh SQLite file).

    Done through a read-only URI so a file that turns out not to be ours is never modified.
    """
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except OSError as e:
        raise OpenError(f"cannot read {path}: {e.strerror or e}") from None
    if not head:
        return None  # empty file: created by us below
    if head != SQLITE_MAGIC:
        raise OpenError(f"{path} is not a crossread database (not an SQLite file)")
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            version = schema.stored_version(conn)
            tables = schema.user_tables(conn) if version is None else []
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise OpenError(f"{path} cannot be read as an SQLite database: {e}") from None
    if version is None and tables:
        shown = ", ".join(tables[:5]) + ("…" if len(tables) > 5 else "")
        raise OpenError(f"{path} is an SQLite database but not crossread's (tables: {shown})")
    if version is not None and version > schema.SCHEMA_VERSION:
        raise OpenError(
            f"{path} was made by a newer crossread (schema {version}, this version reads up to "
            f"{schema.SCHEMA_VERSION}); upgrade crossread to open it"
        )
    return version


def inspect(path: Path) -> int | None:
    """Check an existing database file without writing to it: its schema version (None for an
    empty file). Raises OpenError if it is not crossread's or is from a newer crossread."""
    return _inspect(path)


def connect(
    path: str | os.PathLike, *, create: bool = True, check_same_thread: bool = True
) -> tuple[sqlite3.Connection, str]:
    """A connection to an up-to-date crossread database, and its path as a string."""
    memory = str(path) == ":memory:"
    if not memory:
        p = Path(path)
        if p.is_dir():
            raise OpenError(f"{p} is a folder, not a database file")
        if p.exists():
            _inspect(p)
        elif not create:
            raise OpenError(f"no database at {p}")
        elif not p.parent.is_dir():
            raise OpenError(f"cannot create {p}: folder {p.parent} does not exist")
    try:
        # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE … COMMIT) in store.py.
        conn = sqlite3.connect(
            str(path),
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=check_same_thread,
        )
    except sqlite3.Error as e:
        raise OpenError(f"cannot open {path}: {e}") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not memory:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise OpenError(f"cannot use write-ahead logging on {path} (journal: {mode})")
        # FULL: a commit is fsynced before it returns, so a shown tag survives kill -9 / power loss.
        conn.execute("PRAGMA synchronous = FULL")
        _upgrade(conn, str(path))
    except OpenError:
        conn.close()
        raise
    except sqlite3.Error as e:
        conn.close()
        raise OpenError(f"cannot open {path}: {e}") from None
    return conn, str(path)


def _upgrade(conn: sqlite3.Connection, path: str) -> None:
    """Create or migrate the schema; re-checked under the write lock (another process may race)."""
    version = schema.stored_version(conn)
    if version == schema.SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = schema.stored_version(conn)
        if version is None and schema.user_tables(conn):
            raise OpenError(f"{path} is an SQLite database but not crossread's")
        if version is not None and version > schema.SCHEMA_VERSION:
            raise OpenError(f"{path} was made by a newer crossread (schema {version})")
        schema.migrate(conn, version or 0)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
