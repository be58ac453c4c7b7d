"""Only the UI imports Textual: the core must import (and the CLI start) without it."""

import subprocess
import sys

CHECK = r"""
import importlib, pkgutil, sys
import annotations, reader
names = []
for pkg in (annotations, reader):
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        if info.name.startswith(("reader.ui", "reader.__main__", "reader.seeds")):
            continue
        names.append(info.name)
        importlib.import_module(info.name)
assert "reader.cli.main" in names and "annotations.store" in names, names
leaked = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print("LEAKED" if leaked else "CLEAN", len(names), leaked[:3])
"""


def test_core_modules_import_without_textual() -> None:
    out = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True
    ).stdout
    assert out.startswith("CLEAN"), out


def test_cli_commands_that_show_no_screen_do_not_load_textual(tmp_path) -> None:
    code = (
        "import sys; from click.testing import CliRunner; from reader.cli.main import main;"
        f"r = CliRunner().invoke(main, ['import', {str(tmp_path / 'story')!r}, '--db', "
        f"{str(tmp_path / 'x.db')!r}]);"
        "print('textual' in sys.modules, r.exit_code)"
    )
    (tmp_path / "story").mkdir()
    (tmp_path / "story" / "a.txt").write_text("One claim here. Another claim there.\n")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "0"]
