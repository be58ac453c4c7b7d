"""Help at 80x24: says how to close it, scrolls to its last line, names the article's source;
the footer leads with the focused pane's keys."""

from __future__ import annotations

from reader.ui.app import build_app
from reader.ui.help import HelpScreen
from ui.helpers import REVIEWER, screen_lines


async def test_help_fits_80x24_scrolls_and_escape_closes_it(sourced_db: str) -> None:
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = "\n".join(screen_lines(app))
        assert "Esc closes" in shown
        assert "The Wall Street Journal" in shown and "2022-01-10" in shown
        assert "quit (every tag is already saved)" not in shown  # below the fold at first
        for _ in range(40):
            await pilot.press("j")
        await pilot.pause()
        assert "quit (every tag is already saved)" in "\n".join(screen_lines(app))
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_footer_leads_with_the_focused_panes_keys(sourced_db: str) -> None:
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert footer.split()[:4] == ["c", "Consistent", "x", "Contradicted"]
        assert "? Help" in footer and "a Accept" in footer  # the first claim has a suggestion
        app.query_one("#evidence").focus()
        await pilot.pause()
        assert screen_lines(app)[-1].lstrip().startswith("PgDn PgUp Scroll")
