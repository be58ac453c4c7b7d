"""The suggestion's reason names articles by their source, as the rest of the screen does."""

from __future__ import annotations

from pathlib import Path

from reader.ui.app import build_app
from ui.conftest import import_into
from ui.helpers import REVIEWER, screen_lines, settled


async def test_a_file_name_ending_another_is_named_by_its_own_source(
    tmp_path: Path, monkeypatch
) -> None:
    # "bbc.txt" was replaced inside "cbbc.txt" first: the reason said "in cBBC News"
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "fire"
    story.mkdir()
    (story / "bbc.txt").write_text(
        "---\nsource: BBC News\n---\nThe mayor said on Monday that 12 people died in the fire.\n"
    )
    (story / "cbbc.txt").write_text(
        "---\nsource: CBBC Newsround\n---\n"
        "The mayor said on Monday that 14 people died in the fire.\n"
    )
    import_into("review.db", story)
    app = build_app("review.db", REVIEWER)
    async with app.run_test(size=(200, 40)) as pilot:
        await settled(app, pilot)
        shown = "\n".join(screen_lines(app))
        assert "'14 people' in CBBC Newsround" in shown, shown
        assert "cBBC" not in shown
