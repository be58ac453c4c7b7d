"""An article that copies another is marked so in the article list."""

from __future__ import annotations

from pathlib import Path

from reader.ui.app import build_app
from ui.conftest import import_into
from ui.helpers import REVIEWER, screen_lines, settled

REPORT = [
    "The Marrow river flood forced 3,000 residents of Dunmore from their homes on Monday.",
    "Engineers opened the Karsby sluice gates at the reservoir late on Sunday night.",
    "The mayor said the old market quarter would stay closed until the water fell.",
]


async def test_a_copy_is_marked_in_the_article_list(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "flood"
    story.mkdir()
    (story / "a.txt").write_text("Flood in Dunmore\n\n" + " ".join(REPORT) + "\n")
    (story / "b.txt").write_text("Dunmore flooded\n\n" + " ".join(REPORT) + "\n")
    (story / "c.txt").write_text("Residents leave\n\nVolunteers stacked sandbags overnight.\n")
    import_into("review.db", story)
    app = build_app("review.db", REVIEWER)
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(app, pilot)
        shown = "\n".join(screen_lines(app))
        assert "⚠ a copy of a.txt" in shown, shown
        assert shown.count("⚠") == 1  # a.txt, the first, and c.txt are no copies
