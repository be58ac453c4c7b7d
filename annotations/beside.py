"""Temporary files made beside a file, named after it within the folder's limit on a name.

An output is written beside its name and renamed over it; a name the file system takes (up to
255 bytes on most) got a temporary name longer than that, and the write failed with "File name
too long" for a name the shell writes (`> name`).
"""

from __future__ import annotations

import os
import secrets


def name_max(folder: str | os.PathLike) -> int:
    """The most bytes a name in `folder` may have (255 where the system does not say)."""
    try:
        return os.pathconf(os.fspath(folder) or ".", "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def temp_beside(target: str | os.PathLike, ending: str, room: int = 0) -> str:
    """A fresh name in `target`'s folder, `.NAME.RANDOM` + `ending`: NAME is `target`'s name,
    cut (never inside a character) so the whole, with `room` bytes more (for a file SQLite
    keeps beside a database, "-journal"), fits the folder's limit."""
    folder, name = os.path.split(os.fspath(target))
    tag = f".{secrets.token_hex(4)}{ending}"
    most = name_max(folder) - room - len(os.fsencode("." + tag))
    while name and len(os.fsencode(name)) > most:
        name = name[:-1]
    return os.path.join(folder, f".{name}{tag}")
