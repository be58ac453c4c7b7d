"""The folder the app was started in removed while it runs (another shell, a clean-up): the
database, named by its full path, is still there, and the work goes on."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from reader.ui.app import build_app
from reader.ui.dialogs import ExportScreen
from ui.helpers import REVIEWER, labels


async def test_the_current_folder_removed_meanwhile_is_no_crash(
    seeded_db: str, tmp_path: Path, monkeypatch
) -> None:
    # the next key ended the app with FileNotFoundError (os.getcwd) from the status line,
    # and s from the export dialog's full path
    db = str(tmp_path / seeded_db)
    here = tmp_path / "work"
    here.mkdir()
    monkeypatch.chdir(here)
    app = build_app(db, REVIEWER)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        shutil.rmtree(here)
        with pytest.raises(FileNotFoundError):  # (the premise: the app has no current folder)
            os.getcwd()
        await pilot.press("c", "s")
        assert isinstance(app.screen, ExportScreen)
        shown = str(app.screen.query_one("#export-full-path", Static).content)
        assert shown.endswith(
            "(relative to the current folder, which no longer exists: not written)"
        ), shown
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-path").value = str(tmp_path / "labels.csv")
        await pilot.press("enter")
        assert not isinstance(app.screen, ExportScreen)
        assert app.is_running
    assert len(labels(db)) == 1
    assert (tmp_path / "labels.csv").read_text().count("\n") == 2
