"""Writing records safely as CSV or JSONL: to a stream, or to a path through a temp file.

Shared by `crossread export`, `crossread suggest` and the app's export dialog, so all have the
same guarantees about the file named by `-o`:
- a regular file (or a new one) is written to a temp file beside it and renamed over it, so a
  failed write never leaves a half-written file nor harms the previous one;
- a symbolic link is followed: its target is written, the link stays a link;
- a FIFO, terminal or other device is written into directly, never replaced;
- a hard-linked file stays one file (its new content is staged, then copied into it);
- a new file gets mode 0666 & ~umask like any file a shell creates; an existing file keeps its
  mode and, where the user may, its owner and group;
- protected paths (the database, the imported articles) are refused whatever spelling reaches
  them, compared after resolving symbolic links; so is any SQLite database (and its -wal, -shm
  and -journal files): an output is never written over one;
- a path ending in a slash names a folder: never a file written under the name without it.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import os
import re
import shutil
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from annotations.beside import temp_beside
from annotations.connection import is_sqlite, log_of, no_folder
from annotations.store import StoreError
from reader.models import counted

FORMATS = ("csv", "jsonl")
# Data formats other programs expect under their suffix: another written under it makes a file
# they refuse (CSV named .xlsx) or misread (JSON lines named .json); so do the suffixes of
# compressed files (crossread writes none: pandas reads "labels.csv.gz" as gzip, and fails).
_DATA_SUFFIXES = frozenset(
    "csv tsv json jsonl xlsx xls ods xml html parquet gz bz2 xz zst zip 7z".split()  # noqa: SIM905
)
ARTICLE_SUFFIXES = (".txt", ".md")
# What a spreadsheet runs as a formula when a cell starts with it: = + - @, also after a tab,
# CR, LF (OWASP) or NUL (ASVS), which it skips
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\x00")
# Text a spreadsheet reads as a value (a number, date, time, percentage, sum of money or truth
# value), in any locale's way of writing one: '007' became 7, '1/2' the 2nd of January, '3.50'
# 3.5, a claim id of digits ('5717729756794072', about 1 in 1,000) was rounded, naming no claim.
# Only digits, their separators, signs, currency, month names, am/pm and an exponent; or
# TRUE/FALSE. (Some text is caught that a spreadsheet would keep: a ' before it is harmless.)
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_VALUE_LIKE = re.compile(
    rf"(?=\D*\d)(?:[\d\s.,/:%()+\-$€£¥]|(?:{_MONTH})\b\.?|[ap]\.?m\b\.?|(?<=\d)e(?=[+-]?\d))+"
    r"|\s*(?:true|false)\s*",
    re.IGNORECASE,
)
# What a spreadsheet cell holds (Excel and LibreOffice), in UTF-16 units (an emoji is two): a
# longer cell opened from a CSV was cut without a word, or spilled into the rows below.
CELL_LIMIT = 32_767
_CUT = "…[cut: {:,} characters, more than a spreadsheet cell holds; the exact export has them all]"
# Line breaks to str.splitlines() (and to JavaScript before ES2019) that JSON leaves raw: escaped
# in JSON lines, the same strings to json.loads, so a row stays on its line for every reader.
_LINE_BREAKS = ("\x85", "\u2028", "\u2029")

Protected = tuple[str | os.PathLike, str]  # (path, what it is, for the message)


def _refusal(target: str, protect: Iterable[Protected]) -> str | None:
    """What `target` (resolved) is that must not be written over, or None: a protected path
    (`_protected`) or a database (`_database`)."""
    return _protected(target, protect) or _database(target)


def _protected(target: str, protect: Iterable[Protected]) -> str | None:
    """What `target` (resolved) is among the protected paths, or None if it may be written.

    A protected file is matched by resolved path or, when both exist, by identity (so a hard
    link to the database is refused too). A protected folder refuses any .txt/.md file under it:
    written there, the output would become an article on the next import.
    """
    paths = [(other, what, os.path.realpath(other)) for other, what in protect]
    for _, what, resolved in paths:
        if resolved == target:
            return what
        try:
            if os.path.samefile(target, resolved):
                return what
        except OSError:
            pass  # one of them does not exist: not the same file
    # (a protected file is named as what it is, before any folder it is in)
    if not target.lower().endswith(ARTICLE_SUFFIXES):
        return None
    for other, what, resolved in paths:
        if os.path.isdir(resolved) and os.path.commonpath([resolved, target]) == resolved:
            if os.path.lexists(target):
                return what
            suffix = os.path.splitext(target)[1]
            return f"a {suffix} file among the articles in {other}, read as one by the next import"
    return None


def misnamed(out: str, written: Iterable[str]) -> str:
    """The suffix of `out` when it names a data format other than those `written` ("xlsx" of
    "labels.xlsx" for CSV), else ""."""
    suffix = os.path.splitext(out)[1].lower().lstrip(".")
    return suffix if suffix in _DATA_SUFFIXES and suffix not in written else ""


def refusal(out: str | os.PathLike, protect: Iterable[Protected]) -> str | None:
    """What `out` is among the protected paths (`open_output` refuses it), or None: for a
    dialog to say so before it asks anything."""
    try:
        return _refusal(os.path.realpath(out), protect)
    except OSError:  # a symlink loop: open_output says so
        return None


def _database(target: str) -> str | None:
    """What `target` is when it is an SQLite database, or a log SQLite keeps beside one (-wal,
    -shm, -journal), else None: a database is never an output ("-o crossread.db", typed for
    "--db crossread.db", replaced every tag with a CSV)."""
    if is_sqlite(target):
        return "an SQLite database"
    suffix = log_of(target)
    return f"the {suffix[1:]} file of an SQLite database" if suffix else None


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


def standard_output() -> TextIO:
    """Standard output, for data; StoreError when it is closed (`crossread export >&-`: Python
    then has none), rather than data written nowhere."""
    if sys.stdout is None:
        raise StoreError("standard output is closed: give -o FILE to write to a file")
    return sys.stdout


@contextmanager
def open_output(
    out: str | os.PathLike | TextIO,
    *,
    protect: Iterable[Protected] = (),
    wait_for_reader: bool = True,
) -> Iterator[TextIO]:
    """Yield a text stream for `out`: "-" is stdout, a stream is used as is, a path as above.

    A FIFO no program reads yet is waited for, as a shell's `>` does; with `wait_for_reader`
    False it is refused instead (the app, whose screen would freeze until one came).
    Raises StoreError with a one-line message; nothing is written when it is raised before the
    body runs.
    """
    if out == "-":
        yield standard_output()
        return
    if not isinstance(out, (str, os.PathLike)):
        yield out
        return
    shown = os.fspath(out)
    if not shown:  # (realpath("") is the current folder)
        raise StoreError("no output file given: the path is empty")
    try:
        target = os.path.realpath(out)  # a symlink's target is what gets written
        st = _stat(target)
    except NotADirectoryError:  # under a file
        raise StoreError(f"cannot write {shown}: {no_folder(os.path.dirname(out))}") from None
    except OSError as e:  # e.g. a symlink loop
        raise StoreError(f"cannot write {shown}: {e.strerror or e}") from None
    folder = os.path.dirname(target)
    if shown.endswith(("/", os.sep)) and (st is None or not stat.S_ISDIR(st.st_mode)):
        # (`realpath` drops the slash: "-o keep.csv/" replaced keep.csv)
        raise StoreError(
            f"cannot write {shown}: " + ("no such folder" if st is None else "it is not a folder")
        )
    if st is None and not os.path.isdir(folder):
        raise StoreError(f"cannot write {shown}: {no_folder(folder)}")
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise StoreError(f"cannot write {shown}: it is a folder")
    what = _refusal(target, protect)
    if what is not None:
        raise StoreError(f"cannot write {shown}: it is {what}; nothing was written")
    try:
        if st is not None and not stat.S_ISREG(st.st_mode):
            # FIFO, terminal, /dev/null…: write into it; replacing it would break the system
            with _opened_into(target, st, shown, wait_for_reader) as f:
                yield f
            return
        with _staged(target, st) as f:
            yield f
    except OSError as e:
        raise StoreError(f"cannot write {shown}: {e.strerror or e}") from None


def _opened_into(target: str, st: os.stat_result, shown: str, wait_for_reader: bool) -> TextIO:
    """`target`, not a regular file, opened to write into. Opening a FIFO waits for a program
    to read it; unless `wait_for_reader` is False: then, with none reading it, StoreError."""
    if wait_for_reader or not stat.S_ISFIFO(st.st_mode):
        return open(target, "w", encoding="utf-8", newline="")
    try:
        fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as e:
        if e.errno != errno.ENXIO:
            raise
        raise StoreError(
            f"cannot write {shown}: no program is reading it (a FIFO: start the program that "
            "reads it first); nothing was written"
        ) from None
    os.set_blocking(fd, True)  # (only the open was not to wait: the writes go at its pace)
    return open(fd, "w", encoding="utf-8", newline="")


@contextmanager
def _staged(target: str, st: os.stat_result | None) -> Iterator[TextIO]:
    """Write a temp file beside `target`, then rename it over it (or copy it into a hard link)."""
    folder = os.path.dirname(target)
    tmp = None
    try:
        while tmp is None:
            candidate = temp_beside(target, ".tmp")
            try:
                # 0o666: the kernel applies the umask, as for any file a shell creates
                fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            except FileExistsError:
                continue
            except OSError as e:
                if os.access(folder, os.W_OK):
                    raise
                # a file one may write said only "Permission denied", as if it were the file
                why = f"folder {folder} is not writable"
                if st is not None:
                    why += (
                        ", and the file is written beside it first, then renamed over it (so "
                        "a failed write leaves the old one whole)"
                    )
                raise OSError(why) from e
            tmp = candidate
        if st is not None:
            os.fchmod(fd, stat.S_IMODE(st.st_mode))
            if (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
                # only root may give a file away; the mode is kept all the same
                with contextlib.suppress(PermissionError):
                    os.fchown(fd, st.st_uid, st.st_gid)
        # newline="" so csv's row ends and newlines inside cells are written exactly as given
        with open(fd, "w", encoding="utf-8", newline="") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        if st is not None and st.st_nlink > 1:
            shutil.copyfile(tmp, target)  # into the same inode: every name of it sees the export
        else:
            os.replace(tmp, target)
            tmp = None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


class Written(NamedTuple):
    """What a write put out: its rows, and the cells cut to what a spreadsheet cell holds."""

    rows: int
    cut: int = 0

    def reported(self, report: Callable[[str], None] | None, prefix: str = "") -> int:
        """The rows written, once `report` is told of the cells cut (if any: `cut_warning`)."""
        if self.cut and report is not None:
            report(prefix + cut_warning(self.cut))
        return self.rows


def cut_warning(cut: int) -> str:
    """What to tell the user when `cut` cells of a spreadsheet-safe export were cut."""
    one = cut == 1
    return (
        f"{counted(cut, 'cell')} {'is' if one else 'are'} longer than a spreadsheet cell holds "
        f"({CELL_LIMIT:,} characters): {'it' if one else 'each'} is cut there, ending in "
        f"'…[cut: …]'; the export without --excel has {'it' if one else 'them'} whole"
    )


def csv_cell(value: object, *, excel: bool = False) -> str:
    """A value as a CSV cell: lists as JSON arrays ("" when empty), None as "". `excel`: as
    `spreadsheet_cell` makes it."""
    if value is None:
        cell = ""
    elif isinstance(value, list):
        cell = json.dumps(value, ensure_ascii=False) if value else ""
    else:
        cell = str(value)
    return spreadsheet_cell(cell, value)[0] if excel else cell


def spreadsheet_cell(cell: str, value: object) -> tuple[str, bool]:
    """`cell` (made of `value`) safe to open in a spreadsheet, and whether it was cut: a
    formula-like cell, or text a spreadsheet would read as a value, starts with ' (numbers and
    truth values crossread wrote as such stay values); one longer than a spreadsheet cell holds
    is cut to fit, ending in a note that says so."""
    total = len(cell)
    if cell.startswith(_FORMULA_START) or (
        isinstance(value, str) and _VALUE_LIKE.fullmatch(cell) is not None
    ):
        cell = "'" + cell
    if len(cell) <= CELL_LIMIT // 2 or _units(cell) <= CELL_LIMIT:
        return cell, False
    note = _CUT.format(total)
    room = 2 * (CELL_LIMIT - _units(note))  # bytes of UTF-16
    kept = cell.encode("utf-16-le", "surrogatepass")[:room].decode("utf-16-le", "surrogatepass")
    if kept and "\ud800" <= kept[-1] <= "\udbff":  # half a character of two units
        kept = kept[:-1]
    return kept + note, True


def _units(text: str) -> int:
    """The length of `text` in UTF-16 code units, as spreadsheets count it."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def csv_writer(f: TextIO) -> Any:
    """`csv.writer(f)`, which on Python 3.10 refuses a field holding a NUL ("need to escape,
    but no escapechar set": an export of a note pasted with one failed there); 3.11 and later
    write it as any other character, and so does this on 3.10."""
    return csv.writer(f) if sys.version_info >= (3, 11) else _NulWriter(f)


