"""Opening a crossread database safely: refuse foreign or newer files before touching them.

Nothing is written to an existing file before it is known to be crossread's (at this version or
an older one): the check is made through a read-only connection, and the switch to write-ahead
logging (which rewrites the header) comes after it. (A writer first lets SQLite roll back a
change another program left unfinished in a -journal: that gives the file back the bytes it
had.) A file shorter than its header says is refused. Read-only commands open the file
read-only, and fall back to `immutable` on read-only media, where SQLite cannot even make its
-shm file.
A read-only connection that made the -wal and -shm it needed removes them again when it closes
(`_ReadOnly`): a user who only looked at a database finds nothing new beside it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
from pathlib import Path

from annotations import schema
from annotations.beside import name_max

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
SQLITE_READONLY_ROLLBACK = 776  # a hot journal, which a read-only connection cannot roll back


class OpenError(Exception):
    """Raised with a one-line message; store.py turns it into StoreError."""


def _version(conn: sqlite3.Connection, path: str | Path) -> int | None:
    """The crossread schema version of the file behind `conn`; None for a fresh, empty SQLite file.

    Raises OpenError for another program's database, a damaged version or a newer crossread.
    """
    try:
        version = schema.stored_version(conn)
    except ValueError as e:
        raise OpenError(f"{path} is a damaged crossread database: {e}") from None
    except schema.ForeignMeta:
        raise OpenError(
            f"{path} is an SQLite database but not crossread's ({schema.META_TABLE} is foreign)"
        ) from None
    if version is None:
        tables = schema.user_tables(conn)
        if tables:
            shown = ", ".join(tables[:5]) + ("…" if len(tables) > 5 else "")
            raise OpenError(f"{path} is an SQLite database but not crossread's (tables: {shown})")
    elif version == 0:
        raise OpenError(
            f"{path} is an SQLite database but not crossread's ({schema.META_TABLE} has no version)"
        )
    elif version > schema.SCHEMA_VERSION:
        raise OpenError(
            f"{path} was made by a newer crossread (schema {version}, this version reads up to "
            f"{schema.SCHEMA_VERSION}); upgrade crossread to open it"
        )
    elif version == schema.SCHEMA_VERSION:
        # (an older version is checked by its migration, which rolls back when it fails)
        missing = schema.missing_part(conn)
        if missing:
            raise OpenError(f"{path} is an SQLite database but not crossread's ({missing})")
    return version


def no_folder(folder: str | os.PathLike) -> str:
    """Why no file can be made in `folder`, which is not one: it is missing, or it is a file
    (a path under a file is no missing folder to go and make)."""
    for above in (Path(folder), *Path(folder).parents):
        if os.path.lexists(above):
            if not above.is_dir():
                return f"{above} is a file, not a folder"
            break
    return f"folder {folder} does not exist"


def named(path: str | os.PathLike) -> None:
    """Refuses a path that cannot name a database file: an empty one (`Path("")` is the
    current folder: an unset $VARIABLE in `--db "$DB"`), one ending in a slash (`Path` drops
    it: `--db team.db/` made the file team.db), a symbolic link loop, or the log of another
    database (`log_of`)."""
    shown = os.fspath(path)
    if not shown:
        raise OpenError("no database given: the path is empty")
    if shown.endswith(("/", os.sep)):
        raise OpenError(f"{shown} ends in /: it names a folder, not a database file")
    try:
        os.stat(shown)
    except OSError as e:
        if e.errno == errno.ELOOP:  # (SQLite says only "unable to open database file")
            raise OpenError(
                f"{shown} is a symbolic link loop: it never reaches a file; give the "
                "database's own path"
            ) from None
    suffix = log_of(shown)
    if suffix:
        base = shown[: -len(suffix)]
        raise OpenError(
            f"{shown} is the {suffix[1:]} file of the SQLite database {base}: give {base} itself"
        )


def is_sqlite(path: str | os.PathLike) -> bool:
    """True when `path` is a regular file that starts as an SQLite database does."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # (a FIFO would block the read)
        with open(path, "rb") as f:
            return f.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False  # not there, or not readable: not known to be one


LOG_SUFFIXES = ("-wal", "-shm", "-journal")


def log_of(path: str) -> str | None:
    """The suffix ("-wal", "-shm", "-journal") by which `path` names a file SQLite keeps beside
    an existing database, else None. Such a file is never a database nor an output: SQLite
    takes it for that database's stale log and deletes it, whatever was written there."""
    for suffix in LOG_SUFFIXES:
        if path.endswith(suffix) and is_sqlite(path[: -len(suffix)]):
            return suffix
    return None


