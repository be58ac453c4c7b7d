"""Writing records safely as CSV or JSONL: to a stream, or to a path via a temp file and a rename.

Shared by `crossread export` and `crossread suggest`, so both have the same guarantees: a failed
write never leaves a half-written file nor harms a previous one.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from annotations.store import StoreError

FORMATS = ("csv", "jsonl")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@contextmanager
def open_output(
    out: str | os.PathLike | TextIO, *, protect: Iterable[tuple[str | os.PathLike, str]] = ()
) -> Iterator[TextIO]:
    """Yield a text stream for `out`: "-" is stdout, a stream is used as is, a path is atomic.

    An existing file at the path is replaced (as `-o` does everywhere), except the files in
    `protect`, pairs of (path, what it is): an export typed over the database or over an input
    article would destroy it. Raises StoreError with a one-line message.
    """
    if out == "-":
        yield sys.stdout
        return
    if not isinstance(out, (str, os.PathLike)):
        yield out
        return
    path = Path(out)
    if not path.parent.is_dir():
        raise StoreError(f"cannot write {path}: folder {path.parent} does not exist")
    if path.is_dir():
        raise StoreError(f"cannot write {path}: it is a folder")
    for other, what in protect:
        if path.exists() and Path(other).exists() and path.samefile(other):
            raise StoreError(f"cannot write {path}: it is {what}; nothing was written")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        # newline="" so csv's row ends and newlines inside cells are written exactly as given
        with open(fd, "w", encoding="utf-8", newline="") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as e:
        raise StoreError(f"cannot write {path}: {e.strerror or e}") from None
    finally:
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)


def csv_cell(value: object, *, excel: bool = False) -> str:
    """A value as a CSV cell: lists as JSON arrays ("" when empty), None as ""."""
    if value is None:
        cell = ""
    elif isinstance(value, list):
        cell = json.dumps(value, ensure_ascii=False) if value else ""
    else:
        cell = str(value)
    if excel and cell.startswith(_FORMULA_START):
        cell = "'" + cell
    return cell


def write_records(
    rows: Iterable[dict], f: TextIO, columns: list[str], fmt: str, *, excel: bool = False
) -> int:
    """Write `rows` as JSONL or CSV (header `columns`); returns the number of rows."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r} (use csv or jsonl)")
    if excel and fmt != "csv":
        raise StoreError("--excel applies to CSV only, not JSONL")
    n = 0
    if fmt == "jsonl":
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
        return n
    if excel:
        f.write("\ufeff")  # the BOM spreadsheets need to read the file as UTF-8
    writer = csv.writer(f)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(c), excel=excel) for c in columns])
        n += 1
    return n
