"""Blocks of an analysed story, held until the writer stores them: in memory while they are
small, pickled into a temporary file past `SPILL_BYTES`, so a story's millions of evidence pairs
are never all in memory, and the database's write lock is not held while the story is analysed.

A spool pickles as its blocks (in memory) or its file's path (spilled): a worker process hands
a big story to the writer for a few bytes. The file is removed once read back, or with its
folder (`import_folder`); a folder left by an import that was killed is removed by the next.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

SPILL_BYTES = 64_000_000  # about 100,000 claims' suggestions, or 3 million evidence pairs


PREFIX = "crossread-import-"


@contextlib.contextmanager
def import_folder() -> Iterator[str]:
    """A private temporary folder for an import's spools, named after this process and removed
    on exit; first, the folders of imports whose process is gone (killed) are removed."""
    for old in Path(tempfile.gettempdir()).glob(PREFIX + "*"):
        pid = old.name[len(PREFIX) :].split("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)  # another user's: not ours to remove
    with tempfile.TemporaryDirectory(prefix=f"{PREFIX}{os.getpid()}-") as folder:
        yield folder


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. another user's process
        return True
    return True


class Spool:
    def __init__(self, folder: str | None = None, limit: int | None = None) -> None:
        self.folder = folder  # where a spilled spool's file goes (default: the temp folder)
        self.limit = SPILL_BYTES if limit is None else limit
        self.blocks: list[Any] = []  # held in memory, in order, before any spilled block
        self.size = 0  # bytes the held blocks take, as the caller estimates them
        self.path: str | None = None
        self._file: IO[bytes] | None = None
        self.pairs = self.suggestions = 0  # what the blocks hold, for the user

    def add(self, block: Any, size: int) -> None:
        """Keep `block`, which takes about `size` bytes in memory."""
        if self.path is None and self.size + size <= self.limit:
            self.blocks.append(block)
            self.size += size
            return
        if self.path is None:  # from now on every block goes to the file, in order
            fd, self.path = tempfile.mkstemp(prefix="crossread-", suffix=".spool", dir=self.folder)
            self._file = os.fdopen(fd, "wb")
            for held in self.blocks:
                pickle.dump(held, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self.blocks, self.size = [], 0
        assert self._file is not None, "a spool is written, then read"
        pickle.dump(block, self._file, protocol=pickle.HIGHEST_PROTOCOL)

    def done(self) -> Spool:
        """Writing is over (a spilled file is closed): the spool can be read or sent."""
        if self._file is not None:
            self._file.close()
            self._file = None
        return self

    def __iter__(self) -> Iterator[Any]:
        """The blocks, in the order they were added (each read once: memory is given back)."""
        self.done()
        self.blocks.reverse()
        while self.blocks:
            yield self.blocks.pop()
        if self.path is not None:
            with open(self.path, "rb") as f:
                while True:
                    try:
                        yield pickle.load(f)
                    except EOFError:
                        break
            self.discard()

    def discard(self) -> None:
        self.done()
        self.blocks = []
        if self.path is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path)
            self.path = None

    def __getstate__(self) -> dict:
        self.done()
        return {k: v for k, v in self.__dict__.items() if k != "_file"} | {"_file": None}