class _ReadOnly(sqlite3.Connection):
    """A read-only connection that leaves no -wal or -shm it made behind it.

    SQLite makes both files to read a database in write-ahead-log mode, even read-only, and
    only a writer may delete them. So when neither was there at the open, closing opens the file
    once for writing (never writing to it) and lets SQLite's own close do it: it removes them
    only as the last connection to the file, under its exclusive lock, so a writer that
    opened meanwhile keeps them. A -wal with content (a writer's commits not yet in the file)
    is left for a writer to take in: a look never writes the database.
    """

    tidy: Path | None = None  # the database, when its -wal and -shm were not there at the open

    def close(self) -> None:
        super().close()
        if self.tidy is not None:
            path, self.tidy = self.tidy, None
            _remove_unused_logs(path)


def _logs(path: Path) -> tuple[Path, Path]:
    return Path(f"{path}-wal"), Path(f"{path}-shm")


def _remove_unused_logs(path: Path) -> None:
    wal, shm = _logs(path)
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return
        if not (wal.exists() or shm.exists()):
            return
    except OSError:
        return
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return  # (SQLite would open it read-only: its close could not remove them)
    try:
        conn = sqlite3.connect(path, timeout=1, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # (opens the log)
    except sqlite3.Error:
        pass
    finally:
        conn.close()


def _read_only(path: Path, *, immutable: bool, check_same_thread: bool) -> sqlite3.Connection:
    path = path.resolve()  # (where SQLite keeps the logs: beside a symbolic link's target)
    uri = f"{path.as_uri()}?{'immutable=1' if immutable else 'mode=ro'}"
    fresh = not immutable and not any(log.exists() for log in _logs(path))
    conn = sqlite3.connect(
        uri,
        uri=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=check_same_thread,
        factory=_ReadOnly,
    )
    if fresh:
        conn.tidy = path
    return conn


# SQLite's unix VFS takes full paths of up to 512 bytes, the database's "-journal" included;
# past that it says only "unable to open database file"
MAX_PATH_BYTES = 512 - len("-journal")


def fits(path: str | os.PathLike, hint: str = "use a file in a shorter folder") -> None:
    """Refuses a database whose full path (as SQLite makes it: links resolved) is too long, or
    whose name leaves no room for the "-journal" file SQLite makes beside it."""
    real = os.path.realpath(path)
    size = len(os.fsencode(real))
    if size > MAX_PATH_BYTES:
        raise OpenError(
            f"cannot open {os.fspath(path)}: its full path is too long for SQLite ({size} bytes, "
            f"at most {MAX_PATH_BYTES}); {hint}"
        )
    folder, name = os.path.split(real)
    size, most = len(os.fsencode(name)), name_max(folder) - len("-journal")
    if size > most:
        raise OpenError(
            f"cannot open {os.fspath(path)}: its name is too long for SQLite ({size} bytes, at "
            f"most {most}: SQLite names a file beside it after it, adding -journal); "
            "give it a shorter name"
        )


def _inspect(path: Path) -> int | None:
    """Check an existing file read-only; its stored schema version (None = fresh SQLite file)."""
    fits(path)
    if path.is_dir():
        raise OpenError(f"{path} is a folder, not a database file")
    if not path.is_file():  # reading a FIFO's header would wait for a writer forever
        raise OpenError(f"{path} is not a database file (a FIFO, device or socket)")
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except OSError as e:
        raise OpenError(f"cannot read {path}: {e.strerror or e}") from None
    if not head:
        _no_log_of_its_own(path)
        return None  # empty file: created by us below
    if head != SQLITE_MAGIC:
        raise OpenError(f"{path} is not a crossread database (not an SQLite file)")
    try:
        conn = _open_read_only(path)
        try:
            version = _version(conn, path)
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise OpenError(f"{path} cannot be read as an SQLite database: {e}") from None
    _whole(path)
    return version


def _whole(path: Path) -> None:
    """Refuses a file shorter than its header says: a copy cut short, or a disk that filled up.
    SQLite reads its missing pages as zeros, so rows would be lost without a word (merge took
    such a file in). Its header's size holds only with no -wal content (pages not yet there)."""
    if _wal_bytes(path):
        return
    try:
        with path.open("rb") as f:
            head = f.read(100)
        size = path.stat().st_size
    except OSError:
        return
    if len(head) < 100:
        return  # (SQLite has said what it makes of that)
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    pages = int.from_bytes(head[28:32], "big")
    if head[24:28] != head[92:96] or not pages:
        return  # (the header's size is not kept up to date: SQLite uses the file's)
    if size < pages * page:
        raise OpenError(
            f"{path} is cut short: its header says {pages * page:,} bytes, the file has "
            f"{size:,} (a copy not finished, or a disk that filled up?); it is left as it is: "
            "use a whole copy"
        )


def _wal_bytes(path: Path, log: str = "-wal") -> int:
    """The bytes in the -wal beside `path` (changes not yet in the file), or in its other
    `log` ("-journal": a change left unfinished): 0 when none."""
    try:
        return Path(f"{path}{log}").stat().st_size
    except OSError:
        return 0


def _no_log_of_its_own(path: Path) -> None:
    """Refuses an empty file beside a -wal with content: a crash cut the database short (a
    file system can leave it empty) and the -wal holds its last changes. Opened as a new
    database, SQLite would drop that -wal for one that is not its own."""
    if size := _wal_bytes(path):
        raise OpenError(
            f"{path} is empty but {path}-wal beside it holds {size:,} bytes of a database's "
            "changes (a crash cut the database short?): both are left as they are; move them "
            "aside (or restore the database from a copy) before using this name"
        )


def _open_read_only(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A read-only connection; `immutable` when SQLite cannot make its -shm file (read-only media).

    Immutable skips the write-ahead log, so it is used only when there is no log to miss.
    """
    conn = _read_only(path, immutable=False, check_same_thread=check_same_thread)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as e:
        conn.close()
        if _rollback_needed(path, e):  # (immutable would read the half-written file)
            raise Unfinished(
                f"{path} has a change left unfinished in {path}-journal (a program writing it "
                "was stopped): reading it waits until that is rolled back, which crossread "
                "does when it opens the database to write (the app, import)"
            ) from None
        if _wal_bytes(path):
            raise
        return _read_only(path, immutable=True, check_same_thread=check_same_thread)


class Unfinished(OpenError):
    """A rollback journal left by a writer that was stopped: only a writer can roll it back."""


def _rollback_needed(path: Path, e: sqlite3.OperationalError) -> bool:
    code = getattr(e, "sqlite_errorcode", None)  # (Python 3.11+)
    if code is not None:
        return code == SQLITE_READONLY_ROLLBACK
    return "readonly" in str(e) and _wal_bytes(path, "-journal") > 0


def _roll_back(path: Path) -> None:
    """Let SQLite roll back the change a stopped writer left in the -journal, as its first
    reader able to write does: the file gets back the bytes it had before that change."""
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        pass  # (still there: said by the next check)
    finally:
        conn.close()


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to a checked file that never migrates nor writes it (merge's
    inputs); `immutable` on read-only media. Raises sqlite3.Error."""
    return _open_read_only(path)


def inspect(path: Path) -> int | None:
    """Check an existing database file without writing to it: its schema version (None for an
    empty file). Raises OpenError if it is not crossread's or is from a newer crossread."""
    return _inspect(path)


def connect(
    path: str | os.PathLike,
    *,
    create: bool = True,
    check_same_thread: bool = True,
    read_only: bool = False,
) -> tuple[sqlite3.Connection, str]:
    """A connection to an up-to-date crossread database, and its path as a string.

    With read_only the file must exist; it is opened read-only when it is at the current schema
    (an older one is opened for writing, to migrate it, as usual).
    """
    memory = str(path) == ":memory:"
    version = None
    named(path)
    if not memory:
        p = Path(path)
        if p.is_dir():
            raise OpenError(f"{p} is a folder, not a database file")
        if p.exists():
            try:
                version = _inspect(p)
            except Unfinished:
                if read_only:
                    raise
                _roll_back(p)
                try:
                    version = _inspect(p)
                except Unfinished:
                    raise _cannot_write(p, OSError(f"cannot roll back {p}-journal")) from None
        elif not create or read_only:
            raise OpenError(f"no database at {p}")
        elif not p.parent.is_dir():
            raise OpenError(f"cannot create {p}: {no_folder(p.parent)}")
        fits(p, "--db FILE can name one in a shorter folder")
        if read_only and version is None:  # (reading never writes: no tables are made)
            raise OpenError(
                f"{p} is an empty file, not a crossread database yet: "
                f"`crossread import PATH --db {p}` makes it one"
            )
        if read_only and version == schema.SCHEMA_VERSION:
            try:
                conn = _open_read_only(p, check_same_thread=check_same_thread)
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            except sqlite3.Error as e:
                raise OpenError(f"cannot open {path} read-only: {e}") from None
            return conn, str(path)
    created = False
    if not memory and version is None and not read_only and not os.path.lexists(path):
        # made here, 0o666 less the umask as any new file: SQLite makes it 0644 whatever the
        # umask, so a team's group (umask 002) could not write its shared database
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            created = True
        except FileExistsError:  # made meanwhile by another crossread: opened as it is
            pass
        except OSError as e:
            raise _cannot_write(path, e) from None
    try:
        # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE … COMMIT) in store.py.
        conn = sqlite3.connect(
            str(path),
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=check_same_thread,
        )
    except sqlite3.Error as e:
        _forget(path, created)
        raise _cannot_write(path, e) from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _upgrade(conn, str(path))  # refuses a foreign file before anything is written to it
        if not memory:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise OpenError(f"cannot use write-ahead logging on {path} (journal: {mode})")
        # FULL: a commit is fsynced before it returns, so a shown tag survives kill -9 / power loss.
        conn.execute("PRAGMA synchronous = FULL")
    except OpenError:
        conn.close()
        _forget(path, created)
        raise
    except sqlite3.Error as e:
        conn.close()
        _forget(path, created)
        raise _cannot_write(path, e) from None
    return conn, str(path)


def _forget(path: str | os.PathLike, created: bool) -> None:
    """Remove the empty file `connect` made for a database it then could not open."""
    with contextlib.suppress(OSError):
        if created and os.path.getsize(path) == 0:
            os.unlink(path)


def _cannot_write(path: str | os.PathLike, e: sqlite3.Error | OSError) -> OpenError:
    """The one line for a database that could not be opened for writing: on read-only media or
    in a read-only folder SQLite only says "unable to open database file"."""
    p = Path(path)
    if p.exists() and not (os.access(p, os.W_OK) and os.access(p.parent, os.W_OK)):
        return OpenError(
            f"cannot write {path}: it or its folder is read-only "
            "(stats, export and agreement can still read it)"
        )
    if not p.exists() and not os.access(p.parent, os.W_OK):
        return OpenError(
            f"cannot create {path}: folder {os.path.abspath(p.parent)} is not writable "
            "(--db FILE or $CROSSREAD_DB puts the database elsewhere)"
        )
    return _cannot_open(path, e)


def _cannot_open(path: str | os.PathLike, e: sqlite3.Error | OSError) -> OpenError:
    return OpenError(f"cannot open {path}: {getattr(e, 'strerror', None) or e}{full(path, e)}")


def full(path: str | os.PathLike, said: object = "") -> str:
    """What to add to the error `said` about the database at `path`: that the disk holding it
    is full, when it is and `said` does not say so. (On a full disk SQLite, unable to make its
    -shm or grow its -wal, may say only "disk I/O error".)"""
    if "full" in str(said) or str(path) == ":memory:":
        return ""
    try:
        disk = os.statvfs(os.path.dirname(os.path.abspath(path)))
    except OSError:
        return ""
    free = disk.f_bfree if os.geteuid() == 0 else disk.f_bavail  # (root may use the reserve)
    return " (the disk holding it is full)" if free == 0 else ""


def connect_again(
    path: str, *, read_only: bool = False, check_same_thread: bool = True
) -> sqlite3.Connection:
    """Another connection to a database this process already opened with `connect`.

    Nothing is read outside SQLite: POSIX locks belong to the process, and closing any file
    descriptor of the database (as `_inspect`'s header check does) drops the locks of this
    process's open connections; another program then takes the file for unused, checkpoints and
    deletes the write-ahead log that this process still writes to, and those commits are lost.
    """
    try:
        if read_only:
            conn = _read_only(Path(path), immutable=False, check_same_thread=check_same_thread)
        else:
            conn = sqlite3.connect(
                path,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=check_same_thread,
            )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:
            conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as e:
        raise OpenError(f"cannot open {path}: {e}") from None
    return conn


def _upgrade(conn: sqlite3.Connection, path: str) -> None:
    """Create or migrate the schema; re-checked under the write lock (another process may race)."""
    if _version(conn, path) == schema.SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = _version(conn, path)
        schema.migrate(conn, version or 0)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
