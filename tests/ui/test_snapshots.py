"""SVG snapshots of the screens (regenerate with --snapshot-update, then look at them)."""

from __future__ import annotations

from reader.ui.app import build_app
from ui.helpers import REVIEWER

# tag three claims first so the snapshots show the label marks and the progress bar
TAGGED = ["c", "x", "u"]


# the main screen with sources from front matter: test_layout.py asserts what these must show
# (the sources, the headline, at least three evidence candidates)
def test_main_screen_80x24(sourced_db: str, snap_compare) -> None:
    assert snap_compare(build_app(sourced_db, REVIEWER), press=TAGGED, terminal_size=(80, 24))


def test_main_screen_200x50(sourced_db: str, snap_compare) -> None:
    assert snap_compare(build_app(sourced_db, REVIEWER), press=TAGGED, terminal_size=(200, 50))


def test_help_screen(seeded_db: str, snap_compare) -> None:
    assert snap_compare(
        build_app(seeded_db, REVIEWER), press=["question_mark"], terminal_size=(80, 24)
    )


def test_export_dialog(seeded_db: str, snap_compare) -> None:
    async def fixed_path(pilot) -> None:  # the default path is under a tmp folder of each run
        await pilot.press("s")
        # in a folder every machine has: a missing folder is refused in the dialog
        pilot.app.screen.query_one("#export-path").value = "/labels.csv"

    assert snap_compare(
        build_app(seeded_db, REVIEWER), run_before=fixed_path, terminal_size=(100, 32)
    )
