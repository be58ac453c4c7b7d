"""A new reviewer's walk through the app at 80x24: what a person sees after each key."""

from __future__ import annotations

from reader.ui.app import build_app
from reader.ui.dialogs import ConfirmScreen
from ui.helpers import REVIEWER

SMALL = (80, 24)


async def test_accept_all_names_the_article_by_its_source(sourced_db: str) -> None:
    app = build_app(sourced_db, REVIEWER)
    async with app.run_test(size=SMALL) as pilot:
        for _ in range(len(app.review.articles)):
            if app.review.acceptable():
                break
            await pilot.press("right_square_bracket")
        source = app.review.source_of(app.review.article.name)
        await pilot.press("A")
        assert isinstance(app.screen, ConfirmScreen)
        assert source in app.screen.question
        assert ".txt" not in app.screen.question
