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
import secrets
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

SPILL_BYTES = 64_000_000  # about 100,000 claims' suggestions, or 3 million evidence pairs


PREFIX = "crossread-import-"


@contextlib.contextmanager
def import_folder() -> Iterator[str | None]:
    """Where an import's spools go: a private temporary folder named after this process, made
    only when a story spills into it and removed on exit; first, the folders of imports whose
    process is gone (killed) are removed. None when there is no usable temporary folder: most
    imports never spill, and need none (the app opened on no story with /tmp read-only)."""
    try:
        tmp = tempfile.gettempdir()
    except OSError:
        yield None  # (a spill says what to do)
        return
    for old in Path(tmp).glob(PREFIX + "*"):
        pid = old.name[len(PREFIX) :].split("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)  # another user's: not ours to remove
    # a random part: no one else can know the name to make it first
    folder = os.path.join(tmp, f"{PREFIX}{os.getpid()}-{secrets.token_hex(8)}")
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _made(folder: str | None) -> str | None:
    """`folder`, made private by the first spool that spills into it (worker processes race)."""
    if folder is None:
        return None
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        st = os.lstat(folder)
        if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
            raise OSError(f"{folder} is not this import's own folder") from None
    return folder


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
            try:
                fd, self.path = tempfile.mkstemp(
                    prefix="crossread-", suffix=".spool", dir=_made(self.folder)
                )
            except OSError as exc:
                raise OSError(
                    "a story too big to analyse in memory waits in a temporary file, and none "
                    f"could be made ({exc.strerror or exc}): set TMPDIR to a folder you may "
                    "write into"
                ) from None
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
