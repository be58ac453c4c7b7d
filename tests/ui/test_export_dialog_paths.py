"""The export dialog given paths a reviewer may type that the system cannot take: it says so
in the dialog and the app goes on, never a traceback."""

from __future__ import annotations

import os
import threading
import time
from contextlib import suppress
from pathlib import Path

import pytest
from textual.widgets import Static

from reader.ui.app import build_app
from reader.ui.dialogs import ConfirmScreen, ExportScreen
from ui.helpers import REVIEWER, labels

SIZE = (120, 36)
LONG = "a" * 300  # longer than a file name may be (255 bytes)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        # "~ana/labels.csv" typed letter by letter passes "~a": a user this system lacks
        ("~a", "in the home folder of ~a, a user this system does not have"),
        ("~nosuchuser-xyz/labels.csv", "in the home folder of ~nosuchuser-xyz, a user this"),
        (f"{LONG}.csv", "a path this system refuses (file name too long)"),
        (f"out/{LONG}/labels.csv", "a path this system refuses (file name too long)"),
    ],
    ids=["~a", "~user/file", "long name", "long folder"],
)
async def test_a_path_the_system_cannot_take_is_refused_in_the_export_dialog(
    seeded_db: str, tmp_path: Path, typed: str, said: str
) -> None:
    # typing "~a" or a 256th letter ended the app with RuntimeError / OSError (File name too
    # long) from the dialog's check of the path, as it was typed
    (tmp_path / "out").mkdir()
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("c", "s")
        app.screen.query_one("#export-path").value = typed
        await pilot.pause()
        shown = str(app.screen.query_one("#export-full-path", Static).content)
        assert said in shown and shown.endswith(": not written)"), shown
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)  # the reviewer fixes the path
        assert any(said in n.message for n in app._notifications)
        app.screen.query_one("#export-path").value = "labels.csv"
        await pilot.press("enter")
        assert not isinstance(app.screen, ExportScreen)
        assert app.is_running
    assert (tmp_path / "labels.csv").read_text().count("\n") == 2  # header and the one label
    assert len(labels(seeded_db)) == 1


async def test_an_export_into_a_fifo_no_program_reads_says_so_and_the_app_goes_on(
    seeded_db: str, tmp_path: Path
) -> None:
    # the export waited on the UI's thread for a program to open the FIFO: the screen froze,
    # no key (q neither) did anything, until one came (here a reader after 5 s, so the old
    # code fails rather than hangs)
    fifo = tmp_path / "labels.fifo"
    os.mkfifo(fifo)
    late = threading.Timer(5, lambda: fifo.open("rb").read())
    late.start()
    try:
        app = build_app(seeded_db, REVIEWER)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.press("c", "s")
            app.screen.query_one("#export-path").value = str(fifo)
            started = time.monotonic()
            await pilot.press("enter")
            if isinstance(app.screen, ConfirmScreen):  # (the old dialog asked to "replace" it)
                await pilot.press("y")
            await pilot.press("c")
            assert time.monotonic() - started < 3
            said = [n.message for n in app._notifications]
            assert f"Export failed: cannot write {fifo}: no program is reading it" in said[-1]
        assert len(labels(seeded_db)) == 2
    finally:
        if late.is_alive():  # (the reader is still waiting: give it the writer it waits for)
            late.cancel()
            with suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        late.join()


async def test_an_export_into_a_fifo_a_program_reads_is_written_into_unasked(
    seeded_db: str, tmp_path: Path
) -> None:
    # the dialog said "(exists: asks before replacing)" and asked "Replace it?": a FIFO (or
    # /dev/null) is written into, never replaced
    fifo = tmp_path / "labels.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a program reading it, as `cat` would
    got: list[bytes] = []
    try:
        app = build_app(seeded_db, REVIEWER)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.press("c", "s")
            app.screen.query_one("#export-path").value = str(fifo)
            await pilot.pause()
            shown = str(app.screen.query_one("#export-full-path", Static).content)
            assert shown.endswith("(not a file: written into, not replaced)"), shown
            await pilot.press("enter")
            await pilot.pause()
            assert not isinstance(app.screen, (ExportScreen, ConfirmScreen))
            said = [n.message for n in app._notifications]
            assert said[-1] == f"Wrote 1 row to {fifo}"
            got.append(os.read(reader, 1 << 20))
    finally:
        os.close(reader)
    assert fifo.is_fifo()  # written into, never replaced
    assert got[0].decode().startswith("story,article,") and got[0].count(b"\n") == 2


async def test_a_path_ending_in_a_slash_is_refused_in_the_export_dialog(
    seeded_db: str, tmp_path: Path
) -> None:
    # "exports/" (a folder, meant to be made) wrote a file named "exports", where the command
    # line refuses `-o exports/`: the dialog's path had lost its slash
    app = build_app(seeded_db, REVIEWER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("c", "s")
        app.screen.query_one("#export-path").value = "exports/"
        await pilot.pause()
        shown = str(app.screen.query_one("#export-full-path", Static).content)
        assert shown.endswith("exports/  (a folder's name (it ends in /): not written)"), shown
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)
    assert not (tmp_path / "exports").exists()
