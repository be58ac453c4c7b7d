"""The command word: mistyped commands are named as such; shell completion offers commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def crossread(*args: str, env: dict | None = None, cwd: Path | None = None):
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True, text=True, timeout=60, env={**os.environ, **(env or {})}, cwd=cwd,
    )  # fmt: skip


def test_a_mistyped_command_is_called_one_and_the_nearest_is_suggested(tmp_path: Path) -> None:
    for typo, meant in (("exprot", "export"), ("imprt", "import"), ("stat", "stats")):
        proc = crossread(typo, cwd=tmp_path)
        assert proc.returncode == 2
        assert proc.stderr.strip() == (
            f"crossread: error: no such command: {typo} (did you mean `crossread {meant}`?)"
        )
    assert list(tmp_path.iterdir()) == []  # and no database was created for it


def test_a_folder_named_like_a_command_typo_still_opens_as_a_path(tmp_path: Path) -> None:
    (tmp_path / "exprot").mkdir()
    proc = crossread("exprot", "--db", "x.db", cwd=tmp_path)
    assert "no such command" not in proc.stderr and "no articles" in proc.stderr


def complete(words: str, cword: int) -> list[str]:
    env = {"_CROSSREAD_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    proc = crossread(env=env)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


def test_shell_completion_offers_the_subcommands_and_their_options() -> None:
    assert "plain,export" in complete("crossread ex", 1)
    first = complete("crossread ", 1)
    for command in ("open", "import", "export", "stats", "suggest"):
        assert f"plain,{command}" in first
    assert "file," in first  # `crossread PATH` still completes paths
    assert "plain,--format" in complete("crossread export --f", 2)
