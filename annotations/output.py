"""Writing an export safely: to a stream, or to a path via a temporary file and an atomic rename."""

from __future__ import annotations

import csv
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from annotations.store import StoreError


@contextmanager
def open_output(out: str | Path | TextIO, *, bom: bool = False) -> Iterator[TextIO]:
    """Yield a text stream for `out`; a path is only replaced once everything was written.

    "-" means standard output. A failure part-way leaves any previous file at the path untouched.
    """
    if out == "-":
        out = sys.stdout
    if not isinstance(out, (str, Path)):
        if bom:
            out.write("\ufeff")
        yield out
        return
    target = Path(out)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise StoreError(f"cannot write {target}: folder {folder} does not exist")
    if target.is_dir():
        raise StoreError(f"cannot write {target}: it is a folder")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        # newline="" so the csv module's \r\n row ends and embedded newlines are written as given
        with os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_csv_rows(fh: TextIO, columns: list[str], rows: Iterable[dict]) -> int:
    """Write a header and `rows` as CSV (UTF-8, minimal quoting); returns the number of rows."""
    writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n
