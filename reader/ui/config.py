"""The user's settings file: theme, auto-advance, what space does, and a keymap.

One TOML file, `config.toml` in the user's config folder (platformdirs; `$CROSSREAD_CONFIG_DIR`
overrides it, which is how the tests keep away from the developer's own file):

    theme = "textual-dark"
    auto_advance = true      # move to the next claim after c / x / u / a
    space_advances = false   # space clears the tag and stays on the claim

    [keys]                   # binding id = keys, comma-separated (see `?` for the ids' keys)
    tag_consistent = "c"
    next_claim = "j,down"

Read inside functions, never at import. A problem gives one line naming the key, and that
setting (or, for a file that is not TOML, every setting) falls back to its default. Plain
Python: the CLI can read it without Textual.
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

FILE_NAME = "config.toml"
MAX_BYTES = 1_000_000  # a settings file is a few lines; anything larger is not one
ENV_DIR = "CROSSREAD_CONFIG_DIR"
_KEY = re.compile(r"^[\w+\-]+$")  # one key name: "j", "ctrl+z", "question_mark", "down"


@dataclass
class Config:
    theme: str | None = None  # None: Textual's default
    auto_advance: bool = True
    space_advances: bool = False
    keys: dict[str, str] = field(default_factory=dict)  # binding id -> "key,key"
    problems: list[str] = field(default_factory=list)  # one line each, for the user


def config_path() -> Path:
    """Where the config file is (it need not exist)."""
    folder = os.environ.get(ENV_DIR)
    if not folder:
        from platformdirs import user_config_dir

        folder = user_config_dir("crossread", appauthor=False)
    return Path(folder) / FILE_NAME


def load_config(path: Path | None = None) -> Config:
    """The settings in the file, defaults for anything missing or wrong (see `problems`)."""
    path = path or config_path()
    config = Config()
    try:
        os.lstat(path)
    except FileNotFoundError:  # no settings file: the defaults, nothing to say
        return config
    except OSError as exc:
        # $CROSSREAD_CONFIG_DIR naming the config file itself, or a folder one cannot enter:
        # the settings were ignored without a word
        config.problems.append(
            f"{path}: cannot read it ({_reason(exc, path.parent)}); using the defaults"
        )
        return config
    try:
        text = _read(path)
    except (ValueError, UnicodeDecodeError) as exc:
        config.problems.append(f"{path}: cannot read it ({exc}); using the defaults")
        return config
    tomllib = _tomllib()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        config.problems.append(f"{path}: not valid TOML ({exc}); using the defaults")
        return config
    for key, value in data.items():
        config.problems += [f"{path}: {problem}" for problem in _apply(config, key, value)]
    return config


def _reason(exc: OSError, folder: Path) -> str:
    if isinstance(exc, NotADirectoryError):
        return f"{folder} is a file, not a folder"
    return exc.strerror or str(exc)


def _read(path: Path) -> str:
    """The file's text; ValueError (or UnicodeDecodeError) with a one-line reason. A FIFO is
    refused, not waited for: the app would not start until something wrote to it."""
    from reader.corpus.loader import ArticleError, read_regular

    try:
        return read_regular(path, MAX_BYTES).decode("utf-8")
    except ArticleError as exc:
        raise ValueError(str(exc)) from None


def _tomllib():
    """The TOML parser, imported only when there is a file to parse: it costs the app's start
    2 ms, and most starts have no config file."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib


def _apply(config: Config, key: str, value: object) -> list[str]:
    """Set one top-level setting; its problems in words (one line each)."""
    if key == "theme":
        if not isinstance(value, str) or not value:
            return ["theme must be a theme name in quotes; using the default"]
        config.theme = value
    elif key in ("auto_advance", "space_advances"):
        if not isinstance(value, bool):
            return [f"{key} must be true or false; using the default"]
        setattr(config, key, value)
    elif key == "keys":
        if not isinstance(value, dict):
            return ["keys must be a [keys] table; using the default keys"]
        problems = []
        for action, keys in value.items():
            names = keys.split(",") if isinstance(keys, str) else []
            if not names or not all(_KEY.match(k.strip()) for k in names):
                # only this action keeps its default: one typo dropped every rebinding after it
                problems.append(
                    f'keys.{action} must be keys in quotes, e.g. "j,down"; {action} keeps its '
                    "default keys"
                )
                continue
            config.keys[action] = ",".join(k.strip() for k in names)
        return problems
    else:
        return [f"unknown setting {key!r} (known: theme, auto_advance, space_advances, [keys])"]
    return []


def without_clashes(
    defaults: dict[str, str], keymap: dict[str, str]
) -> tuple[dict[str, str], list[str]]:
    """`keymap` (binding id -> "key,key") less each rebinding that gives a key another action
    also has, and a line for each: that action keeps its default keys. A key pressed for one
    thing must never do another (`tag_unverified = "c"` made c, still shown as consistent in
    help, tag claims unverified). Actions may swap keys: only the keys in use at the end count.
    """
    keymap = dict(keymap)
    problems: list[str] = []
    while True:
        owner: dict[str, str] = {}
        clash = None
        for action, keys in {**defaults, **keymap}.items():
            for key in filter(None, (k.strip() for k in keys.split(","))):
                other = owner.setdefault(key, action)
                if other != action:
                    clash = (key, other, action)
                    break
            if clash:
                break
        if clash is None:
            return keymap, problems
        key, first, second = clash
        blamed, kept = (second, first) if second in keymap else (first, second)
        problems.append(
            f"config: keys.{blamed}: {key} is also the key of {kept}; {blamed} keeps its "
            f"default keys ({defaults[blamed]})"
        )
        del keymap[blamed]


def save_theme(theme: str, path: Path | None = None) -> str | None:
    """Remember the theme in the config file, keeping the rest of it as written.

    Returns a one-line problem, or None. A file that is not valid TOML is left alone.
    """
    from annotations.output import open_output  # (when a theme is picked, not at start)
    from annotations.store import StoreError

    path = path or config_path()
    tomllib = _tomllib()
    try:
        text = _read(path) if os.path.lexists(path) else ""
        tomllib.loads(text)
    except (ValueError, tomllib.TOMLDecodeError):
        return f"{path}: not changed (it cannot be read as TOML); the theme is not remembered"
    line = f"theme = {json.dumps(theme)}"
    lines = text.splitlines()
    for i, old in enumerate(lines):
        if old.lstrip().startswith("["):
            lines.insert(0, line)  # top-level keys come before the first table
            break
        if re.match(r"^\s*theme\s*=", old):
            lines[i] = line
            break
    else:
        lines.insert(0, line)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"{path}: could not save the theme ({exc.strerror or exc})"
    try:
        # as an export is written: a link's target (one's dotfiles), every name of a hard link,
        # its mode kept, through a temp file of its own (two apps saving at once each wrote
        # one "config.toml.tmp", and one renamed the other's half-written file into place)
        with open_output(path) as f:
            f.write("\n".join(lines) + "\n")
    except StoreError as exc:
        return f"the theme is not remembered: {exc}"
    return None