class _NulWriter:
    """A `csv.writer` whose rows may hold NULs on Python 3.10: such a row is written with a
    stand-in character no field of it holds, put back as NUL after."""

    def __init__(self, f: TextIO) -> None:
        self._f, self._writer = f, csv.writer(f)

    def writerow(self, row: Iterable[Any]) -> None:
        row = list(row)
        texts = [v for v in row if isinstance(v, str)]
        if not any("\0" in v for v in texts):
            self._writer.writerow(row)
            return
        # a noncharacter, or the first character after them that no field holds
        used = set().union(*texts)
        stand_in = next(c for c in map(chr, range(0xFDD0, 0x110000)) if c not in used)
        buf = io.StringIO()
        swapped = [v.replace("\0", stand_in) if isinstance(v, str) else v for v in row]
        csv.writer(buf).writerow(swapped)
        self._f.write(buf.getvalue().replace(stand_in, "\0"))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def write_header(f: TextIO, columns: list[str], fmt: str, *, excel: bool = False) -> None:
    """Refuse an unknown format, then write what comes before the rows (CSV: BOM, header)."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r} (use csv or jsonl)")
    if excel and fmt != "csv":
        raise StoreError("--excel applies to CSV only, not JSONL")
    if fmt == "csv":
        if excel:
            f.write("\ufeff")  # the BOM spreadsheets need to read the file as UTF-8
        csv_writer(f).writerow(columns)


def write_rows(
    rows: Iterable[dict], f: TextIO, columns: list[str], fmt: str, *, excel: bool = False
) -> Written:
    """Write `rows` as JSONL or CSV rows (no header); returns what was written."""
    n = 0
    if fmt == "jsonl":
        for row in rows:
            line = json.dumps(row, ensure_ascii=False)
            for brk in _LINE_BREAKS:
                if brk in line:
                    line = line.replace(brk, f"\\u{ord(brk):04x}")
            f.write(line + "\n")
            n += 1
        return Written(n)
    writer = csv_writer(f)
    if not excel:
        for row in rows:
            writer.writerow([csv_cell(row.get(c)) for c in columns])
            n += 1
        return Written(n)
    cut = 0
    for row in rows:
        cells = []
        for c in columns:
            value = row.get(c)
            cell, was_cut = spreadsheet_cell(csv_cell(value), value)
            cells.append(cell)
            cut += was_cut
        writer.writerow(cells)
        n += 1
    return Written(n, cut)


def write_records(
    rows: Iterable[dict], f: TextIO, columns: list[str], fmt: str, *, excel: bool = False
) -> Written:
    """Write `rows` as JSONL or CSV (header `columns`); returns what was written."""
    write_header(f, columns, fmt, excel=excel)
    return write_rows(rows, f, columns, fmt, excel=excel)
