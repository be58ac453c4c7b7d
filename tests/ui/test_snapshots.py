"""SVG snapshots of the screens (regenerate with --snapshot-update, then look at them)."""

from __future__ import annotations

from reader.ui.app import build_app
from ui.helpers import REVIEWER

# tag three claims first so the snapshots show the label marks and the progress bar
TAGGED = ["c", "x", "u"]


def test_main_screen_80x24(seeded_db: str, snap_compare) -> None:
    assert snap_compare(build_app(seeded_db, REVIEWER), press=TAGGED, terminal_size=(80, 24))


def test_main_screen_160x48(seeded_db: str, snap_compare) -> None:
    assert snap_compare(build_app(seeded_db, REVIEWER), press=TAGGED, terminal_size=(160, 48))


def test_help_screen(seeded_db: str, snap_compare) -> None:
    assert snap_compare(
        build_app(seeded_db, REVIEWER), press=["question_mark"], terminal_size=(100, 40)
    )


def test_export_dialog(seeded_db: str, snap_compare) -> None:
    assert snap_compare(build_app(seeded_db, REVIEWER), press=["s"], terminal_size=(100, 32))
